-- What identifies the published row of each article: its content, the copy chosen among
-- duplicates, how many copies there are and when it was first seen. `changed_in` is the
-- build that last saw any of these change, so the articles mart (and the claims'
-- verification times, which start at first_seen_at) are rebuilt for exactly those articles.
-- A narrow table: comparing it costs a scan of a few columns, not of the article texts.
-- Articles no longer staged are recorded as they are deleted (build.gone_keys): the models
-- below drop their rows without comparing whole tables (macros/incremental_marts.sql).
--
-- At night only tonight's texts are staged and compared (macros/tested_tonight.sql,
-- tonight_texts: every text with a loaded copy other than the copy recorded here, every
-- text whose recorded copy is no longer loaded, and every text of an article key among
-- them). An article's row is its text's chosen copy among that text's copies, so the row
-- of an article none of whose texts is among them is the one recorded. Staging and
-- comparing the whole view ranked every loaded copy of the archive (0.3-0.4 s at 100,000
-- articles, and as much again to find the articles gone).
{{ config(
    materialized='incremental',
    unique_key='article_id',
    incremental_strategy='delete+insert',
    post_hook="{{ forget_recorded('article_id', articles_no_longer_staged()) }}"
) }}
-- depends_on: {{ ref('stg_articles') }}, {{ source('raw', 'articles') }}
{%- set texts = tonight_texts_staged() %}

select
    a.article_id,
    a.content_sha256,
    a.source_uri,
    a.source_line,
    a.duplicate_count,
    a.first_seen_at,
    {{ build_number() }} as changed_in
from {% if texts %}({{ staged_articles(texts) }}){% else %}{{ ref('stg_articles') }}{% endif %} as a
{{ not_already_in_this(
    'a',
    ['article_id', 'content_sha256', 'source_uri', 'duplicate_count', 'first_seen_at'],
    nullable=['source_line'],
) }}
