# tests/emulator/emu.sh - run the Management Activity API emulator for a
# test.  Source it after tests/lib.sh, then:
#   emu_gen SEED START HOURS [LATE_EVERY LATE_HOURS]	the content
#   emu_blobs TAG AUDIT	the content: the records of AUDIT (JSON lines)
#   emu_start						listen; sets EMU (URL)
#   emu_now EPOCH						the emulated clock
#   emu_fault KIND ROUTE					inject one fault
#   fetch ARGS...		irm-fetch o365 against it, clock from $NOW
#   emu_blobs_again OUT		"AGAIN PART": blobs OUT holds more than
#				once, and blobs it holds in part
# The emulator is killed when the test exits.
EMU_PL=$TESTS/emulator/o365-emulator.pl
EMU_DIR=$TMP/emu
EMU_PID=
TENANT=f28ab78a-d401-4060-8012-736e373933eb
CLIENT=0b5a4a8c-7d3e-4c1b-9a5e-2f6d8c1e9b07
SECRET='Xq8~emu.Secret-7Hh2_kL9pZ'
NOW=1773100800	# 2026-03-10T00:00:00Z
mkdir -p "$EMU_DIR"
printf '{"tenant":"%s","client_id":"%s","secret":"%s","token_ttl":3599,"page_size":3}\n' \
    "$TENANT" "$CLIENT" "$SECRET" >"$EMU_DIR/config.json"
(umask 077 && printf '%s\n' "$SECRET" >"$TMP/secret")

# stop_bg NAME: kill and reap the background process whose pid the
# variable NAME holds, and empty it.
stop_bg() {
	eval "_pid=\${$1}"
	if [ -n "$_pid" ]; then
		kill "$_pid" 2>/dev/null
		wait "$_pid" 2>/dev/null
		eval "$1="
	fi
}
emu_stop() { stop_bg EMU_PID; }
trap 'emu_stop; rm -rf "$TMP"' EXIT

emu_gen() { perl "$EMU_PL" gen "$EMU_DIR" "$@"; }
emu_now() { echo "$1" >"$EMU_DIR/now"; }
emu_fault() { echo "$1 $2" >>"$EMU_DIR/faults"; }

# emu_blobs TAG AUDIT: the content from the O365 records of AUDIT (JSON
# lines, e.g. an irm-gen tenant's raw/*-audit.jsonl): one blob per content
# type and hour, available a minute after the hour ends; TAG goes in the
# blob ids.
emu_blobs() {
	perl -MJSON::PP -MTime::Local=timegm -e '
	my $j = JSON::PP->new->canonical->utf8;
	my %type = (AzureActiveDirectory => "Audit.AzureActiveDirectory",
	    Exchange => "Audit.Exchange", SharePoint => "Audit.SharePoint",
	    OneDrive => "Audit.SharePoint");
	my %blob;
	open F, $ARGV[1] or die;
	while (<F>) {
		my $r = decode_json($_);
		my ($y, $m, $d, $h) = $r->{CreationTime} =~ /^(\d+)-(\d+)-(\d+)T(\d+)/;
		my $hour = timegm(0, 0, $h, $d, $m - 1, $y);
		my $t = $type{$r->{Workload}} // "Audit.General";
		push @{$blob{"$hour $t"}}, $r;
	}
	my @blobs;
	for my $k (sort keys %blob) {
		my ($hour, $t) = split / /, $k;
		my $c = $hour + 3660;
		push @blobs, {type => $t, id => sprintf("%d\$%d\$%s\$%s\$%04d",
		    $c, $c, lc $t, $ARGV[0], scalar @blobs), created => $c,
		    visible => $c + 60, records => $blob{$k}};
	}
	open O, ">", "$ARGV[2]/content.json" or die;
	print O $j->encode(\@blobs);
	' "$1" "$2" "$EMU_DIR"
}

emu_blobs_again() {
	perl -MJSON::PP -e '
	local $/; open F, $ARGV[0] or die; my $blobs = decode_json(<F>);
	open O, $ARGV[1] or die; my %n;
	$n{decode_json($_)->{Id}}++ for split /\n/, <O>;
	my ($again, $part) = (0, 0);
	for my $b (@$blobs) {
		my %k = map { ($n{$_->{Id}} // 0) => 1 } @{$b->{records}};
		$part++ if keys %k != 1;
		my ($k) = keys %k;
		$again += $k - 1 if $k > 1;
	}
	print "$again $part\n"' "$EMU_DIR/content.json" "$1"
}

emu_start() {
	rm -f "$EMU_DIR/port"
	perl "$EMU_PL" serve "$EMU_DIR" 2>"$EMU_DIR/stderr" &
	EMU_PID=$!
	_i=0
	# Up to a minute: on a loaded machine perl can take many seconds to
	# read a large content.json before it listens (a 10-second wait made
	# every fetch of 0099 fail under make check with other jobs running).
	while [ ! -s "$EMU_DIR/port" ] && [ $_i -lt 1200 ]; do
		sleep 0.05
		_i=$((_i + 1))
	done
	[ -s "$EMU_DIR/port" ] ||
	    echo "# emulator did not start: $(cat "$EMU_DIR/stderr")" >&2
	EMU=http://127.0.0.1:$(cat "$EMU_DIR/port")
}

fetch() {
	emu_now "$NOW"
	SOURCE_DATE_EPOCH=$NOW IRM_FETCH_DELAY_SCALE=0.01 exec_fetch "$@"
}

# fetch_bg ARGS...: fetch in the background; $! is irm-fetch itself.
fetch_bg() {
	emu_now "$NOW"
	(SOURCE_DATE_EPOCH=$NOW IRM_FETCH_DELAY_SCALE=0.01 exec_fetch exec "$@") &
}

exec_fetch() {
	if [ "$1" = exec ]; then shift; _x=exec; else _x=; fi
	$_x irm-fetch o365 --tenant "$TENANT" --client-id "$CLIENT" \
	    --client-secret-file "$TMP/secret" --base-url "$EMU" \
	    --login-url "$EMU" "$@"
}
