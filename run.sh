#!/usr/bin/env bash
# First command of the README: install what is missing, build the demo archive on first run,
# open the kiosk (windowed; pass --fullscreen or --kiosk for the real thing).
set -euo pipefail
cd "$(dirname "$0")"
scripts/bootstrap.sh run
if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}${QT_QPA_PLATFORM:-}" ]; then
  echo "No display was found (DISPLAY is not set). Run this from a desktop session, or try it" >&2
  echo "headless with: xvfb-run -s '-screen 0 1920x1080x24' ./run.sh --screenshot kiosk.png --quit-after 20" >&2
  exit 3
fi
exec .venv/bin/khojaly-kiosk run "$@"
