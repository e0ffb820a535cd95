-- One row per claim. The id hashes the article, the field and the claim's words (and which
-- occurrence of those words it is), so an unchanged claim keeps its id, and its verdicts,
-- across runs even when the extractor or the rest of the article changes.
-- Incremental by article: only what was extracted since the last complete build is unnested.
{{ config(
    materialized='incremental',
    incremental_strategy='append',
    pre_hook="{{ forget_changed('article_id', extracted_since_last_build(),
                                ref('int_article_extractions'), record=['claim_id']) }}"
) }}

with unnested as (
    select
        article_id,
        unnest(extraction.claims) as claim
    from {{ ref('int_article_extractions') }}
    {% if is_incremental() %}where {{ changed_since_last_build('built_in') }}{% endif %}
),

flattened as (
    select
        article_id,
        unnest(claim)
    from unnested
),

numbered as (
    select
        *,
        row_number() over (
            partition by article_id, location, claim_text
            order by char_start, char_end, claim_type
        ) as occurrence
    from flattened
)

select
    {{ stable_id('clm', ['article_id', 'location', 'claim_text', 'occurrence']) }} as claim_id,
    *
from numbered
