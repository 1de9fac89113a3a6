#!/usr/bin/env bash
# The README's run command: the control centre on the embedded defaults (SQLite under ./data, one local
# silo, the Development ingest key), listening on the printed URL.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v dotnet >/dev/null 2>&1; then
  echo "ops/run.sh: the .NET 10 SDK (dotnet) is required; see global.json for the version." >&2
  exit 1
fi

export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
url="${CONTROLCENTER_URL:-http://127.0.0.1:5080}"
dotnet build src/ControlCenter.Host -c Release -v quiet -nologo
exec dotnet run --project src/ControlCenter.Host -c Release --no-build --no-launch-profile -- --urls "$url"
