#!/usr/bin/env bash
# Creates .venv with a Python 3.10 (Rasa 3.6 needs < 3.11) and installs the project, pinned.
set -euo pipefail
cd "$(dirname "$0")/.."

find_python() {
  local candidate
  for candidate in "${PYTHON:-}" python3.10; do
    if [ -n "$candidate" ] && command -v "$candidate" >/dev/null 2>&1 \
       && "$candidate" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 10))' 2>/dev/null; then
      command -v "$candidate"; return 0
    fi
  done
  if command -v pyenv >/dev/null 2>&1; then
    for candidate in $(ls -d "$(pyenv root)"/versions/3.10.* 2>/dev/null | sort -V -r); do
      if [ -x "$candidate/bin/python" ]; then echo "$candidate/bin/python"; return 0; fi
    done
  fi
  return 1
}

if ! python=$(find_python); then
  echo "No Python 3.10 found. Rasa 3.6 needs Python 3.10: install it (e.g. 'pyenv install 3.10')" >&2
  echo "or point PYTHON at one: make run PYTHON=/path/to/python3.10" >&2
  exit 1
fi

if [ ! -x .venv/bin/python ] || ! .venv/bin/python -c 'import sys; sys.exit(sys.version_info[:2] != (3, 10))'; then
  echo "==> Creating .venv with $python"
  rm -rf .venv
  "$python" -m venv .venv
fi
echo "==> Installing the project and its pinned dependencies into .venv (first time: a few minutes)"
.venv/bin/python -m pip install -qq --upgrade "pip<25" wheel
.venv/bin/python -m pip install -qq --progress-bar off -c constraints.txt -e ".[test]"
touch .venv/.installed
