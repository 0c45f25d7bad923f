"""Transport and trust: a package's bag, its signature, and bringing it safely into staging.

Nothing here reads what a package's content says (that is ``content.readers``).
"""
