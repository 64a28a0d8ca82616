#!/bin/sh
# examples/cron/irm-daily, the cron kit, for seven simulated days against
# the Management Activity API emulator serving an irm-gen tenant: a quiet
# first day (nothing final yet: exit 0, no insights), a throttled service,
# a run that fails (the service down) and its rerun, which mails the new
# alerts (IRM_MAIL_ON), a rerun of a day that went well (nothing counted
# or written twice, nothing mailed), a held and a stale lock, and the
# retention: raw files (both sources), out/DAY and logs past it are
# removed, the recent ones kept.  Graph sign-ins and alerts
# (IRM_GRAPH_RESOURCES) are fetched into raw/DAY-graph.jsonl, each once.
# The store must end with the alerts of one clean run over the same
# records.  Not in the sanitizer tree: irm-daily is a shell script, the
# fetch, score and report paths it drives run under the sanitizers in
# 0060 to 0067, 0099 and 0012, and there it took 20 s of CPU.
. "$(dirname "$0")/lib.sh"
. "$TESTS/emulator/emu.sh"
command -v jq >/dev/null || skip_all "jq missing"
case ${IRM_TREE:-} in */build/asan) skip_all "sanitizer tree" ;; esac
plan 26

KIT=$TOP/examples/cron/irm-daily
DAY=86400
MAR1=1772323200 # 2026-03-01T00:00:00Z
G=$TMP/tenant
irm-gen -u 12 -d 7 -b 2026-03-01 -s 5 "$G" >/dev/null || exit 1
# Purview's "more" alert volume, so that a week of 12 users has an alert
# on most days.
sed '0,/^{/s//{\n  "alert_volume": "more",/' "$G/settings.json" >"$TMP/s.json" &&
    mv "$TMP/s.json" "$G/settings.json"
