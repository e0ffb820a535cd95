{#- A stable identifier: prefix + the first 16 hex digits of sha256 over the parts, joined
    by the unit separator (chr(31)), NULL hashing as ''. Same recipe as factcheck.ids.stable_id
    in Python (tests/test_ids.py keeps them equal): ids never depend on row order or run time. -#}
{% macro stable_id(prefix, parts) -%}
    '{{ prefix }}_' || substr(sha256(concat_ws(chr(31),
        {%- for part in parts %}
        coalesce(cast({{ part }} as varchar), ''){{ "," if not loop.last }}
        {%- endfor %}
    )), 1, 16)
{%- endmacro %}
