-- The word 4-grams ("shingles") of each distinct claim text that grouping compares
-- (int_text_relations), and which of them the text probes with: its three shingles of
-- smallest hash, a min-hash sample, so a text's probes depend on that text alone.
-- Keyed by text: a night adds the shingles of texts never seen before and drops those of
-- texts no claim says any more; `built_in` is the build that added the text.
{{ config(
    materialized='incremental',
    incremental_strategy='append',
    post_hook="delete from {{ this }} where {{ rows_gone('text_key', ref('int_claim_texts')) }}"
) }}
-- depends_on: {{ ref('int_article_extractions') }}
{% set min_words = 5 %}

-- At night a text never seen before is a text of a claim extracted since the last complete
-- build: those claims are picked by rowid, not every claim's words compared with every
-- text already shingled.
with texts as (
    select distinct text_key, norm_text, n_words
    from {{ ref('int_claim_texts') }} as t
    where n_words >= {{ min_words }}
    {% if is_incremental() %}
        and t.rowid in (
            select rowid from {{ ref('int_claim_texts') }}
            where article_id in ({{ extracted_since_last_build() }})
        )
        and text_key not in (select text_key from {{ this }})
    {% endif %}
),

shingles as (
    select distinct text_key, hash(array_to_string(words[i:i + 3], ' ')) as shingle
    from (
        select text_key, string_split(norm_text, ' ') as words, n_words from texts
    ), unnest(range(1, n_words - 2)) as starts(i)
)

select
    text_key,
    shingle,
    row_number() over (partition by text_key order by shingle) <= 3 as is_probe,
    {{ build_number() }} as built_in
from shingles
