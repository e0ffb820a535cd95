{#- One row per distinct article (the stg_articles view). The same text under another file
    name, line ending or white space is the same article: of its copies the one with the
    smallest key is kept, so the choice does not depend on load order.

    `texts`, when given, is a query of content hashes: only those texts are staged. Every
    copy of a text is kept before ranking, so the copy chosen and the duplicate count are
    those of staging everything; but the ranking and the word counts (a regular expression
    over every body) cost what the texts cost, not what the archive holds. DuckDB does not
    push a filter on the view's result below its window, hence a macro rather than a
    `where` on the view. `loaded`, when given, is the relation of raw.articles (the view's
    data tests name it from the graph: a test's dependencies stay those of its model).

    The texts' rows are picked by rowid: given the hash filter as such, DuckDB reads every
    loaded row whole, bodies included, before keeping tonight's few (0.06 -> 0.013 s a
    query on a 100,000-article archive). -#}
{% macro staged_articles(texts=none, loaded=none) -%}
{%- set loaded = loaded or source('raw', 'articles') %}
with loaded as (
    select * from {{ loaded }}
    {%- if texts %}
    where rowid in (select rowid from {{ loaded }} where content_sha256 in ({{ texts }}))
    {%- endif %}
),

ranked as (
    select
        *,
        row_number() over (
            partition by content_sha256
            order by article_key, source_uri, source_line
        ) as copy_rank,
        count(*) over (partition by content_sha256) as copies
    from loaded
)

select
    {{ stable_id('art', ['article_key']) }} as article_id,
    article_key,
    source_uri,
    source_line,
    content_sha256,
    layout,
    publisher,
    url,
    try_cast(published as timestamp) as published_at,
    section,
    headline,
    kicker,
    dek,
    image_ref,
    photo_credit,
    body_text,
    block_quotes,
    len(regexp_split_to_array(trim(body_text), '\s+')) as word_count,
    external_id,
    author,
    license,
    encoding_note,
    removed_paragraphs,
    copies - 1 as duplicate_count,
    loaded_at as first_seen_at
from ranked
where copy_rank = 1
{%- endmacro %}


{#- At night, the query of tonight's texts (tonight_texts in macros/tested_tonight.sql),
    which int_article_versions stages and compares instead of the whole view; '' when the
    whole view is read (a first build, --full-refresh, the unit tests' empty build). -#}
{% macro tonight_texts_staged() -%}
{%- if this is not none and is_incremental() and texts_are_recorded() -%}
{%- do return('select content_sha256 from ' ~ tonight_texts_relation()) -%}
{%- endif -%}
{%- do return('') -%}
{%- endmacro %}

{#- The condition on int_article_versions (post-hook) of the articles no longer staged: at
    night, those of tonight's texts that none of tonight's staged rows holds (an article
    gone took its recorded copy with it, so its text is among tonight's), else every
    article the view does not hold. -#}
{% macro articles_no_longer_staged() -%}
{%- set texts = tonight_texts_staged() -%}
{%- if texts -%}
content_sha256 in ({{ texts }})
    and article_id not in (select article_id from ({{ staged_articles(texts) }}))
{%- else -%}
article_id not in (select article_id from {{ ref('stg_articles') }})
{%- endif -%}
{%- endmacro %}
