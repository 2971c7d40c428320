"""Alembic migrations for the advice log (see bot/storage/audit/migrate.py)."""
