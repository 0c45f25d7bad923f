#!/usr/bin/env bash
# Builds everything an exhibition installer needs into dist/ (see packaging/README.md):
#   dist/khojaly_kiosk-<version>-py3-none-any.whl   the wheel (resources and demo inside)
#   dist/khojaly-kiosk/                              the one-folder bundle (PyInstaller)
#   dist/khojaly-kiosk_<version>_amd64.deb           the Debian 12 package (Linux only)
#   dist/usb-kit/                                    the offline installer (Linux, root only)
# Usage: packaging/build.sh [--no-deb] [--no-usb-kit]
# Python packages come only from the lock file requirements/bundle.txt (hashes checked).
set -euo pipefail
cd "$(dirname "$0")/.."


make_deb=true
make_kit=true
for arg in "$@"; do
  case $arg in
    --no-deb) make_deb=false; make_kit=false ;;
    --no-usb-kit) make_kit=false ;;
    -h|--help) sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "Unknown option $arg (see --help)." >&2; exit 2 ;;
  esac
done

version=$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' src/khojaly_kiosk/__init__.py)
[ -n "$version" ] || { echo "No __version__ in src/khojaly_kiosk/__init__.py." >&2; exit 2; }
python=${PYTHON:-python3}
venv=build/venv
dist=dist
timings=()
started=$SECONDS
step_started=$SECONDS
step() { printf '\n== %s\n' "$*"; step_started=$SECONDS; }
done_step() { timings+=("$(printf '%-10s %4d s' "$1" $((SECONDS - step_started)))"); }

# Debian tools the .deb and the kit need on the build machine (Debian 12): installed if missing.
if $make_deb && command -v apt-get >/dev/null; then
  tools=(binutils dpkg-dev libwayland-client0 libwayland-cursor0 libwayland-egl1)
  $make_kit && tools+=(debootstrap)
  missing=()
  for pkg in "${tools[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    [ "$(id -u)" = 0 ] || { echo "Install first: apt-get install ${missing[*]}" >&2; exit 3; }
    echo "Installing build tools: ${missing[*]}"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
      --no-install-recommends "${missing[@]}" >/dev/null
  fi
fi
if $make_kit && [ "$(id -u)" != 0 ]; then
  echo "The USB kit needs root (apt runs in a Debian 12 root); building without it." >&2
  make_kit=false
fi

step "Build environment $venv (requirements/bundle.txt)"
[ -x "$venv/bin/python" ] || "$python" -m venv "$venv"
want=$(sha256sum < requirements/bundle.txt | cut -d' ' -f1)
if [ "$(cat "$venv/.installed" 2>/dev/null)" != "$want" ]; then
  if ! "$venv/bin/python" -m pip install -q --disable-pip-version-check --require-hashes \
      --no-deps --only-binary :all: --find-links requirements/wheels -r requirements/bundle.txt; then
    echo "The locked Python packages (requirements/bundle.txt) could not be installed; see pip's" >&2
    echo "message above. The build needs the package index, or a wheelhouse in PIP_FIND_LINKS." >&2
    exit 3
  fi
  echo "$want" > "$venv/.installed"
fi
done_step venv

step "Wheel"
rm -rf build/lib "$dist"
mkdir -p "$dist"
"$venv/bin/python" -m pip wheel -q --disable-pip-version-check --no-deps --no-build-isolation \
  --no-index --wheel-dir "$dist" .
wheel=$dist/khojaly_kiosk-$version-py3-none-any.whl
"$venv/bin/python" -m pip install -q --disable-pip-version-check --no-deps --no-index \
  --force-reinstall "$wheel"
done_step wheel

step "One-folder bundle (PyInstaller)"
"$venv/bin/pyinstaller" --noconfirm --clean --log-level WARN --distpath "$dist" \
  --workpath build/pyinstaller packaging/pyinstaller/khojaly-kiosk.spec
bundle=$dist/khojaly-kiosk
"$bundle/khojaly-kiosk" --version
done_step bundle

deb=""
if $make_deb; then
  step "Debian package"
  deb=$(packaging/debian/build-deb.sh "$bundle" "$version" "$dist")
  done_step deb
fi
if $make_kit; then
  step "USB kit"
  packaging/usb-kit/make-kit.sh "$deb" "$dist/usb-kit"
  done_step usb-kit
fi

size() { du -sh --apparent-size "$1" | cut -f1; }
printf '\n== Built khojaly-kiosk %s in %d s\n' "$version" $((SECONDS - started))
printf '  %-52s %s\n' "$wheel" "$(size "$wheel")" "$bundle/ (unpacked)" "$(size "$bundle")"
[ -n "$deb" ] && printf '  %-52s %s\n' "$deb" "$(size "$deb")"
$make_kit && printf '  %-52s %s\n' "$dist/usb-kit/" "$(size "$dist/usb-kit")"
printf '  %s\n' "${timings[@]}"
