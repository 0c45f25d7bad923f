"""The archive: SQLAlchemy models, repositories and generations. Never imports Qt."""
