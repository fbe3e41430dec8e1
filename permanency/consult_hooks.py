"""MkDocs hooks (mkdocs.yml ``hooks:``) for tags and related pages.

Before Material's tags plugin reads a page's tags (it runs late, at priority -50),
each page gets the tags data gives it (:func:`permanency.render_consult.page_tags`)
added to those in its front matter, so generated pages and pages added later carry
tags with no edit. At the foot of each page goes the list of pages data joins it
to. Nothing here reads data/: the permanency plugin loaded it once for the build.
"""
from __future__ import annotations

from permanency import render_consult


def _manual(config):
    plugin = config.plugins.get("permanency")
    return plugin, (plugin.manual if plugin else None)


def on_page_markdown(markdown, page, config, files):
    plugin, manual = _manual(config)
    if manual is None:
        return markdown
    src = page.file.src_uri
    front = page.meta.get("tags") or []
    if not isinstance(front, list):
        front = [front]
    page.meta["tags"] = render_consult.page_tags(manual, src, [str(t) for t in front])
    boost = render_consult.search_boost(manual, src)
    if boost and "search" not in page.meta:
        page.meta["search"] = {"boost": boost}
    if page.meta.get("related_pages", True) is False:
        return markdown
    block = render_consult.related_block(manual, src, plugin.page_titles)
    return markdown + ("\n\n" + block if block else "")
