"""An asyncio loop in a background thread, to host aiohttp fakes and a Sanic app next to sync tests."""

from __future__ import annotations

import asyncio
import contextlib
import threading
import time
import uuid
from typing import Any, Callable, Coroutine, List, Optional, Tuple, TypeVar

from aiohttp import web

T = TypeVar("T")


class BackgroundLoop:
    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, name="fakes-loop", daemon=True)
        self._cleanups: List[Callable[[], Coroutine[Any, Any, Any]]] = []

    def start(self) -> BackgroundLoop:
        self.thread.start()
        return self

    def run(self, coro: Coroutine[Any, Any, T], timeout: float = 30) -> T:
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result(timeout)

    def serve_aiohttp(self, app: web.Application) -> str:
        """Serve ``app`` on a free 127.0.0.1 port; returns its base URL."""

        async def start() -> Tuple[web.AppRunner, int]:
            runner = web.AppRunner(app, access_log=None)
            await runner.setup()
            site = web.TCPSite(runner, "127.0.0.1", 0)
            await site.start()
            return runner, runner.addresses[0][1]

        runner, port = self.run(start())
        self._cleanups.append(runner.cleanup)
        return f"http://127.0.0.1:{port}"

    def serve_sanic(self, configure: Callable[[Any], None]) -> str:
        """A fresh Sanic app, set up by ``configure(app)``, served on a free port in this loop."""
        from sanic import Sanic

        from bot.runtime.servers import free_port

        # Sanic 21.12 rewrites its own methods ("touchup") at each app's start-up; a second app in one process
        # fails unless test mode keeps the originals.
        Sanic.test_mode = True
        app = Sanic(f"test_{uuid.uuid4().hex}", configure_logging=False)
        configure(app)
        port = free_port()

        async def start() -> Any:
            server = await app.create_server(host="127.0.0.1", port=port, return_asyncio_server=True,
                                             access_log=False)
            await server.startup()
            await server.start_serving()
            return server

        server = self.run(start())

        async def stop() -> None:
            server.close()
            await server.wait_closed()

        self._cleanups.append(stop)
        return f"http://127.0.0.1:{port}"

    def stop(self) -> None:
        for cleanup in reversed(self._cleanups):
            with contextlib.suppress(Exception):  # best effort at teardown
                self.run(cleanup(), timeout=10)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(10)


def wait_until(predicate: Callable[[], Optional[T]], timeout: float = 20, interval: float = 0.05) -> Optional[T]:
    """Poll until ``predicate()`` is truthy; returns its last value."""
    deadline = time.monotonic() + timeout
    value = predicate()
    while not value and time.monotonic() < deadline:
        time.sleep(interval)
        value = predicate()
    return value
