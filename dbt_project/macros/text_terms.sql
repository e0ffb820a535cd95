{#- How grouping and matching read text. Declared once here; every model that compares
    words calls these macros, so claims and fact-checks are always read alike. -#}

{#- The words of a text as grouping compares them: accents, case, quotation marks,
    apostrophes, ellipses and other punctuation set aside, thousands separators dropped
    ("1,000" = "1000"), single spaces between words. -#}
{% macro normalized_text(column) -%}
trim(regexp_replace(
    regexp_replace(
        regexp_replace(lower(strip_accents(coalesce({{ column }}, ''))), '(\d)[,.](\d{3})', '\1\2', 'g'),
        '[''’‘`ʼ]', '', 'g'),
    '[^a-z0-9]+', ' ', 'g'))
{%- endmacro %}

{#- A light English stemmer for retrieval: "cases" = "case", "increased" = "increases" =
    "increase". A plural "s" goes from words of four letters or more, then "ing", "ed" or a
    final "e" from what is still five letters or more. -#}
{% macro term_stem(token) -%}
{%- set singular -%}
case when length({{ token }}) >= 4 and {{ token }} not like '%ss'
     then regexp_replace({{ token }}, 's$', '') else {{ token }} end
{%- endset -%}
case when length({{ singular }}) >= 5
     then regexp_replace({{ singular }}, '(?:ing|ed|e)$', '') else {{ singular }} end
{%- endmacro %}

{#- A rating label as both rating seeds and fact-check feeds are compared: "Pants on
    Fire!" = "pants on fire", "Half-True" = "half true". -#}
{% macro label_key(column) -%}
trim(regexp_replace(lower(strip_accents({{ column }})), '[^a-z0-9]+', ' ', 'g'))
{%- endmacro %}
