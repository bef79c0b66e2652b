"""Headless Chromium on a closed network, and a built site served on loopback for it: shared by
``kennisbank pdf`` and the browser tests, so both start the browser and the server the same way."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

DEFAULT_CHROMIUM = Path("/usr/bin/chromium")  # Debian's package; Playwright downloads no browser of its own
# A closed network: no background connections (this machine and CI refuse them, many at a time), no QUIC,
# no sandbox (containers and CI run as root).
CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def start_server(directory: Path) -> tuple[str, http.server.ThreadingHTTPServer]:
    """``directory`` on a free loopback port, served from a daemon thread; the base URL ends in '/'."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server


@contextmanager
def serve(directory: Path) -> Iterator[str]:
    """``directory`` on loopback for as long as the block runs; yields the base URL."""
    url, server = start_server(directory)
    try:
        yield url
    finally:
        server.shutdown()
        server.server_close()
