"""A local HTTP server for a built site, the way a static host serves it."""
from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path
from urllib.parse import urlparse


class _SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves a built site the way a static host does: under the path of the
    site's site_url (``prefix``), with the site's 404.html for any missing page."""

    prefix = "/"

    def log_message(self, *args):
        pass

    def do_GET(self):
        path = urlparse(self.path).path
        if not path.startswith(self.prefix):
            return self.send_error(404)
        self.path = "/" + self.path[len(self.prefix):]
        return super().do_GET()

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.exists():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def serve(site: Path, prefix: str):
    """Start a local server for ``site``; returns (base URL, server)."""
    handler_class = type("Handler", (_SiteHandler,), {"prefix": prefix})
    handler = functools.partial(handler_class, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{httpd.server_address[1]}{prefix}", httpd
