#!/usr/bin/env bash
# Installs what the kiosk needs on a Debian/Ubuntu machine: the Debian libraries Qt loads, a
# virtual environment in .venv and the Python packages of the lock file requirements/<mode>.txt
# (every package pinned with its sha256; wheels only, bagit's from requirements/wheels/). Safe to
# run again: it only installs what is missing. Usage: scripts/bootstrap.sh [run|dev]
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-run}

# Qt's X11 platform plugin and its offscreen/EGL needs; Xvfb for a real window without a monitor.
deb_packages="libxcb-cursor0 libxkbcommon-x11-0 libxkbcommon0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0
  libxcb-render-util0 libxcb-xinerama0 libxcb-randr0 libxcb-shape0 libxcb-xkb1 libx11-xcb1 libegl1 libgl1
  libfontconfig1 libglib2.0-0 libdbus-1-3 xvfb xauth
  libpulse0"  # QtMultimedia (testimony audio/video) links PulseAudio's client library
if [ "$mode" = dev ]; then
  # systemd-analyze verifies the unit, shellcheck the scripts, readelf the Qt plugin libraries
  deb_packages="$deb_packages systemd shellcheck binutils"
fi

python=${PYTHON:-python3}
if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  echo "The kiosk needs Python 3.11 or newer; '$python' is missing or older. Install python3 (3.11+)." >&2
  exit 3
fi

if command -v dpkg-query >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
  missing=()
  for pkg in $deb_packages; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  "$python" -c 'import ensurepip, venv' 2>/dev/null || missing+=("python3-venv")
  if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ]; then sudo=(); elif command -v sudo >/dev/null 2>&1; then sudo=(sudo); else
      echo "These Debian packages are missing and neither root nor sudo is available: ${missing[*]}" >&2
      exit 3
    fi
    echo "Installing Debian packages: ${missing[*]}"
    "${sudo[@]}" apt-get update -qq
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      "${missing[@]}" >/dev/null
  fi
else
  echo "Not a Debian/Ubuntu system: install Qt's xcb libraries yourself (see README)." >&2
fi

if [ ! -x .venv/bin/python ]; then
  echo "Creating the virtual environment in .venv"
  "$python" -m venv .venv
fi
case $mode in
  run|dev) lock=requirements/$mode.txt ;;
  *) echo "Usage: scripts/bootstrap.sh [run|dev]" >&2; exit 2 ;;
esac
stamp=".venv/.installed-$mode"
want=$(cat "$lock" pyproject.toml | sha256sum | cut -d' ' -f1)
# The dev install includes everything the run install has.
if [ "$mode" = run ] && [ -f .venv/.installed-dev ] \
    && [ "$(cat .venv/.installed-dev)" = "$(cat requirements/dev.txt pyproject.toml | sha256sum | cut -d' ' -f1)" ]; then
  stamp=.venv/.installed-dev
  want=$(cat "$stamp")
fi
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "Installing Python packages into .venv from $lock (first time only; a few minutes)"
  pip=(.venv/bin/python -m pip --disable-pip-version-check -q)
  # --require-hashes: every file must match the lock; --only-binary: nothing is built from source.
  if ! "${pip[@]}" install --require-hashes --no-deps --only-binary :all: \
      --find-links requirements/wheels -r "$lock"; then
    echo "The Python packages of $lock could not be installed (see pip's message above). Without" >&2
    echo "network access to the Python package index, copy a wheelhouse and set PIP_FIND_LINKS." >&2
    exit 3
  fi
  # The project itself, editable, built with the locked setuptools: no download.
  "${pip[@]}" install --no-deps --no-build-isolation --no-index -e .
  # Bytecode at install, not at the kiosk's first start (pip compiled the packages it installed;
  # the editable project is compiled here; Python recompiles a file edited later by itself).
  .venv/bin/python -m compileall -q src >/dev/null || true
  rm -f .venv/.installed-run .venv/.installed-dev
  echo "$want" > "$stamp"
fi
