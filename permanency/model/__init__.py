"""The manual's data: what it is and how it is read.

- ``kinds.py``: the table of kinds (each kind's files, ids and every page path)
- ``schemas.py``: the JSON Schemas, loaded once, and the words of their errors
- ``rules/``: the cross-record rules a schema cannot say, one module per subject
- ``manual.py``: the :class:`Manual` and :class:`Record` the renderers read
- ``load.py``: :func:`load`, which does all of the above once per build
"""
from __future__ import annotations

from ..errors import DataError, DataErrors
from .kinds import KIND_BY_NAME, KINDS, PAGE_HEADINGS, Kind, related_kind
from .load import Overlay, load, overlay_kinds
from .manual import Manual, Record, sort_key

__all__ = ["DataError", "DataErrors", "KINDS", "KIND_BY_NAME", "PAGE_HEADINGS", "Kind", "Manual", "Record",
           "Overlay", "load", "overlay_kinds", "related_kind", "sort_key"]
