-- The retrieval terms of every fact-check: the words and names of the claim it reviews and
-- of its claimant, read as normalized_text reads them, stopwords left out, lightly stemmed.
-- Rebuilt only on a night whose fact-checks changed (macros/claim_linking.sql).
{{ rebuilt_when_fact_checks_change() }}

with tokens as (
    select
        fact_check_id,
        unnest(string_split(
            {{ normalized_text("claim_reviewed || ' ' || coalesce(claimant, '')") }}, ' '
        )) as token
    from {{ ref('stg_fact_checks') }}
    {{ only_when_fact_checks_changed() }}
),

terms as (
    select fact_check_id, {{ term_stem('token') }} as term, count(*) as tf
    from tokens
    where token <> '' and token not in (select word from {{ ref('stopwords') }})
    group by all
)

select fact_check_id, term, tf, sum(tf) over (partition by fact_check_id) as doc_len
from terms
