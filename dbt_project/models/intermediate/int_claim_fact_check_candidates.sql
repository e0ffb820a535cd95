-- For every unit of claims (same speaker, same words: int_claim_texts), the fact-checks
-- that may review it, best first, with the features the calibrated score is made of.
--
-- Retrieval is BM25 (k1 = 1.2, b = 0.75; idf as in Lucene, ln(1 + (N - df + 0.5) /
-- (df + 0.5))) with the claim's words and its speaker's name as the query and the
-- fact-check's words and claimant as the document. To stay fast on a large archive, a
-- unit only looks up the postings of its `probe_terms` rarest terms that some fact-check
-- uses (terms in more than `max_df_share` of the fact-checks are not looked up); every
-- fact-check found that way is then scored on all the terms it shares with the unit.
--
-- Incremental: a unit is matched once per version of the fact-check collection and the
-- matcher (int_fact_check_corpus.version). A night with new claims and the same
-- fact-checks matches only the new units; new fact-checks or a new matcher match all again.
-- A unit that finds nothing keeps one row with a null fact_check_id, so it is not looked
-- up again.
{{ config(
    materialized='incremental',
    unique_key='unit_key',
    incremental_strategy='delete+insert',
    post_hook="delete from {{ this }} where unit_key not in
               (select unit_key from {{ ref('int_claim_texts') }})"
) }}
{% set k1, b = 1.2, 0.75 %}
{% set probe_terms = 5 %}
{% set max_df_share = 0.02 %}
{% set min_query_words = 4 %}
{% set kept = 5 %}

with corpus as (
    select * from {{ ref('int_fact_check_corpus') }}
),

fact_check_terms as (
    select * from {{ ref('int_fact_check_terms') }}
),

frequency as (
    select term, count(*) as df from fact_check_terms group by term
),

units as (
    select unit_key, any_value(speaker_key) as speaker_key, any_value(norm_text) as norm_text
    from {{ ref('int_claim_texts') }} as t
    where n_words >= {{ min_query_words }}
    {% if is_incremental() %}
        and not exists (
            select 1 from {{ this }} as done, corpus
            where done.unit_key = t.unit_key and done.matcher_version = corpus.version
        )
    {% endif %}
    group by unit_key
),

query_tokens as (
    select
        unit_key,
        unnest(string_split(
            norm_text || ' ' || {{ normalized_text('speaker_key') }}, ' '
        )) as token
    from units
),

query_terms as (
    select distinct q.unit_key, {{ term_stem('q.token') }} as term
    from query_tokens as q
    where q.token <> '' and q.token not in (select word from {{ ref('stopwords') }})
),

weighted as (
    select
        q.unit_key,
        q.term,
        coalesce(f.df, 0) as df,
        ln(1 + (corpus.documents - coalesce(f.df, 0) + 0.5) / (coalesce(f.df, 0) + 0.5)) as idf
    from query_terms as q
    cross join corpus
    left join frequency as f on f.term = q.term
),

query_mass as (
    select unit_key, sum(idf) as idf_total from weighted group by unit_key
),

probes as (
    select unit_key, term
    from (
        select
            w.unit_key,
            w.term,
            row_number() over (partition by w.unit_key order by w.df, w.term) as rarity
        from weighted as w, corpus
        where w.df between 1 and greatest(20, corpus.documents * {{ max_df_share }})
    )
    where rarity <= {{ probe_terms }}
),

found as (
    select distinct p.unit_key, t.fact_check_id
    from probes as p
    inner join fact_check_terms as t on t.term = p.term
),

fact_check_mass as (
    select t.fact_check_id, sum(ln(1 + (corpus.documents - f.df + 0.5) / (f.df + 0.5))) as idf_total
    from fact_check_terms as t
    cross join corpus
    inner join frequency as f on f.term = t.term
    group by t.fact_check_id
),

scored as (
    select
        c.unit_key,
        c.fact_check_id,
        sum(
            w.idf * t.tf * ({{ k1 }} + 1)
            / (t.tf + {{ k1 }} * (1 - {{ b }} + {{ b }} * t.doc_len / corpus.mean_length))
        ) as bm25,
        sum(w.idf) as shared_idf
    from found as c
    cross join corpus
    inner join fact_check_terms as t on t.fact_check_id = c.fact_check_id
    inner join weighted as w on w.unit_key = c.unit_key and w.term = t.term
    group by c.unit_key, c.fact_check_id
),

ranked as (
    select
        s.*,
        row_number() over (
            partition by s.unit_key order by s.bm25 desc, s.fact_check_id
        ) as rank
    from scored as s
),

kept as (
    select
        r.unit_key,
        r.fact_check_id,
        r.rank,
        r.bm25,
        r.shared_idf / q.idf_total as query_coverage,
        least(1.0, r.shared_idf / m.idf_total) as fact_check_coverage,
        case
            when u.speaker_key is null or fc.claimant is null then 0
            when split_part(u.speaker_key, ' ', -1)
                = split_part({{ normalized_text('fc.claimant') }}, ' ', -1) then 1
            else -1
        end as speaker_agreement
    from ranked as r
    inner join query_mass as q on q.unit_key = r.unit_key
    inner join fact_check_mass as m on m.fact_check_id = r.fact_check_id
    inner join units as u on u.unit_key = r.unit_key
    inner join {{ ref('stg_fact_checks') }} as fc on fc.fact_check_id = r.fact_check_id
    where r.rank <= {{ kept }}
)

select
    u.unit_key,
    k.fact_check_id,
    k.rank,
    k.bm25,
    k.query_coverage,
    k.fact_check_coverage,
    k.speaker_agreement,
    corpus.version as matcher_version
from units as u
cross join corpus
left join kept as k on k.unit_key = u.unit_key
