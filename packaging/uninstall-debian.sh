#!/usr/bin/env bash
# Removes what packaging/install-debian.sh set up: stops and disables the kiosk, removes its
# systemd unit and PAM stack. The program folder, the "kiosk" user and its data (archives,
# staff PIN, usage counts, logs) are kept unless --purge is given. cage and the Debian
# libraries stay installed (other programs may use them).
#
# Usage: packaging/uninstall-debian.sh [--prefix DIR] [--purge] [--dry-run]
set -euo pipefail

readonly UNIT_NAME=khojaly-kiosk.service
readonly UNIT_PATH=/etc/systemd/system/$UNIT_NAME
readonly PAM_PATH=/etc/pam.d/khojaly-kiosk
readonly KIOSK_USER=kiosk

prefix=/opt/khojaly-kiosk
purge=false
dry_run=false

die() {
  printf 'uninstall-debian.sh: %s\n' "$1" >&2
  exit "${2:-1}"
}

while [ $# -gt 0 ]; do
  case $1 in
    --prefix) [ $# -ge 2 ] || die "--prefix needs a folder." 2; prefix=${2%/}; shift 2 ;;
    --purge) purge=true; shift ;;
    --dry-run) dry_run=true; shift ;;
    -h|--help) sed -n '7p' "$0" | sed 's/^# //'; exit 0 ;;
    *) die "Unknown option: $1 (see --help)" 2 ;;
  esac
done

run() {
  printf '   +'
  printf ' %q' "$@"
  printf '\n'
  $dry_run || "$@"
}

$dry_run && echo "Dry run: nothing below is done, only printed."
if ! $dry_run && [ "$(id -u)" != 0 ]; then
  die "Run this as root (sudo $0 ...), or add --dry-run to see what it would do." 3
fi

if [ -f "$UNIT_PATH" ]; then
  if [ -d /run/systemd/system ]; then
    run systemctl disable --now "$UNIT_NAME"
    run rm -f "$UNIT_PATH"
    run systemctl daemon-reload
  else  # a chroot or container: nothing runs, only the boot links go
    run systemctl disable "$UNIT_NAME"
    run rm -f "$UNIT_PATH"
  fi
fi
if [ -f "$PAM_PATH" ]; then
  run rm -f "$PAM_PATH"
fi

if $purge; then
  if [ -d "$prefix" ]; then
    grep -qs '^name = "khojaly-kiosk"' "$prefix/pyproject.toml" \
      || die "$prefix does not look like a khojaly-kiosk installation; not removing it." 2
    run rm -rf "$prefix"
  fi
  if id "$KIOSK_USER" >/dev/null 2>&1; then
    # --remove deletes the home folder and with it the archives, the PIN and the counters.
    run userdel --remove "$KIOSK_USER"
  fi
else
  echo "Kept $prefix and the '$KIOSK_USER' user with its data; --purge removes them too."
fi
echo "The kiosk no longer starts at boot. Re-enable a display manager if the machine needs"
echo "a desktop again, e.g.: systemctl enable gdm3 (or lightdm)."
