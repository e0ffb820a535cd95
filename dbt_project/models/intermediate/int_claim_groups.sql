-- Each claim's group. Claims are gathered into units (same speaker, same words as
-- normalized_text reads them: int_claim_units), and each unit links to a unit with a longer
-- text of the same speaker (int_unit_choices); every unit takes as its representative the
-- end of that chain of choices: the units with one representative are a group.
--
-- The group id hashes the speaker and words of the group's earliest-seen member (its
-- article first seen first; ties by claim id): what identifies the group, the same on
-- every run and machine, and a claim alone is its own group. It is not the representative,
-- because a later article quoting a longer span would then rename a group whose old claims
-- the incremental claims mart does not rewrite; the earliest member changes only when
-- groups merge or it is removed, and int_claim_group_changes lists exactly those claims.
--
-- Incremental, keyed by claim, with `changed_in` the build in which the claim's group or
-- representative last changed. A night follows again the chains of the units whose choice
-- changed since the last complete build, of every unit whose chain passes through one,
-- and of the units of tonight's claims; and names again every group that one of those
-- units' claims joins or leaves, that a claim left (build.gone_keys), or whose members'
-- articles changed. Every other claim keeps its group: nothing it is computed from changed.
-- Rebuilt whole, this followed every unit of the archive every night (1.2-2.7 s and
-- 650-700 MB at 100,000 articles, the largest query of the night).
{{ kept_per_key('claim_id', 'int_claim_texts') }}
-- depends_on: {{ ref('int_article_extractions') }}
{% set max_steps = 20 %}

with recursive
{% if is_incremental() %}
touched_claims as (
    select claim_id, unit_key from {{ ref('int_claim_texts') }}
    where rowid in (
        select rowid from {{ ref('int_claim_texts') }}
        where article_id in (
            {{ extracted_since_last_build() }}
            union
            select article_id from {{ ref('int_article_versions') }}
            where {{ changed_since_last_build('changed_in') }}
        )
    )
),

-- the units whose choice changed, and those whose chain of choices passes through one
moved (unit_key) as (
    select unit_key from {{ ref('int_unit_choices') }}
    where {{ changed_since_last_build('changed_in') }}
    union
    select c.unit_key
    from {{ ref('int_unit_choices') }} as c
    inner join moved as m on c.representative = m.unit_key
),

starts as (
    select unit_key from moved
    union
    select unit_key from touched_claims
),
{% else %}
starts as (
    select unit_key from {{ ref('int_unit_choices') }}
),
{% endif %}

-- Follow choices to the end: each step goes to a longer (or equal, earlier) text, so the
-- chain stops where a unit is its own choice. A quote contained in a longer one that is
-- itself contained in a still longer one lands on the longest.
chased (unit_key, representative, steps) as (
    select unit_key, representative, 0
    from {{ ref('int_unit_choices') }}
    where unit_key in (select unit_key from starts)
    union all
    select c.unit_key, f.representative, c.steps + 1
    from chased as c
    inner join {{ ref('int_unit_choices') }} as f on f.unit_key = c.representative
    where f.representative <> c.representative and c.steps < {{ max_steps }}
),

final_choice as (
    select unit_key, arg_max(representative, steps) as representative
    from chased
    group by unit_key
),

{% if is_incremental() %}
-- the groups whose members may have changed: those the followed units' claims join or
-- leave, and those a claim left
affected as (
    select representative from final_choice
    union
    select g.representative_unit_key
    from {{ this }} as g
    inner join {{ ref('int_claim_texts') }} as t on t.claim_id = g.claim_id
    where t.unit_key in (select unit_key from final_choice)
    union
    select representative_unit_key from {{ this }}
    where claim_id in (
        select key from {{ source('build', 'gone_keys') }}
        where kind = 'claim_id' and {{ changed_since_last_build('gone_in') }}
    )
),

-- their members: the claims of the units followed tonight, and the other claims they had
assigned as (
    select t.claim_id, t.article_id, s.representative
    from {{ ref('int_claim_texts') }} as t
    inner join final_choice as s on s.unit_key = t.unit_key
    where s.representative in (select representative from affected)
    union all
    select t.claim_id, t.article_id, g.representative_unit_key
    from {{ this }} as g
    inner join {{ ref('int_claim_texts') }} as t on t.claim_id = g.claim_id
    where g.representative_unit_key in (select representative from affected)
        and t.unit_key not in (select unit_key from final_choice)
),
{% else %}
assigned as (
    select t.claim_id, t.article_id, s.representative
    from {{ ref('int_claim_texts') }} as t
    inner join final_choice as s on s.unit_key = t.unit_key
),
{% endif %}

members as (
    select m.claim_id, m.representative, a.first_seen_at
    from assigned as m
    inner join {{ ref('int_article_versions') }} as a on a.article_id = m.article_id
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
),

grouped as (
    select m.claim_id, g.claim_group_id, m.representative as representative_unit_key
    from members as m
    inner join groups as g on g.representative = m.representative
)

select x.claim_id, x.claim_group_id, x.representative_unit_key, {{ build_number() }} as changed_in
from grouped as x
{{ not_already_in_this('x', ['claim_id', 'claim_group_id', 'representative_unit_key']) }}
