-- The Python extractors, once per article: fc_extract() returns the article's claims and
-- actor mentions as lists of structs (registered by the factcheck.dbt_plugin module).
select
    article_id,
    fc_extract(headline, dek, body_text) as extraction
from {{ ref('stg_articles') }}
