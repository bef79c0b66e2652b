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

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """A missing address gets the site's own 404.html, with status 404, as the site's hosts serve it."""
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


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