cat "$G"/raw/*-audit.jsonl >"$TMP/audit.jsonl"

# The tenant's records as content blobs, one per content type and hour.
emu_blobs cron "$TMP/audit.jsonl"
printf '{"tenant":"%s","client_id":"%s","secret":"%s","page_size":50}\n' \
    "$TENANT" "$CLIENT" "$SECRET" >"$EMU_DIR/config.json"
# Graph records over the same week, each visible when made.
perl "$EMU_PL" gen-graph "$EMU_DIR" 5 $MAR1 168
emu_start

D=$TMP/irm
cat >"$TMP/conf" <<EOF
IRM_DIR=$D
IRM_TENANT=$TENANT
IRM_CLIENT_ID=$CLIENT
IRM_SECRET_FILE=$TMP/secret
IRM_SETTINGS=$G/settings.json
IRM_POLICIES=$G/policies
IRM_START=2026-03-01T00:00:00Z
IRM_RETAIN_DAYS=5
IRM_FETCH_OPTS="--base-url $EMU --login-url $EMU"
IRM_GRAPH_RESOURCES=signIns,alerts_v2
IRM_GRAPH_OPTS="--base-url $EMU --login-url $EMU"
EOF
# graph_ids T: the ids of the Graph records of the two resources made
# before T, sorted.
graph_ids() {
	perl -MJSON::PP -e 'local $/; open F, $ARGV[0] or die;
		for (@{decode_json(<F>)}) {
			next unless $_->{resource} =~ /^(signIns|alerts_v2)$/;
			my $t = $_->{createdDateTime};
			print "$_->{id}\n" if $t lt $ARGV[1];
		}' "$EMU_DIR/graph.json" "$1" | sort
}

# A wrapper that logs the arguments irm-fetch is given: never the secret.
mkdir "$TMP/bin"
cat >"$TMP/bin/irm-fetch" <<EOF
#!/bin/sh
echo "\$*" >>"$TMP/fetch-argv"
exec "$(command -v irm-fetch)" "\$@"
EOF
chmod +x "$TMP/bin/irm-fetch"

# daily K [sh]: the run of day K (0 is March 2, 01:00 UTC: the records of
# March 1), as cron would start it; stdout and stderr in $TMP/out, err.
daily() {
	NOW=$((MAR1 + ($1 + 1) * DAY + 3600))
	emu_now "$NOW"
	SOURCE_DATE_EPOCH=$NOW IRM_FETCH_DELAY_SCALE=0.01 PATH=$TMP/bin:$PATH \
	    sh "$KIT" "$TMP/conf" >"$TMP/out" 2>"$TMP/err"
}
silent() { [ ! -s "$TMP/out" ] && [ ! -s "$TMP/err" ]; }
# snap: a checksum of every file the runs keep (the lock aside).
snap() {
	(cd "$D" && find . -type f ! -path './state/lock/*' | sort |
	    xargs sha256sum)
}

daily 0
rc=$?
check "a quiet day (nothing final yet): exit 0 ($rc), silent" \
    sh -c "[ $rc = 0 ] && [ ! -s '$TMP/out' ] && [ ! -s '$TMP/err' ]"
check "a quiet day: no insights, a report and risk levels all the same" \
    sh -c "[ ! -s '$D/insights/2026-03-02.jsonl' ] &&
	[ -s '$D/out/2026-03-02/report.html' ] &&
	[ -f '$D/out/2026-03-02/risk-levels.jsonl' ]"

bad=0
for k in 1 2; do daily $k || { bad=$((bad + 1)); cat "$TMP/err"; }; done
check "two more days: exit 0 ($bad failures)" test $bad = 0

emu_fault 429 list
emu_fault af429 blob
emu_fault 429 blob
daily 3
rc=$?
check "a throttled service: exit 0 ($rc), silent" sh -c "[ $rc = 0 ] && [ ! -s '$TMP/err' ]"
check "every throttling fault fired" test ! -s "$EMU_DIR/faults"

# The service down: seven 500s outlast irm-fetch's six retries.
for i in 1 2 3 4 5 6 7; do emu_fault 500 any; done
before=$(snap | grep -v -e ' ./raw/' -e ' ./log/' -e ' ./state/fetch')
daily 4
rc=$?
check "the service down: exit 3 ($rc)" test $rc = 3
check "the service down: the message names irm-fetch and its exit status" \
    grep -q "^irm-daily: irm-fetch failed with exit status 3; nothing after it was done\$" "$TMP/err"
check "the service down: nothing scored or reported" \
    sh -c "[ '$(snap | grep -v -e ' ./raw/' -e ' ./log/' -e ' ./state/fetch')' = '$before' ]"
# Its rerun, with IRM_MAIL_ON: the day's new alerts make exit 4, each
# named, so that cron mails them.
IRM_MAIL_ON=low daily 4
rc=$?
check "its rerun, IRM_MAIL_ON=low: exit 4 ($rc), nothing on stdout" \
    sh -c "[ $rc = 4 ] && [ ! -s '$TMP/out' ]"
check "the day had insights" test -s "$D/insights/2026-03-06.jsonl"
check "IRM_MAIL_ON: the new alerts are named, and nothing else said" \
    sh -c "grep -q '^irm-daily: irm-report: alr-' '$TMP/err' &&
	! grep -v -e '^irm-daily: irm-report: alr-' \
	    -e '^irm-daily: irm-report: [0-9]* new or changed alerts* at or above low' '$TMP/err'"

# A rerun of a day that went well counts and writes nothing.
snap >"$TMP/snap1"
IRM_MAIL_ON=low daily 4
rc=$?
snap >"$TMP/snap2"
check "a rerun of the same day, IRM_MAIL_ON=low: exit 0 ($rc), silent" \
    sh -c "[ $rc = 0 ] && [ ! -s '$TMP/err' ]"
check_same "a rerun of the same day: every file the same" "$TMP/snap2" "$TMP/snap1"
# Nothing pruned yet: the Graph files hold every record made before the
# run, each once.
cat "$D"/raw/*-graph.jsonl | jq -r .id | sort >"$TMP/gids"
graph_ids 2026-03-06T01:00:00 >"$TMP/gwant"
check "Graph: raw/DAY-graph.jsonl files, one a day" \
    test "$(ls "$D"/raw/*-graph.jsonl | wc -l)" = 5
check_same "Graph: every sign-in and alert made before the run, each once" \
    "$TMP/gids" "$TMP/gwant"

# Another irm-daily holds the lock: exit 3 at once, nothing touched.
sleep 30 &
holder=$!
mkdir "$D/state/lock" && echo $holder >"$D/state/lock/pid"
daily 5
rc=$?
snap >"$TMP/snap3"
check "a held lock: exit 3 ($rc)" test $rc = 3
check "a held lock: said so" \
    grep -q "^irm-daily: $D/state/lock: another irm-daily (pid $holder) is running\$" "$TMP/err"
check_same "a held lock: nothing touched" "$TMP/snap3" "$TMP/snap2"
kill $holder
wait $holder 2>/dev/null
# The holder is gone (a reboot, a kill -9): the lock is stale.
daily 5
rc=$?
check "a stale lock is taken over: exit 0 ($rc), silent" sh -c "[ $rc = 0 ] && [ ! -s '$TMP/err' ]"
daily 6 || cat "$TMP/err"
daily 6 || cat "$TMP/err"

# Seven days with IRM_RETAIN_DAYS=5: what is of March 2 goes, the rest
# stays.
ls "$D/raw" >"$TMP/raws"
for d in 03 04 05 06 07 08; do
	printf '2026-03-%s-graph.jsonl\n2026-03-%s.jsonl\n' $d $d
done >"$TMP/want"
check_same "raw files of both sources past 5 days are pruned" "$TMP/raws" "$TMP/want"
ls "$D/out" >"$TMP/outs"
printf '2026-03-%s\n' 03 04 05 06 07 08 >"$TMP/want"
check_same "out/DAY directories past 5 days are pruned, the recent kept" \
    "$TMP/outs" "$TMP/want"
ls "$D/log" >"$TMP/logs"
printf '2026-03-%s.log\n' 03 04 05 06 07 08 >"$TMP/want"
check_same "logs past 5 days are pruned" "$TMP/logs" "$TMP/want"

check "the secret was never on irm-fetch's command line (o365 and graph)" \
    sh -c "grep -q '^graph .*--resource signIns,alerts_v2 ' '$TMP/fetch-argv' && ! grep -q -F -e '$SECRET' '$TMP/fetch-argv'"
check "no insight was written twice" \
    sh -c "cat '$D'/insights/*.jsonl | sort | uniq -d | grep -q . && exit 1 || exit 0"

# The clean run: every record the runs could fetch, scored at once as of
# the last run's day, into a store of its own.
perl -MJSON::PP -e 'local $/; open F, $ARGV[0] or die;
	for my $b (@{decode_json(<F>)}) {
		next if $b->{visible} > $ARGV[1];
		print JSON::PP->new->utf8->canonical->encode($_), "\n"
		    for @{$b->{records}};
	}' "$EMU_DIR/content.json" "$NOW" >"$TMP/all.jsonl"
perl -MJSON::PP -e 'local $/; open F, $ARGV[0] or die;
	my $j = JSON::PP->new->utf8->canonical;
	for (@{decode_json(<F>)}) {
		next unless $_->{resource} =~ /^(signIns|alerts_v2)$/;
		next if $_->{visible} > $ARGV[1];
		delete @$_{qw(resource visible)};
		print $j->encode($_), "\n";
	}' "$EMU_DIR/graph.json" "$NOW" >"$TMP/graph.jsonl"
irm-norm "$TMP/all.jsonl" "$TMP/graph.jsonl" | sort |
    irm-score -s "$G/settings.json" -p "$G/policies" \
    --state "$TMP/clean.state" --now 2026-03-08T00:00:00Z |
    irm-report -S "$TMP/clean" >/dev/null
irm-case -S "$TMP/clean" list >"$TMP/want"
irm-case -S "$D/store" list >"$TMP/got"
check "the clean run has alerts ($(wc -l <"$TMP/want"))" test -s "$TMP/want"
check_same "the store holds exactly the clean run's alerts" "$TMP/got" "$TMP/want"
done_testing
