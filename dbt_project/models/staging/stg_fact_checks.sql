-- Published fact-checks, one row each. The id hashes the review URL and the claim it
-- reviews (one review page may rate several claims); the same review in two feeds is one
-- fact-check, taken from the first file, line and position that holds it.
with identified as (
    select
        {{ stable_id('fck', ['review_url', 'claim_reviewed']) }} as fact_check_id,
        *,
        row_number() over (
            partition by review_url, claim_reviewed
            order by source_uri, line nulls first, item
        ) as copy
    from {{ source('raw', 'fact_checks') }}
)

select
    fact_check_id,
    claim_reviewed,
    nullif(trim(claimant), '') as claimant,
    rating_label,
    review_url,
    nullif(trim(publisher), '') as publisher,
    date_published,
    source_uri
from identified
where copy = 1
