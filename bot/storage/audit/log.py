"""Write and read the advice log: one row per piece of advice, with codes and ids only.

The conversation id is stored as a keyed hash (HMAC-SHA256, key ``ADVICE_LOG_KEY``) so the
audit trail cannot be joined to a conversation by anyone who only has the log, while
`bot export` / `bot forget`, given the conversation id, still find its rows.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import logging
import threading
from functools import lru_cache
from typing import Any, Dict, List, Optional

import sqlalchemy as sa
from sqlalchemy.orm import Session, sessionmaker

from bot.engine.advice import Advice
from bot.engine.consent import REASONS
from bot.settings import env
from bot.storage.audit.migrate import advice_db_url, upgrade
from bot.storage.audit.models import AdviceRecord
from bot.storage.sqlite_tuning import tune_sqlite

logger = logging.getLogger(__name__)
DEFAULT_KEY = "safeguarding-assistant-advice-log"  # set ADVICE_LOG_KEY to a secret in production
_migrated: set = set()
_lock = threading.Lock()

# Consent rationale codes: a closed set, so no free text can reach the log. The engine decides the code with the
# consent advice (bot/engine/consent.py); the log only copies it.
RATIONALES = REASONS


def sender_hash(sender_id: str) -> str:
    key = env("ADVICE_LOG_KEY", DEFAULT_KEY).encode()
    return hmac.new(key, sender_id.encode("utf-8", "replace"), hashlib.sha256).hexdigest()


def consent_rationale(advice: Advice) -> str:
    """The engine's code for why the consent advice is what it is; anything outside the closed set is refused."""
    reason = advice.consent.reason
    if reason not in RATIONALES:
        raise ValueError(f"consent reason {reason!r} is not one of the advice log's codes")
    return reason


def advice_row(sender_id: str, advice: Advice, source: str, consent_status: Optional[str] = None,
               when: Optional[dt.datetime] = None) -> Dict[str, Any]:
    """The row's values: ids, codes and guidance references only (no user text, no names)."""
    source_ref = advice.consent.source
    return {
        "created_at": when or dt.datetime.utcnow(),
        "sender_hash": sender_hash(sender_id),
        "source": source,
        "area": advice.area,
        "level": advice.level,
        "route": advice.route,
        "s47": bool(advice.s47),
        "immediate_danger": bool(advice.immediate_danger),
        "indicator_ids": list(dict.fromkeys(i.id for i in advice.indicators)),
        "consent_status": consent_status if consent_status in ("given", "refused", "not_asked", "unsure") else None,
        "consent_needed": advice.consent.needed,
        "consent_tell_parents": advice.consent.tell_parents,
        "consent_rationale": consent_rationale(advice),
        "consent_source": f"{source_ref.document} {source_ref.section}"[:255] if source_ref else None,
        "guidance_version": advice.guidance_version,
    }


@lru_cache(maxsize=4)
def _sessions(url: str) -> sessionmaker:
    engine = tune_sqlite(sa.create_engine(url, pool_pre_ping=True))  # pooled WAL for an SQLite file
    return sessionmaker(bind=engine)


def session_for(url: Optional[str] = None) -> Session:
    """A session on the advice database, migrated to the latest schema once per process."""
    url = advice_db_url(url)
    with _lock:
        if url not in _migrated:
            upgrade(url)
            _migrated.add(url)
    return _sessions(url)()


def record_advice(sender_id: str, advice: Advice, source: str = "advice", consent_status: Optional[str] = None,
                  url: Optional[str] = None) -> bool:
    """Append one row. Returns False (and logs an error) if the database fails: the advice itself was
    already given, and a child's safety must not wait on the audit trail."""
    try:
        with session_for(url) as session:
            session.add(AdviceRecord(**advice_row(sender_id, advice, source, consent_status)))
            session.commit()
        return True
    except Exception as error:  # noqa: BLE001 - logged loudly, never hidden
        logger.error("Advice log write failed (the advice was given, the audit row is missing): %s", error)
        return False


def rows_for(sender_id: str, url: Optional[str] = None) -> List[Dict[str, Any]]:
    with session_for(url) as session:
        rows = session.query(AdviceRecord).filter(AdviceRecord.sender_hash == sender_hash(sender_id)) \
            .order_by(AdviceRecord.id).all()
        return [as_dict(r) for r in rows]


def as_dict(row: AdviceRecord) -> Dict[str, Any]:
    values = {c.name: getattr(row, c.name) for c in AdviceRecord.__table__.columns}
    values["created_at"] = row.created_at.isoformat() + "Z" if row.created_at else None
    return values


def forget(sender_id: str, url: Optional[str] = None) -> int:
    with session_for(url) as session:
        count = session.query(AdviceRecord).filter(AdviceRecord.sender_hash == sender_hash(sender_id)) \
            .delete(synchronize_session=False)
        session.commit()
        return count


def purge_before(cutoff: dt.datetime, url: Optional[str] = None) -> int:
    with session_for(url) as session:
        count = session.query(AdviceRecord).filter(AdviceRecord.created_at < cutoff) \
            .delete(synchronize_session=False)
        session.commit()
        return count


def record_from_slots(sender_id: str, advice: Advice, slots: Dict[str, Any], source: str) -> bool:
    """The actions' one call: the consent answer comes from the slots, everything else from the advice."""
    return record_advice(sender_id, advice, source=source, consent_status=slots.get("consent_status"))
