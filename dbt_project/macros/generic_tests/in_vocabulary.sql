{#- Every value is one of the `domain` terms of the vocabulary seed (the one place the
    data contract's enumerations are written; the domain defaults to the column's name).
    A list column (e.g. signals) is checked element by element. -#}
{% test in_vocabulary(model, column_name, domain=none) %}
{%- set columns = adapter.get_columns_in_relation(model) if execute else [] -%}
{%- set types = columns | selectattr('name', 'equalto', column_name) | map(attribute='dtype') | list -%}
{%- set is_list = types and types[0].endswith('[]') -%}
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
