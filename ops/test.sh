#!/usr/bin/env bash
# The README's test command: every test of the solution, against real PostgreSQL.
# Installs and starts what the tests need (ops/postgres.sh; ops/browser.sh: npm and Chromium; ops/mqtt-clients.sh;
# ops/k8s-check.sh: kubectl and the offline Kubernetes schema validator; ops/python.sh: python3), restores NuGet packages, runs `dotnet test`,
# and ends with one plain line "N passed, N failed, N skipped" read from the test results (trx).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v dotnet >/dev/null 2>&1; then
  echo "ops/test.sh: the .NET 10 SDK (dotnet) is required; see global.json for the version." >&2
  exit 1
fi

ops/postgres.sh
ops/browser.sh
ops/mqtt-clients.sh
ops/k8s-check.sh --install
ops/python.sh

results="TestResults"
rm -rf "$results"
status=0
# A test host that takes over 10 s to stop writes what held it here (tests/…/Infrastructure/CityHost.cs).
slow_stops=$(mktemp)
export CONTROLCENTER_SLOW_STOPS="$slow_stops"
dotnet test ControlCenter.sln -c Release --logger "trx" --results-directory "$results" || status=$?

passed=0; failed=0; total=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  get() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed)))
  total=$((total + $(get total)))
done
skipped=$((total - passed - failed))

# CI shows only the end of this output: name each failed test there, with the first lines of its message.
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  awk '
    /<UnitTestResult .*outcome="Failed"/ {
      match($0, /testName="[^"]*"/); print "FAILED " substr($0, RSTART + 10, RLENGTH - 11)
      failed = 1; next
    }
    failed && /<Message>/ { sub(/.*<Message>/, ""); lines = 0; message = 1 }
    message {
      print "    " $0
      if (++lines >= 8 || /<\/Message>/) { message = 0; failed = 0 }
    }' "$trx" | head -n 200
done

if [ -s "$slow_stops" ]; then
  # Each report: which test's host, how long, and each hosted service's stop time (the web server's is the gap
  # from "Hosting stopping" to the first service); the whole file stays in the results folder.
  echo "Slow test-host stops:"
  { grep -E "the test host .*Its last log lines|Hosting stopping|HostedServiceStop|non-graceful" "$slow_stops" || true; } | tail -n 150
  cp "$slow_stops" "$results/slow-stops.log" 2>/dev/null || true
fi
rm -f "$slow_stops"

if [ "$total" -eq 0 ]; then
  echo "ops/test.sh: no test results were written" >&2
  status=1
fi
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
