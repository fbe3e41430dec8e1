"""MkDocs hooks (mkdocs.yml ``hooks:``): add data's tags to every page and list
its related pages at its foot.

Before Material's tags plugin reads a page's tags (it runs late, at priority -50),
each page gets the tags data gives it (:func:`permanency.tags.page_tags`) added to
those in its front matter, so generated pages and pages added later carry tags
with no edit. At the foot of each page goes the list of pages data joins it to
(:mod:`permanency.related_pages`). Nothing here reads data/: the permanency
plugin loaded it once for the build.
"""
from __future__ import annotations

from permanency import related_pages, tags


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
    page.meta["tags"] = tags.page_tags(manual, src, [str(t) for t in front])
    boost = tags.search_boost(manual, src)
    if boost and "search" not in page.meta:
        page.meta["search"] = {"boost": boost}
    if page.meta.get("related_pages", True) is False:
        return markdown
    block = related_pages.related_block(manual, src, plugin.page_titles)
    return markdown + ("\n\n" + block if block else "")
