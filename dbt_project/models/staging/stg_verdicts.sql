-- Verdict rows as recorded by fact-checkers (validated on load: status, label, URL, time).
select
    claim_id,
    status,
    rating_label,
    reviewed_by,
    reviewed_at,
    evidence_url,
    note,
    source_uri,
    line
from {{ source('raw', 'verdicts') }}
