"""The manual as an MkDocs plugin, for `mkdocs build` and `mkdocs serve` in the
project itself: ``on_config`` runs the render step (render_manual.py) into a
temporary folder and points MkDocs at the rendered pages, with the same settings
the rendered tree's own mkdocs.yml gets. Bad data or a page that cannot be
rendered stops the build before any page is read, with every error listed.
`mkdocs serve` watches the project's docs/ and data/, not the rendered copy."""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import InclusionLevel

from . import csp
from .errors import DataErrors
from .model import Manual
from .render import bytecode_cache
from .render_manual import BOOK_PLUGIN, render_manual

# `mkdocs serve` makes a new plugin for every rebuild: what they share
_SERVE: dict = {"on": False, "out": None}


class PermanencyConfig(Config):
    data_dir = opt.Type(str, default="data")


def _pdfs() -> bool:
    """A build for `make pdf` (MANUAL_PDFS=1): pages marked `pdf:` link their PDFs."""
    return os.environ.get("MANUAL_PDFS", "").lower() not in ("", "0", "false", "no")


class PermanencyPlugin(BasePlugin[PermanencyConfig]):
    manual: Manual | None = None
    out: Path | None = None
    hidden: dict = {}

    def on_startup(self, command, dirty):
        _SERVE["on"] = command == "serve"

    def on_config(self, config):
        root = Path(config.config_file_path).parent
        if _SERVE["on"]:  # one folder for every rebuild, gone with the process
            _SERVE["out"] = _SERVE["out"] or Path(tempfile.mkdtemp(prefix="manual-rendered-"))
            out = _SERVE["out"]
        else:
            out = self.out = Path(tempfile.mkdtemp(prefix="manual-rendered-"))
        try:
            rendered = render_manual(Path(config.config_file_path), out, pdfs=_pdfs(),
                                     data_dir=self.config.data_dir, write_config=False)
        except DataErrors as exc:
            self._clean()
            raise PluginError(exc.report()) from None
        self.manual = rendered.manual
        book = config.plugins.get(BOOK_PLUGIN)  # the whole manual as one page, only for PDFs
        if book is not None:
            book.config["enabled"] = _pdfs()
        source_docs = config.docs_dir
        config.docs_dir = str(rendered.docs_dir)
        for extension in rendered.markdown_extensions:
            name, options = next(iter(extension.items())) if isinstance(extension, dict) else (extension, {})
            if name not in config.markdown_extensions:
                config.markdown_extensions.append(name)
            config.mdx_configs.setdefault(name, {}).update(options)
        config.extra["manual"] = rendered.extra_manual
        config.site_name, config.copyright = rendered.site["site_name"], rendered.site["copyright"]
        self.hidden = rendered.hidden  # an edition's hidden core pages: excluded in on_files
        root = Path(rendered.manual.root).parent  # the core's folder (an edition's config sits elsewhere)
        # `mkdocs serve` rebuilds when docs, data, templates or schemas change
        # (an edition's own docs/ and data/, and the core's docs/ and data/)
        watched = {Path(p).resolve() for p in config.watch}
        own_data = str(Path(source_docs).parent / "data")  # an edition's: beside its docs/
        for path in (source_docs, own_data, str(root / "docs"), str(root / self.config.data_dir),
                     str(Path(__file__).parent)):
            if Path(path).is_dir() and Path(path).resolve() not in watched:
                watched.add(Path(path).resolve())
                config.watch.append(path)
        return config

    def on_files(self, files, config):
        for file in files:
            if file.src_uri in self.hidden:
                file.inclusion = InclusionLevel.EXCLUDED
        return files

    def on_env(self, env, /, *, config, files):
        # MkDocs makes the theme's Jinja environment anew for every build: keep
        # Material's compiled templates between builds (a rebuild under `mkdocs
        # serve` otherwise spends a tenth of its time compiling them again)
        if env.bytecode_cache is None:
            env.bytecode_cache = bytecode_cache()
        return env

    def on_serve(self, server, config, builder):
        server.unwatch(config.docs_dir)  # the rendered copy, rewritten by every rebuild
        return server

    # every page carries the content security policy, its theme scripts hashed
    # (a build of the rendered tree runs `python -m permanency csp SITE` instead)
    def on_post_page(self, output, page, config):
        return csp.with_policy(output)

    def on_post_template(self, output_content, template_name, config):
        return csp.with_policy(output_content)  # 404.html

    def on_post_build(self, config):
        self._clean()

    def on_build_error(self, error):
        self._clean()

    def on_shutdown(self):
        if _SERVE["out"] is not None:
            shutil.rmtree(_SERVE["out"], ignore_errors=True)

    def _clean(self):
        if self.out is not None:
            shutil.rmtree(self.out, ignore_errors=True)
            self.out = None
