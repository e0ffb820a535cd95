-- Each claim's words as grouping and matching compare them. Row-local (nothing here
-- depends on other claims), so a night's new claims need nothing but their own row.
--   unit_key: the claim's speaker and words; claims that share it are one "unit" and are
--             grouped and matched once.
--   text_key: the words alone, for comparing texts (containment, small edits).
-- Incremental by article, like int_claims: only what was extracted since the last complete
-- build is normalised again.
{{ config(
    materialized='incremental',
    incremental_strategy='append',
    pre_hook="{{ forget_changed('article_id', extracted_since_last_build(), ref('int_claims'),
                                record=['unit_key', 'text_key']) }}"
) }}
-- depends_on: {{ ref('int_article_extractions') }}

with normalized as (
    select
        claim_id,
        article_id,
        nullif(lower(trim(speaker_name)), '') as speaker_key,
        {{ normalized_text('claim_text') }} as norm_text
    from {{ ref('int_claims') }}
    {#- the unit test's build has no build numbers: `among` is named on incremental builds only -#}
    {{ missing_from_this(
        'article_id', among=extracted_since_last_build() if is_incremental() else none
    ) }}
)

select
    claim_id,
    article_id,
    speaker_key,
    norm_text,
    len(string_split(norm_text, ' ')) as n_words,
    md5(norm_text) as text_key,
    md5(coalesce(speaker_key, '') || chr(31) || norm_text) as unit_key
from normalized
