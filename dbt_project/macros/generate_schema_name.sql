{#- Use the layer's schema name as is (staging, intermediate, seeds); marts go to main.
    dbt's default would prefix it with the target schema (main_staging). -#}
{% macro generate_schema_name(custom_schema_name, node) -%}
    {{ custom_schema_name | trim if custom_schema_name is not none else target.schema }}
{%- endmacro %}
