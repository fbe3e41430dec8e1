"""Read a built site: pages, their links and ids, their visible text."""
from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urldefrag, urlparse

from helpers import ROOT
from permanency.local_site import site_path as _site_path


def site_path(project: Path = ROOT) -> str:
    """The URL path a project's site is published under (its site_url's path)."""
    return _site_path(project / "mkdocs.yml")


def built_pages(site: Path) -> list[str]:
    """Every HTML page in a built site, site-relative, 404.html included."""
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))


class _Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.ids: set[str] = set()
        self.text: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag not in _INLINE_TAGS:
            self.text.append(" ")  # a block boundary separates words; inline tags do not
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("name"):
            self.ids.add(attrs["name"])
        for attr in ("href", "src"):
            if attrs.get(attr) and tag in ("a", "link", "script", "img", "iframe", "source"):
                self.links.append(attrs[attr])
        if tag in ("script", "style", "svg"):
            self._skip += 1

    def handle_endtag(self, tag):
        if tag not in _INLINE_TAGS:
            self.text.append(" ")
        if tag in ("script", "style", "svg") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.text.append(data)


def read(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


_INLINE_TAGS = {"a", "abbr", "b", "strong", "em", "i", "code", "span", "small", "sup", "sub", "mark", "time", "q", "cite", "kbd"}


def text(path: Path) -> str:
    """The page's visible text with whitespace folded."""
    return " ".join("".join(read(path).text).split())


def broken_links(site: Path, base: str | None = None) -> list[str]:
    """Every internal link or anchor in the site that does not resolve. ``base`` is
    the URL path the site is published under (by default the real manual's, see
    :func:`site_path`): an absolute link such as the 404 page's
    ``/manual/sources.html`` resolves inside the site only when it starts with it."""
    base = site_path() if base is None else base
    pages = {p: read(p) for p in site.rglob("*.html")}
    problems = []
    for path, page in pages.items():
        for link in page.links:
            parsed = urlparse(link)
            if parsed.scheme or link.startswith("//") or link.startswith("mailto:"):
                continue
            target, fragment = urldefrag(link)
            if target.startswith("/"):
                if not target.startswith(base):
                    problems.append(f"{path.relative_to(site)}: {link} (outside the site's path {base})")
                    continue
                target_path = (site / unquote(target[len(base):])).resolve()
            else:
                target_path = (path.parent / unquote(target)).resolve() if target else path
            if target_path.is_dir():
                target_path = target_path / "index.html"
            if not target_path.exists():
                problems.append(f"{path.relative_to(site)}: {link} (no such file)")
                continue
            if fragment and target_path.suffix == ".html":
                ids = pages[target_path].ids if target_path in pages else read(target_path).ids
                if unquote(fragment) not in ids:
                    problems.append(f"{path.relative_to(site)}: {link} (no such anchor)")
    return problems


def external_references(site: Path) -> list[str]:
    """Every reference to another host that a browser would load by itself
    (scripts, styles, images, frames); plain links a reader may click are not loads."""
    found = []
    for path in site.rglob("*.html"):
        raw = path.read_text(encoding="utf-8")
        parser = _Loads()
        parser.feed(raw)
        found += [f"{path.relative_to(site)}: {u}" for u in parser.loads if urlparse(u).scheme in ("http", "https") or u.startswith("//")]
    return found


class _Loads(HTMLParser):
    def __init__(self):
        super().__init__()
        self.loads: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("script", "img", "iframe", "source", "audio", "video") and attrs.get("src"):
            self.loads.append(attrs["src"])
        if tag == "link" and attrs.get("rel") in ("stylesheet", "preload", "preconnect", "icon", "modulepreload") and attrs.get("href"):
            self.loads.append(attrs["href"])
