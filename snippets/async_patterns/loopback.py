"""A small HTTP/1.1 server on 127.0.0.1 that counts the TCP connections it accepts.

Given a ``hold`` event, it answers no request until the event is set, like an upstream
that has slowed down.
"""

from __future__ import annotations

import json
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Self


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, so a client can reuse a connection
    server: CountingServer

    def setup(self) -> None:
        super().setup()
        self.server.count("connections")

    def do_GET(self) -> None:
        self.server.count("requests")
        if self.server.hold is not None:
            self.server.hold.wait(timeout=5)
        body = json.dumps({"path": self.path}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Keep test output quiet."""


class CountingServer(ThreadingHTTPServer):
    """Serve on a free loopback port in a background thread while used as a context."""

    daemon_threads = True

    def __init__(self, hold: threading.Event | None = None) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.hold = hold
        self.connections = 0
        self.requests = 0
        self._lock = threading.Lock()
        self._thread = threading.Thread(
            target=self.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True
        )

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}"

    def count(self, what: str) -> None:
        with self._lock:
            setattr(self, what, getattr(self, what) + 1)

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def handle_error(self, request: object, client_address: object) -> None:
        """A client that gave up and closed its connection is not a server error."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)

    def __exit__(self, *exc_info: object) -> None:
        if self.hold is not None:
            self.hold.set()  # let held requests finish before shutting down
        self.shutdown()
        self.server_close()
        self._thread.join()
