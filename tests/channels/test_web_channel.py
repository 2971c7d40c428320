"""The web widget's channel, without a browser: the three files, the security headers, no path traversal.

A real Sanic server (in a thread, on a free port) with the blueprint mounted the way Rasa mounts it,
and raw HTTP requests, so paths like ``/../`` reach the server exactly as written.
"""

from __future__ import annotations

import asyncio
import re
import socket
import threading
import uuid
from pathlib import Path
from typing import Dict, Iterator, Tuple

import pytest
import yaml
from rasa.core.channels.channel import InputChannel, register
from sanic import Sanic

from channels.web import FILES, WEB_DIR, WebChatInput, read_file

ROOT = Path(__file__).resolve().parents[2]
SECRET = "fictional-secret-do-not-serve"


class Server:
    """One Sanic app in its own thread and event loop."""

    def __init__(self, *channels: InputChannel) -> None:
        Sanic.test_mode = True  # allows several apps per process
        self.app = Sanic(f"webtest{uuid.uuid4().hex[:8]}")
        register(list(channels), self.app, route="/webhooks/")
        self.loop = asyncio.new_event_loop()
        self.port = 0
        self.ready = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        asyncio.set_event_loop(self.loop)
        server = self.loop.run_until_complete(
            self.app.create_server(host="127.0.0.1", port=0, return_asyncio_server=True))
        self.loop.run_until_complete(server.startup())
        self.port = server.server.sockets[0].getsockname()[1]
        self.server = server
        self.ready.set()
        self.loop.run_forever()

    def start(self) -> Server:
        self.thread.start()
        assert self.ready.wait(30), "test server did not start"
        return self

    def stop(self) -> None:
        """Close the listener and every open (keep-alive) connection, so clients see the server gone."""

        async def shut() -> None:
            self.server.close()
            for connection in list(self.server.connections):
                if not connection.close_if_idle():
                    connection.transport.close()
            await asyncio.sleep(0.2)  # let the transports really close their sockets
            self.loop.stop()

        asyncio.run_coroutine_threadsafe(shut(), self.loop)
        self.thread.join(10)

    def get(self, path: str) -> Tuple[int, Dict[str, str], bytes]:
        """GET ``path`` byte for byte (no client-side normalisation of ``..``)."""
        with socket.create_connection(("127.0.0.1", self.port), timeout=10) as sock:
            sock.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode())
            data = b""
            while chunk := sock.recv(65536):
                data += chunk
        head, _, body = data.partition(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split()[1])
        headers = {k.strip().lower(): v.strip() for k, v in (line.split(":", 1) for line in lines[1:] if ":" in line)}
        return status, headers, body


@pytest.fixture(scope="module")
def web_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of web/ with a secret file beside it, to prove nothing outside the allow-list is served."""
    base = tmp_path_factory.mktemp("site")
    (base / "secret.txt").write_text(SECRET)
    served = base / "web"
    served.mkdir()
    for name in FILES:
        (served / name).write_bytes((WEB_DIR / name).read_bytes())
    (served / "notes.txt").write_text(SECRET)  # in the folder but not allow-listed
    return served


@pytest.fixture(scope="module")
def server(web_dir: Path) -> Iterator[Server]:
    running = Server(WebChatInput(web_dir=web_dir)).start()
    yield running
    running.stop()


def assert_security_headers(headers: Dict[str, str]) -> None:
    csp = headers.get("content-security-policy", "")
    directives = {part.strip().split()[0]: part.strip() for part in csp.split(";") if part.strip()}
    assert directives.get("default-src") == "default-src 'self'", csp
    assert directives.get("script-src") == "script-src 'self'", csp
    assert directives.get("object-src") == "object-src 'none'", csp
    assert directives.get("frame-ancestors") == "frame-ancestors 'none'", csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp and "*" not in csp
    assert headers.get("x-content-type-options") == "nosniff"
    assert headers.get("referrer-policy") == "no-referrer"


@pytest.mark.parametrize("name,kind", [("", "text/html"), ("index.html", "text/html"),
                                       ("widget.js", "text/javascript"), ("widget.css", "text/css")])
def test_the_three_files_are_served_with_their_type_and_headers(server: Server, name: str, kind: str) -> None:
    status, headers, body = server.get(f"/webhooks/web/{name}")
    assert status == 200
    assert headers["content-type"].startswith(kind)
    assert body == (WEB_DIR / (name or "index.html")).read_bytes()
    assert_security_headers(headers)


def test_without_the_trailing_slash_it_redirects_so_relative_urls_work(server: Server) -> None:
    status, headers, _ = server.get("/webhooks/web")
    assert status in (301, 302, 308) and headers["location"] == "/webhooks/web/"
    assert_security_headers(headers)


@pytest.mark.parametrize("path", [
    "/webhooks/web/../../etc/passwd",
    "/webhooks/web/../secret.txt",
    "/webhooks/web/%2e%2e/secret.txt",
    "/webhooks/web/..%2fsecret.txt",
    "/webhooks/web/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    "/webhooks/web/....//secret.txt",
    "/webhooks/web/notes.txt",
    "/webhooks/web/./notes.txt",
    "/webhooks/web//etc/passwd",
    "/webhooks/web/widget.js/../../secret.txt",
    "/webhooks/web/%00index.html",
])
def test_path_traversal_and_unlisted_files_are_refused(server: Server, path: str) -> None:
    status, headers, body = server.get(path)
    assert status in (400, 403, 404), (path, status)
    assert SECRET.encode() not in body and b"root:" not in body
    if status == 404:  # our own refusal: it carries the headers too
        assert_security_headers(headers)


def test_read_file_looks_names_up_and_never_joins_them(web_dir: Path) -> None:
    assert read_file("widget.js", web_dir) == (web_dir / "widget.js").read_bytes()
    for name in ("../secret.txt", "notes.txt", "/etc/passwd", "web/index.html", "INDEX.HTML", ""):
        assert read_file(name, web_dir) is None, name


def test_the_page_has_no_inline_script_or_outside_resources_and_shows_the_999_line() -> None:
    html = (WEB_DIR / "index.html").read_text(encoding="utf-8")
    scripts = re.findall(r"<script\b([^>]*)>(.*?)</script>", html, flags=re.S | re.I)
    assert scripts and all('src="widget.js"' in attrs and not body.strip() for attrs, body in scripts)
    assert not re.search(r"\son[a-z]+\s*=", html, flags=re.I), "inline event handler"
    assert not re.search(r"<style\b|\sstyle\s*=", html, flags=re.I), "inline style breaks the CSP"
    assert not re.search(r"(src|href)\s*=\s*\"(https?:)?//", html, flags=re.I), "outside resource"
    assert "If a child is in immediate danger, call" in html and 'href="tel:999"' in html
    assert 'role="log"' in html and 'aria-live="polite"' in html and '<label for="chat-input">' in html


def test_the_widget_never_writes_html_from_data() -> None:
    source = (WEB_DIR / "widget.js").read_text(encoding="utf-8")
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
        assert sink not in source, sink
    assert "crypto.getRandomValues" in source and "textContent" in source
    assert "http://" not in source and "https://" not in source, "the widget talks to its own origin only"


def test_credentials_register_the_channel() -> None:
    credentials = yaml.safe_load((ROOT / "credentials.yml").read_text(encoding="utf-8"))
    assert "channels.web.WebChatInput" in credentials
    assert WebChatInput.name() == "web"
