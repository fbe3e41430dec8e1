"""Figures as a reader sees them: a value with its unit and the source's own
bounds ("about 8,000 youth", "more than 60%"), and where every bar, label and
value of a bar chart goes (partials/bar-chart.svg.j2 draws it)."""
from __future__ import annotations

from typing import Mapping


def number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"


# qualifier -> (words before the number, words after the number and unit)
_QUALIFIERS = {
    "about": ("about ", ""),
    "nearly": ("nearly ", ""),
    "more than": ("more than ", ""),
    "fewer than": ("fewer than ", ""),
    "or fewer": ("", " or fewer"),
    "about or fewer": ("about ", " or fewer"),
}


def figure_value(figure: Mapping) -> str:
    """The value as a reader sees it, with its unit and the source's own bounds:
    'about 8,000 youth', 'more than 60%', 'about 30 children or fewer'."""
    unit = figure["unit"]
    value = number(figure["value"])
    qualifier = figure.get("qualifier") or ("about" if figure.get("approximate") else None)
    before, after = _QUALIFIERS.get(qualifier, ("", ""))
    if unit in ("percent", "%"):
        return f"{before}{value}%{after}"
    return f"{before}{value} {unit}{after}"


# ------------------------------------------------------------------------ charts
# Geometry of the bar chart drawn by partials/bar-chart.svg.j2, in SVG user units.
# The chart scales to the width of the page; these sizes are chosen so that its
# text stays close to body size from a 375px phone to a desktop column.
CHART_WIDTH = 340
_LABEL_SIZE = 14
_LABEL_LINE = 17
_BAR_HEIGHT = 20
_VALUE_ROOM = 48  # least room right of the longest bar for its value
_CHAR_WIDTH = 8.2  # average width of a bold character at _LABEL_SIZE
_LABEL_CHARS = 42  # characters per label line at _LABEL_SIZE


def _wrap(text: str, width: int = _LABEL_CHARS) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]


def chart_layout(chart: Mapping, figures: list[Mapping]) -> dict:
    """Where every bar, label and value of a horizontal bar chart goes.

    ``figures`` are the chart's figures in bar order (the loader has checked that
    they share one unit and are exact). Percentages are drawn on a 0-100 scale
    with a visible track for the full 100; other units on a scale from zero to
    the largest value.
    """
    unit = figures[0]["unit"]
    percent = unit in ("percent", "%")
    scale = 100.0 if percent else float(max(f["value"] for f in figures) or 1)
    # leave room right of the longest bar for the longest value text
    room = max(len(figure_value(f)) for f in figures) * _CHAR_WIDTH + 10
    span = round(CHART_WIDTH - max(room, _VALUE_ROOM), 1)
    bars, y = [], 4
    for f in figures:
        lines = _wrap(f.get("short_label") or f["label"])
        label_y = [y + _LABEL_SIZE + i * _LABEL_LINE for i in range(len(lines))]
        y += len(lines) * _LABEL_LINE + 4
        width = round(span * min(f["value"], scale) / scale, 1)
        bars.append({
            "id": f["id"],
            "lines": [{"text": t, "y": ly} for t, ly in zip(lines, label_y)],
            "label": f.get("short_label") or f["label"],
            "value": figure_value(f),
            "y": y,
            "width": max(width, 1.0) if f["value"] else 0.0,  # a tiny value stays visible
            "value_x": round(max(width, 1.0) + 6, 1),
            "value_y": y + _BAR_HEIGHT / 2 + _LABEL_SIZE * 0.35,
        })
        y += _BAR_HEIGHT + 14
    axis_y = y - 10  # just under the last bar
    height = axis_y + (_LABEL_SIZE + 8 if percent else 4)
    return {
        "width": CHART_WIDTH,
        "height": height,
        "span": span,
        "bar_height": _BAR_HEIGHT,
        "label_size": _LABEL_SIZE,
        "percent": percent,
        "scale_text": "0 to 100 percent" if percent else f"0 to {number(scale)}",
        "axis_y": axis_y,
        "axis_label_y": axis_y + _LABEL_SIZE + 2,
        "bars": bars,
    }
