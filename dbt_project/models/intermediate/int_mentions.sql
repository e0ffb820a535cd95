-- One row per actor mention found in an article's headline, dek or body.
with unnested as (
    select
        article_id,
        unnest(extraction.mentions) as mention
    from {{ ref('int_article_extractions') }}
)

select
    article_id,
    unnest(mention)
from unnested
