"""Partials copied from Material into overrides/ stay Material's but for their
one change, so a new Material version that changes the partial fails here
instead of shipping a stale copy."""
from pathlib import Path

import material

ROOT = Path(__file__).resolve().parents[2]
MATERIAL = Path(material.__file__).parent / "templates"

# Material's loop over every child of a section, and what the copy has instead.
NAV_INDEX_LOOP = """\
    {% set _ = namespace(index = none) %}
    {% if "navigation.indexes" in features %}
      {% for item in nav_item.children %}
        {% if item.is_index and _.index is none %}
          {% set _.index = item %}
        {% endif %}
      {% endfor %}
    {% endif %}
    {% set index = _.index %}
"""
NAV_INDEX_FIRST = """\
    {% set index = none %}
    {% if "navigation.indexes" in features %}
      {% set index = nav_item.children | selectattr("is_index") | first | default(none, true) %}
    {% endif %}
"""


def body(text: str) -> str:
    """A partial without its opening comment."""
    assert text.startswith("{#-"), "a partial starts with a comment saying what it is"
    return text.split("-#}\n", 1)[1]


def test_nav_item_is_materials_but_for_the_index_lookup():
    theirs = body((MATERIAL / "partials" / "nav-item.html").read_text(encoding="utf-8"))
    ours = body((ROOT / "overrides" / "partials" / "nav-item.html").read_text(encoding="utf-8"))
    assert theirs.count(NAV_INDEX_LOOP) == 1, "Material's nav-item.html changed: copy it again and redo the change"
    assert ours == theirs.replace(NAV_INDEX_LOOP, NAV_INDEX_FIRST)
