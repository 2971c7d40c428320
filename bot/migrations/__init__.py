"""Alembic migrations for the advice log (see bot/audit/migrate.py)."""
