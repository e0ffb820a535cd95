-- Every input that could not be loaded, and why, in a stable order.
select source_uri, line, reason, first_seen_at
from {{ source('raw', 'quarantine') }}
order by source_uri, line nulls first, reason
