-- What identifies the published row of each article: its content, the copy chosen among
-- duplicates, how many copies there are and when it was first seen. `changed_in` is the
-- build that last saw any of these change, so the articles mart (and the claims'
-- verification times, which start at first_seen_at) are rebuilt for exactly those articles.
-- A narrow table: comparing it costs a scan of a few columns, not of the article texts.
-- Articles no longer staged are recorded as they are deleted (build.gone_keys): the models
-- below drop their rows without comparing whole tables (macros/incremental_marts.sql).
{{ config(
    materialized='incremental',
    unique_key='article_id',
    incremental_strategy='delete+insert',
    post_hook="{{ forget_recorded('article_id', 'article_id not in (select article_id from '
                                  ~ ref('stg_articles') ~ ')') }}"
) }}

select
    a.article_id,
    a.content_sha256,
    a.source_uri,
    a.source_line,
    a.duplicate_count,
    a.first_seen_at,
    {{ build_number() }} as changed_in
from {{ ref('stg_articles') }} as a
{{ not_already_in_this(
    'a',
    ['article_id', 'content_sha256', 'source_uri', 'duplicate_count', 'first_seen_at'],
    nullable=['source_line'],
) }}
