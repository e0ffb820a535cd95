"""Great Expectations suites for a release, as code.

`build_suites(tables, previous_rows)` returns one list of expectations per published table.
They run on the Parquet files staged for release, read into pandas, so what is validated is
byte for byte what is published. Referential integrity is checked on a derived column per
reference ("does this row's article_id exist in articles?", computed with pandas) — giving
GX the parent table's ids as a value set made every check re-serialise the whole id list,
which grew with the square of the archive. Row-count sanity compares with the previous
release's manifest.

Set FACTCHECK_ALLOW_SHRINK=1 for a run that may legitimately publish fewer articles than the
previous release (articles withdrawn from raw/); it is recorded in the validation results.
"""

from __future__ import annotations

import os

import great_expectations.expectations as gxe
import pandas as pd

from factcheck.contract import (
    ACTOR_TYPES,
    CLAIM_TYPES,
    LOCATIONS,
    RATINGS,
    RELATIONS,
    STATUSES,
    TABLES,
)


def _columns(table: str) -> gxe.Expectation:
    return gxe.ExpectTableColumnsToMatchSet(column_set=TABLES[table][1], exact_match=False)


def _key(column: str) -> list[gxe.Expectation]:
    return [
        gxe.ExpectColumnValuesToNotBeNull(column=column),
        gxe.ExpectColumnValuesToBeUnique(column=column),
    ]


def _in(column: str, values: list) -> gxe.Expectation:
    return gxe.ExpectColumnValuesToBeInSet(column=column, value_set=values)


# (child table, column) → (parent table, key): every non-null value must exist in the parent.
REFERENCES = {
    ("claims", "article_id"): ("articles", "article_id"),
    ("claims", "speaker_actor_id"): ("actors", "actor_id"),
    ("actor_mentions", "article_id"): ("articles", "article_id"),
    ("actor_mentions", "actor_id"): ("actors", "actor_id"),
    ("claim_actors", "claim_id"): ("claims", "claim_id"),
    ("claim_actors", "actor_id"): ("actors", "actor_id"),
    ("verification_status", "claim_id"): ("claims", "claim_id"),
    ("verification_history", "claim_id"): ("claims", "claim_id"),
}


def reference_column(column: str) -> str:
    return f"{column}__exists_in_parent"


def add_reference_columns(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Copies of the tables with one boolean column per reference: true when the value is
    null or present in the parent table. The published files are not changed."""
    import pyarrow as pa
    import pyarrow.compute as pc

    out = dict(tables)
    for (table, column), (parent, key) in REFERENCES.items():
        frame = out[table] = out[table].copy() if out[table] is tables[table] else out[table]
        # pyarrow's is_in: pandas' isin on Arrow-backed strings loops in Python.
        values = pa.array(frame[column], type=pa.string(), from_pandas=True)
        parents = pa.array(tables[parent][key], type=pa.string(), from_pandas=True)
        found = pc.or_(pc.is_null(values), pc.is_in(values, value_set=parents))
        frame[reference_column(column)] = found.to_numpy(zero_copy_only=False)
    return out


def _exists(column: str) -> gxe.Expectation:
    return gxe.ExpectColumnValuesToBeInSet(column=reference_column(column), value_set=[True])


def build_suites(
    tables: dict[str, pd.DataFrame], previous_rows: dict[str, int]
) -> dict[str, list[gxe.Expectation]]:
    """Expectations per table. Run them on `add_reference_columns(tables)`."""
    articles, claims = tables["articles"], tables["claims"]
    shrink_ok = os.environ.get("FACTCHECK_ALLOW_SHRINK") == "1"
    min_articles = 1 if shrink_ok else max(1, previous_rows.get("articles", 0))

    return {
        "articles": [
            _columns("articles"),
            *_key("article_id"),
            *_key("content_sha256"),
            gxe.ExpectColumnValuesToNotBeNull(column="headline"),
            gxe.ExpectColumnValuesToNotBeNull(column="body_text"),
            gxe.ExpectColumnValuesToNotBeNull(column="source_uri"),
            gxe.ExpectColumnValuesToBeBetween(column="word_count", min_value=1),
            # No run publishes fewer articles than the previous release.
            gxe.ExpectTableRowCountToBeBetween(min_value=min_articles),
        ],
        "claims": [
            _columns("claims"),
            *_key("claim_id"),
            gxe.ExpectColumnValuesToNotBeNull(column="article_id"),
            _exists("article_id"),
            _in("claim_type", CLAIM_TYPES),
            _in("location", LOCATIONS),
            gxe.ExpectColumnValuesToNotBeNull(column="claim_text"),
            gxe.ExpectColumnValuesToBeBetween(column="checkworthiness", min_value=0, max_value=1),
            gxe.ExpectColumnValuesToBeBetween(column="char_start", min_value=0),
            gxe.ExpectColumnPairValuesAToBeGreaterThanB(column_A="char_end", column_B="char_start"),
            _exists("speaker_actor_id"),
            gxe.ExpectTableRowCountToBeBetween(min_value=1 if len(articles) else 0),
        ],
        "actors": [
            _columns("actors"),
            *_key("actor_id"),
            gxe.ExpectColumnValuesToNotBeNull(column="name"),
            _in("actor_type", ACTOR_TYPES),
            gxe.ExpectColumnValuesToBeBetween(column="article_count", min_value=1),
        ],
        "actor_mentions": [
            _columns("actor_mentions"),
            _exists("article_id"),
            _exists("actor_id"),
            _in("location", LOCATIONS),
            gxe.ExpectColumnValuesToBeBetween(column="char_start", min_value=0),
        ],
        "claim_actors": [
            _columns("claim_actors"),
            _exists("claim_id"),
            _exists("actor_id"),
            _in("relation", RELATIONS),
            gxe.ExpectCompoundColumnsToBeUnique(column_list=["claim_id", "actor_id", "relation"]),
        ],
        "verification_status": [
            _columns("verification_status"),
            *_key("claim_id"),
            _exists("claim_id"),
            # Exactly one row per claim.
            gxe.ExpectTableRowCountToEqual(value=len(claims)),
            _in("status", STATUSES),
            _in("rating", RATINGS),
            gxe.ExpectColumnValuesToBeBetween(column="rating_value", min_value=1, max_value=5),
            gxe.ExpectColumnValuesToNotBeNull(column="updated_at"),
        ],
        "verification_history": [
            _columns("verification_history"),
            _exists("claim_id"),
            _in("status", STATUSES),
            gxe.ExpectColumnValuesToNotBeNull(column="valid_from"),
            gxe.ExpectTableRowCountToBeBetween(min_value=len(claims)),
        ],
        "quarantine": [
            _columns("quarantine"),
            gxe.ExpectColumnValuesToNotBeNull(column="source_uri"),
            gxe.ExpectColumnValuesToNotBeNull(column="reason"),
            gxe.ExpectColumnValuesToNotBeNull(column="first_seen_at"),
        ],
    }
