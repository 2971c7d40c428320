"""Several assistants behind HAProxy on one PostgreSQL database and one Redis: `make cluster`, its tests, its bench.

The pieces are started the way an operator would on separate hosts, here all on 127.0.0.1:
a private Redis (its own port, nothing on disk, so a test can stop it without touching the
machine's Redis), a database on the local PostgreSQL (created if missing), N action servers and
N Rasa servers (``bot/runtime/servers.py``, the same launcher as `make run`), and HAProxy with two
frontends: the public one (the widget and every webhook) and a private one that spreads the Rasa
servers' action calls over the action servers. All share one action token and ``REDIS_URL``.
"""

from __future__ import annotations

import contextlib
import shutil
import socket
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional

import sqlalchemy as sa

from bot.runtime.servers import ROOT, Assistant, LocalHttp, action_server_token, free_port
from bot.settings import env

DEFAULT_PG_ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/postgres"


def pg_admin_url() -> str:
    """PG_ADMIN_URL, else the local server's postgres database (trust auth)."""
    return env("PG_ADMIN_URL", DEFAULT_PG_ADMIN_URL)


def _port_open(port: int) -> bool:
    with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
        return True
    return False


def _stop(process: Optional[subprocess.Popen], timeout: float = 10) -> None:
    if process is None or process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@dataclass
class RedisServer:
    """A private redis-server child process; ``stop``/``start`` again keep the same port."""

    port: int = field(default_factory=free_port)
    log_dir: Path = ROOT / "build" / "logs"
    process: Optional[subprocess.Popen] = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def ping(self) -> bool:
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", self.port), timeout=1) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")
        return False

    def start(self, timeout: float = 20) -> None:
        server = shutil.which("redis-server") or "/usr/bin/redis-server"
        self.log_dir.mkdir(parents=True, exist_ok=True)
        log = open(self.log_dir / f"redis-{self.port}.log", "ab")  # noqa: SIM115 - lives with the process
        self.process = subprocess.Popen([server, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
                                         "--appendonly", "no", "--dir", str(self.log_dir)],
                                        stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + timeout
        while not self.ping():
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"redis-server did not start on port {self.port} (see {log.name})")
            time.sleep(0.1)

    def stop(self) -> None:
        _stop(self.process)
        self.process = None


def ensure_postgres(admin_url: Optional[str] = None) -> None:
    """Start the local PostgreSQL cluster if it is down (as the store tests do); raise if it stays down."""
    admin_url = admin_url or pg_admin_url()

    def up() -> bool:
        engine = sa.create_engine(admin_url)
        try:
            with engine.connect() as connection:
                connection.execute(sa.text("SELECT 1"))
            return True
        except sa.exc.OperationalError:
            return False
        finally:
            engine.dispose()

    if up():
        return
    versions = sorted(p.name for p in Path("/etc/postgresql").iterdir()) if Path("/etc/postgresql").exists() else []
    if versions:
        subprocess.run(["pg_ctlcluster", "--skip-systemctl-redirect", versions[-1], "main", "start"], check=False)
    for _ in range(30):
        if up():
            return
        time.sleep(1)
    raise RuntimeError(f"PostgreSQL at {admin_url} is not running and could not be started")


def create_database(name: str, admin_url: Optional[str] = None) -> str:
    """Create ``name`` if it does not exist; return its URL."""
    admin_url = admin_url or pg_admin_url()
    ensure_postgres(admin_url)
    admin = sa.create_engine(admin_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            exists = connection.execute(sa.text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}).first()
            if not exists:
                connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
    finally:
        admin.dispose()
    return str(sa.engine.make_url(admin_url).set(database=name))


