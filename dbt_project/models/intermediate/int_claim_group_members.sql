-- Who each claim group's members are and which unit represents them, summed up per group,
-- and `changed_in`, the build that last saw that change: a claim joined or left the group
-- (a new or removed claim, groups merged or split) or another unit came to represent it.
-- The claim_groups mart rebuilds the groups changed since the last complete build, and
-- those with a member in an article rebuilt tonight (macros/claim_linking.sql,
-- claim_groups_to_rebuild); its other rows are what a full rebuild gives.
--
-- The members are summed up by their number and the xor of their ids' md5 (128 bits): a
-- change of members that keeps both would need ids whose md5s cancel out. An ordered
-- string_agg of the ids would be exact but costs as much as rebuilding claim_groups whole
-- (1.9 s against 0.17 s on 800,000 claims).
{{ kept_per_key('claim_group_id', 'int_claim_groups') }}

with current_groups as (
    select
        claim_group_id,
        count(*) as member_count,
        bit_xor(md5_number(claim_id)) as members_md5_xor,
        min(representative_unit_key) as representative_unit_key
    from {{ ref('int_claim_groups') }}
    group by claim_group_id
)

select
    g.claim_group_id,
    g.member_count,
    g.members_md5_xor,
    g.representative_unit_key,
    {{ build_number() }} as changed_in
from current_groups as g
{{ not_already_in_this(
    'g', ['claim_group_id', 'member_count', 'members_md5_xor', 'representative_unit_key']
) }}
