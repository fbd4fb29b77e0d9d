#!/usr/bin/env bash
# A one-node Slurm cluster for the tests: Debian's slurm-wlm and munge (installed with apt-get when missing, as
# scripts/setup installs what sps needs), munged, slurmctld and slurmd started on 127.0.0.1 with a configuration
# generated into a scratch folder, and stopped by their pids.
#
#   Tests/Integration/slurm-cluster.sh start DIR   # prints `export SLURM_CONF=DIR/slurm.conf` when the node is idle
#   Tests/Integration/slurm-cluster.sh stop DIR    # stops the three daemons it started (by the pids in DIR)
#
# Nothing is written outside DIR: munge's key, socket and logs and Slurm's state, spool, pids and logs all live
# there, and the ports are free ones chosen at start, so the cluster does not meet another one on the machine.
# Exit status 69 (EX_UNAVAILABLE) when the packages cannot be installed (no apt, no network): callers skip then.
set -euo pipefail
command=${1:?usage: slurm-cluster.sh start|stop DIR}
DIR=${2:?usage: slurm-cluster.sh start|stop DIR}

stop() {
    for name in slurmd slurmctld munged; do
        local file="$DIR/$name.pid"
        [ -s "$file" ] || continue
        local pid
        pid=$(cat "$file")
        kill "$pid" 2>/dev/null || true
        for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -9 "$pid" 2>/dev/null || true
        rm -f "$file"
    done
}

if [ "$command" = stop ]; then
    stop
    exit 0
fi
[ "$command" = start ] || { echo "usage: slurm-cluster.sh start|stop DIR" >&2; exit 64; }

if ! command -v slurmctld >/dev/null 2>&1 || ! command -v munged >/dev/null 2>&1 || ! command -v sbatch >/dev/null 2>&1; then
    echo "slurm-cluster: installing slurm-wlm and munge" >&2
    SUDO=""
    [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    if ! { $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq slurm-wlm munge >/dev/null; }; then
        echo "slurm-cluster: could not install slurm-wlm and munge" >&2
        exit 69
    fi
fi

mkdir -p "$DIR"
DIR=$(cd "$DIR" && pwd)
trap 'status=$?; if [ $status -ne 0 ]; then stop; fi' EXIT

# munge: a key of its own, owned by the munge user (0400 in a 0700 folder), and a socket in a folder every user
# can reach (munged insists on that, for every folder on the socket's path).
chmod 0755 "$DIR"
mkdir -p "$DIR/munge" "$DIR/munge-run"
chown munge: "$DIR/munge" "$DIR/munge-run"
chmod 0700 "$DIR/munge"
chmod 0755 "$DIR/munge-run"
dd if=/dev/urandom of="$DIR/munge/munge.key" bs=1024 count=1 status=none
chown munge: "$DIR/munge/munge.key"
chmod 0400 "$DIR/munge/munge.key"
runuser -u munge -- /usr/sbin/munged --key-file="$DIR/munge/munge.key" --socket="$DIR/munge-run/munge.socket" \
    --pid-file="$DIR/munge-run/munged.pid" --log-file="$DIR/munge/munged.log" --seed-file="$DIR/munge/munged.seed"
for _ in $(seq 1 50); do [ -s "$DIR/munge-run/munged.pid" ] && break; sleep 0.1; done
cp "$DIR/munge-run/munged.pid" "$DIR/munged.pid"
munge -n --socket="$DIR/munge-run/munge.socket" | unmunge --socket="$DIR/munge-run/munge.socket" >/dev/null

ports=$(python3 -c 'import socket
ss = [socket.socket() for _ in range(2)]
for s in ss: s.bind(("127.0.0.1", 0))
print(" ".join(str(s.getsockname()[1]) for s in ss))')
read -r ctld_port slurmd_port <<< "$ports"
mkdir -p "$DIR/state" "$DIR/spool" "$DIR/log"
memory=$(( $(awk '/MemTotal/ { print int($2 / 1024) }' /proc/meminfo) * 3 / 4 ))
cat > "$DIR/slurm.conf" <<CONF
ClusterName=spstest
SlurmctldHost=localhost(127.0.0.1)
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$DIR/munge-run/munge.socket
CredType=cred/munge
StateSaveLocation=$DIR/state
SlurmdSpoolDir=$DIR/spool
SlurmctldPidFile=$DIR/slurmctld.pid
SlurmdPidFile=$DIR/slurmd.pid
SlurmctldLogFile=$DIR/log/slurmctld.log
SlurmdLogFile=$DIR/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
MpiDefault=none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
ReturnToService=2
SchedulerType=sched/backfill
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
JobCompType=jobcomp/none
MinJobAge=600
NodeName=localhost NodeAddr=127.0.0.1 CPUs=$(nproc) RealMemory=$memory State=UNKNOWN
PartitionName=debug Nodes=localhost Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$DIR/slurm.conf"
/usr/sbin/slurmctld -f "$SLURM_CONF"
for _ in $(seq 1 50); do [ -s "$DIR/slurmctld.pid" ] && break; sleep 0.1; done
/usr/sbin/slurmd -f "$SLURM_CONF" -N localhost
for _ in $(seq 1 50); do [ -s "$DIR/slurmd.pid" ] && break; sleep 0.1; done
for i in $(seq 1 100); do
    state=$(sinfo -h -N -o '%T' 2>/dev/null | head -1 || true)
    [ "$state" = idle ] && break
    if [ "$i" = 100 ]; then
        echo "slurm-cluster: the node is not idle after 20 s (state: ${state:-none})" >&2
        tail -5 "$DIR/log/slurmctld.log" "$DIR/log/slurmd.log" >&2 || true
        exit 1
    fi
    sleep 0.2
done
echo "export SLURM_CONF=$SLURM_CONF"
