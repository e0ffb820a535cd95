-- The unit each unit of claims links to first (its `representative`, before the chains are
-- followed in int_claim_groups). A unit is linked to the units whose text is the same,
-- covers it (int_text_relations) or is a few edits from it, when their speakers agree:
--   * a unit with a speaker links only to units of the same speaker — different people
--     saying the same words are different claims;
--   * a unit without a speaker (an unattributed copy, a headline) links to the units of
--     the one speaker its text is attributed to; when several people said those words it
--     stays with the speakerless copies of the same words.
-- It chooses the longest linked text (speaker before none, then the text itself to break
-- ties).
--
-- Incremental, keyed by unit, with `changed_in` the build in which the choice last
-- changed. A unit's choice depends on the units whose text is its own or covers it, and
-- on which texts cover it; so a night chooses again for the units whose text is:
--   * the text of a unit added since the last complete build, or of a claim deleted then
--     (build.gone_keys: text_key), or covered by such a text;
--   * covered by a pair of texts related since then (int_text_relations.built_in), or by a
--     pair forgotten then (build.gone_keys: covered_text);
-- and keeps the rows whose choice changed. Every other unit's candidates are those it had.
{{ kept_per_key('unit_key', 'int_claim_units') }}

with units as (
    select unit_key, speaker_key, text_key, norm_text, n_words from {{ ref('int_claim_units') }}
),

{% if is_incremental() %}
touched_texts as (
    select text_key from {{ ref('int_claim_units') }}
    where {{ changed_since_last_build('built_in') }}
    union
    select key from {{ source('build', 'gone_keys') }}
    where kind = 'text_key' and {{ changed_since_last_build('gone_in') }}
),

chosen_texts as (
    select text_key from touched_texts
    union
    select covered from {{ ref('int_text_relations') }}
    where covering in (select text_key from touched_texts)
        or {{ changed_since_last_build('built_in') }}
    union
    select key from {{ source('build', 'gone_keys') }}
    where kind = 'covered_text' and {{ changed_since_last_build('gone_in') }}
),

chosen as (
    select * from units where text_key in (select text_key from chosen_texts)
),
{% else %}
chosen as (
    select * from units
),
{% endif %}

text_links as (
    select text_key as covered, text_key as covering from chosen group by text_key
    union all
    select covered, covering from {{ ref('int_text_relations') }}
    where covered in (select text_key from chosen)
),

linked as (
    select u.unit_key, u.speaker_key, u.text_key, v.unit_key as other_key,
           v.speaker_key as other_speaker, v.text_key as other_text_key,
           v.norm_text as other_text, v.n_words as other_words
    from chosen as u
    inner join text_links as l on l.covered = u.text_key
    inner join units as v on v.text_key = l.covering
    where u.speaker_key is null or v.speaker_key = u.speaker_key
),

speakers_of_unattributed as (
    select unit_key, count(distinct other_speaker) as speakers
    from linked
    where speaker_key is null
    group by unit_key
),

allowed as (
    select l.*
    from linked as l
    left join speakers_of_unattributed as s on s.unit_key = l.unit_key
    where l.speaker_key is not null
        or s.speakers = 1
        or (s.speakers = 0 and l.other_speaker is null)
        or (l.other_speaker is null and l.other_text_key = l.text_key)
),

choices as (
    select
        unit_key,
        first(other_key order by other_words desc, other_speaker nulls last, other_text)
            as representative
    from allowed
    group by unit_key
)

select c.unit_key, c.representative, {{ build_number() }} as changed_in
from choices as c
{{ not_already_in_this('c', ['unit_key', 'representative'], among='choices') }}
