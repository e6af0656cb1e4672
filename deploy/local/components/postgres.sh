# PostgreSQL with pgvector: Debian's server packages; pgvector built from Debian 13's source package when the
# machine has no binary package for it. Our own cluster on PG_PORT, so a system PostgreSQL is never touched.
PG_BINDIR="${PG_BINDIR:-/usr/lib/postgresql/$PG_MAJOR/bin}"
PG_LOG="$(dirname "$PG_DATA")/postgres-$PG_MAJOR.log"
PG_SOCKDIR="$(dirname "$PG_DATA")"

as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
pg_sql() { PGOPTIONS='-c client_min_messages=warning' as_pg "$PG_BINDIR/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 -qAt "$@"; }

postgres_install() {
  [ -x "$PG_BINDIR/postgres" ] || apt_install "postgresql-$PG_MAJOR"
  local sharedir
  sharedir=$("$PG_BINDIR/pg_config" --sharedir 2>/dev/null || echo "/usr/share/postgresql/$PG_MAJOR")
  [ -f "$sharedir/extension/vector.control" ] && return 0
  apt_install "postgresql-server-dev-$PG_MAJOR" dpkg-dev make gcc
  pgvector_build_from_debian_source
}

# Fetches the pgvector source package of Debian trixie with a private sources list and lists dir, leaving the
# machine's own apt configuration untouched, and builds it against the installed server.
pgvector_build_from_debian_source() {
  local aptdir="$BOTFLOW_CACHE/apt-trixie" mirror srcdir
  mirror=$(grep -hoE '^(URIs:|deb) *https?://[^ ]+/debian/?( |$)' /etc/apt/sources.list /etc/apt/sources.list.d/*.sources /etc/apt/sources.list.d/*.list 2>/dev/null \
    | grep -oE 'https?://[^ ]+' | head -1 || true)
  mirror="${PGVECTOR_DEBIAN_MIRROR:-${mirror:-http://deb.debian.org/debian}}"
  say "building pgvector from Debian trixie's source package ($mirror)"
  mkdir -p "$aptdir/lists/partial" "$aptdir/src"
  echo "deb-src $mirror trixie main" >"$aptdir/sources.list"
  local opts=(-o "Dir::Etc::SourceList=$aptdir/sources.list" -o "Dir::Etc::SourceParts=/nonexistent" -o "Dir::State::Lists=$aptdir/lists")
  as_root apt-get "${opts[@]}" update -q >"$BOTFLOW_LOGS/pgvector.log" 2>&1 \
    || die "could not read Debian trixie's source index from $mirror (see $BOTFLOW_LOGS/pgvector.log)"
  rm -rf "$aptdir/src" && mkdir -p "$aptdir/src"
  (cd "$aptdir/src" && apt-get "${opts[@]}" source -q pgvector) >>"$BOTFLOW_LOGS/pgvector.log" 2>&1 \
    || die "could not fetch the pgvector source package (see $BOTFLOW_LOGS/pgvector.log)"
  srcdir=$(find "$aptdir/src" -maxdepth 1 -type d -name 'pgvector-*' | head -1)
  [ -n "$srcdir" ] || die "pgvector source did not unpack (see $BOTFLOW_LOGS/pgvector.log)"
  (cd "$srcdir" && make PG_CONFIG="$PG_BINDIR/pg_config" && as_root make PG_CONFIG="$PG_BINDIR/pg_config" install) \
    >>"$BOTFLOW_LOGS/pgvector.log" 2>&1 || die "building pgvector failed (see $BOTFLOW_LOGS/pgvector.log)"
}

postgres_ready() {
  "$PG_BINDIR/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" \
    && PGPASSWORD="$PG_PASSWORD" "$PG_BINDIR/psql" -h 127.0.0.1 -p "$PG_PORT" -U "$PG_USER" -d "$PG_DATABASE" -qAtc 'select 1' >/dev/null 2>&1
}

postgres_start() {
  if postgres_ready; then postgres_provision; return 0; fi
  if [ ! -f "$PG_DATA/PG_VERSION" ]; then
    say "creating a PostgreSQL $PG_MAJOR cluster in $PG_DATA"
    as_root mkdir -p "$PG_DATA"
    [ "$(id -u)" = 0 ] && chown -R postgres:postgres "$(dirname "$PG_DATA")"
    as_pg "$PG_BINDIR/initdb" -D "$PG_DATA" -U postgres --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 \
      >"$BOTFLOW_LOGS/initdb.log" 2>&1 || die "initdb failed (see $BOTFLOW_LOGS/initdb.log)"
    # The superuser may connect over loopback without a password; application roles use scram.
    as_pg sh -c "printf 'host all postgres 127.0.0.1/32 trust\nhost all postgres ::1/128 trust\n' | cat - '$PG_DATA/pg_hba.conf' >'$PG_DATA/pg_hba.tmp' && mv '$PG_DATA/pg_hba.tmp' '$PG_DATA/pg_hba.conf'"
  fi
  if port_open "$PG_PORT"; then
    "$PG_BINDIR/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" || die "port $PG_PORT is taken by something that is not PostgreSQL (set PG_PORT)"
  else
    say "starting PostgreSQL on :$PG_PORT"
    as_pg "$PG_BINDIR/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -w -t 60 \
      -o "-p $PG_PORT -k $PG_SOCKDIR -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null \
      || die "PostgreSQL did not start (see $PG_LOG)"
  fi
  postgres_provision
  wait_for 30 postgres postgres_ready || die "PostgreSQL answers but $PG_USER cannot log in to $PG_DATABASE"
}

# The application role may create databases (tests make throwaway ones); pgvector is created by the superuser in
# template1 too, so every new database has it.
postgres_provision() {
  pg_sql -d postgres <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$PG_USER') THEN
    CREATE ROLE "$PG_USER" LOGIN CREATEDB PASSWORD '$PG_PASSWORD';
  END IF;
END \$\$;
-- Throwaway test databases are dropped WITH (FORCE), which must be allowed to end an autovacuum worker in them.
GRANT pg_signal_backend TO "$PG_USER";
SQL
  [ "$(pg_sql -d postgres -c "select 1 from pg_database where datname = '$PG_DATABASE'")" = 1 ] \
    || pg_sql -d postgres -c "CREATE DATABASE \"$PG_DATABASE\" OWNER \"$PG_USER\""
  pg_sql -d template1 -c 'CREATE EXTENSION IF NOT EXISTS vector'
  pg_sql -d "$PG_DATABASE" -c 'CREATE EXTENSION IF NOT EXISTS vector'
}

postgres_stop() {
  "$PG_BINDIR/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" || return 0
  say "stopping PostgreSQL"
  as_pg "$PG_BINDIR/pg_ctl" -D "$PG_DATA" -m fast -w stop >/dev/null || true
}
postgres_status() { postgres_ready; }
postgres_logfile() { echo "$PG_LOG"; }
