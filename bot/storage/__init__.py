"""Storage: the conversation tracker store (redacted, fails loudly) and retention of what it holds.

The advice log (the audit trail) is in ``bot/storage/audit/``; what is kept and for how long is in docs/privacy.md.
"""
