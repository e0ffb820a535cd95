{#- The incremental convention of this project (docs/incremental-models.md).

    A model merged incrementally is keyed by article (`article_id`) or by claim
    (`claim_id`). Each build:

      1. its pre-hook `forget_changed(key, changed)` deletes the rows whose key changed since
         the last complete build (`changed`: a query of keys), and the rows whose key no
         longer exists upstream (a removed article takes its rows with it);
      2. its body, when `is_incremental()`, selects only `where <key> not in
         (select <key> from {{ this }})` (`missing_from_this(key)`): exactly the keys step 1
         deleted, plus new ones. Without the filter the body is the whole table, so
         `dbt build --full-refresh` builds the same rows from scratch.

    So the body never needs to know *why* a key changed; only `changed` does. A new mart
    follows the convention with three lines: `config(materialized='incremental',
    incremental_strategy='append', pre_hook=...)`, a `-- depends_on:` comment for the refs
    used in the hook, and the filter.

    `build` is this build's number and `since` the number of the last build that completed,
    both written by factcheck.transform into the one-row table build.numbers before dbt runs:
    a row stamped with a build number greater than `since` changed after the marts were last
    complete — also when a build in between failed or was killed half-way. They are read by
    the SQL, not passed as dbt vars: vars that change every night would make dbt parse the
    whole project again every night (partial parsing is off when vars change). -#}

{% macro build_number() -%}
(select build from {{ source('build', 'numbers') }})
{%- endmacro %}

{% macro changed_since_last_build(column) -%}
{{ column }} > (select since from {{ source('build', 'numbers') }})
{%- endmacro %}

{#- Articles whose published rows must be rebuilt tonight (see int_changed_articles). -#}
{% macro changed_articles() -%}
select article_id from {{ ref('int_changed_articles') }}
{%- endmacro %}

{#- Every article that exists now. -#}
{% macro current_articles() -%}
select article_id from {{ ref('int_article_versions') }}
{%- endmacro %}

{#- Claims of the articles that changed tonight (read from the claims mart, already merged). -#}
{% macro claims_of_changed_articles() -%}
select claim_id from {{ ref('int_claims') }} where article_id in ({{ changed_articles() }})
{%- endmacro %}

{% macro forget_changed(key, changed, current) -%}
{%- if is_incremental() -%}
delete from {{ this }}
where {{ key }} in ({{ changed }})
   or {{ key }} not in ({{ current }})
{%- else -%}
select 1
{%- endif -%}
{%- endmacro %}

{#- `rows_of`: the relation that `column`'s table alias reads, when the body joins it to
    whole tables (int_claim_groups, names, texts, articles). Its rows are then picked by
    rowid: filtered on the key only after those joins, every row of the archive was
    joined first (claims 0.6-0.8 -> 0.4-0.5 s, claim_groups 0.55-0.65 -> 0.3 s on a
    night at 100,000 articles). The key is the same column of `rows_of`. -#}
{% macro missing_from_this(key, column=none, rows_of=none) -%}
{#- `this` is none when dbt compiles the model for a unit test: a first build. -#}
{%- if this is not none and is_incremental() -%}
{%- if rows_of is not none -%}
where {{ column.split('.')[0] }}.rowid in (
    select rowid from {{ rows_of }} where {{ key }} not in (select {{ key }} from {{ this }})
)
{%- else -%}
where {{ column or key }} not in (select {{ key }} from {{ this }})
{%- endif -%}
{%- endif -%}
{%- endmacro %}

{#- The rows of `alias` that `this` does not already hold with the same `columns` (compared
    with `=`; `nullable` ones with `is not distinct from`), and `also` when given: what the
    models that stamp each row with the build that first saw it add tonight. -#}
{% macro not_already_in_this(alias, columns, nullable=[], also=none) -%}
{%- if is_incremental() %}
{%- set conditions = [] %}
{%- for column in columns %}{% do conditions.append('seen.' ~ column ~ ' = ' ~ alias ~ '.' ~ column) %}{% endfor %}
{%- for column in nullable %}{% do conditions.append('seen.' ~ column ~ ' is not distinct from ' ~ alias ~ '.' ~ column) %}{% endfor %}
{%- if also %}{% do conditions.append(also) %}{% endif %}
left join {{ this }} as seen
    on {{ conditions | join('\n    and ') }}
where seen.{{ columns[0] }} is null
{%- endif %}
{%- endmacro %}

{#- Articles extracted (again) since the last complete build. -#}
{% macro extracted_since_last_build() -%}
select article_id from {{ ref('int_article_extractions') }}
where {{ changed_since_last_build('built_in') }}
{%- endmacro %}

{#- Claims that have, or had at the last build, a verdict on their group (int_group_verdicts:
    a verdict rates every member): the log is small (people write it), so these are
    rebuilt every night rather than diffed. -#}
{% macro claims_with_verdicts() -%}
select claim_id from {{ ref('int_group_verdicts') }}
union
select claim_id from {{ this }} where status <> 'unverified'
{%- endmacro %}

{#- The config of a mart merged by article, and its dependencies (the refs the pre-hook
    uses are only rendered at run time, so they are declared here for dbt's graph). -#}
{% macro merged_by_article() -%}
{{ config(
    materialized='incremental',
    incremental_strategy='append',
    on_schema_change='fail',
    pre_hook="{{ forget_changed('article_id', changed_articles(), current_articles()) }}"
) }}
{%- set _graph = [ref('int_changed_articles'), ref('int_article_versions')] -%}
{%- endmacro %}

{#- The config of a mart merged by claim; `changed` is a Jinja expression giving the query
    of the claims to rebuild, rendered when the hook runs. -#}
{% macro merged_by_claim(changed='claims_of_changed_articles()') -%}
{{ config(
    materialized='incremental',
    incremental_strategy='append',
    on_schema_change='fail',
    pre_hook="{{ forget_changed('claim_id', " ~ changed ~ ",
                                'select claim_id from ' ~ ref('int_claims')) }}"
) }}
{%- set _graph = [
    ref('int_changed_articles'), ref('int_article_versions'), ref('int_claims')
] -%}
{%- endmacro %}
