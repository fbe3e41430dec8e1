"""The manual's content security policy: what a page may load and run.

The site is static, so the policy travels in each page's
``<meta http-equiv="Content-Security-Policy">`` (overrides/main.html writes it
with :data:`PLACEHOLDER` as its content, ahead of every script). After a page
is rendered, :func:`with_policy` fills in the policy, allowing the theme's
inline scripts (Material's: the storage scope, the palette, a deep link into a
tab) by their SHA-256 hashes. Only scripts outside the page's ``<article>`` are
the theme's; everything from docs/ and data/ is inside it, so a script that got
into the content (escaping is the first wall) is not hashed and does not run.

From ``file://`` every directive is still enforced (search works there through
docs/assets/javascripts/iframe-worker.js, which needs no inline script), but
``'self'`` cannot keep its meaning: a page opened from disk has no origin of its
own, and Chromium lets ``'self'`` match any ``file:`` URL, so from disk the
policy allows scripts, styles and images from anywhere on the local disk, not
only from the manual's folder. Over http ``'self'`` is the site's origin. Nothing loads from another host, no form sends
anywhere, and ``<base>`` and plugins are off.
"""
from __future__ import annotations

import base64
import hashlib
from html import escape
from html.parser import HTMLParser
from pathlib import Path

PLACEHOLDER = "permanency:content-security-policy"

POLICY: dict[str, tuple[str, ...]] = {
    "default-src": ("'self'",),
    "script-src": ("'self'",),  # plus the page's inline scripts, by hash
    "style-src": ("'self'",),
    # Material's icons (admonitions, lists, the search box) are data: SVGs in its CSS
    "img-src": ("'self'", "data:"),
    "font-src": ("'self'",),
    "connect-src": ("'self'",),
    "object-src": ("'none'",),
    "base-uri": ("'none'",),
    "form-action": ("'none'",),
}

# <script type="..."> values a browser runs; anything else (Material's
# application/json configuration) is data, which the policy does not govern
_SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}


class _ThemeScripts(HTMLParser):
    def __init__(self, tag: str = "script"):
        super().__init__(convert_charrefs=False)
        self.tag = tag
        self.bodies: list[str] = []
        self._body: list[str] | None = None
        self._articles = 0

    def handle_starttag(self, tag, attrs):
        if tag == "article":
            self._articles += 1
        if tag != self.tag:
            return
        attrs = dict(attrs)
        runs = tag == "style" or (attrs.get("type") or "").strip().lower() in _SCRIPT_TYPES
        theirs = not attrs.get("src") and not self._articles
        self._body = [] if runs and theirs else None

    def handle_data(self, data):
        if self._body is not None:
            self._body.append(data)

    def handle_endtag(self, tag):
        if tag == "article" and self._articles:
            self._articles -= 1
        if tag == self.tag and self._body is not None:
            self.bodies.append("".join(self._body))
            self._body = None


def theme_scripts(html: str) -> list[str]:
    """The text, as written, of every inline script the theme put in the page:
    the ones a browser would run that are outside the page's ``<article>``."""
    parser = _ThemeScripts()
    parser.feed(html)
    parser.close()
    return parser.bodies


def theme_styles(html: str) -> list[str]:
    """The text of every inline ``<style>`` the theme put in the page, outside
    its ``<article>``: the words of the printed running footer
    (overrides/partials/print-running.html)."""
    parser = _ThemeScripts("style")
    parser.feed(html)
    parser.close()
    return parser.bodies


def script_hash(body: str) -> str:
    """The CSP source expression that allows exactly this inline script."""
    digest = hashlib.sha256(body.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def policy(scripts: list[str], styles: list[str] = ()) -> str:
    """The policy for a page whose inline scripts are ``scripts`` and whose
    theme's inline styles are ``styles``."""
    hashes = tuple(dict.fromkeys(script_hash(s) for s in scripts))
    style_hashes = tuple(dict.fromkeys(script_hash(s) for s in styles))
    directives = {**POLICY, "script-src": POLICY["script-src"] + hashes,
                  "style-src": POLICY["style-src"] + style_hashes}
    return "; ".join(f"{name} {' '.join(values)}" for name, values in directives.items())


def with_policy(html: str) -> str:
    """The page with its policy filled in; a page without the placeholder (the
    sitemap, a redirect) is returned unchanged."""
    if PLACEHOLDER not in html:
        return html
    content = escape(policy(theme_scripts(html), theme_styles(html)), quote=False).replace('"', "&quot;")
    return html.replace(PLACEHOLDER, content, 1)


def apply_to_site(site: Path) -> int:
    """Fill in the policy of every page of a built site (what the permanency
    plugin does as MkDocs writes each page, for a site any generator built from
    the rendered tree: ``python -m permanency csp SITE``). Returns how many
    pages it filled in."""
    filled = 0
    for path in sorted(Path(site).rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        done = with_policy(html)
        if done != html:
            path.write_text(done, encoding="utf-8")
            filled += 1
    return filled
