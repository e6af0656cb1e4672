# Apache Kafka 4.x in KRaft mode (one node that is broker and controller), from Maven Central jars run on the
# machine's Java 17. KAFKA_LIBS may point at a user's own Kafka libs/ folder instead.
KAFKA_HOME="$BOTFLOW_DATA/kafka"
KAFKA_PIDFILE="$BOTFLOW_DATA/kafka.pid"
KAFKA_LOG="$BOTFLOW_LOGS/kafka.log"

kafka_install() {
  ls "$KAFKA_LIBS"/kafka_2.13-*.jar >/dev/null 2>&1 && return 0
  [ "$KAFKA_LIBS" = "$BOTFLOW_CACHE/kafka-$KAFKA_VERSION/libs" ] || die "KAFKA_LIBS=$KAFKA_LIBS holds no kafka_2.13 jar"
  command -v java >/dev/null || die "Java 17+ is missing: it runs the Kafka broker"
  command -v mvn >/dev/null || die "Maven is missing: it fetches the Kafka broker's jars from Maven Central"
  say "fetching Kafka $KAFKA_VERSION jars from Maven Central"
  local build="$BOTFLOW_CACHE/kafka-$KAFKA_VERSION/build"
  mkdir -p "$build"
  cat >"$build/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local.botflow</groupId><artifactId>kafka-runtime</artifactId><version>1</version><packaging>pom</packaging>
  <dependencies>
    <dependency><groupId>org.apache.kafka</groupId><artifactId>kafka_2.13</artifactId><version>$KAFKA_VERSION</version></dependency>
    <dependency><groupId>org.apache.logging.log4j</groupId><artifactId>log4j-core</artifactId><version>2.24.3</version></dependency>
    <dependency><groupId>org.apache.logging.log4j</groupId><artifactId>log4j-slf4j2-impl</artifactId><version>2.24.3</version></dependency>
  </dependencies>
</project>
POM
  (cd "$build" && mvn -q -B dependency:copy-dependencies -DoutputDirectory="$KAFKA_LIBS.tmp" -DincludeScope=runtime) \
    >"$BOTFLOW_LOGS/kafka-install.log" 2>&1 || die "Maven could not fetch Kafka's jars (see $BOTFLOW_LOGS/kafka-install.log)"
  rm -rf "$KAFKA_LIBS" && mv "$KAFKA_LIBS.tmp" "$KAFKA_LIBS"
}

kafka_java() { java -cp "$KAFKA_LIBS/*" "$@"; }

kafka_configure() {
  mkdir -p "$KAFKA_HOME/data"
  cat >"$KAFKA_HOME/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
log.dirs=$KAFKA_HOME/data
num.partitions=6
offsets.topic.replication.factor=1
offsets.topic.num.partitions=6
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=false
PROPS
  cat >"$KAFKA_HOME/log4j2.properties" <<'LOG'
rootLogger.level=WARN
rootLogger.appenderRef.stdout.ref=STDOUT
appender.stdout.type=Console
appender.stdout.name=STDOUT
appender.stdout.layout.type=PatternLayout
appender.stdout.layout.pattern=[%d] %p %m (%c)%n
LOG
  if [ ! -f "$KAFKA_HOME/data/meta.properties" ]; then
    local cluster_id
    cluster_id=$(kafka_java kafka.tools.StorageTool random-uuid 2>>"$KAFKA_LOG" | tail -1)
    kafka_java kafka.tools.StorageTool format -t "$cluster_id" -c "$KAFKA_HOME/server.properties" >>"$KAFKA_LOG" 2>&1 \
      || die "formatting Kafka's storage failed (see $KAFKA_LOG)"
  fi
}

# Ready means usable, not just listening: right after start the broker answers "coordinator is loading", so the
# probe creates the product's topics, produces a message and joins a consumer group.
kafka_ready() { port_open "$KAFKA_PORT" && node "$BOTFLOW_ROOT/deploy/local/kafka-probe.ts" >>"$KAFKA_LOG" 2>&1; }

kafka_start() {
  if ! port_open "$KAFKA_PORT"; then
    kafka_configure
    say "starting Kafka on :$KAFKA_PORT"
    KAFKA_JVM_OPTS="${KAFKA_JVM_OPTS:--Xms256m -Xmx512m}"
    # shellcheck disable=SC2086
    nohup java $KAFKA_JVM_OPTS -Dlog4j2.configurationFile="$KAFKA_HOME/log4j2.properties" -cp "$KAFKA_LIBS/*" \
      kafka.Kafka "$KAFKA_HOME/server.properties" >>"$KAFKA_LOG" 2>&1 &
    echo $! >"$KAFKA_PIDFILE"
    wait_for 60 kafka port_open "$KAFKA_PORT" || die "Kafka did not open :$KAFKA_PORT within 60 s (see $KAFKA_LOG)"
  fi
  ensure_npm_deps
  wait_for 60 kafka kafka_ready || die "Kafka is listening but not usable within 60 s (see $KAFKA_LOG)"
}

kafka_stop() { stop_pidfile "$KAFKA_PIDFILE" kafka; }
kafka_status() { port_open "$KAFKA_PORT" && [ -d "$BOTFLOW_ROOT/node_modules/kafkajs" ] && kafka_ready; }
kafka_logfile() { echo "$KAFKA_LOG"; }
