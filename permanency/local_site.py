"""A built site on this machine, the way a static host serves it: the URL path it
is published under (``site_url``'s path) and a local HTTP server on 127.0.0.1 that
serves it there, with the site's 404.html for any missing page. `make pdf` and
the tests print and browse the site through it."""
from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path
from urllib.parse import urlparse


def site_path(config_file: Path) -> str:
    """The URL path the site is published under (site_url's path, e.g. "/manual/").
    The 404 page links to it absolutely, so the local server serves the site there."""
    from mkdocs.utils import yaml_load

    with open(config_file, encoding="utf-8") as f:
        site_url = yaml_load(f).get("site_url") or "/"
    path = urlparse(site_url).path or "/"
    return path if path.endswith("/") else path + "/"


class _SiteHandler(http.server.SimpleHTTPRequestHandler):
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


def serve(site: Path, prefix: str = "/"):
    """Start a local server for ``site`` under ``prefix``; returns (base URL, server)."""
    handler_class = type("Handler", (_SiteHandler,), {"prefix": prefix})
    handler = functools.partial(handler_class, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{httpd.server_address[1]}{prefix}", httpd
