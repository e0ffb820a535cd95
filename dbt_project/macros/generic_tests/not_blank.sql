{#- Text is present: not null and not only white space. -#}
{% test not_blank(model, column_name) %}
select {{ column_name }}
from {{ model }}
where {{ column_name }} is null or trim({{ column_name }}) = ''
{% endtest %}
