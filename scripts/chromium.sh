#!/usr/bin/env bash
# Installs Debian's Chromium for the widget's browser tests, unless /usr/bin/chromium is there.
# (Playwright's own browser download cannot reach its servers here; the tests drive this one.)
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "No /usr/bin/chromium and no apt-get to install it: install Chromium by hand" >&2
  exit 1
fi
sudo=""
if [ "$(id -u)" != 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo="sudo -n"
  else
    echo "No /usr/bin/chromium, and installing it needs root: sudo apt-get install chromium" >&2
    exit 1
  fi
fi
echo "==> Installing Debian's chromium for the browser tests"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq chromium >/dev/null
test -x /usr/bin/chromium
