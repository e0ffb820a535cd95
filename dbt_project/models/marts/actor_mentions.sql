-- Incremental by article (macros/incremental_marts.sql).
{{ merged_by_article() }}
select
    m.article_id,
    names.actor_id,
    m.mention_text,
    m.location,
    m.paragraph_index,
    m.char_start,
    m.role
from {{ ref('int_mentions') }} as m
inner join {{ ref('int_actor_names') }} as names
    on names.actor_type = m.actor_type and names.name = m.name
{{ missing_from_this(
    'article_id', 'm.article_id', rows_of=ref('int_mentions'), among=changed_articles()
) }}
order by m.article_id, m.location, m.char_start, names.actor_id
