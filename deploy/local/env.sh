# Shared settings for the local stack scripts. Source it; every value can be overridden from the environment.
# Caches and data live outside the repository so a fresh clone reuses them.
BOTFLOW_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export BOTFLOW_ROOT
export BOTFLOW_CACHE="${BOTFLOW_CACHE:-$HOME/.cache/botflow}"
export BOTFLOW_DATA="${BOTFLOW_DATA:-$BOTFLOW_CACHE/data}"
export BOTFLOW_LOGS="${BOTFLOW_LOGS:-$BOTFLOW_DATA/logs}"

export NODE_MAJOR="${NODE_MAJOR:-24}"
export NODE_VERSION="${NODE_VERSION:-24.21.0}"

export TEMPORAL_CLI_VERSION="${TEMPORAL_CLI_VERSION:-1.5.1}"
export TEMPORAL_PORT="${TEMPORAL_PORT:-7233}"
export TEMPORAL_UI_PORT="${TEMPORAL_UI_PORT:-8233}"
export TEMPORAL_NAMESPACE="${TEMPORAL_NAMESPACE:-default}"
# A user's own temporal binary can replace the one built here.
export TEMPORAL_BIN="${TEMPORAL_BIN:-$BOTFLOW_CACHE/bin/temporal}"
# Extra flags for the dev server, e.g. --dynamic-config-value limit.historyCount.suggestContinueAsNew=40
export TEMPORAL_EXTRA_ARGS="${TEMPORAL_EXTRA_ARGS:-}"

export PG_PORT="${PG_PORT:-5433}"
export PG_USER="${PG_USER:-botflow}"
export PG_PASSWORD="${PG_PASSWORD:-botflow}"
export PG_DATABASE="${PG_DATABASE:-botflow}"
export PG_MAJOR="${PG_MAJOR:-15}"
# PostgreSQL refuses to run as root, and root's home is closed to the postgres user: keep its data elsewhere then.
if [ "$(id -u)" = 0 ]; then
  export PG_DATA="${PG_DATA:-/var/lib/botflow/postgres-$PG_MAJOR}"
else
  export PG_DATA="${PG_DATA:-$BOTFLOW_DATA/postgres-$PG_MAJOR}"
fi

export REDIS_PORT="${REDIS_PORT:-6380}"

export KAFKA_VERSION="${KAFKA_VERSION:-4.4.0}"
export KAFKA_PORT="${KAFKA_PORT:-9092}"
export KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
# A directory of Kafka jars (a user's own Kafka install's libs/) can replace the ones fetched here.
export KAFKA_LIBS="${KAFKA_LIBS:-$BOTFLOW_CACHE/kafka-$KAFKA_VERSION/libs}"

export DATABASE_URL="${DATABASE_URL:-postgresql://$PG_USER:$PG_PASSWORD@127.0.0.1:$PG_PORT/$PG_DATABASE}"
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:$REDIS_PORT}"
export KAFKA_BROKERS="${KAFKA_BROKERS:-127.0.0.1:$KAFKA_PORT}"
export TEMPORAL_ADDRESS="${TEMPORAL_ADDRESS:-127.0.0.1:$TEMPORAL_PORT}"

mkdir -p "$BOTFLOW_CACHE" "$BOTFLOW_DATA" "$BOTFLOW_LOGS"

say() { printf '\033[1m[botflow]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[31m[botflow] %s\033[0m\n' "$*" >&2; exit 1; }

# wait_for <seconds> <description> <command...>: polls the command until it succeeds.
wait_for() {
  local secs=$1 what=$2; shift 2
  local i
  for ((i = 0; i < secs * 4; i++)); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 0.25
  done
  return 1
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

apt_install() {
  say "installing Debian packages: $*"
  if ! as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@" >"$BOTFLOW_LOGS/apt.log" 2>&1; then
    as_root apt-get update -q >>"$BOTFLOW_LOGS/apt.log" 2>&1 || true
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@" >>"$BOTFLOW_LOGS/apt.log" 2>&1 \
      || die "could not install $* with apt-get (see $BOTFLOW_LOGS/apt.log)"
  fi
}

# Installs node_modules when package-lock.json changed since the last install (npm ci: exactly the lock).
ensure_npm_deps() {
  local stamp="$BOTFLOW_ROOT/node_modules/.botflow-lock.sha256" want
  want=$(sha256sum "$BOTFLOW_ROOT/package-lock.json" | cut -d' ' -f1)
  [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && return 0
  say "installing npm dependencies (npm ci)"
  (cd "$BOTFLOW_ROOT" && npm ci --no-audit --no-fund >"$BOTFLOW_LOGS/npm-ci.log" 2>&1) || die "npm ci failed (see $BOTFLOW_LOGS/npm-ci.log)"
  echo "$want" >"$stamp"
}

# stop_pidfile <pidfile> <name>: SIGTERM, then SIGKILL after 20 s.
stop_pidfile() {
  local pidfile=$1 name=$2 pid
  [ -f "$pidfile" ] || return 0
  pid=$(cat "$pidfile")
  if kill -0 "$pid" 2>/dev/null; then
    say "stopping $name (pid $pid)"
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 80); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$pidfile"
}
