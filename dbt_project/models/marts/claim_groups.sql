-- One row per claim group (int_claim_groups): the words and speaker that identify it, as
-- first written by its representative claim, and how far it travelled. `last_seen_at` (its
-- latest article's night) is the release partition the row is published in: a group that
-- takes a member moves to tonight's file instead of rewriting its first night's bucket.
--
-- Incremental by group: a night rebuilds the groups whose members or representative
-- changed since the last complete build (int_claim_group_members) and those with a member
-- in an article rebuilt tonight (its claim's words, speaker or article's first-seen time);
-- groups that no longer exist are dropped. Every other group's row is what a full rebuild
-- gives, since nothing it is computed from changed.
{{ config(
    materialized='incremental',
    incremental_strategy='append',
    on_schema_change='fail',
    pre_hook="{{ forget_changed('claim_group_id', claim_groups_to_rebuild(),
                                ref('int_claim_group_members')) }}"
) }}
-- depends_on: {{ ref('int_claim_group_members') }}, {{ ref('int_changed_articles') }}

with members as (
    select g.claim_group_id, g.representative_unit_key, c.claim_id, c.claim_text,
           c.speaker_name, c.article_id, a.first_seen_at, t.unit_key
    from {{ ref('int_claim_groups') }} as g
    inner join {{ ref('int_claims') }} as c on c.claim_id = g.claim_id
    inner join {{ ref('int_claim_texts') }} as t on t.claim_id = g.claim_id
    inner join {{ ref('int_article_versions') }} as a on a.article_id = c.article_id
    {{ missing_from_this('claim_group_id', 'g.claim_group_id', rows_of=ref('int_claim_groups')) }}
),
canonical as (
    select
        claim_group_id,
        first(claim_text order by claim_id) as canonical_text,
        first(speaker_name order by claim_id) as speaker_name
    from members
    where unit_key = representative_unit_key
    group by claim_group_id
)

select
    m.claim_group_id,
    c.canonical_text,
    c.speaker_name,
    count(*) as member_count,
    count(distinct m.article_id) as article_count,
    min(m.first_seen_at) as first_seen_at,
    max(m.first_seen_at) as last_seen_at
from members as m
inner join canonical as c on c.claim_group_id = m.claim_group_id
group by m.claim_group_id, c.canonical_text, c.speaker_name
order by m.claim_group_id
