"""`make run` / `make shell`: start the action server and the assistant, and say where to talk to it.

The launcher then stays in front: Ctrl+C, SIGTERM or SIGHUP stop both servers, and a server that
crashes is restarted (``bot/runtime/supervisor.py``).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.runtime.servers import RASA, ROOT, AccessConfigError, Assistant  # noqa: E402
from bot.runtime.supervisor import Server, run_until_stopped, supervise  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", type=Path, required=True)
    parser.add_argument("--port", type=int, default=5005)
    parser.add_argument("--action-port", type=int, default=5055)
    parser.add_argument("--shell", action="store_true")
    # Access (issue 6): the Rasa HTTP API stays off unless asked for, and then needs RASA_API_TOKEN.
    parser.add_argument("--enable-api", action="store_true", help="also serve Rasa's HTTP API (needs RASA_API_TOKEN)")
    args = parser.parse_args()
    assistant = Assistant(model=args.model, port=args.port, action_port=args.action_port, enable_api=args.enable_api)
    try:
        assistant.rasa_args()  # refuse unsafe access settings before starting anything
    except AccessConfigError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2

    def serve() -> int:
        actions = assistant.start_actions()
        if args.shell:
            return subprocess.call([RASA, "shell", "--model", str(args.model), "--endpoints", "endpoints.yml",
                                    "--port", str(args.port), "--interface", "127.0.0.1"],
                                   cwd=ROOT, env=assistant.env())
        rasa = assistant.start_rasa()
        print(f"\nThe assistant is running.\n  Web chat: open {assistant.url}/webhooks/web/ in a browser\n"
              f"  REST: POST {assistant.webhook}  "
              '{"sender": "me", "message": "hello"}\n  Logs: build/logs/\nPress Ctrl+C to stop.', flush=True)
        supervise(assistant, [Server("action server", assistant.start_actions, actions, time.monotonic()),
                              Server("Rasa server", assistant.start_rasa, rasa, time.monotonic())])

    # SIGTERM / SIGHUP stop both servers, as Ctrl+C does
    return run_until_stopped(serve, assistant.stop, "both servers")


if __name__ == "__main__":
    sys.exit(main())
