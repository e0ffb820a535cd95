{#- The incremental convention of this project (docs/incremental-models.md).

    A model merged incrementally is keyed by article (`article_id`) or by claim
    (`claim_id`). Each build:

      1. its pre-hook `forget_changed(key, changed, current)` deletes the rows whose key
         changed since the last complete build (`changed`: a query of keys), and the rows
         whose key no longer exists upstream in `current` (a removed article takes its rows
         with it; `rows_gone`);
      2. its body, when `is_incremental()`, selects only `where <key> not in
         (select <key> from {{ this }})` (`missing_from_this(key)`, looked for among the
         hook's changed keys when they hold every key it can miss: `among`): exactly the
         keys step 1 deleted, plus new ones. Without the filter the body is the whole table, so
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

{#- Claims of the articles that changed tonight (read from the claims mart, already merged). -#}
{% macro claims_of_changed_articles() -%}
select claim_id from {{ ref('int_claims') }} where article_id in ({{ changed_articles() }})
{%- endmacro %}

{#- Keys that left the build (build.gone_keys). Dropping the rows of keys that no longer
    exist upstream by `key not in (select key from current)` reads both whole tables: at
    100,000 articles 0.1-0.9 s a model, for the few keys a night removes, in about 15
    models. So the models where keys disappear record them as they delete them, stamped
    with the build (`record_gone`): int_article_versions the articles no longer staged,
    int_claims the claims it deletes, int_claim_texts those claims' unit and text keys.
    The models below delete the recorded keys of the builds since the last complete one
    that `current` no longer holds (`rows_gone`): a key is only ever removed from
    `current` by a build that recorded it, and a build that failed half-way leaves its
    records for the next one (transform.write_build_numbers drops those of complete
    builds). A full refresh rebuilds every table whole and needs none of it. -#}
{% macro recorded_gone_keys() -%}
{%- do return(['article_id', 'claim_id', 'unit_key', 'text_key']) -%}
{%- endmacro %}

{#- Written to by name: `source()` is an empty subquery in the unit tests' `--empty` build
    (and the graph is there only when the hook runs). -#}
{% macro record_gone(kind, keys) -%}
{%- set table = graph.sources['source.' ~ project_name ~ '.build.gone_keys'].relation_name
                if execute else source('build', 'gone_keys') -%}
insert into {{ table }}
select distinct '{{ kind }}', gone.{{ kind }}, {{ build_number() }} from ({{ keys }}) as gone
{%- endmacro %}

{#- Post-hook of the model where articles leave the build (int_article_versions): record
    the keys of `this` that `gone` (a condition) selects, then delete their rows. The keys
    are found once, and kept apart from the records of a build that failed with the same
    number (a key recorded then may be back). -#}
{% macro forget_recorded(kind, gone) -%}
create or replace temporary table gone_tonight as
select {{ kind }} from {{ this }} where {{ gone }};
{{ record_gone(kind, 'select ' ~ kind ~ ' from gone_tonight') }};
delete from {{ this }} where {{ kind }} in (select {{ kind }} from gone_tonight);
drop table gone_tonight
{%- endmacro %}

{#- A condition on `column` (default: the key itself): its key of `kind` is gone from
    `current`. For keys whose disappearance is recorded, the recorded keys `current` no
    longer holds; for others (claim groups, shingles: they vanish when the tables rebuilt
    whole regroup), every key that `current` does not hold. -#}
{% macro rows_gone(kind, current, column=none) -%}
{%- set column = column or kind -%}
{%- if kind in recorded_gone_keys() -%}
{%- set recorded -%}
select key from {{ source('build', 'gone_keys') }}
where kind = '{{ kind }}' and {{ changed_since_last_build('gone_in') }}
{%- endset -%}
{{ column }} in (
    select key from ({{ recorded }})
    where key not in (select {{ kind }} from {{ current }} where {{ kind }} in ({{ recorded }}))
)
{%- else -%}
{{ column }} not in (select {{ kind }} from {{ current }})
{%- endif -%}
{%- endmacro %}

{#- Delete the rows whose `key` changed (`changed`, a query of keys) or is gone from
    `current`, the relation upstream that holds every key that exists (rows_gone). A model
    that records what it deletes (int_claims, int_claim_texts) names the kinds of keys to
    record (`record`) for the models below it. -#}
{% macro forget_changed(key, changed, current, record=[]) -%}
{%- if is_incremental() -%}
{%- set touched = records_touched(key) -%}
{%- if touched %}
{#- listed once, for the record and the delete -#}
create or replace temporary table {{ touched }} as
select distinct listed.key from ({{ changed }}) as listed(key);
{%- set changed = 'select key from ' ~ touched -%}
{%- endif %}
{%- set forgotten -%}
{{ key }} in ({{ changed }})
   or {{ rows_gone(key, current) }}
{%- endset -%}
{%- for kind in record %}
{{ record_gone(kind, 'select ' ~ kind ~ ' from ' ~ this ~ ' where ' ~ forgotten) }};
{%- endfor %}
{%- if touched %}
{{ record_touched(key, changed, rows_gone(key, current)) }};
{%- endif %}
delete from {{ this }}
where {{ forgotten }}
{%- if touched -%};
drop table {{ touched }}
{%- endif -%}
{%- else -%}
select 1
{%- endif -%}
{%- endmacro %}

{#- The record of what a published mart merged tonight, for the release (source
    build.release_touched; factcheck.partitions.stage_partitions): the keys of its
    partition column that its pre-hook lists as changed or deletes, and a row without a key
    saying that this build merged the model and recorded them. Staging fingerprints only
    the partitions of the keys recorded since the previous release's build, and carries the
    other files over: fingerprinting every partition read every row of the archive (1.3 s
    a night at 100,000 articles). Why the keys hold every row that changed: a merged mart's
    rows leave it only by this delete, and its body adds only keys it is missing, which
    are among the keys listed as changed (`missing_from_this`'s `among` argument) or are
    new to the archive (a partition the previous release does not have). Only a mart
    merged by its partition column with the append strategy records: a delete+insert
    model (claim_groups) replaces keys its hook does not list; with no row of the build,
    staging fingerprints every partition. -#}
{% macro record_touched(key, changed, gone) -%}
{%- set table = graph.sources['source.' ~ project_name ~ '.build.release_touched'].relation_name -%}
insert into {{ table }}
select '{{ this.identifier }}', touched.key, {{ build_number() }}
from (
    {{ changed }}
    union
    select {{ key }} from {{ this }} where {{ gone }}
    union all
    select null
) as touched
{%- endmacro %}

{#- The temp table of a mart's changed keys when the mart records them (record_touched):
    a mart merged by its partition column with the append strategy (a delete+insert model,
    claim_groups, replaces keys its hook does not list); none for the other models. -#}
{% macro records_touched(key) -%}
{%- set meta = model.config.get('meta', {}) if execute else {} -%}
{%- if meta.get('release_partition') == key
      and model.config.get('incremental_strategy') == 'append' -%}
{%- do return('changed_' ~ this.identifier) -%}
{%- endif -%}
{%- do return(none) -%}
{%- endmacro %}

{#- `rows_of`: the relation that `column`'s table alias reads, when the body joins it to
    whole tables (int_claim_groups, names, texts, articles). Its rows are then picked by
    rowid: filtered on the key only after those joins, every row of the archive was
    joined first (claims 0.6-0.8 -> 0.4-0.5 s, claim_groups 0.55-0.65 -> 0.3 s on a
    night at 100,000 articles). The key is the same column of `rows_of`.

    `among`: a query of every key the table can be missing tonight, when the model has one
    — the keys its pre-hook deletes as changed since the last complete build, which include
    the keys new since then. The keys missing are then looked for among those alone: every
    key of the table was compared with every key above it (a hash table of the archive's
    keys, 0.2-0.3 s a model at 100,000 articles, for a night's few hundred). Why it holds:
    the last complete build left the table with a row set for every key above it; since
    then rows only left it by a pre-hook's delete of its changed keys (in this build, or in
    one that failed after it: a model's hook and body commit together) or because their key
    left the models above. The changed keys are stamped with the build that changed them and
    listed until a build completes, so each of those deletes took keys listed tonight too. -#}
{% macro missing_from_this(key, column=none, rows_of=none, among=none) -%}
{#- `this` is none when dbt compiles the model for a unit test: a first build. -#}
{%- if this is not none and is_incremental() -%}
{%- set tested = key if rows_of is not none else (column or key) -%}
{%- set missing -%}
{%- if among is not none -%}
{{ tested }} in ({{ among }})
    and {{ tested }} not in (select {{ key }} from {{ this }} where {{ key }} in ({{ among }}))
{%- else -%}
{{ tested }} not in (select {{ key }} from {{ this }})
{%- endif -%}
{%- endset -%}
{%- if rows_of is not none -%}
where {{ column.split('.')[0] }}.rowid in (
    select rowid from {{ rows_of }} where {{ missing }}
)
{%- else -%}
where {{ missing }}
{%- endif -%}
{%- endif -%}
{%- endmacro %}

{#- The rows of `alias` that `this` does not already hold with the same `columns` (compared
    with `=`; `nullable` ones with `is not distinct from`), and `also` when given: what the
    models that stamp each row with the build that first saw it add tonight. `among`: the
    relation `alias` reads, when it holds a night's rows of a large table; `this` is then
    read for their keys (the first column) only, picked by rowid: joined whole, its every
    row went into the join's hash table (int_claim_groups: 800,000 claims for a night's
    1,700, the night's largest use of memory under its limit). -#}
{% macro not_already_in_this(alias, columns, nullable=[], also=none, among=none) -%}
{%- if is_incremental() %}
{%- set conditions = [] %}
{%- for column in columns %}{% do conditions.append('seen.' ~ column ~ ' = ' ~ alias ~ '.' ~ column) %}{% endfor %}
{%- for column in nullable %}{% do conditions.append('seen.' ~ column ~ ' is not distinct from ' ~ alias ~ '.' ~ column) %}{% endfor %}
{%- if also %}{% do conditions.append(also) %}{% endif %}
{%- set key = columns[0] %}
{%- if among %}
left join (
    select * from {{ this }}
    where rowid in (
        select rowid from {{ this }} where {{ key }} in (select {{ key }} from {{ among }})
    )
) as seen
{%- else %}
left join {{ this }} as seen
{%- endif %}
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
    pre_hook="{{ forget_changed('article_id', changed_articles(), ref('int_article_versions')) }}"
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
    pre_hook="{{ forget_changed('claim_id', " ~ changed ~ ", ref('int_claims')) }}"
) }}
{%- set _graph = [
    ref('int_changed_articles'), ref('int_article_versions'), ref('int_claims')
] -%}
{%- endmacro %}
