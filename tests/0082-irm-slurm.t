#!/bin/sh
# examples/scale/irm-slurm on a single-node Slurm cluster that this test
# starts (munged, slurmctld and slurmd, as root, with a key, sockets,
# ports, state and logs of their own under a temporary directory) and
# stops on every exit: the insights and alerts of one run (compared
# sorted); a task that fails cancels the jobs after it and leaves no
# outputs, and the same command again finishes the run.  Skipped, saying
# why, where the daemons cannot start (not root; Debian packages
# slurm-wlm and munge missing; a daemon that does not come up).
. "$(dirname "$0")/lib.sh"
# A Slurm cluster runs the same job steps and binaries as irm-parallel,
# which 0081 runs under the sanitizers; here they would add 43 s to make
# check for no code of their own.
case ${IRM_TREE:-} in */build/asan) skip_all "sanitizer tree: 0081 runs the same binaries" ;; esac
IRMS=$TOP/examples/scale/irm-slurm
REAL=$(command -v irm-score)

[ "$(id -u)" = 0 ] || skip_all "slurmd runs as root here: run as root"
PATH=$PATH:/usr/sbin:/sbin
for c in munged slurmctld slurmd sbatch scontrol squeue scancel sinfo; do
	command -v "$c" >/dev/null 2>&1 ||
	    skip_all "$c is missing (Debian packages slurm-wlm and munge)"
done

# ------------------------------------------------------------ the cluster

C=$TMP/c
mkdir -p "$C/state" "$C/spool"
chmod 700 "$C"
PIDS=

