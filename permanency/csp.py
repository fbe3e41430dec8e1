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
import re
from html import escape
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


# An element's start tag, body and end tag. The body of a script or style is raw
# text in HTML: it ends at the first "</script" ("</style"), whatever it holds.
_ELEMENT = {
    tag: re.compile(rf"<{tag}(\s[^>]*)?>(.*?)</{tag}\s*>", re.IGNORECASE | re.DOTALL)
    for tag in ("script", "style")
}
_ATTRIBUTE = re.compile(r"""([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""")


def _outside_article(html: str) -> str:
    """The page without its ``<article>`` (the content): the theme's part. A
    page's content is one article (nested ones included), so what lies before
    the first ``<article`` and after the last ``</article>`` is the theme's.
    Cutting there instead of parsing the whole page keeps this step's cost flat
    as the navigation grows with the manual (``make bench``)."""
    start = html.find("<article")
    if start < 0:
        return html
    end = html.rfind("</article>")
    return html[:start] + (html[end + len("</article>"):] if end > start else "")


def _attributes(text: str | None) -> dict[str, str]:
    return {m.group(1).lower(): next((v for v in m.group(2, 3, 4) if v is not None), "")
            for m in _ATTRIBUTE.finditer(text or "")}


def _inline(html: str, tag: str) -> list[str]:
    bodies = []
    for match in _ELEMENT[tag].finditer(_outside_article(html)):
        attrs = _attributes(match.group(1))
        runs = tag == "style" or attrs.get("type", "").strip().lower() in _SCRIPT_TYPES
        if runs and not attrs.get("src"):
            bodies.append(match.group(2))
    return bodies


def theme_scripts(html: str) -> list[str]:
    """The text, as written, of every inline script the theme put in the page:
    the ones a browser would run that are outside the page's ``<article>``."""
    return _inline(html, "script")


def theme_styles(html: str) -> list[str]:
    """The text of every inline ``<style>`` the theme put in the page, outside
    its ``<article>``: the words of the printed running footer
    (overrides/partials/print-running.html)."""
    return _inline(html, "style")


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
