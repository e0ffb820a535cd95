-- Every actor name seen (mentions, speakers, sources) mapped to one canonical actor.
-- Within an article the extractor already resolved surnames to full names; across articles
-- a lone surname ("Lukashenko" in an article that never gives his first name) becomes the
-- one full name with that surname, when exactly one exists and the lone name is not also
-- a given name ("Pope Francis" is not the "Sahar Francis" of another article).
with names as (
    select actor_type, name from {{ ref('int_mentions') }}
    union
    select speaker_type, speaker_name from {{ ref('int_claims') }}
    where speaker_type is not null
    union
    select 'organization', source_name from {{ ref('int_claims') }}
    where source_name is not null
),

full_people as (
    select distinct
        name,
        lower(regexp_extract(name, '(\S+)$')) as surname
    from names
    where actor_type = 'person' and name like '% %'
),

unique_surnames as (
    select surname, min(name) as full_name
    from full_people
    where surname not in (select lower(given_name) from {{ ref('given_names') }})
    group by surname
    having count(distinct name) = 1
),

resolved as (
    select
        names.actor_type,
        names.name,
        case
            when names.actor_type = 'person' and names.name not like '% %'
                then coalesce(unique_surnames.full_name, names.name)
            else names.name
        end as canonical_name
    from names
    left join unique_surnames
        on names.actor_type = 'person' and lower(names.name) = unique_surnames.surname
)

select
    actor_type,
    name,
    canonical_name,
    {{ stable_id('act', ['actor_type', 'lower(canonical_name)']) }} as actor_id
from resolved
