{#- The incremental bookkeeping of grouping (int_text_shingles, int_shingle_frequency,
    int_text_relations) and matching (claim_fact_checks). A pair of texts meets when a probe shingle of one is a shingle of
    the other and that shingle is followed (held by at most max_shingle_texts() texts). -#}

{#- Shingles held by more texts than this are boilerplate and are not followed. -#}
{% macro max_shingle_texts() -%}
50
{%- endmacro %}

{#- The build number below which stamps are old: every row is new to a first build. -#}
{% macro grouping_since() -%}
{%- if is_incremental() -%}
(select since from {{ source('build', 'numbers') }})
{%- else -%}
-1
{%- endif -%}
{%- endmacro %}

{#- Pre-hook of int_text_relations: forget the pairs whose text no claim says any more,
    and those meeting through a shingle that started or stopped being followed since the
    last complete build (the body compares them again). The covered text of each pair
    forgotten is recorded (`covered_text` in build.gone_keys): the units of that text may
    have lost a link, and int_unit_choices chooses for them again. -#}
{% macro forget_text_pairs() -%}
{%- if is_incremental() -%}
create or replace temporary table forgotten_pairs as
select r.covered, r.covering
from {{ this }} as r
where {{ rows_gone('text_key', ref('int_text_shingles'), 'r.covered') }}
   or {{ rows_gone('text_key', ref('int_text_shingles'), 'r.covering') }}
   or exists (
        select 1
        from {{ ref('int_shingle_frequency') }} as f
        inner join {{ ref('int_text_shingles') }} as p
            on p.shingle = f.shingle and p.is_probe and p.text_key = r.covered
        inner join {{ ref('int_text_shingles') }} as s
            on s.shingle = f.shingle and s.text_key = r.covering
        where {{ changed_since_last_build('f.changed_in') }}
   );
{{ record_gone('covered_text', 'select covered as covered_text from forgotten_pairs') }};
delete from {{ this }} as r
where exists (
    select 1 from forgotten_pairs as f where f.covered = r.covered and f.covering = r.covering
);
drop table forgotten_pairs
{%- else -%}
select 1
{%- endif -%}
{%- endmacro %}

{#- Claims whose unit was matched (again) since the last complete build: new units, and
    every unit when the fact-check collection or the matcher changed. -#}
{% macro claims_matched_since_last_build() -%}
select t.claim_id
from {{ ref('int_claim_texts') }} as t
inner join {{ ref('int_claim_fact_check_candidates') }} as c on c.unit_key = t.unit_key
where {{ changed_since_last_build('c.built_in') }}
{%- endmacro %}

{#- The config of a bookkeeping model kept one row per `key`: rows whose key is selected
    again replace the old ones (delete+insert), and rows whose key is no longer in the
    model named `current` are dropped after the build (rows_gone: the recorded keys that
    left, for keys whose leaving is recorded). The ref is rendered when the hook
    runs (at parse time it is a placeholder); the model's body refs `current` too. -#}
{% macro kept_per_key(key, current) -%}
{{ config(
    materialized='incremental',
    unique_key=key,
    incremental_strategy='delete+insert',
    post_hook="delete from {{ this }} where {{ rows_gone('" ~ key ~ "', ref('" ~ current ~ "')) }}"
) }}
{%- endmacro %}

{#- Claim groups to rebuild tonight (the claim_groups mart): those whose members or
    representative changed since the last complete build, and those with a member in an
    article rebuilt tonight. Their rows are the ones the mart writes tonight (and its data
    tests read): aggregated again, or merged when they only grew (growing_claim_groups). -#}
{% macro claim_groups_to_rebuild() -%}
select claim_group_id from {{ ref('int_claim_group_members') }}
where {{ changed_since_last_build('changed_in') }}
union
select claim_group_id from {{ ref('int_claim_groups') }}
where claim_id in ({{ claims_of_changed_articles() }})
{%- endmacro %}

{#- The claim groups to rebuild whose mart row (in `this`) can be merged with their joiners
    (members whose int_claim_groups row was written since the last complete build) instead
    of aggregating their members again: on the 100,000-article bench the ~1,200 groups that
    take members each night hold 260,000 claims (1.6 s of a night, growing with the archive).

    A group's members now are the rows written since (`joined`) and the rows unchanged
    since, which were its members at the last complete build. Its row in `this` counts the
    members it was aggregated from; when that count equals the members now less the
    joiners, the unchanged rows are all of those members (they are a subset of them, or
    the row already held members that joined since: then the counts differ), so the row is
    theirs and the joiners are new to the group. The words and first-seen times of those
    members are those of the row unless their article changed: a group with an unchanged
    member in an article rebuilt tonight is aggregated again. So is a group whose
    representative changed (every member's row is written again). -#}
{% macro growing_claim_groups() -%}
select m.claim_group_id
from {{ ref('int_claim_group_members') }} as m
inner join (
    select claim_group_id, count(*) as joined
    from {{ ref('int_claim_groups') }}
    where {{ changed_since_last_build('built_in') }}
    group by claim_group_id
) as j on j.claim_group_id = m.claim_group_id
inner join {{ this }} as g on g.claim_group_id = m.claim_group_id
where {{ changed_since_last_build('m.changed_in') }}
    and g.member_count = m.member_count - j.joined
    and m.claim_group_id not in (
        select claim_group_id from {{ ref('int_claim_groups') }}
        where claim_id in ({{ claims_of_changed_articles() }})
            and not {{ changed_since_last_build('built_in') }}
    )
{%- endmacro %}

{#- The claim groups whose mart row is aggregated again tonight: those to rebuild that did
    not only grow. The pre-hook deletes them; the body aggregates the groups missing from
    the table and merges the growing ones' rows (delete+insert by claim_group_id). -#}
{% macro claim_groups_to_aggregate() -%}
select claim_group_id from ({{ claim_groups_to_rebuild() }})
where claim_group_id not in ({{ growing_claim_groups() }})
{%- endmacro %}

{#- The published fact-checks as loaded, fingerprinted (row count and a sum of row hashes):
    int_fact_check_inputs keeps it with the build that last saw it change. -#}
{% macro fact_checks_fingerprint(loaded=none) -%}
select count(*) || ':' || coalesce(sum(hash(f)::hugeint), 0)
from {{ loaded or source('raw', 'fact_checks') }} as f
{%- endmacro %}

{#- At run time: whether the published fact-checks as loaded are those the last complete
    build saw — their fingerprint is the one int_fact_check_inputs keeps, stamped with a
    build no later than that one (a build that failed after it saw them stamped a later
    one). That build tested them and everything made from them alone, which a night then
    need not rebuild or test again. False when it cannot tell: parsing, a full refresh, the
    unit tests' empty build, a first build. Read from the graph, not ref'd: the data tests
    of the stg_fact_checks view call it too (before int_fact_check_inputs is built tonight:
    then its fingerprint is the last build's, and compared with tonight's). -#}
{% macro fact_checks_unchanged(built_tonight=false) -%}
{%- if not execute or flags.FULL_REFRESH or flags.EMPTY -%}
{%- do return(false) -%}
{%- endif -%}
{%- set inputs = graph.nodes['model.' ~ project_name ~ '.int_fact_check_inputs'] -%}
{%- if adapter.get_relation(inputs.database, inputs.schema, inputs.alias) is none -%}
{%- do return(false) -%}
{%- endif -%}
{%- set loaded = graph.sources['source.' ~ project_name ~ '.raw.fact_checks'].relation_name -%}
{%- set numbers = graph.sources['source.' ~ project_name ~ '.build.numbers'].relation_name -%}
{#- `built_tonight`: the caller runs after int_fact_check_inputs in this build, whose one
    row then holds tonight's fingerprint; only its stamp is read. Hashing the 50,000
    loaded fact-checks again was 0.02-0.04 s a call, about fifteen calls a night. -#}
{%- set same = '' if built_tonight
    else ' and fingerprint = (' ~ fact_checks_fingerprint(loaded) ~ ')' -%}
{%- set found = run_query(
    'select count(*) from ' ~ inputs.relation_name
    ~ ' where changed_in <= (select since from ' ~ numbers ~ ')' ~ same
) -%}
{%- do return(found.rows[0][0] > 0) -%}
{%- endmacro %}

{#- Whether the published fact-checks changed since the last complete build. The tables
    made from them alone (int_fact_check_terms, int_fact_check_corpus, fact_checks) are
    rebuilt whole on such a night and kept on any other: at 100,000 articles and 50,000
    fact-checks they were about 1.5 s of every night. A code change rebuilds them anyway
    (a full refresh). -#}
{% macro fact_checks_changed() -%}
(select changed_in from {{ ref('int_fact_check_inputs') }})
    > (select since from {{ source('build', 'numbers') }})
{%- endmacro %}

{#- The config of a table made from the published fact-checks alone: kept from night to
    night, emptied (pre-hook) and rebuilt (its body filtered on fact_checks_changed()) when
    they changed. -#}
{% macro rebuilt_when_fact_checks_change() -%}
{{ config(
    materialized='incremental',
    incremental_strategy='append',
    on_schema_change='fail',
    pre_hook="{{ forget_when_fact_checks_changed() }}",
    meta={'tested_when_fact_checks_change': true}
) }}
{%- set _graph = [ref('int_fact_check_inputs')] -%}
{%- endmacro %}

{% macro forget_when_fact_checks_changed() -%}
{%- if is_incremental() -%}
delete from {{ this }} where {{ fact_checks_changed() }}
{%- else -%}
select 1
{%- endif -%}
{%- endmacro %}

{#- The body's filter of such a table: at night, nothing unless the fact-checks changed. It
    is decided when the model runs (int_fact_check_inputs is built tonight by then): given
    as a condition on a subquery, DuckDB still read the tables below it (int_fact_check_corpus
    scanned the 380,000 terms of 50,000 fact-checks every night, 0.2-0.3 s, to keep none). -#}
{% macro only_when_fact_checks_changed(clause='where') -%}
{%- if is_incremental() %}
{%- if fact_checks_unchanged(built_tonight=true) %}
{{ clause }} false
{%- else %}
{{ clause }} {{ fact_checks_changed() }}
{%- endif %}
{%- endif %}
{%- endmacro %}

{#- Pre-hook of int_fact_check_inputs: drop the fingerprint the fact-checks no longer have
    (the body then adds theirs, stamped with this build). -#}
{% macro forget_other_fact_check_inputs() -%}
{%- if is_incremental() -%}
delete from {{ this }} where fingerprint not in ({{ fact_checks_fingerprint() }})
{%- else -%}
select 1
{%- endif -%}
{%- endmacro %}
