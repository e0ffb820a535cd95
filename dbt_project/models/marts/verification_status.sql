-- Incremental by claim (macros/incremental_marts.sql): the claims of changed articles and
-- every claim that has or had a verdict on its group (the verdict log is small) are rebuilt.
{{ merged_by_claim("claims_of_changed_articles() ~ ' union ' ~ claims_with_verdicts()") }}
-- Exactly one row per claim: the latest verdict on any claim of its group (int_group_verdicts),
-- or `unverified`; `rated_claim_id` names the claim it was given on. The latest verdict wins;
-- verdicts recorded at the same instant are ordered by file and line, so the result does
-- not depend on load order.
with latest as (
    select
        *,
        row_number() over (
            partition by claim_id
            order by reviewed_at desc, source_uri desc, line desc
        ) as recency
    from {{ ref('int_group_verdicts') }}
),

scale as (
    select lower(trim(label)) as label_key, rating, rating_value
    from {{ ref('rating_scale') }}
)

select
    c.claim_id,
    coalesce(v.status, 'unverified') as status,
    case when v.status = 'rated' then scale.rating end as rating,
    v.rating_label,
    case when v.status = 'rated' then scale.rating_value end as rating_value,
    v.reviewed_by,
    v.reviewed_at,
    v.evidence_url,
    v.note,
    c.signals,
    v.rated_claim_id,
    coalesce(v.reviewed_at, a.first_seen_at) as updated_at
from {{ ref('int_claims') }} as c
inner join {{ ref('int_article_versions') }} as a on a.article_id = c.article_id
left join latest as v on v.claim_id = c.claim_id and v.recency = 1
left join scale on scale.label_key = lower(trim(v.rating_label))
{{ missing_from_this('claim_id', 'c.claim_id', rows_of=ref('int_claims')) }}
order by c.claim_id
