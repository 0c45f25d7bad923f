#!/usr/bin/env bash
# Builds khojaly-kiosk_<version>_amd64.deb from the one-folder bundle with dpkg-deb (no debhelper,
# no source package): the bundle in /opt/khojaly-kiosk, /usr/bin/khojaly-kiosk, the cage session
# unit, its PAM stack, the settings in /etc/khojaly-kiosk, and the maintainer scripts of this
# folder. Depends: the Debian libraries the bundle links (shlibdeps.py) and the session's packages.
# Usage: packaging/debian/build-deb.sh BUNDLE_DIR VERSION OUT_DIR
set -euo pipefail
[ $# -eq 3 ] || { echo "Usage: $0 BUNDLE_DIR VERSION OUT_DIR" >&2; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
packaging=$(dirname "$here")
bundle=$(cd "$1" && pwd)
version=$2
out=$3

# What the session needs besides the libraries the bundle links: the compositor, logind's PAM
# module, the user's D-Bus and sound server (PipeWire with its PulseAudio server; the kiosk's
# Qt Multimedia speaks PulseAudio), and Mesa's drivers, which libegl1/libgl1 only recommend.
readonly SESSION_DEPENDS="cage, systemd, libpam-systemd, dbus-user-session, pipewire-pulse,
  wireplumber, libegl-mesa0, libgl1-mesa-dri, libglx-mesa0, passwd, util-linux"

[ -x "$bundle/khojaly-kiosk" ] || { echo "$bundle is not a khojaly-kiosk bundle." >&2; exit 2; }
libraries=$(python3 "$here/shlibdeps.py" "$bundle")
# One comma-separated list: the libraries' packages, then the session's.
depends=$(printf '%s\n' "$libraries" "$SESSION_DEPENDS" | tr ',' '\n' | tr -d ' ' | grep -v '^$' \
          | paste -sd, | sed 's/,/, /g')

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
root=$stage/root
install -d "$root/DEBIAN" "$root/opt" "$root/usr/bin" "$root/usr/libexec/khojaly-kiosk" \
  "$root/lib/systemd/system" "$root/etc/khojaly-kiosk" "$root/etc/pam.d" \
  "$root/usr/share/doc/khojaly-kiosk"
cp -a "$bundle" "$root/opt/khojaly-kiosk"
install -m 0755 "$packaging/session/khojaly-kiosk" "$root/usr/bin/khojaly-kiosk"
install -m 0755 "$packaging/session/kiosk-session" "$root/usr/libexec/khojaly-kiosk/kiosk-session"
install -m 0644 "$packaging/systemd/khojaly-kiosk.service" "$root/lib/systemd/system/"
install -m 0644 "$packaging/systemd/khojaly-kiosk.pam" "$root/etc/pam.d/khojaly-kiosk"
install -m 0644 "$here/config.toml" "$root/etc/khojaly-kiosk/config.toml"
install -m 0644 "$packaging/README.md" "$root/usr/share/doc/khojaly-kiosk/README.md"
install -m 0644 "$packaging/../resources/fonts/OFL.txt" "$root/usr/share/doc/khojaly-kiosk/fonts-OFL.txt"
# Group and others may read and run the program, never write it.
chmod -R u+rwX,go+rX,go-w "$root/opt/khojaly-kiosk"

for script in preinst postinst prerm postrm; do
  install -m 0755 "$here/$script" "$root/DEBIAN/$script"
done
install -m 0644 "$here/conffiles" "$root/DEBIAN/conffiles"
installed_size=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
sed -e "s/@VERSION@/$version/" -e "s/@INSTALLED_SIZE@/$installed_size/" \
    -e "s/@DEPENDS@/$depends/" "$here/control.in" > "$root/DEBIAN/control"
(cd "$root" && find . -type f ! -path './DEBIAN/*' -printf '%P\0' | sort -z \
  | xargs -0 md5sum > DEBIAN/md5sums)

mkdir -p "$out"
deb=$out/khojaly-kiosk_${version}_amd64.deb
dpkg-deb --root-owner-group -Z"${DEB_COMPRESSION:-zstd}" --build "$root" "$deb" >/dev/null
echo "$deb"
