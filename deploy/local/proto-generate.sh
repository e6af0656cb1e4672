#!/usr/bin/env bash
# Generates TypeScript for proto/ with buf's npm-shipped binary (offline); skipped when the .proto files are unchanged.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../../proto"
stamp=gen/.inputs.sha256
want=$(cat buf.yaml buf.gen.yaml $(find botflow -name '*.proto' | sort) | sha256sum | cut -d' ' -f1)
[ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && exit 0
rm -rf gen
PATH="$PWD/../node_modules/.bin:$PATH" buf lint
PATH="$PWD/../node_modules/.bin:$PATH" buf generate
echo "$want" >"$stamp"
