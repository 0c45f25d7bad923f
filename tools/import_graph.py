"""Print the import graph between the project's rooms, as Mermaid text (or DOT with --dot).

    python tools/import_graph.py            # paste into any Mermaid viewer (GitHub renders it)
    python tools/import_graph.py --dot | dot -Tsvg > imports.svg

Modules are folded into the rooms of docs/architecture.md; an arrow A --> B means some module
of A imports some module of B. ``lint-imports`` checks the arrows the design forbids; this
shows the ones that exist.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import grimp

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "khojaly_kiosk"
# Longest prefix first: a module belongs to the first room whose prefix it starts with.
ROOMS = (
    "ui.screens", "ui.widgets", "ui",
    "kiosk.core", "kiosk.staff", "kiosk",
    "content.readers", "content.trust", "content",
    "archive.repositories", "archive",
    "app", "commands", "cli", "doctor",
)


def room_of(module: str) -> str:
    name = module.removeprefix(PACKAGE + ".")
    if name == "__main__":
        return "cli"
    for room in ROOMS:
        if name == room or name.startswith(room + "."):
            return room
    return "base"  # settings, paths, resources, errors: imported by everyone


def room_edges() -> set[tuple[str, str]]:
    sys.path.insert(0, str(ROOT / "src"))
    graph = grimp.build_graph(PACKAGE)
    edges: set[tuple[str, str]] = set()
    for module in graph.modules:
        for imported in graph.find_modules_directly_imported_by(module):
            a, b = room_of(module), room_of(imported)
            if a != b and b != "base":
                edges.add((a, b))
    return edges


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dot", action="store_true", help="Graphviz DOT instead of Mermaid")
    args = parser.parse_args(argv)
    edges = sorted(room_edges())
    if args.dot:
        print("digraph imports {\n  rankdir=TB;")
        print("\n".join(f'  "{a}" -> "{b}";' for a, b in edges))
        print("}")
    else:
        print("graph TD")
        print("\n".join(f"  {a.replace('.', '_')}[{a}] --> {b.replace('.', '_')}[{b}]"
                        for a, b in edges))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
