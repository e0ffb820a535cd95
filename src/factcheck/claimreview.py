"""schema.org ClaimReview export of rated claims (the format fact-checkers exchange).

One ClaimReview per reviewed claim, in a JSON-LD document with an `@graph`. A verdict rates
its claim's whole group (`claims.claim_group_id`), so the group is listed once: the claim
the verdict was given on is `claimReviewed`, and every article carrying a member of the
group is one of its `appearance`s. The reviewing
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

# The appearances are gathered for the rated claims' groups only: aggregated over every
# group first (DuckDB does not push the join with the rated claims below the aggregate),
# they were a pass over every claim and its article's headline whatever was rated (1.5 s
# at 100,000 articles with nothing rated).
RATED_CLAIMS_SQL = """
with rated as (
    select
        c.claim_id, c.claim_text, c.speaker_name, c.speaker_actor_id, c.claim_group_id,
        v.rating_label, v.rating_value, v.rating, v.reviewed_by, v.reviewed_at,
        v.evidence_url, v.note
    from read_parquet($status) as v
    join read_parquet($claims) as c using (claim_id)
    where v.status = 'rated' and v.claim_id = v.rated_claim_id
),
appearances as (
    select
        member.claim_group_id,
        list(distinct {'headline': a.headline, 'url': a.url, 'published_at': a.published_at}
             order by {'headline': a.headline, 'url': a.url, 'published_at': a.published_at})
            as appearances
    from read_parquet($claims) as member
    join read_parquet($articles) as a using (article_id)
    where member.claim_group_id in (select claim_group_id from rated)
    group by member.claim_group_id
)
select
    r.claim_id, r.claim_text, r.speaker_name, r.speaker_actor_id,
    actor.actor_type as speaker_type, g.appearances,
    r.rating_label, r.rating_value, r.rating, r.reviewed_by, r.reviewed_at,
    r.evidence_url, r.note
from rated as r
join appearances as g using (claim_group_id)
left join read_parquet($actors) as actor on actor.actor_id = r.speaker_actor_id
order by r.claim_id
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
    claim["appearance"] = [_appearance(article) for article in row["appearances"]]
    published = [a["published_at"] for a in row["appearances"] if a["published_at"] is not None]
    if published:
        claim["datePublished"] = min(published).date().isoformat()
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


def _appearance(article: dict) -> dict:
    """One article that carries the claim (or another claim of its group)."""
    work = {"@type": "CreativeWork", "headline": article["headline"]}
    if article["url"]:
        work["url"] = article["url"]
    if article["published_at"] is not None:
        work["datePublished"] = article["published_at"].date().isoformat()
    return work


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
