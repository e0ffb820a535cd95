-- Whether each shingle is rare enough to be followed (held by at most `max_shingle_texts`
-- texts; boilerplate 4-grams held by more are not) and the build in which that last
-- changed. Which pairs of texts meet depends on it, so int_text_relations compares again
-- exactly the pairs that meet through a shingle that crossed the limit tonight, in either
-- direction (a night adds texts; a removed article can take a shingle back under it).
{{ kept_per_key('shingle', 'int_text_shingles') }}

with frequency as (
    select shingle, count(*) <= {{ max_shingle_texts() }} as followed
    from {{ ref('int_text_shingles') }}
    group by shingle
)

select f.shingle, f.followed, {{ build_number() }} as changed_in
from frequency as f
{{ not_already_in_this('f', ['shingle', 'followed']) }}
