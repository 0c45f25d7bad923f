#!/usr/bin/env python3
"""Names the Debian packages a one-folder bundle needs: what dpkg-shlibdeps does, for a
PyInstaller bundle that has no debian/ source tree.

Every ELF file in the bundle lists the libraries it links (DT_NEEDED). Those the bundle does not
carry itself are looked up in the build machine's linker cache and mapped to the Debian package
that owns them. Run on Debian 12 (the target). Prints the packages, one per line; exits 1 and
names the libraries it cannot place.

Usage: shlibdeps.py BUNDLE_DIR
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

# Libraries a kept plugin may link that the build machine need not have installed.
KNOWN = {
    "libwayland-client.so.0": "libwayland-client0",
    "libwayland-cursor.so.0": "libwayland-cursor0",
    "libwayland-egl.so.1": "libwayland-egl1",
}

LIBRARY_DIRS = ("/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib64", "/usr/lib")


def elf_files(bundle: Path) -> list[Path]:
    found = []
    for path in sorted(bundle.rglob("*")):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as handle:
                if handle.read(4) == b"\x7fELF":
                    found.append(path)
    return found


def needed(binary: Path) -> list[str]:
    out = subprocess.run(["readelf", "-d", "-W", str(binary)], capture_output=True, text=True,
                         check=False).stdout
    return re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", out)


def linker_cache() -> dict[str, str]:
    out = subprocess.run(["/sbin/ldconfig", "-p"], capture_output=True, text=True,
                         check=True).stdout
    cache: dict[str, str] = {}
    for line in out.splitlines():
        match = re.match(r"\s+(\S+) \(libc6,x86-64[^)]*\) => (\S+)", line)
        if match:
            cache.setdefault(match.group(1), match.group(2))
    return cache


def owner(path: str) -> str | None:
    candidates = {path, os.path.realpath(path)}
    for candidate in list(candidates):  # Debian 12 merges /lib into /usr/lib
        if candidate.startswith("/usr/lib/"):
            candidates.add(candidate.removeprefix("/usr"))
        elif candidate.startswith("/lib/"):
            candidates.add("/usr" + candidate)
    for candidate in sorted(candidates):
        result = subprocess.run(["dpkg-query", "-S", candidate], capture_output=True, text=True,
                                check=False)
        if result.returncode == 0:
            return result.stdout.split(":")[0].strip()
    return None


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    bundle = Path(argv[1])
    files = elf_files(bundle)
    carried = {path.name for path in bundle.rglob("*")}
    wanted = sorted({lib for binary in files for lib in needed(binary)} - carried)
    cache = linker_cache()
    packages: set[str] = set()
    unplaced = []
    for lib in wanted:
        # The cache lists sonames; a library linked by another name (libbz2.so.1) is a file.
        path = cache.get(lib) or next((str(Path(d) / lib) for d in LIBRARY_DIRS
                                       if (Path(d) / lib).exists()), None)
        package = owner(path) if path else None
        package = package or KNOWN.get(lib)
        if package is None:
            unplaced.append(lib)
        else:
            packages.add(package)
    if unplaced:
        print(f"No Debian package provides {', '.join(unplaced)} on this build machine; install "
              "the packages that do, or add them to KNOWN in this script.", file=sys.stderr)
        return 1
    print("\n".join(sorted(packages)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
