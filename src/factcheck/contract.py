"""The data contract's tables, in one place (see README and the data contract document).

The release writer, the warehouse builder, the Great Expectations suites and the tests all
read this list, so adding a table or column to the contract is one edit here plus the dbt
model that builds it.
"""

from __future__ import annotations

SCHEMA_VERSION = "1.0"

# table → (sort key for byte-stable files, the contract's columns in order)
TABLES: dict[str, tuple[str, list[str]]] = {
    "articles": (
        "article_id",
        [
            "article_id",
            "source_uri",
            "content_sha256",
            "publisher",
            "url",
            "published_at",
            "section",
            "headline",
            "kicker",
            "dek",
            "image_ref",
            "photo_credit",
            "body_text",
            "word_count",
        ],
    ),
    "claims": (
        "claim_id",
        [
            "claim_id",
            "article_id",
            "claim_type",
            "claim_text",
            "sentence_text",
            "location",
            "paragraph_index",
            "char_start",
            "char_end",
            "speaker_actor_id",
            "speaker_name",
            "attribution_cue",
            "checkworthiness",
        ],
    ),
    "actors": (
        "actor_id",
        [
            "actor_id",
            "name",
            "actor_type",
            "roles",
            "aliases",
            "article_count",
            "mention_count",
        ],
    ),
    "actor_mentions": (
        "article_id, location, char_start, actor_id",
        [
            "article_id",
            "actor_id",
            "mention_text",
            "location",
            "char_start",
        ],
    ),
    "claim_actors": ("claim_id, relation, actor_id", ["claim_id", "actor_id", "relation"]),
    "verification_status": (
        "claim_id",
        [
            "claim_id",
            "status",
            "rating",
            "rating_label",
            "rating_value",
            "reviewed_by",
            "reviewed_at",
            "evidence_url",
            "note",
            "signals",
            "updated_at",
        ],
    ),
    "verification_history": (
        "claim_id, valid_from, status, reviewed_by",
        [
            "claim_id",
            "status",
            "rating",
            "rating_label",
            "reviewed_by",
            "valid_from",
            "valid_to",
        ],
    ),
    "quarantine": ("source_uri, line, reason", ["source_uri", "line", "reason", "first_seen_at"]),
}

# Published beside the contract tables (extensions the contract allows).
EXTRA_TABLES: dict[str, str] = {
    "orphaned_verdicts": "source_uri, line",
}

CLAIM_TYPES = ["direct_quote", "partial_quote", "reported_speech", "assertion"]
LOCATIONS = ["headline", "dek", "body"]
ACTOR_TYPES = ["person", "organization", "place"]
RELATIONS = ["speaker", "source", "mentioned"]
STATUSES = ["unverified", "in_review", "rated"]
RATINGS = ["true", "mostly_true", "mixed", "mostly_false", "false", "unproven"]
SIGNALS = ["reporter_unconfirmed", "no_response", "hedged", "disputed"]


def published_tables() -> dict[str, str]:
    """Every table a release holds → its sort key."""
    return {name: key for name, (key, _) in TABLES.items()} | EXTRA_TABLES
