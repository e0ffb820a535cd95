-- The group each claim is in, and the build in which that last changed. A claim's group id
-- can change without its article changing — two groups merged by a claim that bridges
-- them, or the earliest member of its group removed (int_claim_groups) — so, as
-- int_name_resolutions does for names, int_changed_articles rebuilds the articles of the
-- claims whose group changed since the last complete build.
{{ kept_per_key('claim_id', 'int_claim_groups') }}

select
    g.claim_id,
    g.claim_group_id,
    {{ build_number() }} as changed_in
from (
    select claim_id, claim_group_id from {{ ref('int_claim_groups') }}
    {% if is_incremental() -%}
    -- int_claim_groups stamps the claims whose group it named again: only those can differ
    where {{ changed_since_last_build('built_in') }}
    {%- endif %}
) as g
{{ not_already_in_this('g', ['claim_id', 'claim_group_id']) }}
