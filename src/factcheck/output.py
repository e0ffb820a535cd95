"""Print query results for people (aligned table, long text shortened) or for programs
(CSV, JSON lines-free JSON array), so output fits a terminal and pipes cleanly: long
text is shortened only on a terminal, never in a pipe or a file."""

from __future__ import annotations

import csv
import json
import shutil
import sys
from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import TextIO

FORMATS = ("table", "csv", "json")


def _plain(value: object) -> object:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return ", ".join(_cell(v) for v in value)
    if isinstance(value, float):
        return f"{value:.3g}"
    return " ".join(str(_plain(value)).split())


def _shorten(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(width - 1, 1)] + "…"


def render_table(
    columns: Sequence[str], rows: Sequence[Sequence[object]], out: TextIO, width: int | None = None
) -> None:
    if width is None and not out.isatty():
        # Piped into a file or another program: nothing is cut, every value stays whole.
        width = sys.maxsize
    width = width or shutil.get_terminal_size((160, 24)).columns
    cells = [[_cell(v) for v in row] for row in rows]
    natural = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    budget = max(width - 2 * (len(columns) - 1), len(columns) * 4)
    widths = list(natural)
    # Shrink the widest columns until the table fits the terminal.
    while sum(widths) > budget and max(widths) > 8:
        widest = widths.index(max(widths))
        widths[widest] -= 1
    line = "  ".join(_shorten(c, w).ljust(w) for c, w in zip(columns, widths, strict=True))
    out.write(line.rstrip() + "\n")
    out.write("  ".join("-" * w for w in widths) + "\n")
    for row in cells:
        out.write(
            "  ".join(_shorten(v, w).ljust(w) for v, w in zip(row, widths, strict=True)).rstrip()
            + "\n"
        )
    out.write(f"({len(rows)} row{'s' if len(rows) != 1 else ''})\n")


def render(
    columns: Sequence[str], rows: Sequence[Sequence[object]], fmt: str, out: TextIO = sys.stdout
) -> None:
    if fmt == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow(
                [
                    json.dumps(_plain(v))
                    if isinstance(v, list | dict)
                    else ("" if v is None else _plain(v))
                    for v in row
                ]
            )
    elif fmt == "json":
        records = [dict(zip(columns, (_plain(v) for v in row), strict=True)) for row in rows]
        json.dump(records, out, ensure_ascii=False, indent=1)
        out.write("\n")
    else:
        render_table(columns, rows, out)
