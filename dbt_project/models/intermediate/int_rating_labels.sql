-- Every rating label the build understands, keyed as label_key reads it: the desk's own
-- rating_scale (which also gives the ClaimReview rating_value) and the publishers' labels.
select {{ label_key('label') }} as label_key, rating, rating_value, 'rating_scale' as seed
from {{ ref('rating_scale') }}
union all
select {{ label_key('label') }}, rating, cast(null as integer), 'publisher_rating_labels'
from {{ ref('publisher_rating_labels') }}
