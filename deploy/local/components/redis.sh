# Redis: Debian's redis-server, our own instance on REDIS_PORT. It holds only caches, rate-limit counters and the
# webhook fast-path dedupe, so it runs without persistence.
REDIS_SERVER="${REDIS_SERVER:-redis-server}"
REDIS_PIDFILE="$BOTFLOW_DATA/redis.pid"
REDIS_LOG="$BOTFLOW_LOGS/redis.log"

redis_install() { command -v "$REDIS_SERVER" >/dev/null || apt_install redis-server redis-tools; }
redis_ready() { [ "$(redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null)" = PONG ]; }

redis_start() {
  redis_ready && return 0
  port_open "$REDIS_PORT" && die "port $REDIS_PORT is taken by something that is not Redis (set REDIS_PORT)"
  say "starting Redis on :$REDIS_PORT"
  "$REDIS_SERVER" --daemonize yes --bind 127.0.0.1 --port "$REDIS_PORT" --save '' --appendonly no \
    --dir "$BOTFLOW_DATA" --pidfile "$REDIS_PIDFILE" --logfile "$REDIS_LOG" >/dev/null
  wait_for 20 redis redis_ready || die "Redis did not answer within 20 s (see $REDIS_LOG)"
}

redis_stop() { redis_ready && say "stopping Redis" && redis-cli -h 127.0.0.1 -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true; }
redis_status() { redis_ready; }
redis_logfile() { echo "$REDIS_LOG"; }
