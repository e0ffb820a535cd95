-- One row per claim group (int_claim_groups): the words and speaker that identify it, as
-- first written by its representative claim, and how far it travelled. `last_seen_at` (its
-- latest article's night) is the release partition the row is published in: a group that
-- takes a member moves to tonight's file instead of rewriting its first night's bucket.
--
-- Incremental by group: a night rebuilds the groups whose members or representative
-- changed since the last complete build (int_claim_group_members) and those with a member
-- in an article rebuilt tonight (its claim's words, speaker or article's first-seen time);
-- groups that no longer exist are dropped. A group that only took new members
-- (macros/claim_linking.sql, growing_claim_groups) has its row merged with them: counts
-- added, first and last seen compared, its words looked up again only when a joiner is of
-- its representative unit — not every member aggregated again. The others are aggregated
-- from every member. Every other group's row is what a full rebuild gives, since nothing
-- it is computed from changed.
{{ config(
    materialized='incremental',
    incremental_strategy='delete+insert',
    unique_key='claim_group_id',
    on_schema_change='fail',
    pre_hook="{{ forget_changed('claim_group_id', claim_groups_to_aggregate(),
                                ref('int_claim_group_members')) }}"
) }}
-- depends_on: {{ ref('int_claim_group_members') }}, {{ ref('int_changed_articles') }}

with members as (
    select g.claim_group_id, c.article_id, a.first_seen_at
    from {{ ref('int_claim_groups') }} as g
    inner join {{ ref('int_claims') }} as c on c.claim_id = g.claim_id
    inner join {{ ref('int_article_versions') }} as a on a.article_id = c.article_id
    {{ missing_from_this('claim_group_id', 'g.claim_group_id', rows_of=ref('int_claim_groups')) }}
),

-- the groups missing from the table: aggregated from every member
aggregated as (
    select
        claim_group_id,
        null::varchar as canonical_text,
        null::varchar as speaker_name,
        count(*) as member_count,
        count(distinct article_id) as article_count,
        min(first_seen_at) as first_seen_at,
        max(first_seen_at) as last_seen_at
    from members
    group by claim_group_id
),

{% if is_incremental() %}
growing as (
    {{ growing_claim_groups() }}
),

-- the members that joined a growing group since the last complete build
joiners as (
    select g.claim_group_id, c.article_id, a.first_seen_at, t.unit_key
    from {{ ref('int_claim_groups') }} as g
    inner join {{ ref('int_claims') }} as c on c.claim_id = g.claim_id
    inner join {{ ref('int_claim_texts') }} as t on t.claim_id = g.claim_id
    inner join {{ ref('int_article_versions') }} as a on a.article_id = c.article_id
    where g.rowid in (
        select rowid from {{ ref('int_claim_groups') }}
        where {{ changed_since_last_build('built_in') }}
            and claim_group_id in (select claim_group_id from growing)
    )
),

-- the joiners' articles in which the group already had a member
known_articles as (
    select distinct g.claim_group_id, c.article_id
    from {{ ref('int_claims') }} as c
    inner join {{ ref('int_claim_groups') }} as g on g.claim_id = c.claim_id
    where c.article_id in (select article_id from joiners)
        and g.claim_group_id in (select claim_group_id from growing)
        and not {{ changed_since_last_build('g.built_in') }}
),

joined as (
    select
        j.claim_group_id,
        count(*) as member_count,
        count(distinct j.article_id) filter (where k.article_id is null) as article_count,
        min(j.first_seen_at) as first_seen_at,
        max(j.first_seen_at) as last_seen_at,
        bool_or(j.unit_key = m.representative_unit_key) as joined_representative
    from joiners as j
    inner join {{ ref('int_claim_group_members') }} as m on m.claim_group_id = j.claim_group_id
    left join known_articles as k
        on k.claim_group_id = j.claim_group_id and k.article_id = j.article_id
    group by j.claim_group_id
),

-- a growing group's row, merged with its joiners
merged as (
    select
        o.claim_group_id,
        o.canonical_text,
        o.speaker_name,
        o.member_count + j.member_count as member_count,
        o.article_count + j.article_count as article_count,
        least(o.first_seen_at, j.first_seen_at) as first_seen_at,
        greatest(o.last_seen_at, j.last_seen_at) as last_seen_at
    from joined as j
    inner join (
        select * from {{ this }}
        where rowid in (
            select rowid from {{ this }}
            where claim_group_id in (select claim_group_id from growing)
        )
    ) as o on o.claim_group_id = j.claim_group_id
),
{% endif %}

counted as (
    select * from aggregated
    {% if is_incremental() %}
    union all
    select * from merged
    {% endif %}
),

-- the words of the groups aggregated, and of the growing ones a claim of their
-- representative unit joined: those of the representative unit's first claim. The claims
-- are told apart by id alone, and only the first one's words read (the representative
-- units of a night's growing groups hold about 160,000 claims at 100,000 articles).
canonical_claims as (
    select r.claim_group_id, min(t.claim_id) as claim_id
    from {{ ref('int_claim_group_members') }} as r
    inner join {{ ref('int_claim_texts') }} as t on t.unit_key = r.representative_unit_key
    where r.claim_group_id in (
        select claim_group_id from aggregated
        {% if is_incremental() %}
        union all
        select claim_group_id from joined where joined_representative
        {% endif %}
    )
    group by r.claim_group_id
),

canonical as (
    select r.claim_group_id, c.claim_text as canonical_text, c.speaker_name
    from {{ ref('int_claims') }} as c
    inner join canonical_claims as r on r.claim_id = c.claim_id
    {% if is_incremental() %}
    where c.rowid in (
        select rowid from {{ ref('int_claims') }}
        where claim_id in (select claim_id from canonical_claims)
    )
    {% endif %}
)

select
    n.claim_group_id,
    case when w.claim_group_id is null then n.canonical_text else w.canonical_text end
        as canonical_text,
    case when w.claim_group_id is null then n.speaker_name else w.speaker_name end
        as speaker_name,
    n.member_count,
    n.article_count,
    n.first_seen_at,
    n.last_seen_at
from counted as n
left join canonical as w on w.claim_group_id = n.claim_group_id
order by n.claim_group_id