# The step daemons and processes of this cluster's jobs, which outlive a
# slurmd stopped by a signal: the processes whose environment names this
# cluster's slurm.conf, slurmstepd or with a job id (not this shell).
strays() {
	for e in /proc/[0-9]*/environ; do
		p=${e#/proc/}
		p=${p%/environ}
		[ "$p" != $$ ] || continue
		{ tr '\0' '\n' <"$e" >"$C/env"; } 2>/dev/null || continue
		grep -qx "SLURM_CONF=$C/slurm.conf" "$C/env" || continue
		if [ "$(cat "/proc/$p/comm" 2>/dev/null)" = slurmstepd ] ||
		    grep -q '^SLURM_JOB_ID=' "$C/env"; then
			echo "$p"
		fi
	done
}

# Stop every daemon started here: the jobs first, then slurmd,
# slurmctld and munged, each by its pid (TERM, then KILL after 5 s).
stop_cluster() {
	[ -n "$PIDS" ] || return 0
	# scancel waits for a slurmctld that is gone (a signal to the
	# process group stops it too): 10 s at most.
	timeout 10 scancel --quiet --full -u root 2>/dev/null
	for p in $PIDS; do
		kill "$p" 2>/dev/null
		n=0
		while kill -0 "$p" 2>/dev/null && [ "$n" -lt 50 ]; do
			sleep 0.1
			n=$((n + 1))
		done
		kill -9 "$p" 2>/dev/null
		wait "$p" 2>/dev/null
	done
	for p in $(strays); do kill -9 "$p" 2>/dev/null; done
	PIDS=
}
trap 'stop_cluster; rm -rf "$TMP"' EXIT
trap 'exit 130' HUP INT TERM

# A TCP port nobody listens on, from PORT up.
free_port() {
	p=$1
	while awk -v p="$(printf '%04X' "$p")" \
	    'NR > 1 { split($2, a, ":"); if (a[2] == p) f = 1 } END { exit !f }' \
	    /proc/net/tcp /proc/net/tcp6 2>/dev/null; do
		p=$((p + 1))
	done
	echo "$p"
}

cant() {
	for l in "$C"/*.log; do
		[ -f "$l" ] && tail -5 "$l" | sed "s|^|# $(basename "$l"): |"
	done
	stop_cluster
	skip_all "$*"
}

dd if=/dev/urandom of="$C/munge.key" bs=1024 count=1 2>/dev/null
chmod 400 "$C/munge.key"
munged -F --force --key-file="$C/munge.key" --socket="$C/munge.sock" \
    --pid-file="$C/munged.pid" --seed-file="$C/munged.seed" \
    --log-file="$C/munged.log" >>"$C/munged.log" 2>&1 &
PIDS="$! $PIDS"
n=0
until [ -S "$C/munge.sock" ] || [ "$n" -ge 50 ]; do
	sleep 0.1
	n=$((n + 1))
done
[ -S "$C/munge.sock" ] || cant "munged does not start"

host=$(hostname -s)
p1=$(free_port $((20000 + $$ % 20000)))
p2=$(free_port $((p1 + 1)))
# Slurm starts the next task about a second after one ends, and the
# tenant has 77 raw files: the node says it has 16 CPUs (the tasks are
# small) so that irm-slurm -j 16 runs them 16 at a time.
cat >"$C/slurm.conf" <<EOF
ClusterName=irmtest
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=$p1
SlurmdPort=$p2
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$C/munge.sock
CredType=cred/munge
StateSaveLocation=$C/state
SlurmdSpoolDir=$C/spool
SlurmctldPidFile=$C/slurmctld.pid
SlurmdPidFile=$C/slurmd.pid
SlurmctldLogFile=$C/slurmctld.log
SlurmdLogFile=$C/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MailProg=/bin/true
MpiDefault=none
ReturnToService=2
SchedulerType=sched/builtin
SchedulerParameters=batch_sched_delay=0,sched_min_interval=0
SlurmdParameters=config_overrides
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
NodeName=$host NodeAddr=127.0.0.1 CPUs=16 State=UNKNOWN
PartitionName=irm Nodes=ALL Default=YES MaxTime=INFINITE State=UP
EOF
SLURM_CONF=$C/slurm.conf
export SLURM_CONF
slurmctld -D -c -f "$SLURM_CONF" >>"$C/slurmctld.log" 2>&1 &
PIDS="$! $PIDS"
slurmd -D -f "$SLURM_CONF" >>"$C/slurmd.log" 2>&1 &
PIDS="$! $PIDS"
n=0
until sinfo -h -o %t 2>/dev/null | grep -q idle || [ "$n" -ge 150 ]; do
	sleep 0.2
	n=$((n + 1))
done
sinfo -h -o %t 2>/dev/null | grep -q idle ||
    cant "slurmctld and slurmd do not start (or the node is not idle)"

# ------------------------------------------------------------ the runs

scale_tenant

plan 15
check "the one run has cumulative insights" \
    grep -q '"insight":"cumulative"' "$TMP/one"

IRM_SLURM_POLL=0.5
export IRM_SLURM_POLL
check "irm-slurm -j 16 -n 3: exit 0" sh "$IRMS" -j 16 -n 3 \
    -s "$T/settings.json" -p "$T/policies" -o "$TMP/s" "$T"/raw/*
same_as_one "irm-slurm" "$TMP/s"

# An irm-score that fails the second pass of partition 1, once.
mkdir "$TMP/bin"
cat >"$TMP/bin/irm-score" <<EOF
#!/bin/sh
echo "\$*" >>"$TMP/calls"
case "\$*" in
*--population*part-1.ins.tmp*)
	[ -e "$TMP/failed" ] || { : >"$TMP/failed"; exit 1; } ;;
esac
exec "$REAL" "\$@"
EOF
chmod +x "$TMP/bin/irm-score"
ks() {
	PATH=$TMP/bin:$PATH sh "$IRMS" -j 16 -n 3 -s "$T/settings.json" \
	    -p "$T/policies" -o "$TMP/k" "$T"/raw/* 2>"$TMP/k.err"
}
ks
check "a second pass fails: the run exits 3" test $? = 3
check "... and says where its logs are" grep -q 'work/slurm' "$TMP/k.err"
check "... no insights of it, no merge" \
    test ! -e "$TMP/k/work/part-1.ins" -a ! -e "$TMP/k/insights.jsonl" \
    -a ! -e "$TMP/k/alerts.jsonl"
: >"$TMP/calls"
ks
check "the same command again: exit 0" test $? = 0
# Only partition 1's second pass ran irm-score again.
grep -c . "$TMP/calls" >"$TMP/n"
grep -c 'part-1.ins.tmp' "$TMP/calls" >>"$TMP/n"
printf '1\n1\n' >"$TMP/want"
check_same "... which ran irm-score once, partition 1's second pass" \
    "$TMP/n" "$TMP/want"
same_as_one "after the failure" "$TMP/k"

# An sbatch that refuses the first pass: no job is submitted after it
# (one would run without waiting for it), and irm-slurm says so.
cat >"$TMP/bin/sbatch" <<EOF
#!/bin/sh
for a; do
	case \$a in --job-name=*) echo "\${a#*=}" >>"$TMP/sbatch.calls" ;; esac
done
case "\$*" in *--job-name=irm-first*) exit 1 ;; esac
exec "$(command -v sbatch)" "\$@"
EOF
chmod +x "$TMP/bin/sbatch"
PATH=$TMP/bin:$PATH sh "$IRMS" -j 2 -s "$T/settings.json" \
    -p "$T/policies" -o "$TMP/r" "$T"/raw/* 2>"$TMP/r.err"
check "sbatch fails: exit 3" test $? = 3
check "... saying so" grep -q 'sbatch failed' "$TMP/r.err"
printf 'irm-map\nirm-first\n' >"$TMP/want"
check_same "... and no job is submitted after it" "$TMP/sbatch.calls" \
    "$TMP/want"

pids=$PIDS
stop_cluster
alive=
for p in $pids $(strays); do kill -0 "$p" 2>/dev/null && alive="$alive $p"; done
check "every daemon and job process started is stopped${alive:+ (alive:$alive)}" \
    test -z "$alive"
done_testing
