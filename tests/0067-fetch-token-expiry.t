#!/bin/sh
# irm-fetch o365 and its tokens and content lifetimes: a 401 that persists
# after one new token ends the run (exit 3, the service's message, no
# loop); content that expires between its listing and its download is
# reported with its window, the rest written and kept in the state (exit
# 1); a short-lived token is renewed before it expires, so a long run sees
# no 401 and loses no record.
. "$(dirname "$0")/lib.sh"
. "$TESTS/emulator/emu.sh"

plan 19

# --- A 401 that a new token does not cure.
emu_gen 7 $((NOW - 25 * 3600)) 24
emu_start
emu_fault 401 blob
emu_fault 401 blob
emu_fault 401 blob
fetch --since 26h -v -s "$TMP/state1" -o "$TMP/out1" 2>"$TMP/err1"
check "persistent 401: exit 3" test $? = 3
check "persistent 401: the service's code and message, last" sh -c \
    "tail -1 '$TMP/err1' | grep -q '^irm-fetch: $EMU/api/v1.0/$TENANT/activity/feed/audit/[^ ]*: HTTP 401: AF401: Authorization has been denied for this request.\$'"
check "persistent 401: two tokens in all (one refresh)" \
    test "$(grep -c 'oauth2/token 200$' "$EMU_DIR/requests.log")" = 2
check "persistent 401: the blob was asked for twice, then the run ended" sh -c \
    "test \$(grep -c '/audit/.* 401\$' '$EMU_DIR/requests.log') = 2 &&
    test \$(grep -c '/audit/' '$EMU_DIR/requests.log') = 2"
check "persistent 401: the third 401 was never served" \
    grep -qx '401 blob' "$EMU_DIR/faults"
check "persistent 401: one new token announced" \
    test "$(grep -c 'HTTP 401; fetching a new token' "$TMP/err1")" = 1
check "persistent 401: nothing written, no blob in the state" sh -c \
    "! test -s '$TMP/out1' && { ! test -e '$TMP/state1' || perl -MJSON::PP -e 'local \$/; open F, \$ARGV[0] or die;
	exit !!%{decode_json(<F>)->{seen}}' '$TMP/state1'; }"
: >"$EMU_DIR/faults"

# --- Content that expires between its listing and its download: six
# hours of SharePoint content from 7 days back; after the first blob the
# emulated clock jumps 3 hours, and the blobs of the first 3 hours expire
# (AF20051) although the listing promised them.
emu_stop
emu_gen 5 $((NOW - 7 * 86400)) 6
emu_start
TYPE=Audit.SharePoint
# want: the records of the blobs listed and still there; expired: one
# warning per expired blob; seen: their ids.
perl -MJSON::PP -e '
	local $/; open F, $ARGV[0] or die; my ($now, $type, $dir) = @ARGV[1 .. 3];
	my $json = JSON::PP->new->canonical->utf8;
	my $floor = $now - 7 * 86400 + 300;
	my @l = sort { $a->{created} <=> $b->{created} || $a->{id} cmp $b->{id} }
	    grep { $_->{type} eq $type && $_->{created} >= $floor } @{decode_json(<F>)};
	my $iso = sub { my @t = gmtime($_[0]); sprintf("%04d-%02d-%02dT%02d:%02d:%02d.000Z",
	    $t[5] + 1900, $t[4] + 1, @t[3, 2, 1, 0]) };
	open W, ">", "$dir/want" or die; open X, ">", "$dir/expired" or die;
	open S, ">", "$dir/seen" or die;
	for my $i (0 .. $#l) {
		my $b = $l[$i];
		if ($i > 0 && $b->{created} <= $now - 7 * 86400 + 3 * 3600) {
			printf X "irm-fetch: %s: content created %s expired before it was fetched (window %s to %s)\n",
			    $type, $iso->($b->{created}), $iso->($floor), $iso->($floor + 86400);
			next;
		}
		print S "$b->{id}\n";
		print W $json->encode($_), "\n" for @{$b->{records}};
	}' "$EMU_DIR/content.json" "$NOW" "$TYPE" "$TMP"
sort "$TMP/want" >"$TMP/want_sorted"
check "the content has blobs before, in and after the expired hours" sh -c \
    "test \$(wc -l <'$TMP/expired') -ge 1 && test \$(wc -l <'$TMP/seen') -ge 3"
emu_fault clock+10800 'blob 1'
fetch --content-type "$TYPE" --since 7d -s "$TMP/state2" -o "$TMP/out2" 2>"$TMP/err2"
check "expired between listing and download: exit 1" test $? = 1
check_same "each expired blob is reported with its window" "$TMP/err2" "$TMP/expired"
check "the service said AF20051 for each" test \
    "$(grep -c '/audit/.* 400$' "$EMU_DIR/requests.log")" = "$(wc -l <"$TMP/expired")"
sort "$TMP/out2" >"$TMP/got"
check_same "the other blobs are written, each once" "$TMP/got" "$TMP/want_sorted"
perl -MJSON::PP -e 'local $/; open F, $ARGV[0] or die; my $s = decode_json(<F>);
	print "$_\n" for sort keys %{$s->{seen}}; print "cursor $s->{cursors}{$ARGV[1]}\n"' \
    "$TMP/state2" "$TYPE" >"$TMP/got_state"
{ sort "$TMP/seen"; echo "cursor 2026-03-10T00:00:00.000Z"; } >"$TMP/want_state"
check_same "the state holds every blob written, none expired, and the cursor at now" \
    "$TMP/got_state" "$TMP/want_state"
NOW=$((NOW + 4 * 3600))
fetch --content-type "$TYPE" -s "$TMP/state2" -o "$TMP/out2" 2>"$TMP/err3"
check "the next run from the state: exit 0, nothing written again" sh -c \
    "test $? = 0 && test \$(wc -l <'$TMP/out2') = \$(wc -l <'$TMP/want')"
NOW=1773100800

# --- A token that lives 4 s, a run of about 5 s (blobs answered after
# 200 ms): irm-fetch renews it ahead of expiry (at half its life when it
# is this short), so no request is refused.
emu_stop
printf '{"tenant":"%s","client_id":"%s","secret":"%s","token_ttl":4,"page_size":3,"delay_ms":200}\n' \
    "$TENANT" "$CLIENT" "$SECRET" >"$EMU_DIR/config.json"
emu_gen 9 $((NOW - 7 * 3600)) 6
emu_start
sort "$EMU_DIR/records.jsonl" >"$TMP/want"
: >"$EMU_DIR/requests.log"
t0=$(date +%s)
fetch --since 8h -o "$TMP/out4" 2>"$TMP/err4"
check "short-lived token: exit 0" test $? = 0
t1=$(date +%s)
sort "$TMP/out4" >"$TMP/got"
check_same "short-lived token: every record once" "$TMP/got" "$TMP/want"
check "short-lived token: no request was refused" \
    sh -c "! grep -v ' 200\$' '$EMU_DIR/requests.log'"
ntok=$(grep -c 'oauth2/token 200$' "$EMU_DIR/requests.log")
check "short-lived token: renewed during the run ($ntok tokens in $((t1 - t0)) s)" \
    test "$ntok" -ge 2
check "short-lived token: renewed no more than every 2 s" \
    test "$ntok" -le $(((t1 - t0) / 2 + 2))
done_testing
