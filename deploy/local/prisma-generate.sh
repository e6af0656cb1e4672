#!/usr/bin/env bash
# Generates the Prisma client into packages/db/src/generated/prisma, offline, and only when prisma/schema.prisma
# or the Prisma version changed since the last run (a hash stamp sits beside the generated code).
# Run or source it from the repository root, with Node 24 on PATH and node_modules installed.

botflow_prisma_generate() {
  local schema=prisma/schema.prisma generated=packages/db/src/generated
  local stamp="$generated/.schema.sha256" want log engine
  if [ ! -f "$schema" ] || [ ! -x node_modules/.bin/prisma ]; then
    echo "prisma-generate: run from the repository root after npm install ($schema, node_modules/.bin/prisma)" >&2
    return 1
  fi

  want=$(node -e '
    const { createHash } = require("node:crypto");
    const hash = createHash("sha256").update(require("node:fs").readFileSync(process.argv[1]));
    process.stdout.write(hash.update(require("prisma/package.json").version).digest("hex"));
  ' "$schema") || return 1
  if [ -f "$generated/prisma/client.ts" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$want" ]; then
    return 0
  fi

  # generate needs no schema engine, but the CLI downloads one unless this points at an existing executable.
  # (`type -P`: `command -v true` would name the shell builtin, not a file.)
  engine="${PRISMA_SCHEMA_ENGINE_BINARY:-$(type -P true)}"
  if ! log=$(PRISMA_SCHEMA_ENGINE_BINARY="$engine" CHECKPOINT_DISABLE=1 PRISMA_HIDE_UPDATE_MESSAGE=1 \
    node_modules/.bin/prisma generate --schema "$schema" 2>&1); then
    printf '%s\n' "$log" >&2
    echo "prisma-generate: prisma generate failed" >&2
    return 1
  fi
  printf '%s\n' "$want" >"$stamp"
}

botflow_prisma_generate
