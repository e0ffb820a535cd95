-- Incremental by article (macros/incremental_marts.sql).
{{ config(
    materialized='incremental',
    incremental_strategy='append',
    on_schema_change='fail',
    pre_hook="{{ forget_changed('article_id', changed_articles(),
                                current_articles()) }}"
) }}
-- depends_on: {{ ref('int_changed_articles') }}, {{ ref('int_article_versions') }}
-- The published articles: the contract's columns (listed once, in articles.yml) of the
-- staged articles.
select
    {{ contract_columns() }}
from {{ ref('stg_articles') }}
{{ missing_from_this('article_id') }}
order by article_id
