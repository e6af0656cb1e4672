# The product's own processes (api, worker, analytics), started in the background with pidfiles and logs.
SERVICES=(worker api analytics)
export API_PORT="${API_PORT:-3000}" WORKER_HEALTH_PORT="${WORKER_HEALTH_PORT:-3001}" ANALYTICS_PORT="${ANALYTICS_PORT:-3002}"

service_port() {
  case "$1" in api) echo "$API_PORT" ;; worker) echo "$WORKER_HEALTH_PORT" ;; analytics) echo "$ANALYTICS_PORT" ;; esac
}
service_pidfile() { echo "$BOTFLOW_DATA/service-$1.pid"; }
service_log() { echo "$BOTFLOW_LOGS/$1.log"; }
service_running() { local f; f=$(service_pidfile "$1"); [ -f "$f" ] && kill -0 "$(cat "$f")" 2>/dev/null; }
service_healthy() { curl -fsS -o /dev/null --max-time 3 "http://127.0.0.1:$(service_port "$1")/health"; }

service_start() {
  local name=$1
  if service_running "$name"; then return 0; fi
  port_open "$(service_port "$name")" && die "port $(service_port "$name") for $name is taken by another process"
  say "starting $name on :$(service_port "$name")"
  (cd "$BOTFLOW_ROOT" && nohup node "services/$name/src/main.ts" >>"$(service_log "$name")" 2>&1 &
    echo $! >"$(service_pidfile "$name")")
  wait_for 60 "$name" service_healthy "$name" \
    || die "$name did not become healthy within 60 s: $(curl -s "http://127.0.0.1:$(service_port "$name")/health" || true) (log: $(service_log "$name"))"
}

services_start() { for s in "${SERVICES[@]}"; do service_start "$s"; done; }
services_stop() {
  local i
  for ((i = ${#SERVICES[@]} - 1; i >= 0; i--)); do stop_pidfile "$(service_pidfile "${SERVICES[$i]}")" "${SERVICES[$i]}"; done
}
services_status() {
  local s bad=0
  for s in "${SERVICES[@]}"; do
    if service_healthy "$s"; then printf '%-9s up      http://127.0.0.1:%s/health\n' "$s" "$(service_port "$s")"
    elif service_running "$s"; then printf '%-9s FAILING %s\n' "$s" "$(curl -s "http://127.0.0.1:$(service_port "$s")/health")"; bad=1
    else printf '%-9s DOWN    (restart: npm start; log: %s)\n' "$s" "$(service_log "$s")"; bad=1; fi
  done
  return $bad
}
