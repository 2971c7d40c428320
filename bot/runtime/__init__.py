"""Running the assistant: the CLI, the launcher and its servers, the cluster, Rasa patches, warm-up, evaluation.

The top wing: it may import every other wing; nothing imports it except ``bot/__main__.py``, ``actions/`` and
``channels/``.
"""
