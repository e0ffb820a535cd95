-- One row per actor mention found in an article's headline, dek or body.
-- Incremental by article: only what was extracted since the last complete build is unnested.
{{ config(
    materialized='incremental',
    incremental_strategy='append',
    pre_hook="{{ forget_changed('article_id', extracted_since_last_build(),
                                ref('int_article_extractions')) }}"
) }}

with unnested as (
    select
        article_id,
        unnest(extraction.mentions) as mention
    from {{ ref('int_article_extractions') }}
    {% if is_incremental() %}where {{ changed_since_last_build('built_in') }}{% endif %}
)

select
    article_id,
    unnest(mention)
from unnested
