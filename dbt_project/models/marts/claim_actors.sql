-- Incremental by claim (macros/incremental_marts.sql).
{{ merged_by_claim() }}
-- Links between claims and actors: who said it (speaker), the outlet or document it was
-- reported through (source), and every actor named inside the claim (mentioned).
with claims_to_build as (
    select * from {{ ref('claims') }}
    {{ missing_from_this('claim_id', among=claims_of_changed_articles()) }}
),

links as (
    select claim_id, speaker_actor_id as actor_id, 'speaker' as relation
    from claims_to_build
    where speaker_actor_id is not null
    union
    select claim_id, source_actor_id, 'source'
    from claims_to_build
    where source_actor_id is not null
    union
    select c.claim_id, m.actor_id, 'mentioned'
    from claims_to_build as c
    inner join {{ ref('actor_mentions') }} as m
        on m.article_id = c.article_id
        and m.location = c.location
        and m.char_start >= c.char_start
        and m.char_start < c.char_end
)

select claim_id, actor_id, relation
from links
order by claim_id, relation, actor_id
