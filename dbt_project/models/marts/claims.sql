-- Incremental by article (macros/incremental_marts.sql).
{{ merged_by_article() }}
select
    c.claim_id,
    c.article_id,
    c.claim_type,
    c.claim_text,
    c.sentence_text,
    c.location,
    c.paragraph_index,
    c.char_start,
    c.char_end,
    speaker.actor_id as speaker_actor_id,
    c.speaker_name,
    c.speaker_role,
    c.attribution_cue,
    c.source_name,
    source.actor_id as source_actor_id,
    c.checkworthiness,
    grp.claim_group_id
from {{ ref('int_claims') }} as c
left join {{ ref('int_actor_names') }} as speaker
    on speaker.actor_type = c.speaker_type and speaker.name = c.speaker_name
left join {{ ref('int_actor_names') }} as source
    on source.actor_type = 'organization' and source.name = c.source_name
-- The claim's group (issue 13): joined in, computed in int_claim_groups.
left join {{ ref('int_claim_groups') }} as grp on grp.claim_id = c.claim_id
{{ missing_from_this('article_id', 'c.article_id', rows_of=ref('int_claims'), among=changed_articles()) }}
order by c.article_id, c.location, c.char_start, c.claim_id
