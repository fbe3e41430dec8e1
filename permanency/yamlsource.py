"""Parse YAML into plain Python values while remembering the line of every field.

PyYAML's composer gives a node tree with marks; we build values from it ourselves
so that we can (1) report duplicate keys, which PyYAML silently overwrites,
(2) keep dates as the strings the author wrote (JSON Schema checks them), and
(3) answer "which line is field ``a.b[2]`` on?" for every error message.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

Path = tuple  # a field path: ("figures", 0, "source")

_TIMESTAMP = "tag:yaml.org,2002:timestamp"


@dataclass
class Parsed:
    value: Any
    lines: dict = field(default_factory=dict)  # Path -> 1-based line
    problems: list = field(default_factory=list)  # (line, Path, message)

    def line_of(self, path: Path) -> int:
        """The line of ``path``, or of its nearest parent that has one."""
        path = tuple(path)
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), 1)


class YamlSyntaxError(Exception):
    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line
        self.message = message


# libyaml's parser is several times faster; its error messages differ, so a file
# it rejects is parsed again by the pure-Python one, whose messages we report.
_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse(text: str) -> Parsed:
    """Parse one YAML document. Raises YamlSyntaxError with a line number."""
    try:
        try:
            node = yaml.compose(text, Loader=_FAST_LOADER)
        except yaml.YAMLError:
            node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        problem = exc.problem or exc.context or "invalid YAML"
        raise YamlSyntaxError(line, f"YAML syntax error: {problem}") from None
    except yaml.YAMLError as exc:  # pragma: no cover - unmarked errors are rare
        raise YamlSyntaxError(1, f"YAML syntax error: {exc}") from None
    parsed = Parsed(value=None)
    if node is None:
        return parsed
    constructor = SafeConstructor()
    parsed.value = _build(node, (), parsed, constructor)
    return parsed


def _build(node, path: Path, parsed: Parsed, constructor: SafeConstructor):
    parsed.lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, MappingNode):
        result: dict = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                parsed.problems.append(
                    (key_node.start_mark.line + 1, path, "a key must be plain text")
                )
                continue
            key = key_node.value
            key_path = path + (key,)
            if key in result:
                parsed.problems.append(
                    (
                        key_node.start_mark.line + 1,
                        key_path,
                        f"duplicate key '{key}' (first on line {parsed.lines[key_path]})",
                    )
                )
                continue
            parsed.lines[key_path] = key_node.start_mark.line + 1
            result[key] = _build(value_node, key_path, parsed, constructor)
        return result
    if isinstance(node, SequenceNode):
        return [
            _build(item, path + (index,), parsed, constructor)
            for index, item in enumerate(node.value)
        ]
    if node.tag == _TIMESTAMP:
        return node.value  # keep dates as written; the schema checks them
    try:
        return constructor.construct_object(node, deep=True)
    except yaml.constructor.ConstructorError as exc:
        parsed.problems.append((node.start_mark.line + 1, path, str(exc.problem)))
        return node.value


def format_path(path: Path) -> str:
    """('figures', 0, 'source') -> 'figures[0].source'"""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out
