"""Serve a built site on loopback the way GitHub Pages does: under /<repo>/, gzip, 404.html for misses."""

from __future__ import annotations

import argparse
import gzip
import mimetypes
import socket
import threading
from functools import partial
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

# Types GitHub Pages compresses.
COMPRESSED = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")


class PagesHandler(BaseHTTPRequestHandler):
    """GET and HEAD for files of `root` under `base`; directories serve index.html."""

    protocol_version = "HTTP/1.1"

    def __init__(self, *args, root: Path, base: str, **kwargs):
        self.root = root
        self.base = base
        super().__init__(*args, **kwargs)

    def log_message(self, format, *args):  # noqa: A002 (BaseHTTPRequestHandler's name)
        pass

    def do_HEAD(self):  # noqa: N802
        self._respond(send_body=False)

    def do_GET(self):  # noqa: N802
        self._respond(send_body=True)

    def _resolve(self) -> Path | None:
        """The file a request path names, or None (outside the base, missing, or escaping root)."""
        path = unquote(urlsplit(self.path).path)
        if path == self.base.rstrip("/"):
            return None  # GitHub redirects /repo to /repo/; a miss is enough here
        if not path.startswith(self.base):
            return None
        target = (self.root / path[len(self.base):]).resolve()
        if target != self.root and self.root not in target.parents:
            return None
        if target.is_dir():
            target = target / "index.html"
        return target if target.is_file() else None

    def _respond(self, send_body: bool) -> None:
        target = self._resolve()
        status = 200
        if target is None:
            status, target = 404, self.root / "404.html"
        body = target.read_bytes()
        kind = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        if kind.startswith("text/") or kind in ("application/javascript", "application/json"):
            kind += "; charset=utf-8"
        self.send_response(status)
        self.send_header("Content-Type", kind)
        if "gzip" in self.headers.get("Accept-Encoding", "") and kind.startswith(COMPRESSED):
            body = gzip.compress(body, compresslevel=6)
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        if send_body:
            self.wfile.write(body)


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class QuietServer(ThreadingHTTPServer):
    """A threading server that does not print a traceback when a browser drops a connection."""

    daemon_threads = True

    def handle_error(self, request, client_address):
        import sys

        if not isinstance(sys.exc_info()[1], (ConnectionResetError, BrokenPipeError)):
            super().handle_error(request, client_address)


class PagesServer:
    """A background server for a built site; use as a context manager."""

    def __init__(self, root: Path, base: str, port: int | None = None):
        self.root = root.resolve()
        self.base = base
        self.port = port or free_port()
        handler = partial(PagesHandler, root=self.root, base=base)
        self.httpd = QuietServer(("127.0.0.1", self.port), handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}{self.base}"

    def __enter__(self) -> PagesServer:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("site", type=Path)
    parser.add_argument("--base", default="/nato-asia-pacific/")
    parser.add_argument("--port", type=int, default=8001)
    args = parser.parse_args()
    with PagesServer(args.site, args.base, args.port) as server:
        print(f"serving {args.site} at {server.url}")
        server.thread.join()


if __name__ == "__main__":
    main()
