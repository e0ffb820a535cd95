-- Pairs of distinct claim texts that say the same thing: `covering` contains `covered` as a
-- longer span of the same words, or the two differ by small edits. Computed over distinct
-- texts, not claims (a wire story carried by many outlets is one text here). An edit may
-- not change a figure: "prices rose 5 percent" and "prices rose 6 percent" are two claims.
--
-- Candidates come from shared word 4-grams ("shingles"): each text probes with its three
-- shingles of smallest hash (a min-hash sample, so a text's probes depend on that text
-- alone), and a probe meets every text holding the same shingle. A shorter text contained
-- in a longer one always meets it; texts a few edits apart almost always do. Shingles held
-- by more than `max_shingle_texts` texts (boilerplate) are not followed. Candidates are
-- then verified on the words themselves: containment at word boundaries, or at most 5%
-- of the characters edited (a typo, an inflection, a mark), figures unchanged.
{% set min_contained_words = 6 %}
{% set min_edited_words = 5 %}
{% set max_shingle_texts = 50 %}

with texts as (
    select distinct text_key, norm_text, n_words
    from {{ ref('int_claim_texts') }}
    where n_words >= {{ min_edited_words }}
),

shingles as (
    select distinct text_key, hash(array_to_string(words[i:i + 3], ' ')) as shingle
    from (
        select text_key, string_split(norm_text, ' ') as words, n_words from texts
    ), unnest(range(1, n_words - 2)) as starts(i)
),

frequency as (
    select shingle, count(*) as texts_with from shingles group by shingle
),

probes as (
    select text_key, shingle
    from (
        select
            text_key,
            shingle,
            row_number() over (partition by text_key order by shingle) as sample
        from shingles
    )
    where sample <= 3
),

candidates as (
    select distinct p.text_key as covered, s.text_key as covering
    from probes as p
    inner join frequency as f on f.shingle = p.shingle and f.texts_with <= {{ max_shingle_texts }}
    inner join shingles as s on s.shingle = p.shingle and s.text_key <> p.text_key
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

select covered, covering, relation
from verified
where relation is not null
