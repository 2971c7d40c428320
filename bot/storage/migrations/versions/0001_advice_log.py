"""Create the advice log.

Revision ID: 0001_advice_log
Revises:
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

revision = "0001_advice_log"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "advice_log",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("created_at", sa.DateTime(timezone=False), nullable=False),
        sa.Column("sender_hash", sa.String(64), nullable=False),
        sa.Column("source", sa.String(32), nullable=False),
        sa.Column("area", sa.String(64)),
        sa.Column("level", sa.Integer),
        sa.Column("route", sa.String(32), nullable=False),
        sa.Column("s47", sa.Boolean, nullable=False),
        sa.Column("immediate_danger", sa.Boolean, nullable=False),
        sa.Column("indicator_ids", sa.JSON, nullable=False),
        sa.Column("consent_status", sa.String(16)),
        sa.Column("consent_needed", sa.Boolean),
        sa.Column("consent_tell_parents", sa.Boolean),
        sa.Column("consent_rationale", sa.String(64)),
        sa.Column("consent_source", sa.String(255)),
        sa.Column("guidance_version", sa.String(32), nullable=False),
    )
    op.create_index("ix_advice_log_created_at", "advice_log", ["created_at"])
    op.create_index("ix_advice_log_sender_hash", "advice_log", ["sender_hash"])


def downgrade() -> None:
    op.drop_index("ix_advice_log_sender_hash", table_name="advice_log")
    op.drop_index("ix_advice_log_created_at", table_name="advice_log")
    op.drop_table("advice_log")
