"""Keep the two servers of `make run` up, and take them down with the launcher.

Why: the servers run in sessions of their own (so Ctrl+C reaches only the launcher, which then
stops them in order), so a SIGTERM from a service manager or `kill`, or the SIGHUP of a closed
terminal, used to end the launcher alone and leave both servers orphaned on their ports. And a
crash of one server used to end the launcher, taking the other down with it: silence for
everyone. Here a stop signal becomes ``StopSignalError`` (handled like Ctrl+C), and a crashed
server is restarted after a growing pause, with a log line, while the other keeps serving; while
the action server is down the Rasa server answers with the safety net (``bot/runtime/rasa_ext.py``).
"""

from __future__ import annotations

import contextlib
import signal
import subprocess
import sys
import time
import urllib.error
from dataclasses import dataclass
from typing import Callable, Iterator, List, NoReturn, Optional

from bot.runtime.servers import Assistant

STOP_SIGNALS = (signal.SIGTERM, signal.SIGHUP)
FIRST_DELAY = 1.0
MAX_DELAY = 30.0
STABLE_AFTER = 60.0  # seconds up before a server's restart count (and pause) goes back to the start


class StopSignalError(Exception):
    """A stop signal arrived: stop both servers and exit, as for Ctrl+C."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


def _raise_stop(signum: int, _frame: object) -> None:
    raise StopSignalError(signum)


@contextlib.contextmanager
def stop_on_signals() -> Iterator[None]:
    """Turn SIGTERM and SIGHUP into ``StopSignalError`` in the main thread, for the duration."""
    previous = {sig: signal.signal(sig, _raise_stop) for sig in STOP_SIGNALS}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


@contextlib.contextmanager
def signals_held() -> Iterator[None]:
    """Ignore stop signals and Ctrl+C while stopping, so a second one cannot cut the clean-up short
    (``Assistant.stop`` still ends with SIGKILL after 20 seconds per server)."""
    sigs = (*STOP_SIGNALS, signal.SIGINT)
    previous = {sig: signal.signal(sig, signal.SIG_IGN) for sig in sigs}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def log(message: str) -> None:
    print(f"[launcher {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def describe_exit(code: Optional[int]) -> str:
    if code is not None and code < 0:
        with contextlib.suppress(ValueError):
            return f"killed by {signal.Signals(-code).name}"
    return f"exit code {code}"


def backoff(restarts: int) -> float:
    """Pause before restart number ``restarts`` (1, 2, 4 ... 30 seconds): a server that keeps crashing
    at start-up is not restarted in a tight loop."""
    return min(MAX_DELAY, FIRST_DELAY * 2 ** max(0, restarts - 1))


@dataclass
class Server:
    """One supervised server: how to start it, its current process, and its restart state."""

    name: str
    start: Callable[[], subprocess.Popen]
    process: Optional[subprocess.Popen] = None
    started_at: float = 0.0
    restarts: int = 0
    next_start: float = 0.0

    def check(self, assistant: Assistant, now: float) -> None:
        """Notice a crash (schedule a restart) or, when it is due, restart."""
        if self.process is not None:
            code = self.process.poll()
            if code is None:
                if self.restarts and now - self.started_at > STABLE_AFTER:
                    self.restarts = 0
                return
            assistant.forget(self.process)
            self._schedule(now, f"{self.name} (pid {self.process.pid}) stopped ({describe_exit(code)})")
            self.process = None
        elif now >= self.next_start:
            log(f"restarting the {self.name} (restart {self.restarts})")
            try:
                self.process = self.start()
            except (RuntimeError, TimeoutError, OSError, urllib.error.URLError, ValueError) as error:
                self._schedule(time.monotonic(), f"{self.name} failed to start ({error})")
                return
            self.started_at = time.monotonic()
            log(f"{self.name} is back (pid {self.process.pid})")

    def _schedule(self, now: float, what: str) -> None:
        self.restarts += 1
        delay = backoff(self.restarts)
        self.next_start = now + delay
        log(f"{what}; restarting it in {delay:.0f}s (restart {self.restarts})")


def supervise(assistant: Assistant, servers: List[Server], poll: float = 0.5) -> NoReturn:
    """Watch the servers until a signal or Ctrl+C ends the launcher (the caller stops them)."""
    while True:
        for server in servers:
            server.check(assistant, time.monotonic())
        time.sleep(poll)


def run_until_stopped(body: Callable[[], Optional[int]], stop: Callable[[], None], what: str) -> int:
    """Run a launcher's ``body``; Ctrl+C, SIGTERM or SIGHUP end it, and ``stop`` always runs, signals held.

    One place for the stop behaviour of ``make run`` and ``make cluster`` (issue 14.3: no orphaned servers).
    """
    with stop_on_signals():
        try:
            return body() or 0
        except KeyboardInterrupt:
            return 0
        except StopSignalError as stopped:
            log(f"{stopped}: stopping {what}")
            return 0
        finally:
            with signals_held():
                stop()
