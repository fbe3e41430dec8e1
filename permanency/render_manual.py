"""The render step: the whole manual as plain Markdown with front matter, for any
static site generator (``python -m permanency render --out DIR``).

It loads and validates data/ once, then writes ``DIR/docs/``: every hand-written
page of docs/ with its macro calls rendered (pages that opt in with
``render_macros: true``), one page per record that has one (``pages.py``), and
every other file of docs/ (assets, navigation files) as it is. Each page's front
matter carries what the theme prints, so templates read ``page.meta`` only: its
tags and search weight (``tags.py``), the version and the change that last
touched it (``provenance``), and in a build for PDFs the name of its PDFs. Its
related pages (``related_pages.py``) are at its foot. Beside ``docs/`` go a copy
of the theme overrides and the generator's config (``mkdocs.yml``: the project's
own, with no custom plugin). Each page ends with the definitions of the
glossary's abbreviations it uses (``page_abbreviations.py``), so Python-Markdown's
``abbr`` gives them their tooltips.

Bad data stops the step with every data error; a page that cannot be rendered
(an unknown macro, variable or id, no ``last_reviewed``) stops it with every
page error, each as ``file:line: message``.
"""
from __future__ import annotations

import shutil
import traceback
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
import yaml
from mkdocs.utils import meta as front_matter
from mkdocs.utils import yaml_load

from . import edition as editions
from . import pages, render
from .errors import DataError, PageErrors
from .macros import MACROS, call
from .model import Manual
from .page_abbreviations import definitions, definitions_index, used
from .printing import pdf_slug
from .related_pages import related_block
from .render_edition import insert_block, local_additions, unlink_hidden
from .tags import page_tags, search_boost

BOOK_PLUGIN = "print-site"  # mkdocs-print-site-plugin: the whole manual as one page
BOOK_HOOKS = Path(__file__).with_name("book_hooks.py")  # the book's hooks, copied beside a tree rendered for PDFs
OWN_PLUGINS = {"permanency"}  # the project's own plugin: the rendered tree needs none


@dataclass
class Page:
    """One page of the rendered manual, before its body is rendered."""

    src_uri: str  # docs-relative path
    front: dict  # its front matter
    body: str = ""  # hand-written Markdown (a Jinja template when it opts in)
    line: int = 1  # the line of docs/<src_uri> its body starts on
    macro: tuple | None = None  # a generated page: (macro name, its arguments)


@dataclass
class Rendered:
    """What the render step made: the manual, its pages, and the settings a
    generator needs beside them (for a plugin applying them to a live config)."""

    manual: Manual
    docs_dir: Path
    pages: dict[str, str] = field(default_factory=dict)  # src_uri -> page Markdown
    markdown_extensions: list = field(default_factory=list)  # [name or {name: options}]
    extra_manual: dict = field(default_factory=dict)  # config.extra.manual
    site: dict = field(default_factory=dict)  # site_name and copyright, from the data
    hidden: dict[str, str] = field(default_factory=dict)  # an edition's hidden pages -> reason


# ------------------------------------------------------------------ the pages
def source_pages(docs_dir: Path) -> dict[str, Page]:
    """Every hand-written page of ``docs_dir``, split into front matter and body
    the way MkDocs splits it."""
    out = {}
    for path in sorted(docs_dir.rglob("*.md")):
        src = path.relative_to(docs_dir).as_posix()
        text = path.read_text(encoding="utf-8-sig")
        body, meta = front_matter.get_data(text)
        out[src] = Page(src, dict(meta), body, line=text[: len(text) - len(body)].count("\n") + 1)
    return out


def all_pages(manual: Manual, docs_dir: Path, errors: list[DataError],
              edition: editions.Edition | None = None) -> dict[str, Page]:
    found = source_pages(docs_dir)
    if edition is not None:  # its own pages, and the core pages it says it replaces
        found.update(source_pages(edition.docs_dir))
    for src_uri, generated in pages.generated(manual).items():
        if src_uri in found:
            errors.append(DataError(f"docs/{src_uri}", 1, "",
                                    "this page is generated from data; delete the file"))
            continue
        found[src_uri] = Page(src_uri, dict(generated.front), macro=(generated.macro, generated.args))
    return found


def titles_of(found: dict[str, Page], manual: Manual) -> dict[str, str]:
    """Every page's title, so pages can name the pages they link (the home page
    by the manual's, or an edition's, name)."""
    return {src: str(manual.meta["title"] if p.front.get("manual_title") else p.front.get("title") or src)
            for src, p in found.items()}


