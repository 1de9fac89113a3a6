# Functions to run several silos of one control centre on this machine on PostgreSQL; sourced by ops/cluster.sh and
# ops/soak (not run by itself). Each silo gets its own HTTP, silo, gateway and MQTT ports; all share one database
# (ADO.NET clustering, reminders, grain state, the readings log). Silo i (0-based) listens on:
#   HTTP    $CLUSTER_HTTP_BASE + i   (default 5081, 5082, 5083)
#   silo    11111 + i, gateway 30000 + i, MQTT 1883 + i
# Settings every silo should get go in the array cluster_env (NAME=VALUE), set before cluster_start.

cluster_pg="${CONTROLCENTER_PG:-Host=127.0.0.1;Database=controlcenter;Username=controlcenter;Password=controlcenter;Maximum Pool Size=30}"
CLUSTER_HTTP_BASE="${CLUSTER_HTTP_BASE:-5081}"
cluster_pids=()
cluster_urls=()
cluster_env=()

cluster_build() {
  command -v npm >/dev/null 2>&1 || ops/browser.sh
  dotnet build src/ControlCenter.Host -c Release -v quiet -nologo
  dotnet build src/ControlCenter.Simulator -c Release -v quiet -nologo
  bash ops/postgres.sh
}

# cluster_start COUNT LOGDIR: starts COUNT silos (the host runs from its project folder, as ops/run.sh does) with their
# console in LOGDIR/silo-i.log, and waits until each reports ready.
cluster_start() {
  local count="$1" logs="$2" i url
  mkdir -p "$logs"
  for ((i = 0; i < count; i++)); do
    url="http://127.0.0.1:$((CLUSTER_HTTP_BASE + i))"
    (cd src/ControlCenter.Host && exec env \
      ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}" \
      Storage__Provider=PostgreSql Storage__ConnectionString="$cluster_pg" \
      Orleans__SiloPort=$((11111 + i)) Orleans__GatewayPort=$((30000 + i)) Mqtt__Port=$((1883 + i)) \
      "${cluster_env[@]}" \
      dotnet bin/Release/net10.0/ControlCenter.Host.dll --urls "$url") >"$logs/silo-$i.log" 2>&1 &
    cluster_pids+=($!)
    cluster_urls+=("$url")
  done
  for ((i = 0; i < count; i++)); do
    cluster_wait_ready "$i" "$logs/silo-$i.log"
  done
}

cluster_wait_ready() {
  local i="$1" log="$2"
  for _ in $(seq 1 240); do
    if ! kill -0 "${cluster_pids[$i]}" 2>/dev/null; then
      echo "silo $i exited during start-up; the end of its log ($log):" >&2
      tail -n 30 "$log" >&2
      return 1
    fi
    curl -fs -o /dev/null "${cluster_urls[$i]}/health/ready" && return 0
    sleep 0.5
  done
  echo "silo $i was not ready within 2 minutes; see $log" >&2
  return 1
}

# Every silo's URL, comma-separated: the simulator's --url takes them in turn.
cluster_url_list() { local IFS=,; echo "${cluster_urls[*]}"; }

# SIGTERM to every silo (a graceful leave), then wait for them.
cluster_stop() {
  local pid
  for pid in "${cluster_pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${cluster_pids[@]}"; do wait "$pid" 2>/dev/null || true; done
}
