"""The content security policy a page gets (permanency/csp.py)."""
from __future__ import annotations

import base64
import hashlib

from permanency import csp

PAGE = """<!doctype html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="permanency:content-security-policy">
<script>__md_scope=1</script><script src="bundle.js"></script>
</head><body><script>var palette=2</script>
<article class="md-content__inner"><p>From data</p><script>alert("injected")</script></article>
<script id="__config" type="application/json">{"base": "."}</script>
<script>var target=3</script></body></html>"""


def sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_only_the_theme_scripts_outside_the_article_are_hashed():
    assert csp.theme_scripts(PAGE) == ["__md_scope=1", "var palette=2", "var target=3"]


def test_the_policy_allows_the_site_and_the_theme_scripts_only():
    policy = csp.policy(["__md_scope=1", "var palette=2", "__md_scope=1"])
    directives = dict(d.split(" ", 1) for d in policy.split("; "))
    assert directives == {
        "default-src": "'self'",
        "script-src": f"'self' {sha('__md_scope=1')} {sha('var palette=2')}",
        "style-src": "'self'",
        "img-src": "'self' data:",
        "font-src": "'self'",
        "connect-src": "'self'",
        "object-src": "'none'",
        "base-uri": "'none'",
        "form-action": "'none'",
    }
    assert "unsafe" not in policy


def test_the_page_gets_its_policy_in_place_of_the_placeholder():
    out = csp.with_policy(PAGE)
    assert csp.PLACEHOLDER not in out
    expected = csp.policy(["__md_scope=1", "var palette=2", "var target=3"])
    assert f'<meta http-equiv="Content-Security-Policy" content="{expected}">' in out
    assert sha('alert("injected")') not in out
    assert csp.with_policy("<urlset></urlset>") == "<urlset></urlset>"  # the sitemap is left alone
