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
-- Incremental, keyed by claim, with `built_in` the build that last wrote the claim's row
-- (its tests at night read those rows: meta tested_tonight_by), and `first_claim_id`, the group's earliest member. A night follows again the
-- chains of the units whose choice changed since the last complete build and of every unit
-- whose chain passes through one; their claims and tonight's claims are the claims that
-- may join another group ("joiners"). A group that only gains members keeps its earliest
-- member unless a joiner comes before it, so it is named from that member and its joiners
-- alone, and only the joiners' rows are written (on the bench, the ~1,200 groups a night
-- adds members to hold 260,000 claims, which were aggregated again every night). A group
-- that a claim left (for another group, or deleted: build.gone_keys, or whose article
-- changed) is named again from every member, and a group whose name changes is written
-- whole. Every other claim keeps its row: nothing it is computed from changed. Rebuilt
-- whole, this followed every unit of the archive every night (1.2-2.7 s and 650-700 MB at
-- 100,000 articles, the largest query of the night).
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
-- the claims that may join another group, with the representative they have now
joiners as (
    select t.claim_id, f.representative
    from {{ ref('int_claim_texts') }} as t
    inner join final_choice as f on f.unit_key = t.unit_key
    where t.rowid in (
        select rowid from {{ ref('int_claim_texts') }}
        where unit_key in (select unit_key from moved)
    )
    union
    select t.claim_id, f.representative
    from touched_claims as t
    inner join final_choice as f on f.unit_key = t.unit_key
),

-- the rows those claims and the deleted ones had
old_rows as (
    select claim_id, representative_unit_key as representative
    from {{ this }}
    where claim_id in (
        select claim_id from joiners
        union
        select key from {{ source('build', 'gone_keys') }}
        where kind = 'claim_id' and {{ changed_since_last_build('gone_in') }}
    )
),

-- groups a claim left (for another, deleted, or its article changed): named from all
departed as (
    select o.representative
    from old_rows as o
    left join joiners as j on j.claim_id = o.claim_id
    where j.claim_id is null
        or j.representative <> o.representative
        or o.claim_id in (select claim_id from touched_claims)
),

-- the earliest member so far of each group that only gains members
heads as (
    select representative_unit_key as representative, min(first_claim_id) as claim_id
    from {{ this }}
    where representative_unit_key in (select representative from joiners)
        and representative_unit_key not in (select representative from departed)
    group by representative_unit_key
),

recounted as (
    select representative from departed
    union
    select representative from joiners
    where representative not in (select representative from heads)
),

-- the members of the recounted groups that stay
stayed as (
    select claim_id, representative_unit_key as representative
    from {{ this }}
    where representative_unit_key in (select representative from recounted)
        and claim_id not in (select claim_id from old_rows)
),

-- who may be a group's earliest member: its joiners, and its earliest member so far or
-- the members that stay
candidates as (
    select c.claim_id, c.representative, t.article_id
    from (
        select claim_id, representative from joiners
        union all
        select claim_id, representative from heads
        union all
        select claim_id, representative from stayed
    ) as c
    inner join {{ ref('int_claim_texts') }} as t on t.claim_id = c.claim_id
),
{% else %}
candidates as (
    select t.claim_id, s.representative, t.article_id
    from {{ ref('int_claim_texts') }} as t
    inner join final_choice as s on s.unit_key = t.unit_key
),
{% endif %}

-- The earliest-seen member of each group (its article first seen first; ties by claim id,
-- unique): one aggregate, not a window ranking every claim. It picks the claim id alone,
-- and only the winners' words are looked up: carried through every member, the words made
-- this the night's largest query (about 850 MB at 100,000 articles, against 700).
earliest as (
    select
        c.representative,
        arg_min(c.claim_id, {'first_seen_at': a.first_seen_at, 'claim_id': c.claim_id})
            as claim_id
    from candidates as c
    inner join {{ ref('int_article_versions') }} as a on a.article_id = c.article_id
    group by c.representative
),

groups as (
    select
        e.representative,
        e.claim_id as first_claim_id,
        {{ stable_id('grp', ['t.speaker_key', 't.norm_text']) }} as claim_group_id
    from earliest as e
    inner join {{ ref('int_claim_texts') }} as t on t.claim_id = e.claim_id
),

{% if is_incremental() %}
-- the joiners' rows, and every member's of a group named again or whose name changed
written as (
    select claim_id, representative from joiners
    union all
    select claim_id, representative from stayed
    union all
    select g.claim_id, g.representative_unit_key
    from {{ this }} as g
    inner join heads as h on h.representative = g.representative_unit_key
    inner join groups as n on n.representative = h.representative
    where n.first_claim_id <> h.claim_id
        and g.claim_id not in (select claim_id from old_rows)
),
{% else %}
written as (
    select claim_id, representative from candidates
),
{% endif %}

grouped as (
    select
        w.claim_id,
        g.claim_group_id,
        w.representative as representative_unit_key,
        g.first_claim_id
    from written as w
    inner join groups as g on g.representative = w.representative
)

select x.*, {{ build_number() }} as built_in
from grouped as x
{{ not_already_in_this(
    'x',
    ['claim_id', 'claim_group_id', 'representative_unit_key', 'first_claim_id'],
    among='grouped',
) }}
