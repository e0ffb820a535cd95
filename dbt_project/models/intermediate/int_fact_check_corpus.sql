-- The fact-check collection as BM25 sees it: its size and mean length in terms (rounded, so
-- it does not depend on the order threads add). `version` changes when a fact-check is
-- added, removed or edited, or when the matcher changes (var matcher_version, a hash of
-- the matching models and seeds): claims matched under another version are matched again.
-- Rebuilt only on a night whose fact-checks changed (macros/claim_linking.sql).
{{ rebuilt_when_fact_checks_change() }}

with documents as (
    select count(*) as documents from {{ ref('stg_fact_checks') }}
    {{ only_when_fact_checks_changed() }}
),

lengths as (
    select round(coalesce(avg(doc_len), 1), 9) as mean_length
    from (select distinct fact_check_id, doc_len from {{ ref('int_fact_check_terms') }})
    {{ only_when_fact_checks_changed() }}
),

fingerprint as (
    select md5(
        '{{ var("matcher_version", "dev") }}' || ':' || coalesce(string_agg(
            fact_check_id || ':' || md5(claim_reviewed || chr(31) || coalesce(claimant, '')),
            ',' order by fact_check_id
        ), '')
    ) as version
    from {{ ref('stg_fact_checks') }}
    {{ only_when_fact_checks_changed() }}
)

select documents, mean_length, version
from documents, lengths, fingerprint
{{ only_when_fact_checks_changed() }}