def drop_database(name: str, admin_url: Optional[str] = None) -> None:
    admin_url = admin_url or pg_admin_url()
    admin = sa.create_engine(admin_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        admin.dispose()


def haproxy_config(port: int, rasa_ports: List[int], action_port: int, action_ports: List[int]) -> str:
    """Round robin (socketio: by client address), health checks every 2 s, and a refused connection
    retried on another server."""
    rasa = "\n".join(f"  server rasa{i + 1} 127.0.0.1:{p} check" for i, p in enumerate(rasa_ports))
    actions = "\n".join(f"  server actions{i + 1} 127.0.0.1:{p} check" for i, p in enumerate(action_ports))
    return f"""global
  maxconn 4096

defaults
  mode http
  timeout connect 2s
  timeout client 65s
  timeout server 65s
  # a busy instance answers its health check late: only a check unanswered for 10 s, three times, takes it out
  timeout check 10s
  retries 3
  option redispatch 1
  default-server inter 2s fall 3 rise 2

frontend assistant
  bind 127.0.0.1:{port}
  option forwardfor
  http-response set-header X-Instance %s
  acl socketio path_beg /socket.io
  use_backend rasa_socketio if socketio
  default_backend rasa

backend rasa
  balance roundrobin
  option httpchk GET /
{rasa}

# socketio keeps a session on one server: the same client address always reaches the same instance
backend rasa_socketio
  balance source
  hash-type consistent
  option httpchk GET /
{rasa}

frontend actions
  bind 127.0.0.1:{action_port}
  default_backend actions

backend actions
  balance roundrobin
  option httpchk GET /health
{actions}
"""


@dataclass
class Cluster(LocalHttp):
    """``instances`` Rasa servers and action servers behind HAProxy on ``port``."""

    model: Path
    instances: int = 2
    port: int = 8080
    db_url: str = ""
    log_dir: Path = ROOT / "build" / "logs" / "cluster"
    extra_env: Dict[str, str] = field(default_factory=dict)
    redis: Optional[RedisServer] = None
    assistants: List[Assistant] = field(default_factory=list)
    balancer: Optional[subprocess.Popen] = None
    action_port: int = field(default_factory=free_port)
    token: str = field(default_factory=action_server_token)

    def env(self) -> Dict[str, str]:
        assert self.redis is not None
        return {"REDIS_URL": self.redis.url, "ACTION_SERVER_TOKEN": self.token,
                "ACTION_ENDPOINT_URL": f"http://127.0.0.1:{self.action_port}/webhook",
                # HAProxy adds X-Forwarded-For; trust exactly one proxy so per-IP limits see the client.
                "SANIC_PROXIES_COUNT": "1", **self.extra_env}

    def start(self) -> Cluster:
        if not shutil.which("haproxy"):
            raise RuntimeError("haproxy is not installed: run `make haproxy`")
        self.log_dir.mkdir(parents=True, exist_ok=True)
        self.redis = self.redis or RedisServer(log_dir=self.log_dir)
        if self.redis.process is None:
            self.redis.start()
        self.assistants = [Assistant(model=self.model, port=free_port(), action_port=free_port(),
                                     db_url=self.db_url, log_dir=self.log_dir, extra_env=self.env(),
                                     action_token=self.token) for _ in range(self.instances)]
        try:
            with ThreadPoolExecutor(self.instances) as pool:
                list(pool.map(lambda a: a.start_actions(), self.assistants))
            self.start_balancer()
            with ThreadPoolExecutor(self.instances) as pool:
                list(pool.map(lambda a: a.start_rasa(), self.assistants))
            self.wait_balanced()
        except BaseException:
            self.stop()
            raise
        return self

    def start_balancer(self) -> None:
        config = self.log_dir / f"haproxy-{self.port}.cfg"
        config.write_text(haproxy_config(self.port, [a.port for a in self.assistants], self.action_port,
                                         [a.action_port for a in self.assistants]))
        log = open(self.log_dir / f"haproxy-{self.port}.log", "ab")  # noqa: SIM115 - lives with the process
        self.balancer = subprocess.Popen(["haproxy", "-db", "-f", str(config)], stdout=log, stderr=subprocess.STDOUT,
                                         start_new_session=True)
        deadline = time.monotonic() + 20
        while not (_port_open(self.port) and _port_open(self.action_port)):
            if self.balancer.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"haproxy did not start (see {log.name})")
            time.sleep(0.1)

    def wait_balanced(self, timeout: float = 30) -> None:
        """Until HAProxy's health checks see every Rasa server (each answers through the balancer)."""
        import urllib.request

        deadline = time.monotonic() + timeout
        seen: set = set()
        while len(seen) < self.instances and time.monotonic() < deadline:
            with contextlib.suppress(OSError), urllib.request.urlopen(self.url + "/", timeout=2) as answer:
                seen.add(answer.headers.get("X-Instance"))
            time.sleep(0.2)
        if len(seen) < self.instances:
            raise RuntimeError(f"only {sorted(seen)} answered through the balancer")

    def pids(self) -> List[int]:
        """Every process this cluster started (for CPU and memory accounting)."""
        processes = [p for a in self.assistants for p in a.processes]
        processes += [p for p in (self.balancer, self.redis.process if self.redis else None) if p is not None]
        return [p.pid for p in processes if p.poll() is None]

    def stop(self) -> None:
        for assistant in self.assistants:
            assistant.stop()
        _stop(self.balancer)
        self.balancer = None
        if self.redis is not None:
            self.redis.stop()
