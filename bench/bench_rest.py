"""Benchmark: REST latency per turn at 1, 10 and 50 concurrent conversations, beside Rasa's starter bot.

The starter bot (`rasa init --no-prompt`, trained fresh into a temporary directory) runs in the
same run on the same machine; we print our numbers, its numbers and the ratios. Targets are
reported, never asserted: single-user p50 <= 1.2x the starter bot, throughput >= 0.8x (issues 11, 13, 14).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Dict, List

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.runtime.servers import RASA, ROOT, Assistant, free_port, wait_for  # noqa: E402

# Issue 13.4-5: "no" to earlier concerns before the scale, then "no" to the three follow-up questions a smack
# raises (a mark? an implement? head or face?), so the benchmark carries the extra questions.
OUR_TURNS = ["I'm worried about a child", "no", "Norwich", "teacher", "9",
             "His dad smacked him on Saturday because he was cheeky. He comes in hungry most days.", "no",
             "His nan helps out", "Support for mum", "no", "5", "no", "no", "no", "yes", "yes", "they agreed", "no"]
STARTER_TURNS = ["hello", "I am sad", "yes", "great", "bye"]


def post(url: str, sender: str, text: str) -> float:
    body = json.dumps({"sender": sender, "message": text}).encode()
    request = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"})
    start = time.perf_counter()
    with urllib.request.urlopen(request, timeout=120) as response:
        response.read()
    return (time.perf_counter() - start) * 1000


def rss_mb(pids: List[int]) -> float:
    total = 0
    for pid in pids:
        for path in [f"/proc/{pid}/status"] + [f"/proc/{c}/status" for c in _children(pid)]:
            try:
                for line in Path(path).read_text().splitlines():
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
            except OSError:
                pass
    return total / 1024


def _children(pid: int) -> List[int]:
    try:
        out = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout.split()
    except OSError:
        return []
    kids = [int(p) for p in out]
    return kids + [g for k in kids for g in _children(k)]


def run_load(url: str, turns: List[str], users: int, conversations: int, pids: List[int]) -> Dict[str, float]:
    latencies: List[float] = []
    lock = threading.Lock()
    peak = [rss_mb(pids)]
    stop = threading.Event()

    def sample() -> None:
        while not stop.is_set():
            peak[0] = max(peak[0], rss_mb(pids))
            time.sleep(0.5)

    def conversation(n: int) -> None:
        sender = f"bench-{users}-{n}-{time.time_ns()}"
        for text in turns:
            ms = post(url, sender, text)
            with lock:
                latencies.append(ms)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=users) as pool:
        list(pool.map(conversation, range(conversations)))
    elapsed = time.perf_counter() - start
    stop.set()
    sampler.join()
    ordered = sorted(latencies)
    return {"p50": statistics.median(ordered), "p95": ordered[int(len(ordered) * 0.95) - 1],
            "throughput": len(latencies) / elapsed, "peak_mb": peak[0]}


def start_starter_bot(directory: Path, port: int) -> subprocess.Popen:
    env = dict(os.environ, RASA_TELEMETRY_ENABLED="false", TF_CPP_MIN_LOG_LEVEL="3")
    subprocess.run([RASA, "init", "--no-prompt", "--init-dir", str(directory)], cwd=directory, env=env,
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    log = open(directory / "server.log", "wb")  # noqa: SIM115 - lives as long as the server
    process = subprocess.Popen([RASA, "run", "--port", str(port), "--interface", "127.0.0.1"], cwd=directory,
                               env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    wait_for(f"http://127.0.0.1:{port}/", 300, process)
    return process


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--users", default="1,10,50")
    parser.add_argument("--conversations-per-user", type=int, default=3)
    args = parser.parse_args()
    levels = [int(u) for u in args.users.split(",")]
    model = ROOT / "models" / "assistant.tar.gz"
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        ours = Assistant(model=model, port=free_port(), action_port=free_port(),
                         db_url=f"sqlite:///{tmp_path}/bench.db", log_dir=tmp_path,
                         # 50 simulated users share one IP: the public per-IP limit would refuse them.
                         extra_env={"RATE_LIMIT_IP_PER_MIN": "0", "RATE_LIMIT_SENDER_PER_MIN": "0"})
        starter_dir = tmp_path / "starter"
        starter_dir.mkdir()
        starter_port = free_port()
        print("training the starter bot (rasa init --no-prompt) ...", flush=True)
        starter = start_starter_bot(starter_dir, starter_port)
        try:
            ours.start()
            # Warm both up with whole conversations, so both are measured in their steady state (ours has
            # code paths, such as the advice's first sentence encoding, that only the last turns reach).
            run_load(ours.webhook, OUR_TURNS, 1, 2, [])
            run_load(f"http://127.0.0.1:{starter_port}/webhooks/rest/webhook", STARTER_TURNS, 1, 2, [])
            print(f"{'users':>5} | {'ours p50':>9} {'p95':>7} {'turns/s':>8} {'MB':>6} | "
                  f"{'starter p50':>11} {'p95':>7} {'turns/s':>8} {'MB':>6} | {'p50 ratio':>9} {'tput ratio':>10}")
            for users in levels:
                n = users * args.conversations_per_user
                a = run_load(ours.webhook, OUR_TURNS, users, n, [p.pid for p in ours.processes])
                b = run_load(f"http://127.0.0.1:{starter_port}/webhooks/rest/webhook", STARTER_TURNS, users, n,
                             [starter.pid])
                print(f"{users:>5} | {a['p50']:>7.1f}ms {a['p95']:>5.0f}ms {a['throughput']:>8.1f} "
                      f"{a['peak_mb']:>6.0f} | {b['p50']:>9.1f}ms {b['p95']:>5.0f}ms {b['throughput']:>8.1f} "
                      f"{b['peak_mb']:>6.0f} | {a['p50'] / b['p50']:>8.2f}x {a['throughput'] / b['throughput']:>9.2f}x",
                      flush=True)
            print("targets: single-user p50 ratio <= 1.2x; throughput ratio >= 0.8x (reported, not asserted)")
        finally:
            ours.stop()
            os.killpg(starter.pid, 15)
    return 0


if __name__ == "__main__":
    sys.exit(main())
