-- Incremental by article (macros/incremental_marts.sql).
{{ config(
    materialized='incremental',
    incremental_strategy='append',
    on_schema_change='fail',
    pre_hook="{{ forget_changed('article_id', changed_articles(),
                                current_articles()) }}"
) }}
-- depends_on: {{ ref('int_changed_articles') }}, {{ ref('int_article_versions') }}
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
    c.checkworthiness
from {{ ref('int_claims') }} as c
left join {{ ref('int_actor_names') }} as speaker
    on speaker.actor_type = c.speaker_type and speaker.name = c.speaker_name
left join {{ ref('int_actor_names') }} as source
    on source.actor_type = 'organization' and source.name = c.source_name
{{ missing_from_this('article_id', 'c.article_id') }}
order by c.article_id, c.location, c.char_start, c.claim_id
