#!/usr/bin/env bash
# Installs khojaly-kiosk as an unattended kiosk on Debian 12 / Ubuntu 24.04 (run as root):
# copies this checkout to /opt/khojaly-kiosk, installs its Python environment and the cage
# compositor, creates the "kiosk" user, installs the systemd unit and its PAM stack, builds the
# demo archive and enables the kiosk for the next boot. Running it again updates the code and
# changes nothing that is already in place. See packaging/README.md.
#
# Usage: packaging/install-debian.sh [--prefix DIR] [--dry-run] [--no-enable]
set -euo pipefail

readonly UNIT_NAME=khojaly-kiosk.service
readonly UNIT_PATH=/etc/systemd/system/$UNIT_NAME
readonly PAM_PATH=/etc/pam.d/khojaly-kiosk
readonly KIOSK_USER=kiosk
readonly DEFAULT_PREFIX=/opt/khojaly-kiosk
# cage is the compositor; Qt's Wayland plugin (in the PySide6 wheel) loads the libwayland-*
# libraries, which cage does not pull in. bootstrap.sh installs the rest of what Qt needs.
# pam_systemd (libpam-systemd) registers the session with logind, which cage needs for the seat.
readonly SESSION_PACKAGES=(cage libwayland-client0 libwayland-cursor0 libwayland-egl1 libxkbcommon0
                          libpam-systemd rsync)
# A display manager would take the seat (gdm even uses tty1) and show a login screen.
readonly DISPLAY_MANAGERS="gdm3 gdm lightdm sddm lxdm slim"

prefix=$DEFAULT_PREFIX
dry_run=false
enable=true

usage() {
  cat <<'EOF'
Usage: packaging/install-debian.sh [--prefix DIR] [--dry-run] [--no-enable]
  --prefix DIR   install the program here (default /opt/khojaly-kiosk)
  --dry-run      print every action without doing anything
  --no-enable    install everything but do not enable the kiosk at boot
EOF
}

die() {
  printf 'install-debian.sh: %s\n' "$1" >&2
  [ -n "${2:-}" ] && printf '  %s\n' "$2" >&2
  exit "${3:-1}"
}

while [ $# -gt 0 ]; do
  case $1 in
    --prefix) [ $# -ge 2 ] || die "--prefix needs a folder." "" 2; prefix=$2; shift 2 ;;
    --prefix=*) prefix=${1#--prefix=}; shift ;;
    --dry-run) dry_run=true; shift ;;
    --no-enable) enable=false; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; die "Unknown option: $1" "" 2 ;;
  esac
done

# --- helpers --------------------------------------------------------------------------------
step() { printf '\n== %s\n' "$*"; }
note() { printf '   %s\n' "$*"; }

# Every action that changes the machine goes through run: printed always, executed unless
# --dry-run. Checks that only read (id, test, cmp) run directly, so the plan is accurate.
run() {
  printf '   +'
  printf ' %q' "$@"
  printf '\n'
  $dry_run || "$@"
}

# --- checks ---------------------------------------------------------------------------------
source_dir=$(cd "$(dirname "$0")/.." && pwd)
if [ ! -f "$source_dir/pyproject.toml" ] || [ ! -d "$source_dir/src/khojaly_kiosk" ]; then
  die "This script must stay in the packaging/ folder of a khojaly-kiosk checkout."
fi

