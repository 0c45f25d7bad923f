"""Helpers shared by the tests: fakes, Qt input helpers, layout checks (no tests here)."""
