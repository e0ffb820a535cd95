-- One row per real-world actor, canonical across articles, with every role and alias seen:
-- the totals int_actor_totals keeps (merged night by night when only new articles came).
select actor_id, name, actor_type, roles, aliases, article_count, mention_count
from {{ ref('int_actor_totals') }}
order by actor_id