def _template_line(exc: BaseException) -> int | None:
    """The line of the page template an error was raised on, if any."""
    lines = [f.lineno for f in traceback.extract_tb(exc.__traceback__) if f.filename == "<template>"]
    return lines[-1] if lines else getattr(exc, "lineno", None)


class MacroError(Exception):
    """A macro that failed, named with its arguments: "program_page('x') failed: ..."."""


def _call(name: str, manual: Manual, src_uri: str, titles: dict[str, str], *args) -> str:
    try:
        return call(name, manual, src_uri, titles, *args)
    except Exception as exc:  # a renderer given an id no record has, ...
        shown = ", ".join(map(repr, args))
        raise MacroError(f"{name}({shown}) failed: {type(exc).__name__}: {exc}") from exc


def _page_environment(manual: Manual, titles: dict[str, str]) -> jinja2.Environment:
    """The Jinja environment a hand-written page's Markdown is rendered in: each
    macro of MACROS by name, and nothing else (an unknown name fails)."""
    env = jinja2.Environment(undefined=jinja2.StrictUndefined, autoescape=False)
    for name in MACROS:
        env.globals[name] = jinja2.pass_context(
            lambda context, *args, name=name: _call(name, manual, context["page"], titles, *args))
    return env


def render_body(page: Page, manual: Manual, titles: dict[str, str], env: jinja2.Environment) -> str:
    """A page's Markdown: its renderer's output, its own Markdown with its macro
    calls rendered, or its Markdown as written (a page that does not opt in)."""
    if page.macro:
        name, args = page.macro
        return _call(name, manual, page.src_uri, titles, *args)
    if not page.front.get("render_macros"):
        return page.body
    return env.from_string(page.body).render(page=page.src_uri)


def front_of(page: Page, manual: Manual, changes: dict[str, dict], pdfs: bool) -> dict:
    """A page's front matter as the theme reads it; ``changes`` is
    ``manual.page_changes()``, worked out once for all pages."""
    front = {k: v for k, v in page.front.items() if k not in ("render_macros", "manual_title")}
    if page.front.get("manual_title"):  # the home page: titled with the manual's (or edition's) name
        front["title"] = manual.meta["title"]
    tags = front.get("tags") or []
    front["tags"] = page_tags(manual, page.src_uri, [str(t) for t in (tags if isinstance(tags, list) else [tags])])
    boost = search_boost(manual, page.src_uri)
    if boost and "search" not in front:
        front["search"] = {"boost": boost}
    provenance = {"version": manual.version, "version_date": manual.changed_on}
    change = changes.get(page.src_uri)
    if change:
        provenance["changed"] = {**change, "anchor": render.release_anchor(change["version"])}
    front["provenance"] = provenance
    if pdfs and (front.get("pdf") or page.src_uri == "index.md"):
        front["pdf_links"] = {"page": pdf_slug(page.src_uri) if front.get("pdf") else None,
                              "manual": page.src_uri == "index.md"}
    return front


# libyaml's emitter when PyYAML has it: the front matter of thousands of pages
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def page_text(front: dict, body: str) -> str:
    dumped = yaml.dump(front, Dumper=_DUMPER, sort_keys=False, allow_unicode=True, width=1000)
    return f"---\n{dumped}---\n\n{body}"


def render_pages(manual: Manual, docs_dir: Path, pdfs: bool = False,
                 edition: editions.Edition | None = None) -> dict[str, str]:
    """docs-relative path -> the page's Markdown with front matter, for every page.
    Raises PageErrors with every page that cannot be rendered."""
    errors: list[DataError] = []
    found = all_pages(manual, docs_dir, errors, edition)
    hidden = edition.hidden if edition is not None else {}
    titles = {**(edition.hidden_titles if edition is not None else {}), **titles_of(found, manual)}
    local = local_additions(manual, edition, titles) if edition is not None else {}
    env = _page_environment(manual, titles)
    changes = manual.page_changes()
    abbreviation_titles = render.abbreviations(manual)
    abbreviation_index = definitions_index(abbreviation_titles)
    out = {}
    for src, page in found.items():
        if "last_reviewed" not in page.front:
            errors.append(DataError(f"docs/{src}", 1, "", "front matter has no 'last_reviewed' date"))
        try:
            body = render_body(page, manual, titles, env)
        except jinja2.TemplateError as exc:
            line = _template_line(exc)
            errors.append(DataError(f"docs/{src}", page.line + (line or 1) - 1, "", str(exc.message or exc)))
            continue
        except MacroError as exc:
            line = _template_line(exc)
            errors.append(DataError(f"docs/{src}", page.line + (line or 1) - 1, "", str(exc)))
            continue
        for anchor, block in local.get(src, []):
            body = insert_block(body, anchor, block)
        if page.front.get("related_pages", True) is not False:
            block = related_block(manual, src, titles, existing=found)
            body = body + ("\n\n" + block if block else "")
        body = unlink_hidden(body, src, hidden)
        spellings = used(body, abbreviation_index)
        if spellings:
            body = body + "\n\n" + definitions(spellings, abbreviation_titles)
        out[src] = page_text(front_of(page, manual, changes, pdfs), body)
    if errors:
        raise PageErrors(errors)
    return out


