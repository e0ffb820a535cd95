{#- Every value is one of the `domain` terms of the vocabulary seed (the one place the
    data contract's enumerations are written; the domain defaults to the column's name).
    A list column (e.g. signals) is checked element by element. -#}
{% test in_vocabulary(model, column_name, domain=none) %}
{#- The column's type, asked of DuckDB: `model` may be a filtered subquery (tonight's rows,
    macros/tested_tonight.sql) rather than a relation. -#}
{%- set is_list = false -%}
{%- if execute -%}
{%- set described = run_query('describe select ' ~ column_name ~ ' from ' ~ model) -%}
{%- set is_list = described.rows[0]['column_type'].endswith('[]') -%}
{%- endif -%}
with observed as (
    select {% if is_list %}unnest({{ column_name }}){% else %}{{ column_name }}{% endif %} as value
    from {{ model }}
)
select value
from observed
where value is not null
  and value not in (
    select value from {{ ref('vocabulary') }} where domain = '{{ domain or column_name }}'
  )
{% endtest %}
