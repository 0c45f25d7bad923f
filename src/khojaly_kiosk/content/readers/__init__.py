"""Readers: the files of a content folder (``docs/content-format.md``) into a ``ContentBundle``.

Pure format parsing: no bag, signature or archive generation is touched here.
"""
