#!/usr/bin/env bash
# Three silos of one control centre on this machine, on PostgreSQL (ADO.NET clustering, reminders, grain state and
# the readings log in one database), with the Hanoi simulator feeding all three in turn. Builds first, starts
# PostgreSQL (ops/postgres.sh), prints the wall's URL on each silo; Ctrl-C stops everything.
#   CONTROLCENTER_SILOS            how many silos (default 3)
#   CLUSTER_HTTP_BASE              the first silo's HTTP port (default 5081; then 5082, 5083)
#   CONTROLCENTER_PG               the database (default: the controlcenter role and database of ops/postgres.sh)
#   CONTROLCENTER_SIMULATOR=off    the centre alone; CONTROLCENTER_SIMULATOR_SPEED, CONTROLCENTER_SCENARIO as in ops/run.sh
#   Orleans__Membership__ProbeTimeout=00:00:02 (etc.), exported, reach every silo: how soon a dead silo is declared dead
# Silo logs: ${TMPDIR:-/tmp}/controlcenter-cluster/silo-N.log. Try `kill -9` on one silo's pid: the others take over.
set -euo pipefail
cd "$(dirname "$0")/.."
source ops/lib/cluster.sh

if ! command -v dotnet >/dev/null 2>&1; then
  echo "ops/cluster.sh: the .NET 10 SDK (dotnet) is required; see global.json for the version." >&2
  exit 1
fi

silos="${CONTROLCENTER_SILOS:-3}"
logs="${TMPDIR:-/tmp}/controlcenter-cluster"
cluster_build
simulator=""
trap 'trap - INT TERM EXIT; [ -n "$simulator" ] && kill "$simulator" 2>/dev/null; cluster_stop; exit 0' INT TERM EXIT
cluster_start "$silos" "$logs"

echo
echo "ControlCenter cluster: $silos silos on PostgreSQL (ingest key dev-ingest-key-hanoi; users as in the README)"
for ((i = 0; i < silos; i++)); do
  echo "  silo $i  wall ${cluster_urls[$i]}/   pid ${cluster_pids[$i]}   log $logs/silo-$i.log"
done

if [ "${CONTROLCENTER_SIMULATOR:-on}" != "off" ]; then
  if [ -n "${CONTROLCENTER_SCENARIO:-}" ]; then mode=(scenario "$CONTROLCENTER_SCENARIO"); else mode=(normal); fi
  dotnet src/ControlCenter.Simulator/bin/Release/net10.0/ControlCenter.Simulator.dll "${mode[@]}" \
    --url "$(cluster_url_list)" --speed "${CONTROLCENTER_SIMULATOR_SPEED:-1}" &
  simulator=$!
  echo "  simulator (pid $simulator) sends to every silo in turn"
fi
echo "Ctrl-C stops all."
wait "${cluster_pids[@]}"
