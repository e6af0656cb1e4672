#!/usr/bin/env bash
# The message path measured with the load harness that measured n8n on this machine kind (../shared/bench), so the
# figures compare side by side. The harness is not part of this repository: HARNESS_DIR points at it.
#   bench/shared-harness.sh [rate ...]        default rates: 20 40 60 80; USERS=N for N returning customers
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$root/deploy/local/node.sh"
set -a; . "$root/deploy/local/env.sh"; set +a
HARNESS_DIR="${HARNESS_DIR:-$root/../shared/bench}"
[ -f "$HARNESS_DIR/loadgen.js" ] || die "no loadgen.js in $HARNESS_DIR: set HARNESS_DIR to the shared bench folder"
cd "$root"
"$root/deploy/local/stack" up >/dev/null

sink_port=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
serve_out=$(mktemp)
node bench/message-path/run.ts --serve --graph-url "http://127.0.0.1:$sink_port" >"$serve_out" 2>&1 &
serve_pid=$!
trap 'kill $serve_pid 2>/dev/null; wait $serve_pid 2>/dev/null; rm -f "$serve_out"' EXIT
for _ in $(seq 120); do grep -q '"ready":true' "$serve_out" && break; sleep 0.5; done
grep -q '"ready":true' "$serve_out" || { cat "$serve_out"; die "BotFlow did not start for the harness"; }
ready=$(grep '"ready":true' "$serve_out")
field() { node -e "console.log(JSON.parse(process.argv[1])[process.argv[2]])" "$ready" "$1"; }

rates=("$@")
[ ${#rates[@]} -gt 0 ] || rates=(20 40 60 80)
for rate in "${rates[@]}"; do
  node "$HARNESS_DIR/loadgen.js" --label "botflow-$rate" --target-port "$(field apiPort)" --path "$(field path)" \
    --sink-port "$sink_port" --mode open --rate "$rate" --duration "${DURATION:-20}" --users "${USERS:-0}" \
    --app-secret "$(field appSecret)" --phone-number-id "$(field phoneNumberId)" --pid "$(field apiPid)"
done
