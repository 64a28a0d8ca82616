#!/bin/sh
# Each program links the libraries it uses and no other, whatever the
# linker's --as-needed default: the link line make would run (make -n -B,
# which touches no file) names libcurl for irm-fetch alone and nothing but
# libm for irm-gen, irm-fetch links no libcrypto of its own, and where
# readelf is, only irm-fetch's binary on PATH needs libcurl (and not
# libcrypto) and irm-gen's no library beyond the C runtime.
. "$(dirname "$0")/lib.sh"
tools=$(cd "$TOP/cmd" && ls irm-*.c | sed 's/\.c$//')
plan $(($(echo "$tools" | wc -l) * 2))
for t in $tools; do
	libs=$(make -s -n -B -C "$TOP" --no-print-directory "cmd/$t" 2>&1 |
	    grep -- "-o cmd/$t " | tr ' ' '\n' | grep '^-l' | sort -u | tr '\n' ' ')
	case $t in
	irm-fetch) bad=$(echo "$libs" | grep -v -- '-lcurl ' || echo "$libs" |
	    grep -- '-lcrypto ') ;;
	irm-gen) bad=$(echo "$libs" | grep -vx -- '-lm ') ;;
	*) bad=$(echo "$libs" | grep -- '-lcurl ') ;;
	esac
	if [ -n "$libs" ] && [ -z "$bad" ]; then
		ok "$t links $libs"
	else
		not_ok "$t links '$libs'"
	fi
	bin=$(command -v "$t")
	if ! command -v readelf >/dev/null 2>&1 || [ -z "$bin" ]; then
		ok "$t: needed libraries # SKIP no readelf or no $t"
		continue
	fi
	# The libraries beyond the C runtime's (libc, libm, the sanitizers').
	need=$(readelf -d "$bin" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' |
	    grep -vE '^(libc|libm|libasan|libubsan|libgcc_s|libstdc\+\+)\.so' |
	    tr '\n' ' ')
	case $t:$need in
	irm-fetch:*libcrypto*) not_ok "$t needs libcrypto: $need" ;;
	irm-fetch:*libcurl* | irm-gen:) ok "$t needs ${need:-only the C runtime}" ;;
	irm-gen:* | irm-fetch:*) not_ok "$t needs $need" ;;
	*:*libcurl*) not_ok "$t needs libcurl: $need" ;;
	*) ok "$t needs $need" ;;
	esac
done
done_testing