# ------------------------------------------------------- the generator's settings
def settings(manual: Manual, changelog_url: str | None) -> tuple[list, dict]:
    """(markdown extensions to add, config.extra.manual) for a generator building
    the rendered tree: first uses of each abbreviation reachable by keyboard (the
    abbreviations themselves are defined on the pages that use them,
    page_abbreviations.py), and what the theme prints."""
    same_as = {form: t["term"] for t in manual.terms.values() for form in t.get("forms", [])}
    extensions = [
        {"permanency.mdext": {"same_as": same_as}},
        "permanency.print_links",  # every link's full address, printed after it on paper
    ]
    extra = {
        "title": manual.meta["title"],
        "version": manual.version,
        "changed_on": manual.changed_on,
        "current_copy": manual.meta["current_copy"],
        "changelog_url": changelog_url,
    }
    if manual.meta.get("editor_email"):  # "Report a problem with this page" (an edition's editor)
        extra["editor_email"] = manual.meta["editor_email"]
    return extensions, extra


def _changelog_url(config: dict, found: dict[str, str]) -> str | None:
    if "changelog.md" not in found:
        return None
    names = {next(iter(p)) if isinstance(p, dict) else p for p in config.get("plugins") or []}
    directory_urls = config.get("use_directory_urls", True) and "offline" not in names
    return "changelog/" if directory_urls else "changelog.html"


def _with_extensions(configured: list, added: list) -> list:
    names = {next(iter(e)) if isinstance(e, dict) else e for e in added}
    kept = [e for e in configured if (next(iter(e)) if isinstance(e, dict) else e) not in names]
    return kept + added


def _book_plugin(plugin, pdfs: bool):
    """mkdocs-print-site-plugin (the whole manual as one page, for the book) is on
    exactly in a build for PDFs, whatever MANUAL_PDFS said when the step ran."""
    if isinstance(plugin, dict) and BOOK_PLUGIN in plugin:
        return {BOOK_PLUGIN: {**(plugin[BOOK_PLUGIN] or {}), "enabled": pdfs}}
    return plugin


def generator_config(config: dict, extensions: list, extra: dict, pdfs: bool = False) -> dict:
    """The project's config for building the rendered tree: no plugin of its own,
    docs/ and the overrides beside it, the abbreviations and the theme's values;
    for PDFs, the book's page (print-site) and its hooks (hooks/book_hooks.py)."""
    out = dict(config)
    out["docs_dir"] = "docs"
    out["plugins"] = [_book_plugin(p, pdfs) for p in config.get("plugins") or []
                      if (next(iter(p)) if isinstance(p, dict) else p) not in OWN_PLUGINS]
    out.pop("hooks", None)
    if pdfs:
        out["hooks"] = [f"hooks/{BOOK_HOOKS.name}"]
    out.pop("watch", None)
    out.pop("INHERIT", None)
    theme = dict(config.get("theme") or {})
    if theme.get("custom_dir"):
        theme["custom_dir"] = "overrides"
    out["theme"] = theme
    out["markdown_extensions"] = _with_extensions(config.get("markdown_extensions") or [], extensions)
    out["extra"] = {**(config.get("extra") or {}), "manual": extra}
    out["extra"].pop("manual_pdfs", None)
    return out


# ------------------------------------------------------------------ the step
_NUMBER_WORDS = "zero one two three four five six seven eight nine ten eleven twelve".split()


