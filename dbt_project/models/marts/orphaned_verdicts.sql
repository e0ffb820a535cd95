-- Verdicts whose claim no longer exists (its words changed, or its article was removed).
-- Kept and reported, never dropped: a fact-checker re-attaches or retires them.
select v.*
from {{ ref('stg_verdicts') }} as v
left join {{ ref('int_claims') }} as c on c.claim_id = v.claim_id
where c.claim_id is null
order by v.source_uri, v.line
