"""SQLAlchemy 1.4 model of the advice log (schema changes go through bot/storage/migrations/, never create_all)."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import declarative_base

Base = declarative_base()


class AdviceRecord(Base):
    """One piece of advice given: what was decided and on which guidance, never what the user typed."""

    __tablename__ = "advice_log"

    id = sa.Column(sa.Integer, primary_key=True, autoincrement=True)
    created_at = sa.Column(sa.DateTime(timezone=False), nullable=False, index=True)  # UTC
    sender_hash = sa.Column(sa.String(64), nullable=False, index=True)  # HMAC-SHA256 of the conversation id
    source = sa.Column(sa.String(32), nullable=False)  # "advice" (end of assessment) or "escalation" (mid-way)
    area = sa.Column(sa.String(64))  # guidance area id, e.g. "norfolk"; None out of area
    level = sa.Column(sa.Integer)  # threshold of need 1-4
    route = sa.Column(sa.String(32), nullable=False)  # 999, mash, cads, partnership_support, early_help, ...
    s47 = sa.Column(sa.Boolean, nullable=False, default=False)
    immediate_danger = sa.Column(sa.Boolean, nullable=False, default=False)
    indicator_ids = sa.Column(sa.JSON, nullable=False, default=list)  # ids from guidance/, e.g. "norfolk.l4.x"
    consent_status = sa.Column(sa.String(16))  # what the user said: given / refused / not_asked
    consent_needed = sa.Column(sa.Boolean)
    consent_tell_parents = sa.Column(sa.Boolean)
    consent_rationale = sa.Column(sa.String(64))  # a code from a closed set (bot/storage/audit/log.py), not prose
    consent_source = sa.Column(sa.String(255))  # the guidance section the consent advice cites
    guidance_version = sa.Column(sa.String(32), nullable=False)
