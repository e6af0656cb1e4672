# The product's own processes, started in the background with pidfiles and logs, in dependency order.
SERVICES=(whatsapp-emulator worker api analytics)
export API_PORT="${API_PORT:-3000}" WORKER_HEALTH_PORT="${WORKER_HEALTH_PORT:-3001}" ANALYTICS_PORT="${ANALYTICS_PORT:-3002}"

# Local settings: dev.env (committed, no secrets) and a per-machine secrets key; the environment wins over both.
load_dev_env() {
  local line key
  while IFS= read -r line; do
    [[ "$line" =~ ^([A-Z_]+)=(.*)$ ]] || continue
    key=${BASH_REMATCH[1]}
    [ -n "${!key:-}" ] || export "$key=${BASH_REMATCH[2]}"
  done <"$BOTFLOW_ROOT/deploy/local/dev.env"
  local keyfile="$BOTFLOW_DATA/secrets-key"
  if [ -z "${BOTFLOW_SECRETS_KEY:-}" ]; then
    [ -f "$keyfile" ] || (umask 077 && echo "local:$(head -c 32 /dev/urandom | base64)" >"$keyfile")
    export BOTFLOW_SECRETS_KEY="$(cat "$keyfile")"
  fi
  export MEDIA_DIR="${MEDIA_DIR:-$BOTFLOW_DATA/media}"
}

service_port() {
  case "$1" in
    api) echo "$API_PORT" ;; worker) echo "$WORKER_HEALTH_PORT" ;; analytics) echo "$ANALYTICS_PORT" ;;
    whatsapp-emulator) echo "${EMULATOR_PORT:-3100}" ;;
  esac
}
service_pidfile() { echo "$BOTFLOW_DATA/service-$1.pid"; }
service_log() { echo "$BOTFLOW_LOGS/$1.log"; }
service_running() { local f; f=$(service_pidfile "$1"); [ -f "$f" ] && kill -0 "$(cat "$f")" 2>/dev/null; }
# Node (always here after the bootstrap) rather than curl, which a minimal machine may lack.
http_get() {
  node -e 'fetch(process.argv[1], { signal: AbortSignal.timeout(3000) })
    .then(async (r) => { process.stdout.write(await r.text()); process.exit(r.ok ? 0 : 1); }, () => process.exit(1))' "$1"
}
service_healthy() { http_get "http://127.0.0.1:$(service_port "$1")/health" >/dev/null; }

service_start() {
  local name=$1
  if service_running "$name"; then return 0; fi
  port_open "$(service_port "$name")" && die "port $(service_port "$name") for $name is taken by another process"
  say "starting $name on :$(service_port "$name")"
  # exec: the pidfile holds the node process itself, and no shell keeps the caller's stdout open.
  (cd "$BOTFLOW_ROOT" && exec node "services/$name/src/main.ts") >>"$(service_log "$name")" 2>&1 </dev/null &
  echo $! >"$(service_pidfile "$name")"
  wait_for 60 "$name" service_healthy "$name" \
    || die "$name did not become healthy within 60 s: $(http_get "http://127.0.0.1:$(service_port "$name")/health" || true) (log: $(service_log "$name"))"
}

services_start() { for s in "${SERVICES[@]}"; do service_start "$s"; done; }
services_stop() {
  local i
  for ((i = ${#SERVICES[@]} - 1; i >= 0; i--)); do stop_pidfile "$(service_pidfile "${SERVICES[$i]}")" "${SERVICES[$i]}"; done
}
services_status() {
  local s bad=0
  for s in "${SERVICES[@]}"; do
    if service_healthy "$s"; then printf '%-18s up      http://127.0.0.1:%s/health\n' "$s" "$(service_port "$s")"
    elif service_running "$s"; then printf '%-18s FAILING %s\n' "$s" "$(http_get "http://127.0.0.1:$(service_port "$s")/health" || true)"; bad=1
    else printf '%-18s DOWN    (restart: npm start; log: %s)\n' "$s" "$(service_log "$s")"; bad=1; fi
  done
  return $bad
}
