-- Each unit of claims — the claims of one speaker and the same words (int_claim_texts'
-- `unit_key`) — with its speaker, words and length, and `built_in`, the build that first
-- saw it. Grouping chooses between units, not claims (int_unit_choices), and reads every
-- unit to do so: kept here, a night adds the units of the claims extracted since the last
-- complete build that are new, and drops those no claim says any more (recorded as they
-- left by int_claim_texts), instead of gathering 800,000 claims into units every night.
{{ config(
    materialized='incremental',
    incremental_strategy='append',
    post_hook="delete from {{ this }} where {{ rows_gone('unit_key', ref('int_claim_texts')) }}"
) }}
-- depends_on: {{ ref('int_article_extractions') }}

select
    t.unit_key,
    any_value(t.speaker_key) as speaker_key,
    any_value(t.text_key) as text_key,
    any_value(t.norm_text) as norm_text,
    any_value(t.n_words) as n_words,
    {{ build_number() }} as built_in
from {{ ref('int_claim_texts') }} as t
{% if is_incremental() %}
where t.rowid in (
    select rowid from {{ ref('int_claim_texts') }}
    where article_id in ({{ extracted_since_last_build() }})
)
    and t.unit_key not in (select unit_key from {{ this }})
{% endif %}
group by t.unit_key
