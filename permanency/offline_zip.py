"""One downloadable offline copy: the built site (and its PDFs when `make pdf`
built them) as a single versioned ZIP, for laptops that cannot reach the site.
The site is built for disk already (the offline plugin: no directory URLs,
search from file://), so the ZIP holds it as it is, under one folder named
for the manual and its version: unpack, open ``<folder>/index.html``."""
from __future__ import annotations

import re
import zipfile
from pathlib import Path

from mkdocs.utils import yaml_load


def zip_name(site_name: str, version: str) -> str:
    """'Fernhollow County Permanency Practice Manual', '0.3.0+fernhollow.1' ->
    'fernhollow-county-permanency-practice-manual-0.3.0+fernhollow.1-offline'."""
    slug = re.sub(r"[^a-z0-9]+", "-", site_name.casefold()).strip("-")
    return f"{slug}-{version}-offline"


def offline_zip(site: Path, rendered_config: Path, dest: Path) -> Path:
    """Zip ``site`` (built from ``rendered_config``, the render step's mkdocs.yml)
    into ``dest``/<name>.zip; returns the ZIP's path."""
    with open(rendered_config, encoding="utf-8") as f:
        config = yaml_load(f)
    name = zip_name(config["site_name"], config["extra"]["manual"]["version"])
    dest.mkdir(parents=True, exist_ok=True)
    out = dest / f"{name}.zip"
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as z:
        for path in sorted(p for p in Path(site).rglob("*") if p.is_file()):
            z.write(path, f"{name}/{path.relative_to(site).as_posix()}")
    return out
