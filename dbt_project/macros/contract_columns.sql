{#- The columns the model's yml declares, in order. A model that only selects and orders
    publishes exactly its contract without writing the column list a second time. -#}
{% macro contract_columns() -%}
{%- for column in model.columns -%}
{{ column }}{{ ",\n    " if not loop.last }}
{%- endfor -%}
{%- endmacro %}
