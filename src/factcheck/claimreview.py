"""schema.org ClaimReview export of rated claims (the format fact-checkers exchange).

One ClaimReview per rated claim, in a JSON-LD document with an `@graph`. The reviewing
organisation and the review URL are configuration (FACTCHECK_ORG_NAME, FACTCHECK_ORG_URL,
FACTCHECK_REVIEW_URL_TEMPLATE with a `{claim_id}` placeholder).
"""

from __future__ import annotations

import os
from pathlib import Path

import duckdb

from factcheck.partitions import table_glob

DEFAULT_ORG_NAME = "factcheck-pipeline desk"
DEFAULT_REVIEW_URL = "urn:factcheck:claim:{claim_id}"

RATED_CLAIMS_SQL = """
select
    c.claim_id, c.claim_text, c.speaker_name, c.speaker_actor_id,
    actor.actor_type as speaker_type,
    a.url as article_url, a.headline, a.published_at,
    v.rating_label, v.rating_value, v.rating, v.reviewed_by, v.reviewed_at,
    v.evidence_url, v.note
from read_parquet($status) as v
join read_parquet($claims) as c using (claim_id)
join read_parquet($articles) as a using (article_id)
left join read_parquet($actors) as actor on actor.actor_id = c.speaker_actor_id
where v.status = 'rated'
order by c.claim_id
"""


def _organization() -> dict:
    org = {"@type": "Organization", "name": os.environ.get("FACTCHECK_ORG_NAME", DEFAULT_ORG_NAME)}
    if os.environ.get("FACTCHECK_ORG_URL"):
        org["url"] = os.environ["FACTCHECK_ORG_URL"]
    return org


def claim_review(row: dict) -> dict:
    template = os.environ.get("FACTCHECK_REVIEW_URL_TEMPLATE", DEFAULT_REVIEW_URL)
    rating = {
        "@type": "Rating",
        "bestRating": 5,
        "worstRating": 1,
        "alternateName": row["rating_label"],
    }
    if row["rating_value"] is not None:
        rating["ratingValue"] = int(row["rating_value"])
    claim: dict = {"@type": "Claim"}
    if row["speaker_name"]:
        kind = "Person" if row.get("speaker_type") == "person" else "Organization"
        claim["author"] = {"@type": kind, "name": row["speaker_name"]}
    appearance = {"@type": "CreativeWork", "headline": row["headline"]}
    if row["article_url"]:
        appearance["url"] = row["article_url"]
    claim["appearance"] = [appearance]
    if row["published_at"] is not None:
        claim["datePublished"] = row["published_at"].date().isoformat()
    review = {
        "@type": "ClaimReview",
        "url": template.format(claim_id=row["claim_id"]),
        "identifier": row["claim_id"],
        "claimReviewed": row["claim_text"],
        "datePublished": row["reviewed_at"].date().isoformat(),
        "author": _organization(),
        "reviewRating": rating,
        "itemReviewed": claim,
    }
    if row["evidence_url"]:
        review["citation"] = [row["evidence_url"]]
    return review


def build_document(release_dir: Path) -> dict:
    """The JSON-LD document for the tables staged in release_dir."""
    con = duckdb.connect()
    try:
        params = {
            name: table_glob(release_dir, name)
            for name in ("status", "claims", "articles", "actors")
        }
        params["status"] = table_glob(release_dir, "verification_status")
        cursor = con.execute(RATED_CLAIMS_SQL, params)
        names = [d[0] for d in cursor.description]
        rows = [dict(zip(names, values, strict=True)) for values in cursor.fetchall()]
    finally:
        con.close()
    return {"@context": "https://schema.org", "@graph": [claim_review(r) for r in rows]}
