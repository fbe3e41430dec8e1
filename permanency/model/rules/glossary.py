"""The glossary: abbreviations and terms."""
from __future__ import annotations

from typing import Iterable

from ...errors import DataError
from ...yamlsource import format_path


def glossary_rules(records) -> Iterable[DataError]:
    """An abbreviation says how the sources spell it out, or that they do not;
    a term has no expansion; every spelling marked as an abbreviation is unique."""
    spellings: dict[str, str] = {}
    for record in records:
        if record.kind != "term":
            continue
        data, base = record.data, record.base
        if data.get("kind") == "abbreviation":
            has = [f for f in ("expansion", "not_expanded") if f in data]
            if not has:
                yield DataError(record.file, record.line(), format_path(base),
                                f"abbreviation '{data.get('term')}' needs 'expansion' (as a source spells it "
                                "out) or 'not_expanded' (saying that the sources do not)")
            elif len(has) == 2:
                yield DataError(record.file, record.line("not_expanded"), format_path(base + ("not_expanded",)),
                                "give 'expansion' or 'not_expanded', not both")
            for path, spelling in [(("term",), data.get("term"))] + [
                (("forms", i), f) for i, f in enumerate(data.get("forms") or [])
            ]:
                if not isinstance(spelling, str):
                    continue
                if spelling in spellings:
                    yield DataError(record.file, record.line(*path), format_path(base + path),
                                    f"abbreviation '{spelling}' is already defined at {spellings[spelling]}")
                else:
                    spellings[spelling] = f"{record.file}:{record.line(*path)}"
        elif data.get("kind") == "term":
            for name in ("expansion", "not_expanded", "forms"):
                if name in data:
                    yield DataError(record.file, record.line(name), format_path(base + (name,)),
                                    f"only an abbreviation has '{name}'; set kind: abbreviation or remove it")
