-- Verdicts apply to the group: each verdict row, once for every member of the group of the
-- claim it was recorded on. `rated_claim_id` is that claim; `claim_id` the member it now
-- rates. Verdicts whose claim no longer exists are not here (see orphaned_verdicts).
select
    member.claim_id,
    v.claim_id as rated_claim_id,
    v.status,
    v.rating_label,
    v.reviewed_by,
    v.reviewed_at,
    v.evidence_url,
    v.note,
    v.source_uri,
    v.line
from {{ ref('stg_verdicts') }} as v
inner join {{ ref('int_claim_groups') }} as rated on rated.claim_id = v.claim_id
inner join {{ ref('int_claim_groups') }} as member
    on member.claim_group_id = rated.claim_group_id
