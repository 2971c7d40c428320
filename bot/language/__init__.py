"""Reading what people type: the spaCy pipeline, the sentence encoder, the concept matcher and ranker, parsing of
ages and durations, answer patterns (yes/no/unsure, consent states), roles, and one ``Reading`` per message.

Imports only ``bot.guidance`` and ``bot.settings``.
"""
