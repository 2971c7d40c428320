"""Storage: the conversation tracker store (and, later, the advice log)."""
