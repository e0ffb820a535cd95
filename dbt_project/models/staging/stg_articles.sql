-- One row per distinct article. The same text under another file name, line ending or
-- white space is the same article: of its copies the one with the smallest key is kept,
-- so the choice does not depend on load order.
with loaded as (
    select * from {{ source('raw', 'articles') }}
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
