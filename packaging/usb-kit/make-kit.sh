#!/usr/bin/env bash
# Builds the offline USB kit: the kiosk's .deb, every Debian package it needs that a minimal
# Debian 12 lacks, a local package index, checksums and install.sh. The closure is computed
# against a minimal Debian 12 root (debootstrap --variant=minbase), which is made once and kept in
# build/debian12-minbase; apt in that root downloads what it would install. Needs root, network
# access to the Debian mirror, debootstrap and dpkg-dev.
# Usage: packaging/usb-kit/make-kit.sh KHOJALY_DEB OUT_DIR
set -euo pipefail
[ $# -eq 2 ] || { echo "Usage: $0 KHOJALY_DEB OUT_DIR" >&2; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
deb=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
out=$2
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
security=${DEBIAN_SECURITY_MIRROR:-http://deb.debian.org/debian-security}
base=${KHOJALY_MINBASE:-$repo/build/debian12-minbase}

[ "$(id -u)" = 0 ] || { echo "make-kit.sh needs root (it runs apt inside a Debian 12 root)." >&2; exit 3; }
for tool in debootstrap dpkg-scanpackages; do
  command -v "$tool" >/dev/null || { echo "make-kit.sh needs $tool (apt-get install debootstrap dpkg-dev)." >&2; exit 3; }
done

if [ ! -x "$base/usr/bin/apt-get" ]; then
  echo "Making a minimal Debian 12 root in $base (once; a few minutes)"
  rm -rf "$base.partial"
  debootstrap --variant=minbase bookworm "$base.partial" "$mirror" > "$base.log" 2>&1 \
    || { echo "debootstrap failed; see $base.log" >&2; exit 3; }
  mv "$base.partial" "$base"
fi

# A throw-away copy: the kept root stays exactly what debootstrap made.
work=$(mktemp -d "${TMPDIR:-/tmp}/khojaly-kit.XXXXXX")
trap 'rm -rf "$work"' EXIT
cp -a "$base" "$work/root"
root=$work/root
cat > "$root/etc/apt/sources.list" <<SOURCES
deb $mirror bookworm main
deb $mirror bookworm-updates main
deb $security bookworm-security main
SOURCES
cp /etc/resolv.conf "$root/etc/resolv.conf"
cp "$deb" "$root/tmp/"
# debootstrap leaves the packages it installed in apt's cache: only new downloads count.
rm -f "$root"/var/cache/apt/archives/*.deb
chroot "$root" apt-get update -qq
# What apt would install on that minimal system: downloaded, not installed.
chroot "$root" env DEBIAN_FRONTEND=noninteractive apt-get install -qq -y --download-only \
  --no-install-recommends "/tmp/$(basename "$deb")" >/dev/null

rm -rf "$out"
mkdir -p "$out/debs"
cp "$root"/var/cache/apt/archives/*.deb "$out/debs/"
cp "$deb" "$out/"
(cd "$out/debs" && dpkg-scanpackages --multiversion . /dev/null 2>/dev/null > Packages)
install -m 0755 "$here/install.sh" "$out/install.sh"
install -m 0644 "$here/README.txt" "$out/README.txt"
sums=$(cd "$out" && find . -type f -printf '%P\n' | sort | xargs sha256sum)
printf '%s\n' "$sums" > "$out/SHA256SUMS"
echo "$out: $(find "$out/debs" -name '*.deb' | wc -l) Debian packages, $(du -sh "$out" | cut -f1)"
