-- The Python extractors, once per article: fc_extract() returns the article's claims and
-- actor mentions as lists of structs (registered by the factcheck.dbt_plugin module).
--
-- Incremental: a night extracts only articles that are new, whose text changed, or that
-- were extracted by another version of the extractor or dictionary (`extractor_version`,
-- passed by the pipeline; a hash of src/factcheck/extract and the actor dictionary).
-- Articles that left raw/ are deleted after each run. `built_in` is the number of the build
-- that extracted the row: the models below take what was extracted since their last
-- complete build (macros/incremental_marts.sql). Extraction is a pure function of the
-- article and `extractor_version`, so `dbt build --full-refresh` keeps it (full_refresh:
-- false) and rebuilds everything downstream; delete the build database to extract again.
{{ config(
    materialized='incremental',
    unique_key='article_id',
    incremental_strategy='delete+insert',
    full_refresh=false,
    on_schema_change='append_new_columns',
    post_hook="delete from {{ this }} where article_id not in
               (select article_id from {{ ref('int_article_versions') }})"
) }}

--
-- A night stages only the texts of articles not yet extracted by this version (found in the
-- narrow int_article_versions), so that it does not rank the archive's every body.
{%- set texts = none %}
{%- if is_incremental() %}
{%- set texts -%}
select v.content_sha256 from {{ ref('int_article_versions') }} as v
anti join {{ this }} as done
    on done.article_id = v.article_id
    and done.content_sha256 = v.content_sha256
    and done.extractor_version = '{{ var("extractor_version", "dev") }}'
{%- endset %}
{%- endif %}
-- depends_on: {{ ref('stg_articles') }}, {{ ref('int_article_versions') }}
with staged as (
    {{ staged_articles(texts) }}
)

select
    a.article_id,
    a.content_sha256,
    '{{ var("extractor_version", "dev") }}' as extractor_version,
    fc_extract(a.headline, a.dek, a.body_text, a.block_quotes) as extraction,
    {{ build_number() }} as built_in
from staged as a
{{ not_already_in_this(
    'a',
    ['article_id', 'content_sha256'],
    also="seen.extractor_version = '" ~ var("extractor_version", "dev") ~ "'",
) }}
-- Sorted, so the extractor receives full batches (and always in the same order).
order by a.article_id
