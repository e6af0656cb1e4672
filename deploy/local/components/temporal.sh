# Temporal: the CLI (which embeds the dev server and Temporal UI) built from the Go module proxy at a pinned version.
TEMPORAL_PIDFILE="$BOTFLOW_DATA/temporal.pid"
TEMPORAL_LOG="$BOTFLOW_LOGS/temporal.log"

temporal_install() {
  [ -x "$TEMPORAL_BIN" ] && return 0
  [ "$TEMPORAL_BIN" = "$BOTFLOW_CACHE/bin/temporal" ] || die "TEMPORAL_BIN=$TEMPORAL_BIN does not exist or is not executable"
  command -v go >/dev/null || die "Go is missing: it builds the temporal CLI (or set TEMPORAL_BIN to an existing temporal binary)"
  say "building the temporal CLI v$TEMPORAL_CLI_VERSION from the Go module proxy (about 5 minutes the first time)"
  mkdir -p "$BOTFLOW_CACHE/bin"
  GOBIN="$BOTFLOW_CACHE/bin" GOFLAGS=-modcacherw GOMODCACHE="$BOTFLOW_CACHE/go/mod" GOCACHE="$BOTFLOW_CACHE/go/build" \
    go install -ldflags "-X github.com/temporalio/cli/temporalcli.Version=$TEMPORAL_CLI_VERSION" \
    "github.com/temporalio/cli/cmd/temporal@v$TEMPORAL_CLI_VERSION" >"$BOTFLOW_LOGS/temporal-build.log" 2>&1 \
    || die "building temporal failed (see $BOTFLOW_LOGS/temporal-build.log); or set TEMPORAL_BIN to an existing temporal binary"
}

temporal_ready() {
  "$TEMPORAL_BIN" operator namespace describe --address "$TEMPORAL_ADDRESS" -n "$TEMPORAL_NAMESPACE" >/dev/null 2>&1
}

temporal_start() {
  temporal_ready && return 0
  if port_open "$TEMPORAL_PORT"; then die "port $TEMPORAL_PORT is taken by something that is not a Temporal server (set TEMPORAL_PORT)"; fi
  say "starting Temporal dev server on :$TEMPORAL_PORT (UI on :$TEMPORAL_UI_PORT)"
  # One-connection SQLite: WAL and normal sync are what make it keep up.
  nohup "$TEMPORAL_BIN" server start-dev --db-filename "$BOTFLOW_DATA/temporal.db" \
    --ip 127.0.0.1 --port "$TEMPORAL_PORT" --ui-port "$TEMPORAL_UI_PORT" \
    --sqlite-pragma journal_mode=wal --sqlite-pragma synchronous=normal --log-level warn \
    --dynamic-config-value frontend.enableUpdateWorkflowExecution=true \
    --dynamic-config-value frontend.enableExecuteMultiOperation=true \
    ${TEMPORAL_EXTRA_ARGS:-} >>"$TEMPORAL_LOG" 2>&1 &
  echo $! >"$TEMPORAL_PIDFILE"
  wait_for 60 temporal temporal_ready || die "Temporal did not answer within 60 s (see $TEMPORAL_LOG)"
  if [ "$TEMPORAL_NAMESPACE" != default ]; then
    "$TEMPORAL_BIN" operator namespace create --address "$TEMPORAL_ADDRESS" -n "$TEMPORAL_NAMESPACE" >/dev/null 2>&1 || true
    wait_for 30 namespace temporal_ready || die "namespace $TEMPORAL_NAMESPACE was not created"
  fi
}

temporal_stop() { stop_pidfile "$TEMPORAL_PIDFILE" temporal; }
temporal_status() { temporal_ready; }
temporal_logfile() { echo "$TEMPORAL_LOG"; }
