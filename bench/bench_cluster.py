"""Benchmark: 1 instance vs 2 instances behind HAProxy (PostgreSQL, Redis), at 10 and 50 conversations.

Per setting: p50 and p95 per turn, turns per second, CPU-seconds per turn over every process the
cluster runs (Rasa, action servers, HAProxy, Redis) plus the PostgreSQL server's processes, and
peak memory per instance (Rasa server; action server). The starter bot's memory (`rasa init`,
trained fresh, as in bench_rest.py) is the reference. Figures only: nothing is asserted.
"""

from __future__ import annotations

import argparse
import os
import secrets
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Dict, List

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.bench_rest import OUR_TURNS, STARTER_TURNS, post, rss_mb, run_load, start_starter_bot  # noqa: E402
from bot.runtime.cluster import Cluster, create_database, drop_database  # noqa: E402
from bot.runtime.servers import ROOT, free_port  # noqa: E402

TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pids: List[int]) -> float:
    """utime + stime of the processes and their children (dead children included, via cutime/cstime)."""
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += sum(int(f) for f in fields[11:15])
    return total / TICKS


def postgres_pids() -> List[int]:
    pids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if (entry / "comm").read_text().strip() == "postgres":
                    pids.append(int(entry.name))
            except OSError:
                pass
    return pids


def peak_rss(pids: List[int], stop: threading.Event, peaks: Dict[int, float]) -> None:
    while not stop.is_set():
        for pid in pids:
            peaks[pid] = max(peaks.get(pid, 0.0), rss_mb([pid]))
        time.sleep(0.5)


def load(url: str, users: int, conversations: int) -> Dict[str, float]:
    """Like bench_rest.run_load, but an error answer (429, 502, 503) is counted, not fatal."""
    import statistics
    import urllib.error
    from concurrent.futures import ThreadPoolExecutor

    latencies: List[float] = []
    errors = [0]

    def conversation(n: int) -> None:
        sender = f"bench-{users}-{n}-{time.time_ns()}"
        for text in OUR_TURNS:
            try:
                latencies.append(post(url, sender, text))
            except urllib.error.HTTPError:
                errors[0] += 1

    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=users) as pool:
        list(pool.map(conversation, range(conversations)))
    elapsed = time.perf_counter() - start
    ordered = sorted(latencies) or [0.0]
    return {"p50": statistics.median(ordered), "p95": ordered[max(0, int(len(ordered) * 0.95) - 1)],
            "throughput": len(latencies) / elapsed, "errors": errors[0]}


def measure(cluster: Cluster, users: int, conversations: int) -> Dict[str, float]:
    rasa = [a.processes[-1].pid for a in cluster.assistants]
    actions = [a.processes[0].pid for a in cluster.assistants]
    own = cluster.pids()
    before = cpu_seconds(own) + cpu_seconds(postgres_pids())
    stop, peaks = threading.Event(), {}
    sampler = threading.Thread(target=peak_rss, args=(rasa + actions, stop, peaks), daemon=True)
    sampler.start()
    result = load(cluster.webhook, users, conversations)
    stop.set()
    sampler.join()
    cpu = cpu_seconds(own) + cpu_seconds(postgres_pids()) - before
    turns = max(1, conversations * len(OUR_TURNS) - result["errors"])
    return {**result, "cpu_per_turn": cpu / turns, "rasa_mb": max(peaks[p] for p in rasa),
            "actions_mb": max(peaks[p] for p in actions)}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--users", default="10,50")
    parser.add_argument("--instances", default="1,2")
    parser.add_argument("--conversations-per-user", type=int, default=1)
    parser.add_argument("--no-starter", action="store_true", help="skip the starter bot's memory reference")
    args = parser.parse_args()
    model = ROOT / "models" / "assistant.tar.gz"
    rows = []
    for instances in [int(n) for n in args.instances.split(",")]:
        name = f"safeguarding_bench_{secrets.token_hex(4)}"
        with tempfile.TemporaryDirectory() as tmp:
            cluster = Cluster(model=model, instances=instances, port=free_port(), db_url=create_database(name),
                              log_dir=Path(tmp), extra_env={"RATE_LIMIT_IP_PER_MIN": "0",
                                                            "RATE_LIMIT_SENDER_PER_MIN": "0"})
            try:
                print(f"starting {instances} instance(s) behind HAProxy ...", flush=True)
                cluster.start()
                run_load(cluster.webhook, OUR_TURNS, instances, 2 * instances, [])  # warm every instance up
                for users in [int(u) for u in args.users.split(",")]:
                    rows.append((instances, users, measure(cluster, users, users * args.conversations_per_user)))
                    print(f"  {instances} instance(s), {users} conversations: done", flush=True)
            finally:
                cluster.stop()
                drop_database(name)
    starter_mb = None
    if not args.no_starter:
        with tempfile.TemporaryDirectory() as tmp:
            print("training the starter bot (rasa init --no-prompt) for the memory reference ...", flush=True)
            port = free_port()
            starter = start_starter_bot(Path(tmp), port)
            try:
                starter_mb = run_load(f"http://127.0.0.1:{port}/webhooks/rest/webhook", STARTER_TURNS, 10, 10,
                                      [starter.pid])["peak_mb"]
            finally:
                os.killpg(starter.pid, 15)
    print(f"\n{'inst':>4} {'users':>5} | {'p50':>8} {'p95':>8} {'turns/s':>8} {'CPU s/turn':>10} | "
          f"{'Rasa MB':>8} {'actions MB':>10} {'errors':>6}")
    for instances, users, r in rows:
        print(f"{instances:>4} {users:>5} | {r['p50']:>6.1f}ms {r['p95']:>6.0f}ms {r['throughput']:>8.1f} "
              f"{r['cpu_per_turn']:>10.3f} | {r['rasa_mb']:>8.0f} {r['actions_mb']:>10.0f} {r['errors']:>6}")
    by = {(i, u): r for i, u, r in rows}
    for users in sorted({u for _, u, _ in rows}):
        if (1, users) in by and (2, users) in by:
            print(f"{users} conversations: CPU per turn on 2 instances / 1 instance = "
                  f"{by[(2, users)]['cpu_per_turn'] / by[(1, users)]['cpu_per_turn']:.2f}x (target <= 1.1x)")
    if starter_mb:
        worst = max(r["rasa_mb"] for _, _, r in rows)
        print(f"starter bot (rasa init) peak {starter_mb:.0f} MB; our Rasa server per instance {worst:.0f} MB "
              f"= {worst / starter_mb:.2f}x; with its action server "
              f"{max(r['rasa_mb'] + r['actions_mb'] for _, _, r in rows) / starter_mb:.2f}x (target <= 1.5x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
