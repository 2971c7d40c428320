"""`python -m bot.runtime.action_server run actions ...`: rasa_sdk's action server, answering only the Rasa servers.

Why: once the action server is reached over a network (several Rasa instances, issue 15) anyone
who can reach it could run actions with a made-up tracker: read the engine's advice, mint record
links, fill slots. Rasa sends the action endpoint's ``token`` from ``endpoints.yml`` as the
``token`` query parameter of every call; here every request but ``/health`` must carry the same
``ACTION_SERVER_TOKEN`` (compared with ``hmac.compare_digest``, constant time) or gets 401. The
server refuses to start without a token of at least 16 characters. ``bot/runtime/servers.py`` makes a fresh
random token per launch when none is set, and hands it to both servers in their environment.
"""

from __future__ import annotations

import hmac
import sys
from typing import Any, List, Optional

from bot.settings import env as read_env

TOKEN_ENV = "ACTION_SERVER_TOKEN"
MIN_TOKEN_CHARS = 16
OPEN_PATHS = ("/health",)


class ActionTokenError(ValueError):
    """No usable token: refuse to start an action server anyone could call."""


def server_token(env: Optional[dict] = None) -> str:
    token = read_env(TOKEN_ENV, environ=env)
    if len(token) < MIN_TOKEN_CHARS:
        raise ActionTokenError(f"the action server needs {TOKEN_ENV}: a random secret of at least {MIN_TOKEN_CHARS} "
                               "characters, the same one the Rasa servers send (endpoints.yml action_endpoint.token)")
    return token


def token_ok(expected: str, given: Optional[str]) -> bool:
    """Constant-time comparison; a missing token is never equal."""
    return bool(given) and hmac.compare_digest(expected.encode(), str(given).encode("utf-8", "replace"))


def protect(app: Any, token: str) -> Any:
    """Add the check to a Sanic app as its first request middleware."""
    from sanic import response

    @app.middleware("request")
    async def require_token(request: Any) -> Any:
        if request.path in OPEN_PATHS:
            return None
        if not token_ok(token, request.args.get("token")):
            return response.json({"error": "unauthorised: this action server answers only its Rasa servers"},
                                 status=401)
        return None

    return app


def add_record_route(app: Any) -> Any:
    """``POST /record`` with ``{"slots", "assessed_at"}``: the written record as text, built here.

    Why here: the record goes through the engine's one path, which loads the matcher and the
    TensorFlow sentence encoder. Built in the Rasa server (the download route), they were loaded a
    second time in every Rasa instance; the action server holds them already.
    """
    import asyncio

    from sanic import response

    @app.post("/record")
    async def record(request: Any) -> Any:
        from bot.features.record import record_text

        body = request.json if isinstance(request.json, dict) else {}
        slots = body.get("slots") if isinstance(body.get("slots"), dict) else {}
        built = await asyncio.get_running_loop().run_in_executor(None, record_text, slots, body.get("assessed_at"))
        if built is None:
            return response.json({"error": "no finished assessment"}, status=404)
        return response.json({"filename": built[0], "text": built[1]})

    return app


def install(token: str) -> None:
    """Redact this process's logs, and wrap rasa_sdk's ``create_app`` so the app it builds checks the token and
    renders records. Done at start, not when the actions package is imported (no work at import, issue 16)."""
    from rasa_sdk import endpoint

    from bot.privacy.redaction import install_log_redaction

    install_log_redaction()  # privacy (issue 6): user text never reaches the action server's logs

    original = endpoint.create_app

    def create_app(*args: Any, **kwargs: Any) -> Any:
        return protect(add_record_route(original(*args, **kwargs)), token)

    endpoint.create_app = create_app


def main(argv: List[str]) -> int:
    try:
        token = server_token()
    except ActionTokenError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    install(token)
    from rasa.__main__ import main as rasa_main

    sys.argv = ["rasa", *argv]
    rasa_main()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
