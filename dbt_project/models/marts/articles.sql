-- Incremental by article (macros/incremental_marts.sql).
{{ merged_by_article() }}
-- The published articles: the contract's columns (listed once, in articles.yml) of the
-- staged articles.
select
    {{ contract_columns() }}
from {{ ref('stg_articles') }}
{{ missing_from_this('article_id') }}
order by article_id
