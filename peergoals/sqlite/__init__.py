"""Django's SQLite backend with group commit (see `base`)."""
