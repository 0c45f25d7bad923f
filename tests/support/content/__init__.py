"""Helpers shared by content tests: synthetic content folders, packages and recordings."""
