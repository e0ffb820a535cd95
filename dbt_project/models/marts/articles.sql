select
    article_id,
    source_uri,
    source_line,
    content_sha256,
    publisher,
    url,
    published_at,
    section,
    headline,
    kicker,
    dek,
    image_ref,
    photo_credit,
    body_text,
    word_count,
    layout,
    external_id,
    author,
    license,
    duplicate_count
from {{ ref('stg_articles') }}
order by article_id
