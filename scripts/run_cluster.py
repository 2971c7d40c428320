"""`make cluster`: two assistants behind HAProxy on http://127.0.0.1:8080, on PostgreSQL and Redis.

Starts (bot/runtime/cluster.py): the database on the local PostgreSQL (created if missing, the server
started if down), a private Redis, two action servers, two Rasa servers and HAProxy. Ctrl+C,
SIGTERM or SIGHUP stop everything it started; the PostgreSQL server and the database stay.
"""

from __future__ import annotations

import argparse
import signal
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.runtime.cluster import Cluster, create_database  # noqa: E402
from bot.runtime.supervisor import log, run_until_stopped  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", type=Path, required=True)
    parser.add_argument("--instances", type=int, default=2)
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--database", default="safeguarding", help="PostgreSQL database (created if missing)")
    args = parser.parse_args()
    # Ctrl+C stops the cluster even when started from a shell that set SIGINT to "ignore" (a background job)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    cluster = Cluster(model=args.model, instances=args.instances, port=args.port)

    def serve() -> None:
        cluster.db_url = create_database(args.database)
        log(f"conversations and the advice log in {cluster.db_url}; starting Redis, "
            f"{args.instances} action servers, {args.instances} Rasa servers and HAProxy")
        cluster.start()
        print(f"\nThe cluster is running.\n  Web chat: open {cluster.url}/webhooks/web/ in a browser\n"
              f"  REST: POST {cluster.webhook}\n  Slack, Teams, record links: {cluster.url}/webhooks/...\n"
              f"  Rasa servers: {', '.join(a.url for a in cluster.assistants)}\n"
              f"  Redis: {cluster.redis.url if cluster.redis else '-'}\n  Logs: {cluster.log_dir}\n"
              "Press Ctrl+C to stop.", flush=True)
        while True:
            for n, assistant in enumerate(cluster.assistants, 1):
                for process in list(assistant.processes):
                    if process.poll() is not None:
                        log(f"instance {n}: a server (pid {process.pid}) stopped; HAProxy sends its traffic "
                            "to the others")
                        assistant.processes.remove(process)
            time.sleep(1)

    return run_until_stopped(serve, cluster.stop, "the cluster")

if __name__ == "__main__":
    sys.exit(main())
