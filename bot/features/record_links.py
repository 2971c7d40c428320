"""Download links for the written record: a random token that expires.

The token is ``<random>.<expiry>``: 32 random URL-safe characters, then the expiry time as hex
seconds (8 hex digits, so redaction never mistakes it for a phone or NHS number). The whole token is
kept in the conversation (``record_token``); the download route compares it in constant time and
refuses it after the expiry, so a link copied into an email or a log stops working.
"""

from __future__ import annotations

import hmac
import secrets
import time
from typing import Any, Optional

from bot.settings import env

DEFAULT_TTL_SECONDS = 24 * 3600


def ttl_seconds() -> int:
    """RECORD_LINK_TTL_SECONDS, default 24 hours."""
    try:
        return max(60, int(env("RECORD_LINK_TTL_SECONDS", str(DEFAULT_TTL_SECONDS))))
    except ValueError:
        return DEFAULT_TTL_SECONDS


def mint(now: Optional[float] = None, ttl: Optional[int] = None) -> str:
    expires = int((now if now is not None else time.time()) + (ttl if ttl is not None else ttl_seconds()))
    return f"{secrets.token_urlsafe(24)}.{expires:x}"


def expires_at(token: str) -> Optional[int]:
    try:
        return int(token.rsplit(".", 1)[1], 16)
    except (IndexError, ValueError):
        return None


def token_matches(expected: Any, given: Optional[str]) -> bool:
    """The token shown with the record, compared in constant time."""
    return isinstance(expected, str) and bool(expected) and bool(given) and \
        hmac.compare_digest(expected.encode(), str(given).encode())


def token_valid(expected: Any, given: Optional[str], now: Optional[float] = None) -> bool:
    """The right token, and not expired. A token without an expiry is refused."""
    if not token_matches(expected, given):
        return False
    expiry = expires_at(str(given))
    return expiry is not None and (now if now is not None else time.time()) <= expiry
