-- Pairs of distinct claim texts that say the same thing: `covering` contains `covered` as a
-- longer span of the same words, or the two differ by small edits. Computed over distinct
-- texts, not claims (a wire story carried by many outlets is one text here). An edit may
-- not change a figure: "prices rose 5 percent" and "prices rose 6 percent" are two claims.
--
-- Candidates come from shared word 4-grams (int_text_shingles): each text probes with its
-- three shingles of smallest hash, and a probe meets every text holding the same shingle.
-- A shorter text contained in a longer one always meets it; texts a few edits apart almost
-- always do. Boilerplate shingles are not followed (int_shingle_frequency). Candidates are
-- then verified on the words themselves: containment at word boundaries, or at most 5% of
-- the characters edited (a typo, an inflection, a mark), figures unchanged.
--
-- Incremental, keyed by pair: a night compares only the pairs with a text new since the
-- last complete build — new probes against every shingle, every probe against the new
-- shingles — and the pairs meeting through a shingle that crossed the boilerplate limit
-- (forget_text_pairs() deleted those first). A full refresh compares every pair, the same
-- rule on every text, so both paths give the same pairs. `built_in` is the build that
-- added the pair, and forget_text_pairs() records the covered text of every pair it
-- deletes: int_unit_choices chooses again for exactly the texts whose links changed.
{{ config(
    materialized='incremental',
    incremental_strategy='append',
    pre_hook="{{ forget_text_pairs() }}"
) }}
-- depends_on: {{ ref('int_shingle_frequency') }}
{% set min_contained_words = 6 %}
{% set since = grouping_since() %}

-- Every shingle of every text is read several times below: not materialized, so each read
-- keeps only the rows its filters and joins need (materialized, the CTE held all of them,
-- about 2.2 million at 100,000 articles: the night's largest use of memory after grouping).
with shingles as not materialized (
    select text_key, shingle, is_probe, built_in from {{ ref('int_text_shingles') }}
),

followed as (
    select shingle from {{ ref('int_shingle_frequency') }} where followed
),

new_probes as (
    select text_key, shingle from shingles where is_probe and built_in > {{ since }}
),

new_shingles as (
    select text_key, shingle from shingles where built_in > {{ since }}
),

met as (
    -- a new text's probes, against every text
    select p.text_key as covered, s.text_key as covering
    from new_probes as p
    inner join followed as f on f.shingle = p.shingle
    inner join shingles as s on s.shingle = p.shingle and s.text_key <> p.text_key
    {% if is_incremental() %}
    -- (on a first build every text is new: the first branch already meets every pair)
    union
    -- every text's probes, against a new text
    select p.text_key, s.text_key
    from new_shingles as s
    inner join followed as f on f.shingle = s.shingle
    inner join shingles as p on p.shingle = s.shingle and p.is_probe and p.text_key <> s.text_key
    union
    -- the pairs meeting through a shingle followed since tonight, or no longer followed
    select p.text_key, s.text_key
    from {{ ref('int_shingle_frequency') }} as flipped
    inner join shingles as p on p.shingle = flipped.shingle and p.is_probe
    inner join shingles as s on s.shingle = flipped.shingle and s.text_key <> p.text_key
    where {{ changed_since_last_build('flipped.changed_in') }}
    {% endif %}
),

candidates as (
    -- a pair is compared when a followed shingle joins them (the pairs met through a
    -- shingle no longer followed may still share another). As a correlated `exists`, the
    -- shingles are read for tonight's pairs only: as joins, DuckDB joined every probe
    -- to every followed shingle first (1.4 million rows at 100,000 articles) and the
    -- night's pairs to that.
    select distinct m.covered, m.covering
    from met as m
    {% if is_incremental() %}
    where exists (
        select 1
        from shingles as p
        inner join shingles as s on s.shingle = p.shingle
        inner join followed as f on f.shingle = p.shingle
        where p.text_key = m.covered and p.is_probe and s.text_key = m.covering
    )
    and not exists (
        select 1 from {{ this }} as done
        where done.covered = m.covered and done.covering = m.covering
    )
    {% endif %}
),

-- the words of the texts compared; at night picked by rowid: filtered on the key alone,
-- DuckDB read every claim's words to keep those of a night's pairs
texts as (
    select distinct text_key, norm_text, n_words
    from {{ ref('int_claim_texts') }}
    {% if is_incremental() %}
    where rowid in (
        select rowid from {{ ref('int_claim_texts') }}
        where text_key in (select covered from candidates union select covering from candidates)
    )
    {% else %}
    where text_key in (select covered from candidates union select covering from candidates)
    {% endif %}
),

verified as (
    select
        c.covered,
        c.covering,
        case
            when b.n_words > a.n_words
                and a.n_words >= {{ min_contained_words }}
                and contains(' ' || b.norm_text || ' ', ' ' || a.norm_text || ' ')
                then 'contained'
            when least(a.n_words, b.n_words) * 10 >= greatest(a.n_words, b.n_words) * 8
                and regexp_extract_all(a.norm_text, '\d+') = regexp_extract_all(b.norm_text, '\d+')
                and levenshtein(a.norm_text, b.norm_text)
                    <= greatest(length(a.norm_text), length(b.norm_text)) / 20
                then 'edited'
        end as relation
    from candidates as c
    inner join texts as a on a.text_key = c.covered
    inner join texts as b on b.text_key = c.covering
)

select covered, covering, relation, {{ build_number() }} as built_in
from verified
where relation is not null
