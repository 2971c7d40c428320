"""Redaction of personal details before anything is stored or logged (name lists in ``data/``, UK formats).

Imports only ``bot.language``, ``bot.guidance`` and ``bot.settings``.
"""
