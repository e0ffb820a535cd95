-- Incremental by article (macros/incremental_marts.sql).
{{ merged_by_article() }}
-- The published articles: the contract's columns (listed once, in articles.yml) of the
-- staged articles (the stg_articles view's macro). A night stages only the texts of the
-- articles missing from the table, rather than ranking and counting the words of the
-- whole archive to keep a few hundred rows.
{%- set texts = none %}
{%- if this is not none and is_incremental() %}
{%- set texts -%}
select content_sha256 from {{ ref('int_article_versions') }}
{{ missing_from_this('article_id', among=changed_articles()) }}
{%- endset %}
{%- endif %}
-- depends_on: {{ ref('stg_articles') }}
with staged as (
    {{ staged_articles(texts) }}
)

select
    {{ contract_columns() }}
from staged
{{ missing_from_this('article_id', among=changed_articles()) }}
order by article_id
