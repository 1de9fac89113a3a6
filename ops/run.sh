#!/usr/bin/env bash
# The README's run command: the control centre on the embedded defaults (SQLite under the host's data
# folder, one local silo, the Development credentials) with the Hanoi simulator feeding it a normal day.
#   CONTROLCENTER_URL              where to listen (default http://127.0.0.1:5080)
#   CONTROLCENTER_SIMULATOR=off    run the control centre alone (real deployments)
#   CONTROLCENTER_SIMULATOR_SPEED  city minutes per real minute (default 1: real time; 60: a day in 24 min)
#   CONTROLCENTER_SCENARIO=NAME    play an incident over the normal day (monsoon-storm, rush-hour, winter-smog,
#                                  west-lake-oxygen-crash, zone-outage), then carry on with the normal day
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v dotnet >/dev/null 2>&1; then
  echo "ops/run.sh: the .NET 10 SDK (dotnet) is required; see global.json for the version." >&2
  exit 1
fi

# The wall's build installs Leaflet with npm.
command -v npm >/dev/null 2>&1 || ops/browser.sh
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
url="${CONTROLCENTER_URL:-http://127.0.0.1:5080}"
dotnet build src/ControlCenter.Host -c Release -v quiet -nologo
dotnet build src/ControlCenter.Simulator -c Release -v quiet -nologo

# Run the built programs themselves (not `dotnet run`), so that stopping this script stops them. The host
# runs from its project folder: its settings are there and its data goes to src/ControlCenter.Host/data.
(cd src/ControlCenter.Host && exec dotnet bin/Release/net10.0/ControlCenter.Host.dll --urls "$url") &
host=$!
simulator=""
trap 'kill $simulator $host 2>/dev/null || true; wait 2>/dev/null || true' INT TERM EXIT

if [ "${CONTROLCENTER_SIMULATOR:-on}" != "off" ]; then
  # The simulator waits for the control centre's catalogue, then feeds it like a sensor gateway would.
  if [ -n "${CONTROLCENTER_SCENARIO:-}" ]; then mode=(scenario "$CONTROLCENTER_SCENARIO"); else mode=(normal); fi
  dotnet src/ControlCenter.Simulator/bin/Release/net10.0/ControlCenter.Simulator.dll "${mode[@]}" \
    --url "$url" --speed "${CONTROLCENTER_SIMULATOR_SPEED:-1}" &
  simulator=$!
fi
wait "$host"
