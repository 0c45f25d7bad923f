#!/usr/bin/env bash
# Second command of the README: install what is missing, then lint, check the import
# contract and types, and run the whole test suite (Qt offscreen, no display needed).
set -euo pipefail
cd "$(dirname "$0")"
scripts/bootstrap.sh dev
export QT_QPA_PLATFORM=offscreen
echo "== ruff"; .venv/bin/ruff check src tests benchmarks tools main.py
echo "== import contracts"; .venv/bin/lint-imports
echo "== mypy (the whole package)"; .venv/bin/mypy
echo "== pytest"; .venv/bin/python -m pytest "$@"
