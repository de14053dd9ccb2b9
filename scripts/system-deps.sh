#!/usr/bin/env bash
# Installs what the tests need outside PyPI, only when it is missing:
# poppler-utils (pdftotext, pdftoppm) and Debian's chromium for the browser tests,
# and the npm packages in package.json (axe-core for the accessibility checks).
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
[ -x /usr/bin/chromium ] || missing+=(chromium)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "Please install: ${missing[*]} (e.g. sudo apt-get install ${missing[*]})" >&2
    exit 1
  fi
fi

if [ -f package.json ] && [ ! -d node_modules ]; then
  npm install --no-audit --no-fund --silent
fi
