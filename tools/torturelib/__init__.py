"""The torture suites behind ``tools/torture.py`` (issue 11, point 10).

Modules: ``common`` (results, snapshots, running the CLI), ``fixture`` (synthetic content, keys,
packages and data folders), ``bagtools`` (re-bagging and re-signing), ``kill``, ``corrupt``,
``mutations`` + ``hostile``, ``monkey`` (with its one adapter to the kiosk's internals).
"""
