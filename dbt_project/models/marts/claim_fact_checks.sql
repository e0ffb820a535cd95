-- Claims linked to the fact-checks that may already review them. The score is calibrated:
-- a logistic function of the candidate's features (int_claim_fact_check_candidates) with
-- the weights fitted on labelled claim/fact-check pairs (seed match_calibration), so it
-- reads as the probability that the fact-check reviews the claim. Candidates below the
-- seed's min_score are not published; `matched` marks those at or above its threshold.
-- Incremental by claim (macros/incremental_marts.sql): the claims of changed articles and
-- the claims whose unit was matched again tonight are rebuilt.
{{ merged_by_claim("claims_of_changed_articles() ~ ' union ' ~ claims_matched_since_last_build()") }}
-- depends_on: {{ ref('int_claim_fact_check_candidates') }}
with claims_to_build as (
    select claim_id, unit_key from {{ ref('int_claim_texts') }}
    {{ missing_from_this('claim_id') }}
),

calibration as (
    select
        max(value) filter (where parameter = 'intercept') as intercept,
        max(value) filter (where parameter = 'query_coverage') as w_query,
        max(value) filter (where parameter = 'fact_check_coverage') as w_fact_check,
        max(value) filter (where parameter = 'speaker_agreement') as w_speaker,
        max(value) filter (where parameter = 'top_rank') as w_top,
        max(value) filter (where parameter = 'threshold') as threshold,
        max(value) filter (where parameter = 'min_score') as min_score
    from {{ ref('match_calibration') }}
),

scored as (
    select
        c.unit_key,
        c.fact_check_id,
        c.speaker_agreement,
        round(1 / (1 + exp(-(
            cal.intercept
            + cal.w_query * c.query_coverage
            + cal.w_fact_check * c.fact_check_coverage
            + cal.w_speaker * c.speaker_agreement
            + cal.w_top * cast(c.rank = 1 as integer)
        ))), 9) as score,
        cal.threshold,
        cal.min_score
    from {{ ref('int_claim_fact_check_candidates') }} as c
    cross join calibration as cal
    where c.fact_check_id is not null
        and c.unit_key in (select unit_key from claims_to_build)
),

ranked as (
    select
        *,
        row_number() over (partition by unit_key order by score desc, fact_check_id) as rank
    from scored
    where score >= min_score
)

select
    t.claim_id,
    r.fact_check_id,
    r.score,
    case when r.speaker_agreement = 1 then 'bm25_speaker' else 'bm25' end as method,
    cast(r.rank as integer) as rank,
    r.score >= r.threshold as matched
from claims_to_build as t
inner join ranked as r on r.unit_key = t.unit_key
order by t.claim_id, r.rank
