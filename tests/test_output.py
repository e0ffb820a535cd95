"""Command output: tables fit the terminal, CSV and JSON pipe cleanly."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime

from factcheck.output import render, render_table

COLUMNS = ["claim_id", "signals", "when", "claim_text"]
ROWS = [
    ["clm_1", ["hedged", "disputed"], datetime(2026, 1, 2, tzinfo=UTC), "x" * 300],
    ["clm_2", [], None, 'Short, with a comma and "quotes"\nand a newline'],
]


def test_table_fits_the_width_and_shortens_long_text():
    out = io.StringIO()
    render_table(COLUMNS, ROWS, out, width=80)
    lines = out.getvalue().splitlines()
    assert all(len(line) <= 80 for line in lines)
    assert "…" in lines[2]
    assert lines[-1] == "(2 rows)"
    assert "hedged, disputed" in lines[2]


def test_csv_round_trips():
    out = io.StringIO()
    render(COLUMNS, ROWS, "csv", out)
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    assert rows[0] == COLUMNS
    assert json.loads(rows[1][1]) == ["hedged", "disputed"]
    assert rows[2][3] == ROWS[1][3]


def test_json_is_valid_with_iso_times():
    out = io.StringIO()
    render(COLUMNS, ROWS, "json", out)
    records = json.loads(out.getvalue())
    assert records[0]["when"] == "2026-01-02T00:00:00+00:00"
    assert records[1]["signals"] == [] and records[1]["when"] is None


def test_table_in_a_pipe_keeps_every_value_whole():
    out = io.StringIO()  # not a terminal, like a pipe or a file
    render_table(COLUMNS, ROWS, out)
    assert "x" * 300 in out.getvalue() and "…" not in out.getvalue()
