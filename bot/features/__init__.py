"""What the assistant does with the engine: the assessment conversation (slots -> ``Case``, follow-up questions,
listening), quick questions, call rehearsal and the record.

Imports the engine, rendering, language and guidance wings; never storage or runtime.
"""
