"""Every built page carries the content security policy ahead of anything it
loads or runs, and the policy holds without exceptions in the markup: every
inline script the theme wrote is hashed, and no element has a style attribute."""
from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

from sitecheck import built_pages

from permanency import csp

META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')


class InlineOutsideArticle(HTMLParser):
    """The slow, sure way to find what csp.py finds by cutting the page: a full
    parse, keeping the inline scripts a browser runs and the styles outside any
    ``<article>``."""

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.found = {"script": [], "style": []}
        self._open: tuple[str, list[str]] | None = None
        self._articles = 0

    def handle_starttag(self, tag, attrs):
        self._articles += tag == "article"
        attrs = dict(attrs)
        runs = tag == "style" or (tag == "script" and (attrs.get("type") or "").strip().lower()
                                  in {"", "text/javascript", "application/javascript", "module"})
        if runs and not attrs.get("src") and not self._articles:
            self._open = (tag, [])

    def handle_data(self, data):
        if self._open:
            self._open[1].append(data)

    def handle_endtag(self, tag):
        if tag == "article" and self._articles:
            self._articles -= 1
        if self._open and tag == self._open[0]:
            self.found[tag].append("".join(self._open[1]))
            self._open = None


def parsed_policy(html: str) -> str:
    parser = InlineOutsideArticle()
    parser.feed(html)
    parser.close()
    return csp.policy(parser.found["script"], parser.found["style"])


def test_every_page_carries_the_policy_before_anything_it_loads(site):
    problems = []
    for rel in built_pages(site):
        html = (site / rel).read_text(encoding="utf-8")
        metas = META.findall(html)
        if len(metas) != 1:
            problems.append(f"{rel}: {len(metas)} policies")
            continue
        head = html[: html.index("</head>")]
        first_load = min(i for i in (head.find("<script"), head.find("<link rel=\"stylesheet\"")) if i >= 0)
        if META.search(html).start() > first_load:
            problems.append(f"{rel}: the policy comes after a script or stylesheet")
        if unescape(metas[0]) != parsed_policy(html):
            problems.append(f"{rel}: the policy does not hash exactly the theme's inline scripts")
        if "unsafe-" in metas[0]:
            problems.append(f"{rel}: {metas[0]}")
    assert not problems, "\n".join(problems)


def test_no_page_has_a_style_attribute_or_inline_handler(site):
    """style-src 'self' refuses style attributes, script-src refuses on*="..." handlers."""
    found = []
    for rel in built_pages(site):
        html = (site / rel).read_text(encoding="utf-8")
        found += [f"{rel}: {m}" for m in re.findall(r'<[a-z][^>]*\s(?:style|on[a-z]+)="[^"]*"', html)]
    assert not found, f"{len(found)} found:\n" + "\n".join(found[:20])
