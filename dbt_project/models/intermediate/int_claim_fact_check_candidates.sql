-- For every unit of claims (same speaker, same words: int_claim_texts), the fact-checks
-- that may review it, best first, with the features the calibrated score is made of.
--
-- Retrieval is BM25 (k1 = 1.2, b = 0.75; idf as in Lucene, ln(1 + (N - df + 0.5) /
-- (df + 0.5))) with the claim's words and its speaker's name as the query and the
-- fact-check's words and claimant as the document. To stay fast on a large archive, a
-- unit looks up the postings of its rarest terms only — the rarest one, then the next
-- rarest while the postings read stay within `postings_budget`; a unit whose rarest term
-- is in more than `max_rarest_df` fact-checks says nothing specific — keeps the `shortlist`
-- fact-checks that share the most idf weight among those terms, and scores each of them
-- on every term it shares with the unit.
--
-- Incremental: a unit is matched once per version of the fact-check collection and the
-- matcher (int_fact_check_corpus.version). A night with new claims and the same
-- fact-checks matches only the new units; new fact-checks or a new matcher match all again.
-- A unit that finds nothing keeps one row with a null fact_check_id, so it is not looked
-- up again. `built_in` is the build that matched the unit (claim_fact_checks rebuilds its
-- claims).
{{ kept_per_key('unit_key', 'int_claim_texts') }}
-- depends_on: {{ ref('int_article_extractions') }}
{% set k1, b = 1.2, 0.75 %}
{% set postings_budget = 40 %}
{% set max_rarest_df = 150 %}
{% set shortlist = 10 %}
{% set min_query_words = 4 %}
{% set kept = 5 %}
{#- Sums of floating-point terms depend on the order DuckDB's threads add them in; rounded,
    a night's features equal a full rebuild's to the byte. -#}
{% set digits = 9 %}

with corpus as (
    select * from {{ ref('int_fact_check_corpus') }}
),

-- Integer keys for the heavy joins and aggregates (the published ids are joined back at
-- the end): hashing strings is what the look-up would otherwise spend its time on.
fact_check_terms as (
    select *, hash(fact_check_id) as fact_check_key, hash(term) as term_key
    from {{ ref('int_fact_check_terms') }}
),

frequency as (
    select term, count(*) as df from fact_check_terms group by term
),

-- At night, the units not matched under this version are those of the claims extracted
-- since the last complete build, unless the version changed (then every unit): looked for
-- among every claim, they cost an anti-join of the archive's claims with every unit
-- matched (0.45 s of the model's 0.6-1.0 at 100,000 articles).
units as (
    select unit_key, any_value(speaker_key) as speaker_key, any_value(norm_text) as norm_text
    from {{ ref('int_claim_texts') }} as t
    where n_words >= {{ min_query_words }}
    {% if is_incremental() %}
        and (
            t.rowid in (
                select rowid from {{ ref('int_claim_texts') }}
                where article_id in ({{ extracted_since_last_build() }})
            )
            or exists (
                select 1 from {{ this }} as done, corpus
                where done.matcher_version <> corpus.version
            )
        )
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
    select distinct q.unit_key, hash(q.unit_key) as unit_ix, {{ term_stem('q.token') }} as term
    from query_tokens as q
    where q.token <> '' and q.token not in (select word from {{ ref('stopwords') }})
),

weighted as (
    select
        q.unit_key,
        q.unit_ix,
        hash(q.term) as term_key,
        q.term,
        coalesce(f.df, 0) as df,
        ln(1 + (corpus.documents - coalesce(f.df, 0) + 0.5) / (coalesce(f.df, 0) + 0.5)) as idf
    from query_terms as q
    cross join corpus
    left join frequency as f on f.term = q.term
),

query_mass as (
    select unit_ix, any_value(unit_key) as unit_key, round(sum(idf), {{ digits }}) as idf_total
    from weighted
    group by unit_ix
),

probes as (
    select unit_ix, term_key, idf
    from (
        select
            unit_ix,
            term_key,
            idf,
            df,
            row_number() over (partition by unit_ix order by df, term) as rarity,
            sum(df) over (
                partition by unit_ix order by df, term rows unbounded preceding
            ) as postings
        from weighted
        where df >= 1
    )
    where (rarity = 1 and df <= {{ max_rarest_df }}) or postings <= {{ postings_budget }}
),

found as (
    select p.unit_ix, t.fact_check_key, sum(p.idf) as probe_idf
    from probes as p
    inner join fact_check_terms as t on t.term_key = p.term_key
    group by p.unit_ix, t.fact_check_key
),

shortlisted as (
    select unit_ix, fact_check_key
    from (
        select
            *,
            row_number() over (
                partition by unit_ix order by probe_idf desc, fact_check_key
            ) as place
        from found
    )
    where place <= {{ shortlist }}
),

fact_check_mass as (
    select
        t.fact_check_id,
        round(sum(ln(1 + (corpus.documents - f.df + 0.5) / (f.df + 0.5))), {{ digits }})
            as idf_total
    from fact_check_terms as t
    cross join corpus
    inner join frequency as f on f.term = t.term
    group by t.fact_check_id
),

scored as (
    select
        c.unit_ix,
        c.fact_check_key,
        any_value(t.fact_check_id) as fact_check_id,
        round(sum(
            w.idf * t.tf * ({{ k1 }} + 1)
            / (t.tf + {{ k1 }} * (1 - {{ b }} + {{ b }} * t.doc_len / corpus.mean_length))
        ), {{ digits }}) as bm25,
        round(sum(w.idf), {{ digits }}) as shared_idf
    from shortlisted as c
    cross join corpus
    inner join fact_check_terms as t on t.fact_check_key = c.fact_check_key
    inner join weighted as w on w.unit_ix = c.unit_ix and w.term_key = t.term_key
    group by c.unit_ix, c.fact_check_key
),

ranked as (
    select
        s.*,
        row_number() over (
            partition by s.unit_ix order by s.bm25 desc, s.fact_check_id
        ) as rank
    from scored as s
),

kept as (
    select
        q.unit_key,
        r.fact_check_id,
        r.rank,
        r.bm25,
        round(r.shared_idf / q.idf_total, {{ digits }}) as query_coverage,
        round(least(1.0, r.shared_idf / m.idf_total), {{ digits }}) as fact_check_coverage,
        case
            when u.speaker_key is null or fc.claimant is null then 0
            when split_part(u.speaker_key, ' ', -1)
                = split_part({{ normalized_text('fc.claimant') }}, ' ', -1) then 1
            else -1
        end as speaker_agreement
    from ranked as r
    inner join query_mass as q on q.unit_ix = r.unit_ix
    inner join fact_check_mass as m on m.fact_check_id = r.fact_check_id
    inner join units as u on u.unit_key = q.unit_key
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
    corpus.version as matcher_version,
    {{ build_number() }} as built_in
from units as u
cross join corpus
left join kept as k on k.unit_key = u.unit_key
