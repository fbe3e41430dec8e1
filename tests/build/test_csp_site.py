"""Every built page carries the content security policy ahead of anything it
loads or runs, and the policy holds without exceptions in the markup: every
inline script the theme wrote is hashed, and no element has a style attribute."""
from __future__ import annotations

import re

from sitecheck import built_pages

from permanency import csp

META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')


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
        if metas[0] != csp.policy(csp.theme_scripts(html), csp.theme_styles(html)):
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
