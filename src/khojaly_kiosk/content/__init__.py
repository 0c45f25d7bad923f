"""Content: from a curator's folder to a live archive generation. Never imports Qt.

- ``readers/``: the files of a content folder into a ``ContentBundle`` and a report.
- ``trust/``: a package's bag, its signature, and bringing it safely into staging.
- ``package``: a content folder sealed as a signed package, and verified again.
- ``pipeline``: importing a package into a new generation (``archive_writer``, ``media``,
  ``imaging``); ``installed``: the generations kept, status and rollback.
- ``bundle``, ``report``, ``progress``, ``fixity``: what all of them share.

The layers are an import-linter contract in ``pyproject.toml``.
"""