case $prefix in
  /*) ;;
  *) die "--prefix must be an absolute folder, not '$prefix'." "" 2 ;;
esac
prefix=${prefix%/}
[ -n "$prefix" ] || die "--prefix / would overwrite the whole system." "" 2
# The copy deletes files that are not in the checkout: never do that to a folder that is not
# an earlier installation of the kiosk.
if [ -d "$prefix" ] && [ -n "$(ls -A "$prefix")" ] \
    && ! grep -qs '^name = "khojaly-kiosk"' "$prefix/pyproject.toml"; then
  die "$prefix is not empty and is not an earlier khojaly-kiosk installation." \
    "Choose another --prefix, or empty that folder first." 2
fi

if $dry_run; then
  echo "Dry run: nothing below is done, only printed."
elif [ "$(id -u)" != 0 ]; then
  die "Run this as root (sudo $0 ...), or add --dry-run to see what it would do." "" 3
fi
if ! $dry_run && ! command -v apt-get >/dev/null 2>&1; then
  die "This installer is for Debian and Ubuntu (apt-get was not found)." \
    "On other systems follow packaging/kiosk-session.md by hand." 3
fi
if ! $dry_run && [ ! -d /run/systemd/system ]; then
  note "systemd is not running here (a container or chroot?): the unit is installed and"
  note "enabled, but nothing is started or reloaded."
fi

venv_bin=$prefix/.venv/bin
kiosk_home=$(getent passwd "$KIOSK_USER" | cut -d: -f6 || true)
kiosk_home=${kiosk_home:-/home/$KIOSK_USER}
data_dir=$kiosk_home/.local/share/khojaly-kiosk
# As the kiosk user in a clean environment, as systemd starts the service: the kiosk then
# finds its data folder from HOME exactly as it will at boot (~/.local/share/khojaly-kiosk).
as_kiosk=(runuser -u "$KIOSK_USER" -- env -i HOME="$kiosk_home" USER="$KIOSK_USER" LANG=C.UTF-8
          PATH=/usr/local/bin:/usr/bin:/bin QT_QPA_PLATFORM=offscreen)
cd /  # the kiosk user may not be allowed into the folder this was started from

echo "Installing khojaly-kiosk from $source_dir to $prefix"

# --- 1. the program ----------------------------------------------------------------------------
step "Debian packages for the kiosk session: ${SESSION_PACKAGES[*]}"
missing=()
for pkg in "${SESSION_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" \
    || missing+=("$pkg")
done
if [ ${#missing[@]} -eq 0 ]; then
  note "already installed"
else
  run apt-get update -qq
  run env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    "${missing[@]}"
fi

step "Copying the program to $prefix (without .venv and .git)"
if [ "$source_dir" = "$prefix" ]; then
  note "running from $prefix itself: nothing to copy"
else
  run mkdir -p "$prefix"
  # --delete removes files dropped from the checkout; excluded paths (the venv) are kept.
  run rsync -a --delete --exclude=/.venv --exclude=/.git --exclude=__pycache__ \
    --exclude=.pytest_cache --exclude=.ruff_cache --exclude=.mypy_cache --exclude='*.egg-info' \
    --exclude=/build --exclude=/dist "$source_dir/" "$prefix/"
  run chown -R root:root "$prefix"
fi

step "Python environment in $prefix/.venv (scripts/bootstrap.sh: Qt's libraries, pinned packages)"
run "$prefix/scripts/bootstrap.sh" run
# Byte-compile as root: the kiosk user cannot write __pycache__ in /opt, so without this every
# start would compile the whole program again.
run "$venv_bin/python" -m compileall -q "$prefix/src"

# --- 2. the account and the session -----------------------------------------------------------
step "The '$KIOSK_USER' account the kiosk runs as (no password, no sudo)"
groups=()
for group in video input render; do
  getent group "$group" >/dev/null && groups+=("$group")
done
group_list=$(IFS=,; echo "${groups[*]}")
if id "$KIOSK_USER" >/dev/null 2>&1; then
  note "$KIOSK_USER exists"
  for group in "${groups[@]}"; do
    id -nG "$KIOSK_USER" | tr ' ' '\n' | grep -qx "$group" \
      || run usermod --append --groups "$group" "$KIOSK_USER"
  done
else
  run useradd --create-home --home-dir "$kiosk_home" --user-group \
    ${group_list:+--groups "$group_list"} --shell /usr/sbin/nologin \
    --comment "khojaly-kiosk" "$KIOSK_USER"
fi
# The unit makes the home read-only except these two; they must exist before it starts.
if [ ! -d "$data_dir" ] || [ ! -d "$kiosk_home/.cache" ]; then
  run runuser -u "$KIOSK_USER" -- mkdir -p "$data_dir" "$kiosk_home/.cache"
fi

step "systemd unit $UNIT_PATH and PAM stack $PAM_PATH"
unit_text=$(sed -e "s#$DEFAULT_PREFIX#$prefix#g" -e "s#/home/$KIOSK_USER/#$kiosk_home/#g" \
  "$source_dir/packaging/systemd/$UNIT_NAME")
if [ -f "$UNIT_PATH" ] && [ "$(cat "$UNIT_PATH")" = "$unit_text" ]; then
  note "$UNIT_PATH is up to date"
else
  [ "$prefix" != "$DEFAULT_PREFIX" ] && note "paths in the unit changed to $prefix"
  printf '   + write %s\n' "$UNIT_PATH"
  $dry_run || { printf '%s\n' "$unit_text" > "$UNIT_PATH.tmp" \
                && chmod 0644 "$UNIT_PATH.tmp" && mv "$UNIT_PATH.tmp" "$UNIT_PATH"; }
fi
if cmp -s "$source_dir/packaging/systemd/khojaly-kiosk.pam" "$PAM_PATH"; then
  note "$PAM_PATH is up to date"
else
  run install -m 0644 "$source_dir/packaging/systemd/khojaly-kiosk.pam" "$PAM_PATH"
fi
if [ -d /run/systemd/system ] || $dry_run; then
  run systemctl daemon-reload
fi

# --- 3. the archive ------------------------------------------------------------------------
step "The archive in $data_dir"
if ! $dry_run && "${as_kiosk[@]}" "$venv_bin/khojaly-kiosk" status >/dev/null 2>&1; then
  note "an archive is installed already; it is kept"
else
  # `run` builds the demo archive on its first start; offscreen, it then quits by itself.
  run "${as_kiosk[@]}" "$venv_bin/khojaly-kiosk" run --quit-after 1
  if ! $dry_run && ! "${as_kiosk[@]}" "$venv_bin/khojaly-kiosk" status; then
    note "No archive could be built (demo_mode = false in config.toml?). The kiosk will show"
    note "its 'temporarily unavailable' screen until a package is imported; see next steps."
  fi
fi

# --- 4. start at boot ----------------------------------------------------------------------
if $enable; then
  step "Start the kiosk at boot"
  for dm in $DISPLAY_MANAGERS; do
    if [ "$(systemctl is-enabled "$dm.service" 2>/dev/null || true)" = enabled ]; then
      run systemctl disable "$dm.service"
    fi
  done
  if [ "$(systemctl get-default 2>/dev/null || true)" = graphical.target ]; then
    note "graphical.target is the default already"
  else
    run systemctl set-default graphical.target
  fi
  run systemctl enable "$UNIT_NAME"
else
  step "Not enabled (--no-enable): start it with systemctl start $UNIT_NAME"
fi

# --- next steps ----------------------------------------------------------------------------
cli="runuser -u $KIOSK_USER -- $venv_bin/khojaly-kiosk"
cat <<EOF

$($dry_run && echo "Dry run finished: nothing was changed." || echo "khojaly-kiosk is installed.")
Next steps:
  1. Set the staff PIN (without it, staff mode stays disabled):
       $cli set-pin
  2. For production, put in $data_dir/config.toml:
       trusted_keys = ["<the public key that khojaly-kiosk keygen printed>"]
       demo_mode = false
     then import your signed content package (from a folder $KIOSK_USER may read):
       $cli import /path/to/package.zip
  3. Check everything:  $cli doctor
  4. Reboot (or: systemctl restart $UNIT_NAME). Logs: journalctl -u $UNIT_NAME
     and $data_dir/logs/.
EOF
