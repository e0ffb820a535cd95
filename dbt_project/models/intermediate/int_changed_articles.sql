-- The articles whose published rows are rebuilt tonight (macros/incremental_marts.sql):
-- new and changed articles, articles extracted again (a new extractor version), articles
-- that use a name whose canonical actor changed, and articles with a claim whose group
-- changed (int_claim_group_changes). Removed articles are not listed:
-- the marts drop every key that no longer exists upstream.
with changed_names as (
    select actor_type, name
    from {{ ref('int_name_resolutions') }}
    where {{ changed_since_last_build('changed_in') }}
)

select article_id
from {{ ref('int_article_versions') }}
where {{ changed_since_last_build('changed_in') }}
union
{{ extracted_since_last_build() }}
union
select m.article_id
from {{ ref('int_mentions') }} as m
inner join changed_names as n on n.actor_type = m.actor_type and n.name = m.name
union
select c.article_id
from {{ ref('int_claims') }} as c
inner join changed_names as n
    on (n.actor_type = c.speaker_type and n.name = c.speaker_name)
    or (n.actor_type = 'organization' and n.name = c.source_name)
union
select c.article_id
from {{ ref('int_claims') }} as c
inner join {{ ref('int_claim_group_changes') }} as g on g.claim_id = c.claim_id
where {{ changed_since_last_build('g.changed_in') }}
