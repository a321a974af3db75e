#!/bin/sh
# ctest fixture html_tools_setup: the HTML edition's test tools (axe-core, puppeteer-core, vnu-jar)
# exactly as tests/html/package-lock.json pins them, installed with `npm ci` into DEST (in the build
# tree, never the source tree). No install scripts run: puppeteer-core drives Debian's chromium and
# downloads no browser. Skipped when DEST already holds this lock's install, so a rerun needs no
# network.
#   setup.sh SRC_DIR DEST_DIR
set -eu
src="$1"; dest="$2"
mkdir -p "$dest"
if [ -f "$dest/node_modules/.package-lock.json" ] && cmp -s "$src/package-lock.json" "$dest/package-lock.json"; then
  echo "html tools: $dest is up to date with $src/package-lock.json"
  exit 0
fi
cp "$src/package.json" "$src/package-lock.json" "$dest/"
# Node's own root certificates lack a local CA (a proxy's) that the system's bundle has.
if [ -z "${NODE_EXTRA_CA_CERTS:-}" ] && [ -f /etc/ssl/certs/ca-certificates.crt ]; then
  export NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt
fi
cd "$dest"
npm ci --ignore-scripts --no-audit --no-fund --update-notifier=false
