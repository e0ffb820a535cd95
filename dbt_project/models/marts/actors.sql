-- One row per real-world actor, canonical across articles, with every role and alias seen.
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
        on n.actor_type = m.actor_type and n.name = m.name
    union all
    select c.article_id, n.actor_id, n.canonical_name, n.actor_type,
           c.speaker_name, c.speaker_role, 0
    from {{ ref('int_claims') }} as c
    inner join {{ ref('int_actor_names') }} as n
        on n.actor_type = c.speaker_type and n.name = c.speaker_name
    union all
    select c.article_id, n.actor_id, n.canonical_name, n.actor_type,
           c.source_name, null, 0
    from {{ ref('int_claims') }} as c
    inner join {{ ref('int_actor_names') }} as n
        on n.actor_type = 'organization' and n.name = c.source_name
)

select
    actor_id,
    min(canonical_name) as name,
    min(actor_type) as actor_type,
    coalesce(list_sort(list_distinct(list(role) filter (where role is not null))), [])
        as roles,
    coalesce(list_sort(list_distinct(list(alias) filter (where alias <> canonical_name))), [])
        as aliases,
    count(distinct article_id) as article_count,
    cast(sum(is_mention) as bigint) as mention_count
from seen
group by actor_id
order by actor_id
