#!/usr/bin/env bash
# Installs the khojaly-kiosk from this USB kit with no network: apt reads only the packages in
# debs/ next to this script, installs the ones this machine lacks, and the kiosk's .deb.
# Run as root on Debian 12 (amd64):  sudo ./install.sh [--dry-run] [--allow-downgrade]
# Nothing is changed when something is missing: the script says what, in one sentence.
set -euo pipefail

kit=$(cd "$(dirname "$0")" && pwd)
dry_run=false
allow_downgrade=false
for arg in "$@"; do
  case $arg in
    --dry-run) dry_run=true ;;
    --allow-downgrade) allow_downgrade=true ;;
    -h|--help) sed -n '2,5p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "Unknown option $arg (see --help)." >&2; exit 2 ;;
  esac
done

fail() {  # one sentence, then: nothing was changed
  echo "$1" >&2
  echo "Nothing was installed or changed." >&2
  exit "${2:-1}"
}

[ "$(id -u)" = 0 ] || fail "Run this as root: sudo $0" 3
if ! command -v apt-get >/dev/null || ! command -v dpkg >/dev/null; then
  fail "This kit is for Debian 12; apt-get and dpkg were not found." 3
fi
[ "$(dpkg --print-architecture)" = amd64 ] \
  || fail "This kit is for amd64 (64-bit PC) machines; this one is $(dpkg --print-architecture)." 3
# shellcheck disable=SC1091
. /etc/os-release 2>/dev/null || true
if [ "${ID:-}" != debian ] || [ "${VERSION_ID:-}" != 12 ]; then
  fail "This kit is for Debian 12 (bookworm); this machine runs ${PRETTY_NAME:-an unknown system}." 3
fi

# The kit as copied: every file must match its checksum (a damaged or half-copied stick).
if ! damaged=$(cd "$kit" && sha256sum --quiet -c SHA256SUMS 2>/dev/null); then
  files=$(printf '%s\n' "$damaged" | sed -n 's/: FAILED.*//p' | paste -sd' ')
  fail "The kit is damaged or incomplete (${files:-SHA256SUMS unreadable}); copy it again from the build." 1
fi

debs=("$kit"/khojaly-kiosk_*_amd64.deb)
if [ ${#debs[@]} -ne 1 ] || [ ! -f "${debs[0]}" ]; then
  fail "The kit must hold exactly one khojaly-kiosk_*_amd64.deb." 1
fi
deb=${debs[0]}
new=$(dpkg-deb -f "$deb" Version)
old=$( (dpkg-query -W -f='${Status} ${Version}' khojaly-kiosk 2>/dev/null || true) \
      | awk '$3 == "installed" {print $4}')
if [ -n "$old" ] && dpkg --compare-versions "$old" gt "$new" && ! $allow_downgrade; then
  fail "khojaly-kiosk $old is installed, newer than this kit's $new; add --allow-downgrade to go back to $new (its data is kept)." 1
fi

# The former installer (packaging/install-debian.sh) put a git checkout where the package goes;
# the package's preinst refuses it too, but only after apt has installed the other packages.
if [ -f /opt/khojaly-kiosk/pyproject.toml ] && ! dpkg-query -S /opt/khojaly-kiosk >/dev/null 2>&1; then
  fail "/opt/khojaly-kiosk holds a kiosk installed from a git checkout; remove it first with /opt/khojaly-kiosk/packaging/uninstall-debian.sh (its archive, PIN and candles are kept and copied over by this install)." 1
fi

# Room for the program (in /opt) and for apt's work; the data folder needs its own margin.
need_kb=$(( $(dpkg-deb -f "$deb" Installed-Size) + $(du -sk "$kit/debs" | cut -f1) * 3 + 102400 ))
for folder in /opt /var; do
  free_kb=$(df -Pk "$folder" | awk 'NR == 2 {print $4}')
  if [ "$free_kb" -lt "$need_kb" ]; then
    fail "Installing needs $((need_kb / 1024)) MB free in $folder, but only $((free_kb / 1024)) MB are free; free some space first." 3
  fi
done

# apt sees only the kit: its own lists and cache in a temporary folder, the system's untouched.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/lists/partial" "$work/archives/partial" "$work/sources.list.d"
echo "deb [trusted=yes] file:$kit/debs ./" > "$work/sources.list"
apt_options=(-o "Dir::Etc::SourceList=$work/sources.list" -o "Dir::Etc::SourceParts=$work/sources.list.d"
             -o "Dir::State::Lists=$work/lists" -o "Dir::Cache::Archives=$work/archives"
             -o "Dir::Cache::pkgcache=" -o "Dir::Cache::srcpkgcache=" -o "Acquire::Languages=none"
             -o "APT::Install-Recommends=false")
apt-get "${apt_options[@]}" -qq update 2>"$work/update.err" \
  || fail "The kit's package list cannot be read ($(head -n 1 "$work/update.err"))." 1

# Plan first: what is missing from both this machine and the kit is named, nothing installed.
downgrade=()
$allow_downgrade && downgrade=(--allow-downgrades)
if ! apt-get "${apt_options[@]}" -s install "${downgrade[@]}" "$deb" > "$work/plan" 2>&1; then
  missing=$(grep -oE "Depends: [^ ]+( \([^)]*\))? but (it is not installable|it is not going to be installed|[^ ]+ is to be installed)" "$work/plan" \
            | awk '{print $2}' | sort -u | paste -sd' ')
  if [ -n "$missing" ]; then
    fail "These Debian packages are needed but are neither installed here nor on the kit: $missing." 1
  fi
  fail "apt cannot plan the installation: $(grep -m1 '^E:' "$work/plan" || tail -n 1 "$work/plan")" 1
fi
count=$(grep -c '^Inst ' "$work/plan" || true)
echo "Installing khojaly-kiosk $new${old:+ over $old} and $((count - 1)) Debian packages from the kit."
if $dry_run; then
  grep '^Inst ' "$work/plan" | awk '{print "  " $2}'
  echo "Dry run: nothing was installed."
  exit 0
fi
DEBIAN_FRONTEND=noninteractive apt-get "${apt_options[@]}" -y -q "${downgrade[@]}" \
  -o Dpkg::Options::=--force-confold install "$deb" > "$work/install.log" 2>&1 || {
  tail -n 20 "$work/install.log" >&2
  echo "The installation stopped (see above); run 'dpkg --configure -a' after fixing it." >&2
  exit 1
}
grep '^khojaly-kiosk:' "$work/install.log" || true  # what the maintainer scripts said
if [ -n "$old" ]; then
  echo "Done: khojaly-kiosk $new replaced $old; the archive, PIN, candles, kept packages and"
  echo "settings are as they were. The kiosk restarts on the new program (or at the next boot)."
else
  echo "Done: khojaly-kiosk $new is installed. Set the staff PIN (sudo khojaly-kiosk set-pin),"
  echo "check with 'sudo khojaly-kiosk doctor', then reboot into the kiosk."
fi
