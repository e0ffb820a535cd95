-- Published fact-checks imported from raw/factchecks/, their labels read onto the rating
-- scale (the desk's labels first, then the curated publishers' labels). Rebuilt only on a
-- night whose fact-checks changed (macros/claim_linking.sql).
{{ rebuilt_when_fact_checks_change() }}
select
    f.fact_check_id,
    f.claim_reviewed,
    f.claimant,
    f.rating_label,
    labels.rating,
    f.review_url,
    f.publisher,
    f.date_published,
    f.source_uri
from {{ ref('stg_fact_checks') }} as f
left join {{ ref('int_rating_labels') }} as labels
    on labels.label_key = {{ label_key('f.rating_label') }}
{{ only_when_fact_checks_changed() }}
order by f.fact_check_id
