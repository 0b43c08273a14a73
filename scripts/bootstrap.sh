#!/usr/bin/env bash
# Installs everything the site, its checks and its tests need, on a fresh machine or an old one.
# Idempotent: each step is skipped when what it installs is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=.venv
PYTHON=${PYTHON:-python3}

debian_packages=()
command -v chromium >/dev/null 2>&1 || debian_packages+=(chromium)
# The tests drive Chromium's headless shell (tests/harness/testing.py); the benchmarks the browser.
command -v chromium-headless-shell >/dev/null 2>&1 || debian_packages+=(chromium-headless-shell)
command -v ffmpeg >/dev/null 2>&1 || debian_packages+=(ffmpeg)
command -v pdftotext >/dev/null 2>&1 || debian_packages+=(poppler-utils)
command -v node >/dev/null 2>&1 || debian_packages+=(nodejs npm)
# The Nu Html Checker (npm's vnu-jar, tests/test_html_validity.py) runs on Java.
command -v java >/dev/null 2>&1 || debian_packages+=(default-jre-headless)
if [ ${#debian_packages[@]} -gt 0 ]; then
  installed=yes
  echo "bootstrap: installing Debian packages: ${debian_packages[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${debian_packages[@]}" >/dev/null
fi

if [ ! -x "$VENV/bin/python" ]; then
  # The pinned packages (pymdown-extensions 13) need Python 3.11.5 or newer; Debian 12's own
  # python3 is 3.11.2.
  if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11, 5))' 2>/dev/null; then
    echo "bootstrap: Python 3.11.5 or newer is needed; $PYTHON is $("$PYTHON" --version 2>&1 || echo missing)." >&2
    echo "bootstrap: install one (with pyenv, say), then run: PYTHON=/path/to/python3 make setup" >&2
    exit 1
  fi
  installed=yes
  echo "bootstrap: creating $VENV"
  "$PYTHON" -m venv "$VENV"
fi
stamp="$VENV/.requirements.sha256"
wanted=$(cat requirements.txt pyproject.toml | sha256sum | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$wanted" ]; then
  installed=yes
  echo "bootstrap: installing Python requirements"
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check -r requirements.txt
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check --no-build-isolation --no-deps -e .
  echo "$wanted" > "$stamp"
fi

if [ -f package-lock.json ]; then
  npm_stamp=node_modules/.package-lock.sha256
  npm_wanted=$(sha256sum package-lock.json | cut -d' ' -f1)
  if [ ! -f "$npm_stamp" ] || [ "$(cat "$npm_stamp")" != "$npm_wanted" ]; then
    installed=yes
    echo "bootstrap: installing npm packages"
    npm ci --silent --no-audit --no-fund
    echo "$npm_wanted" > "$npm_stamp"
  fi
fi
# Quiet when there was nothing to do: the command that follows speaks for itself.
[ "${installed:-}" = yes ] && echo "bootstrap: ready"
exit 0
