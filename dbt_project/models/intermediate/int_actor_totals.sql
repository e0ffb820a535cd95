-- The actors mart's rows, kept from night to night with `built_in`, the build that last
-- wrote each. A night whose rows can be merged (macros/actor_totals.sql: only new articles
-- extracted, nothing left, no old name resolved again) aggregates the mentions and claims
-- of the articles extracted since the last complete build and merges them into the
-- totals of their actors; any other night aggregates every row of the archive (the
-- pre-hook then drops every total). Rebuilt whole, this read all 1.4 million mentions of
-- the 100,000-article bench every night for a few thousand new ones.
{{ config(
    materialized='incremental',
    unique_key='actor_id',
    incremental_strategy='delete+insert',
    on_schema_change='fail',
    pre_hook="{{ forget_unmergeable_actor_totals() }}"
) }}
-- depends_on: {{ ref('int_article_extractions') }}, {{ ref('int_name_resolutions') }}

{#- Decided once, when the model is compiled (after the models above it, before its
    pre-hook, which asks the same question of the same tables). -#}
{%- set merged = execute and is_incremental()
    and run_query(actor_totals_mergeable()).columns[0].values()[0] -%}
{%- set only_tonight -%}
{% if merged %}and article_id in ({{ extracted_since_last_build() }}){% endif %}
{%- endset %}

with seen as (
    -- The alias is the name as written without its title: "Belarusian President Alexander
    -- Lukashenko" gives the role "Belarusian President" and the alias "Alexander Lukashenko".
    select m.article_id, n.actor_id, n.canonical_name, n.actor_type,
           case
               when m.role is not null and starts_with(m.mention_text, m.role || ' ')
                   then trim(substr(m.mention_text, length(m.role) + 1))
               else m.mention_text
           end as alias,
           m.role, 1 as is_mention
    from {{ ref('int_mentions') }} as m
    inner join {{ ref('int_actor_names') }} as n
        on n.actor_type = m.actor_type and n.name = m.name {{ only_tonight }}
    union all
    select c.article_id, n.actor_id, n.canonical_name, n.actor_type,
           c.speaker_name, c.speaker_role, 0
    from {{ ref('int_claims') }} as c
    inner join {{ ref('int_actor_names') }} as n
        on n.actor_type = c.speaker_type and n.name = c.speaker_name {{ only_tonight }}
    union all
    select c.article_id, n.actor_id, n.canonical_name, n.actor_type,
           c.source_name, null, 0
    from {{ ref('int_claims') }} as c
    inner join {{ ref('int_actor_names') }} as n
        on n.actor_type = 'organization' and n.name = c.source_name {{ only_tonight }}
),

totals as (
    select
        actor_id,
        min(canonical_name) as name,
        min(actor_type) as actor_type,
        coalesce(list_sort(list_distinct(list(role) filter (where role is not null))), [])
            as roles,
        coalesce(
            list_sort(list_distinct(list(alias) filter (where alias <> canonical_name))), []
        ) as aliases,
        count(distinct article_id) as article_count,
        cast(sum(is_mention) as bigint) as mention_count
    from seen
    group by actor_id
)

{% if merged %}
select
    t.actor_id,
    least(o.name, t.name) as name,  -- least() passes over a null: a new actor
    least(o.actor_type, t.actor_type) as actor_type,
    list_sort(list_distinct(coalesce(o.roles, []) || t.roles)) as roles,
    list_sort(list_distinct(coalesce(o.aliases, []) || t.aliases)) as aliases,
    coalesce(o.article_count, 0) + t.article_count as article_count,
    coalesce(o.mention_count, 0) + t.mention_count as mention_count,
    {{ build_number() }} as built_in
from totals as t
left join {{ this }} as o on o.actor_id = t.actor_id
{% else %}
select *, {{ build_number() }} as built_in
from totals
{% endif %}
