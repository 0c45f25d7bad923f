"""Content: source files, packages, importers and validation. Never imports Qt."""
