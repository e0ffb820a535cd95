-- The published articles: the contract's columns (listed once, in articles.yml) of the
-- staged articles.
select
    {{ contract_columns() }}
from {{ ref('stg_articles') }}
order by article_id
