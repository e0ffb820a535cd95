-- Incremental by claim (macros/incremental_marts.sql), like verification_status.
{{ merged_by_claim("claims_of_changed_articles() ~ ' union ' ~ claims_with_verdicts()") }}
-- Every state a claim has had, as an event model: the claim starts `unverified` when its
-- article is first seen (or at its first verdict, if a verdict was dated earlier), then
-- takes each verdict recorded on any claim of its group in time order (int_group_verdicts).
-- Built from the append-only verdict log rather than a dbt snapshot, so the whole history
-- can be rebuilt from raw/ alone and two builds of the same input agree to the byte.
with claims_to_build as (
    select claim_id, article_id from {{ ref('int_claims') }}
    {{ missing_from_this('claim_id') }}
),

first_verdicts as (
    select claim_id, min(reviewed_at) as first_reviewed_at
    from {{ ref('int_group_verdicts') }}
    group by claim_id
),

events as (
    select
        c.claim_id,
        'unverified' as status,
        cast(null as varchar) as rating,
        cast(null as varchar) as rating_label,
        cast(null as varchar) as reviewed_by,
        cast(null as varchar) as rated_claim_id,
        least(a.first_seen_at, coalesce(f.first_reviewed_at, a.first_seen_at)) as valid_from,
        0 as event_order,
        '' as source_uri,
        0 as line
    from claims_to_build as c
    inner join {{ ref('int_article_versions') }} as a on a.article_id = c.article_id
    left join first_verdicts as f on f.claim_id = c.claim_id
    union all
    select
        v.claim_id,
        v.status,
        case when v.status = 'rated' then scale.rating end,
        v.rating_label,
        v.reviewed_by,
        v.rated_claim_id,
        v.reviewed_at,
        1,
        v.source_uri,
        v.line
    from {{ ref('int_group_verdicts') }} as v
    inner join claims_to_build as c on c.claim_id = v.claim_id
    left join {{ ref('rating_scale') }} as scale
        on lower(trim(scale.label)) = lower(trim(v.rating_label))
),

ordered as (
    select
        *,
        lead(valid_from) over (
            partition by claim_id order by valid_from, event_order, source_uri, line
        ) as valid_to,
        row_number() over (
            partition by claim_id order by valid_from, event_order, source_uri, line
        ) as sequence
    from events
)

select
    claim_id, sequence, status, rating, rating_label, reviewed_by, rated_claim_id, valid_from,
    valid_to
from ordered
order by claim_id, valid_from, event_order, source_uri, line