def site_settings(manual: Manual) -> dict:
    """The site's name and footer line, from the data (the edition's when there is one):
    the footer counts the public source documents ("five"), not the agency's own
    sources nor the manual's editor's notes (``type: editors-note``)."""
    public = sum(1 for s in manual.sources.values()  # not an agency's own, not an editor's note
                 if not s.get("agency") and s.get("type", "document") == "document")
    count = _NUMBER_WORDS[public] if public < len(_NUMBER_WORDS) else str(public)
    return {"site_name": manual.meta["title"], "copyright": manual.meta["footer"].format(sources=count)}


def _entry_value(entry):
    return next(iter(entry.values())) if isinstance(entry, dict) else entry


def _overlay_nav(docs_out: Path, edition: editions.Edition) -> None:
    """The core's navigation files with the edition's pages placed (after a
    top-level entry, or after a page of a folder's list) and its hidden pages
    taken out (generated copies; the core's files are untouched)."""
    by_folder: dict[str, list[tuple]] = {}
    for folder, after, page, title in editions.placements(edition):
        by_folder.setdefault(folder, []).append((after, page, title))
    for folder in sorted(set(by_folder) | {""}):
        nav_file = docs_out / folder / ".nav.yml"
        nav = yaml.safe_load(nav_file.read_text(encoding="utf-8")) or {}
        prefix = f"{folder}/" if folder else ""
        entries = [e for e in nav.get("nav", []) if f"{prefix}{_entry_value(e)}" not in edition.hidden]
        for after, page, title in by_folder.get(folder, []):
            target = next(i for i, e in enumerate(entries) if _entry_value(e) == after)
            entries.insert(target + 1, {title: page} if title else page)
        nav["nav"] = entries
        nav_file.write_text("# Written by the render step: the core's navigation with the edition's pages.\n"
                            + yaml.safe_dump(nav, sort_keys=False, allow_unicode=True), encoding="utf-8")


def render_manual(config_file: Path, out: Path, pdfs: bool = False, data_dir: str = "data",
                  write_config: bool = True) -> Rendered:
    """Render the project of ``config_file`` into ``out`` (emptied first). A config
    that INHERITs the core's from a folder with an edition.yml renders that edition."""
    config_file = Path(config_file).absolute()  # not resolved: a linked mkdocs.yml serves its own folder
    core_file, edition_dir = editions.find(config_file)
    project = core_file.parent
    with open(config_file, encoding="utf-8") as f:
        config = yaml_load(f) or {}  # an edition's: merged onto the core's by INHERIT
    with open(core_file, encoding="utf-8") as f:
        core_config = yaml_load(f) or {}
    docs_dir = project / core_config.get("docs_dir", "docs")
    manual, edition = editions.load_manual(project / data_dir, docs_dir, edition_dir)
    rendered_pages = render_pages(manual, docs_dir, pdfs, edition)

    out = Path(out).resolve()
    if out.exists():
        shutil.rmtree(out)
    docs_out = out / "docs"
    shutil.copytree(docs_dir, docs_out, ignore=shutil.ignore_patterns("*.md"))
    if edition is not None and edition.docs_dir.is_dir():  # its logo and other files
        shutil.copytree(edition.docs_dir, docs_out, ignore=shutil.ignore_patterns("*.md"), dirs_exist_ok=True)
        _overlay_nav(docs_out, edition)
    for src, text in rendered_pages.items():
        target = docs_out / src
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    extensions, extra = settings(manual, _changelog_url(config, rendered_pages))
    site = site_settings(manual)
    hidden = edition.hidden if edition is not None else {}
    if write_config:
        custom_dir = (core_config.get("theme") or {}).get("custom_dir")
        if custom_dir:
            shutil.copytree(project / custom_dir, out / "overrides")
        if pdfs:
            (out / "hooks").mkdir()
            shutil.copy2(BOOK_HOOKS, out / "hooks" / BOOK_HOOKS.name)
        generated = {**generator_config(config, extensions, extra, pdfs), **site}
        if hidden:
            generated["exclude_docs"] = "\n".join(sorted(hidden))
        (out / "mkdocs.yml").write_text(
            "# Written by `python -m permanency render`: the manual's mkdocs.yml for the rendered tree.\n"
            + yaml.safe_dump(generated, sort_keys=False, allow_unicode=True),
            encoding="utf-8")
    return Rendered(manual, docs_out, rendered_pages, extensions, extra, site, hidden)
