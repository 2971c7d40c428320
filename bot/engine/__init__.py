"""Deciding: a ``Case`` in, one cited ``Advice`` out (level, route, section 47, red flags, consent and its reason).

Imports ``bot.language``, ``bot.guidance`` and ``bot.settings``; never features, rendering, storage or runtime.
The hit rules that read plain words beside the matcher are in ``bot.engine.rules``.
"""
