"""The MkDocs side of the manual.

``on_config`` loads and validates data/ once per build (and again on each
``mkdocs serve`` rebuild); bad data stops the build before any page is read,
with every error listed. ``on_files`` adds one generated page per record that
has a page (programs, practice behaviors, ...): front matter plus one macro
call, so adding a YAML file adds its page, its navigation entry and its search
entry with no other edit.
"""
from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.utils import meta as front_matter

from . import csp, pages, render
from .errors import DataErrors
from .loader import Manual, load
from .render import release_anchor

log = logging.getLogger("mkdocs.plugins.permanency")


class PermanencyConfig(Config):
    data_dir = opt.Type(str, default="data")


class PermanencyPlugin(BasePlugin[PermanencyConfig]):
    manual: Manual | None = None
    page_titles: dict[str, str] = {}

    def on_config(self, config):
        root = Path(config.config_file_path).parent
        data_dir = root / self.config.data_dir
        try:
            self.manual = load(data_dir, config.docs_dir)
        except DataErrors as exc:
            raise PluginError(exc.report()) from None
        # every abbreviation in data/glossary.yml becomes a tooltip on every page:
        # Python-Markdown's abbr glossary, plus first uses reachable by keyboard;
        # every link gets the full address it prints with (permanency/print_links.py)
        for name in ("abbr", "permanency.mdext", "permanency.print_links"):
            if name not in config.markdown_extensions:
                config.markdown_extensions.append(name)
        config.mdx_configs.setdefault("abbr", {})["glossary"] = render.abbreviations(self.manual)
        config.mdx_configs.setdefault("permanency.mdext", {})["same_as"] = {
            form: t["term"] for t in self.manual.terms.values() for form in t.get("forms", [])
        }
        config.extra["manual"] = {
            "title": self.manual.meta["title"],
            "version": self.manual.version,
            "changed_on": self.manual.changed_on,
            "current_copy": self.manual.meta["current_copy"],
            # docs page -> newest change-log entry naming it, for the footer's
            # "changed on"; the anchor is that version's heading on the change log
            "page_changes": {
                page: {**change, "anchor": release_anchor(change["version"])}
                for page, change in self.manual.page_changes().items()
            },
            "changelog_url": None,  # the change log page's URL, set in on_files
        }
        # `mkdocs serve` rebuilds when data, templates or schemas change
        for path in (data_dir, Path(__file__).parent):
            if str(path) not in config.watch:
                config.watch.append(str(path))
        return config

    def on_files(self, files: Files, config) -> Files:
        for src_uri, content in pages.generated(self.manual).items():
            if files.get_file_from_path(src_uri) is not None:
                raise PluginError(
                    f"docs/{src_uri} exists, but that page is generated from data; delete the file"
                )
            files.append(File.generated(config, src_uri, content=content))
        # every page's title, so the change log can name the pages it lists
        titles = {}
        for file in files.documentation_pages():
            text = file.content_string
            title = front_matter.get_data(text)[1].get("title")
            titles[file.src_uri] = str(title) if title else file.src_uri
        self.page_titles = titles
        changelog = files.get_file_from_path("changelog.md")
        config.extra["manual"]["changelog_url"] = changelog.url if changelog else None
        return files

    def on_page_markdown(self, markdown, page, config, files):
        if "last_reviewed" not in page.meta:
            log.warning("%s: front matter has no 'last_reviewed' date", page.file.src_uri)
        return markdown

    # every page carries the content security policy, its theme scripts hashed
    def on_post_page(self, output, page, config):
        return csp.with_policy(output)

    def on_post_template(self, output_content, template_name, config):
        return csp.with_policy(output_content)  # 404.html
