#!/usr/bin/env bash
# Writes the lock files in requirements/ from pyproject.toml: every transitive dependency pinned
# with the sha256 of each of its files, for every platform (Linux and Windows markers kept).
# Run after changing a dependency in pyproject.toml or requirements/*.in, then commit the .txt
# files. Needs uv (pip install uv==0.13.9) and the package index. bagit publishes only an sdist:
# its wheel, built once, lies in requirements/wheels/ and its hash is locked like the others.
set -euo pipefail
cd "$(dirname "$0")/.."
uv=${UV:-uv}
compile() {
  out=$1; shift
  "$uv" pip compile --quiet --universal --python-version 3.11 --generate-hashes \
    --find-links requirements/wheels --no-emit-find-links --custom-compile-command scripts/lock.sh \
    "$@" -o "requirements/$out"
}
compile run.txt pyproject.toml requirements/backend.in
compile dev.txt pyproject.toml requirements/backend.in --extra dev
compile bundle.txt pyproject.toml requirements/backend.in requirements/bundle.in
