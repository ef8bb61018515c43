#!/usr/bin/env bash
# `npm run setup`: what npm cannot install. Chromium for the browser tests, from
# Debian's packages (no browser download works offline; FACTS: playwright install fails).
set -euo pipefail
if [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  echo "consentry: chromium present ($("${CHROMIUM_PATH:-/usr/bin/chromium}" --version 2>/dev/null || echo unknown))"
  exit 0
fi
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-dejavu-core
