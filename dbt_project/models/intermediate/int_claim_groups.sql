-- Each claim's group. Claims are first gathered into units (same speaker, same words as
-- normalized_text reads them); a unit is linked to the units whose text is the same,
-- covers it (int_text_relations) or is a few edits from it, when their speakers agree:
--   * a unit with a speaker links only to units of the same speaker — different people
--     saying the same words are different claims;
--   * a unit without a speaker (an unattributed copy, a headline) links to the units of
--     the one speaker its text is attributed to; when several people said those words it
--     stays with the speakerless copies of the same words.
-- Every unit then takes as its representative the longest linked text (speaker before
-- none, then the text itself to break ties), followed to the end of the chain: the units
-- with one representative are a group.
--
-- The group id hashes the speaker and words of the group's earliest-seen member (its
-- article first seen first; ties by claim id): what identifies the group, the same on
-- every run and machine, and a claim alone is its own group. It is not the representative,
-- because a later article quoting a longer span would then rename a group whose old claims
-- the incremental claims mart does not rewrite; the earliest member changes only when
-- groups merge or it is removed, and int_claim_group_changes lists exactly those claims.
{% set max_steps = 20 %}

with recursive units as (
    select unit_key, any_value(speaker_key) as speaker_key, any_value(text_key) as text_key,
           any_value(norm_text) as norm_text, any_value(n_words) as n_words
    from {{ ref('int_claim_texts') }}
    group by unit_key
),

text_links as (
    select text_key as covered, text_key as covering from units group by text_key
    union all
    select covered, covering from {{ ref('int_text_relations') }}
),

linked as (
    select u.unit_key, u.speaker_key, u.text_key, v.unit_key as other_key,
           v.speaker_key as other_speaker, v.text_key as other_text_key,
           v.norm_text as other_text, v.n_words as other_words
    from units as u
    inner join text_links as l on l.covered = u.text_key
    inner join units as v on v.text_key = l.covering
    where u.speaker_key is null or v.speaker_key = u.speaker_key
),

speakers_of_unattributed as (
    select unit_key, count(distinct other_speaker) as speakers
    from linked
    where speaker_key is null
    group by unit_key
),

allowed as (
    select l.*
    from linked as l
    left join speakers_of_unattributed as s on s.unit_key = l.unit_key
    where l.speaker_key is not null
        or s.speakers = 1
        or (s.speakers = 0 and l.other_speaker is null)
        or (l.other_speaker is null and l.other_text_key = l.text_key)
),

first_choice as (
    select
        unit_key,
        first(other_key order by other_words desc, other_speaker nulls last, other_text)
            as representative
    from allowed
    group by unit_key
),

-- Follow representatives to the end: each step goes to a longer (or equal, earlier) text,
-- so the chain stops where a unit is its own representative. A quote contained in a longer
-- one that is itself contained in a still longer one lands on the longest.
chased (unit_key, representative, steps) as (
    select unit_key, representative, 0 from first_choice
    union all
    select c.unit_key, f.representative, c.steps + 1
    from chased as c
    inner join first_choice as f on f.unit_key = c.representative
    where f.representative <> c.representative and c.steps < {{ max_steps }}
),

final_choice as (
    select unit_key, arg_max(representative, steps) as representative
    from chased
    group by unit_key
),

members as (
    select t.claim_id, s.representative, a.first_seen_at
    from {{ ref('int_claim_texts') }} as t
    inner join final_choice as s on s.unit_key = t.unit_key
    inner join {{ ref('int_article_versions') }} as a on a.article_id = t.article_id
),

-- The earliest-seen member of each group (its article first seen first; ties by claim id,
-- unique): one aggregate, not a window ranking every claim. It picks the claim id alone,
-- and only the winners' words are looked up: carried through every member, the words made
-- this the night's largest query (about 850 MB at 100,000 articles, against 700).
earliest as (
    select
        representative,
        arg_min(claim_id, {'first_seen_at': first_seen_at, 'claim_id': claim_id}) as claim_id
    from members
    group by representative
),

groups as (
    select
        e.representative,
        {{ stable_id('grp', ['t.speaker_key', 't.norm_text']) }} as claim_group_id
    from earliest as e
    inner join {{ ref('int_claim_texts') }} as t on t.claim_id = e.claim_id
)

select m.claim_id, g.claim_group_id, m.representative as representative_unit_key
from members as m
inner join groups as g on g.representative = m.representative
