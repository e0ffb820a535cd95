{#- Data tests check tonight's rows (docs/incremental-models.md).

    A night merges a few hundred articles into marts of millions of rows; testing every row
    every night would make the night cost what the archive holds. So on an incremental build
    every data test of a model merged incrementally reads only the rows that build merged:
    those of the articles that changed since the last complete build (`int_changed_articles`,
    for models keyed by article) or of their claims and the claims with verdicts (models
    keyed by claim). Tables rebuilt whole (actors, int_actor_names, ...) and the small
    staging views are tested whole; the stg_articles view on the texts that changed since
    the last build (`tonight_texts`). On a first build, or `--full-refresh`, every article is a changed one, so
    every row is tested.

    What must hold of the whole table — unique keys, references between tables, vocabularies,
    row counts — is checked on the staged release with set-based queries
    (src/factcheck/invariants.py), whatever tonight merged.

    dbt wraps the model of every generic test in `get_where_subquery`; this project's
    version adds the filter of tonight's rows to the test's own `where` config.

    Tonight's rows are picked by their rowids, found from the key column alone: given the
    key filter as such, DuckDB pushes the test's own condition (`trim(body_text) = ''`)
    into the scan below the semi-join, and evaluates it on every row of the table (1.4 s
    against 0.01 s on the articles of a 100,000-article archive). -#}

{% macro default__get_where_subquery(relation) -%}
    {%- set rows = relation -%}
    {%- set texts = tonight_texts(relation) -%}
    {%- if texts -%}
        {%- set rows = '(' ~ staged_articles(texts, loaded=relation_of_source('raw', 'articles')) ~ ')' -%}
    {%- endif -%}
    {%- set tonight = '' if read_whole(model) else tonight_rows(relation) -%}
    {%- if tonight -%}
        {%- set tonight = 'rowid in (select rowid from ' ~ relation ~ ' where ' ~ tonight ~ ')' -%}
    {%- endif -%}
    {%- if fact_checks_tested_before(relation) -%}
        {%- set tonight = 'false' -%}
    {%- endif -%}
    {%- set conditions = [config.get('where', ''), tonight] | select | list -%}
    {%- if conditions -%}
        {%- set filtered -%}
            (select * from {{ rows }} where ({{ conditions | join(') and (') }})) dbt_subquery
        {%- endset -%}
        {%- do return(filtered) -%}
    {%- endif -%}
    {%- if texts -%}
        {%- do return(rows ~ ' dbt_subquery') -%}
    {%- endif -%}
    {%- do return(relation) -%}
{%- endmacro %}

{#- Whether `relation` is made from the published fact-checks alone (the stg_fact_checks
    view, and the tables rebuilt only when they change: meta tested_when_fact_checks_change)
    and they are those the last complete build tested (fact_checks_unchanged): its tests
    then read no row. At 100,000 articles and 50,000 fact-checks, testing them every night
    was 0.4-0.5 s of tests of rows no night changed. -#}
{% macro fact_checks_tested_before(relation) -%}
    {%- if not execute or flags.FULL_REFRESH or flags.EMPTY -%}
        {%- do return(false) -%}
    {%- endif -%}
    {%- set node = model_node_of(relation) -%}
    {%- if not node or not node.config.meta.get('tested_when_fact_checks_change') -%}
        {%- do return(false) -%}
    {%- endif -%}
    {%- do return(fact_checks_unchanged()) -%}
{%- endmacro %}

{#- Whether a test reads its whole table even at night: the tests whose condition DuckDB
    answers from each row group's statistics (min, max, has nulls: `accepted_range`,
    `not_null`) or from a few narrow columns (`accepted_values`, `expression_is_true` on
    numbers, statuses and times). Finding tonight's rows costs more than that (a semi-join
    over the table's string keys, 0.01-0.1 s a test at 100,000 articles, against 0.000-0.014 s
    for the whole table), and the whole table is checked, not only tonight's rows. Tests
    that read keys or texts (`unique`, `unique_combination`, `not_blank`, `relationships`,
    `in_vocabulary`, which unnests list columns) keep to tonight's rows. -#}
{% macro read_whole(test) -%}
    {%- set name = (test.get('test_metadata') or {}).get('name') if test is mapping else none -%}
    {%- do return(name in ('not_null', 'accepted_range', 'accepted_values', 'expression_is_true')) -%}
{%- endmacro %}

{#- A condition selecting the rows of `relation` merged by this build, or '' for all rows.
    Models built before int_changed_articles (extraction, claims, claim texts, ...) are
    tested on the articles extracted by this build: int_changed_articles still holds the
    last build's list when their tests run. Models built after it on tonight's list. Rows
    are picked by the model's documented key columns: `article_id` first (claims are merged
    by article), else `claim_id`, else `claim_group_id` (the groups the claim_groups mart
    rebuilt), or the key named by the model's `meta: {tested_tonight_by: <key>}` of the rows
    stamped `built_in` since the last complete build (int_claim_fact_check_candidates: the
    units matched tonight, every rank of them). The tables named are built earlier in the
    same build, so they are named from the graph rather than ref'd: a test's dependencies
    stay those of its model. -#}
{% macro tonight_rows(relation) -%}
    {%- if not execute or flags.FULL_REFRESH or flags.EMPTY -%}
        {#- `--empty` (the unit tests' build) reads no rows, and its relations are
            subqueries without a rowid. -#}
        {%- do return('') -%}
    {%- endif -%}
    {%- set node = model_node_of(relation) -%}
    {%- if not node or node.config.materialized != 'incremental' -%}
        {%- do return('') -%}
    {%- endif -%}
    {%- set changed_articles = graph.nodes['model.' ~ project_name ~ '.int_changed_articles'] -%}
    {%- set after_changed_articles = changed_articles.unique_id in upstream_models(node) -%}
    {%- if after_changed_articles -%}
        {%- set changed -%}
            select article_id from {{ changed_articles.relation_name }}
        {%- endset -%}
        {%- set verdicts -%}
            union
            select claim_id from {{ relation_of('stg_verdicts') }}
        {%- endset -%}
    {%- else -%}
        {%- set changed -%}
            select article_id from {{ relation_of('int_article_extractions') }}
            where {{ changed_since_last_build('built_in') }}
        {%- endset -%}
        {%- set verdicts = '' -%}
    {%- endif -%}
    {%- set stamped = node.config.meta.get('tested_tonight_by') -%}
    {%- if stamped -%}
        {#- A model keyed by something else than articles and claims, whose rows carry the
            build that wrote them (`built_in`): every row of a key written since the last
            complete build (a key's rows are written together). -#}
        {%- set keys -%}
            select {{ stamped }} from {{ relation }} where {{ changed_since_last_build('built_in') }}
        {%- endset -%}
        {%- do return(stamped ~ ' in (' ~ keys ~ ')') -%}
    {%- elif 'article_id' in node.columns -%}
        {%- do return('article_id in (' ~ changed ~ ')') -%}
    {%- elif 'claim_id' in node.columns -%}
        {%- set claims -%}
            select claim_id from {{ relation_of('int_claims') }}
            where article_id in ({{ changed }})
            {{ verdicts }}
        {%- endset -%}
        {%- do return('claim_id in (' ~ claims ~ ')') -%}
    {%- elif 'claim_group_id' in node.columns and after_changed_articles -%}
        {#- The claim_groups mart: the groups it rebuilt (claim_groups_to_rebuild in
            macros/claim_linking.sql, which names the same relations). -#}
        {%- set groups -%}
            select claim_group_id from {{ relation_of('int_claim_group_members') }}
            where {{ changed_since_last_build('changed_in') }}
            union
            select claim_group_id from {{ relation_of('int_claim_groups') }}
            where claim_id in (
                select claim_id from {{ relation_of('int_claims') }}
                where article_id in ({{ changed }})
            )
        {%- endset -%}
        {%- do return('claim_group_id in (' ~ groups ~ ')') -%}
    {%- endif -%}
    {%- do return('') -%}
{%- endmacro %}

{#- The ids of every model `node` reads, directly or through other models (breadth first:
    the graph is small, but paths through it are many). -#}
{% macro upstream_models(node) -%}
    {%- set walk = namespace(frontier=[node.unique_id], seen=[]) -%}
    {%- for _ in range(graph.nodes | length) if walk.frontier -%}
        {%- set parents = [] -%}
        {%- for id in walk.frontier -%}
            {%- for parent in graph.nodes[id].depends_on.nodes -%}
                {%- if parent.startswith('model.') and parent not in walk.seen
                      and parent not in parents -%}
                    {%- do parents.append(parent) -%}
                {%- endif -%}
            {%- endfor -%}
        {%- endfor -%}
        {%- set walk.seen = walk.seen + parents -%}
        {%- set walk.frontier = parents -%}
    {%- endfor -%}
    {%- do return(walk.seen) -%}
{%- endmacro %}

{% macro relation_of(model_name) -%}
{{ graph.nodes['model.' ~ project_name ~ '.' ~ model_name].relation_name }}
{%- endmacro %}

{#- For the stg_articles view, the query of the texts whose staged row may differ from the one
    the last build recorded (int_article_versions), or '' to test the whole view. The view
    ranks every loaded copy; its tests read instead `staged_articles(<these texts>)`, which
    gives these texts' rows exactly as the view does (every copy of a text is ranked).

    The texts taken: those with a loaded copy that is not the chosen copy recorded in
    int_article_versions (same text, file, line and load time) — new texts, new or reloaded
    copies —, those whose recorded copy is no longer loaded (removed or replaced files), and
    every text of an article key among them. int_article_versions is built after the view's
    tests pass, so what it records was tested by an earlier build; what differs is tested
    tonight. A first build (no int_article_versions yet), `--full-refresh` and `--empty`
    test the whole view.

    Finding them compares every loaded copy with the record (0.12 s at 100,000 articles), so
    it is done once per dbt invocation, by the on-run-start hook `record_tonight_texts`,
    into the table `tonight_texts_relation()`; the view's nine tests read that table. The
    hook runs before any node, and neither raw.articles nor int_article_versions changes
    before the view's tests have run, so the table holds what the query would give at each
    test. -#}
{% macro tonight_texts(relation) -%}
    {%- if relation.identifier != 'stg_articles' or not texts_are_recorded() -%}
        {%- do return('') -%}
    {%- endif -%}
    {%- do return('select content_sha256 from ' ~ tonight_texts_relation()) -%}
{%- endmacro %}

{#- Whether this invocation tests the stg_articles view on tonight's texts (see above). -#}
{% macro texts_are_recorded() -%}
    {%- if not execute or flags.FULL_REFRESH or flags.EMPTY -%}
        {%- do return(false) -%}
    {%- endif -%}
    {%- set versions = graph.nodes['model.' ~ project_name ~ '.int_article_versions'] -%}
    {%- do return(adapter.get_relation(versions.database, versions.schema, versions.alias) is not none) -%}
{%- endmacro %}

{% macro tonight_texts_relation() -%}
    {%- set numbers = graph.sources['source.' ~ project_name ~ '.build.numbers'] -%}
    {%- do return(api.Relation.create(
        database=numbers.database, schema=numbers.schema, identifier='tonight_texts')) -%}
{%- endmacro %}

{#- on-run-start (dbt_project.yml): record tonight's texts, or drop the record of an earlier
    invocation when the whole view is tested. -#}
{% macro record_tonight_texts() -%}
    {%- if not execute -%}
        {%- do return('') -%}
    {%- endif -%}
    {%- set table = tonight_texts_relation() -%}
    {%- if not texts_are_recorded() -%}
        {%- do return('create schema if not exists ' ~ table.database ~ '.' ~ table.schema
                      ~ '; drop table if exists ' ~ table) -%}
    {%- endif -%}
    {%- set versions = graph.nodes['model.' ~ project_name ~ '.int_article_versions'] -%}
    {%- set loaded = relation_of_source('raw', 'articles') -%}
    {%- set texts -%}
        create schema if not exists {{ table.database }}.{{ table.schema }};
        create or replace table {{ table }} as
        with recorded as (
            select content_sha256, source_uri, source_line, first_seen_at
            from {{ versions.relation_name }}
        ),
        differing as (
            select r.article_key, r.content_sha256
            from {{ loaded }} as r
            anti join recorded as v
                on v.content_sha256 = r.content_sha256
                and v.source_uri = r.source_uri
                and v.source_line is not distinct from r.source_line
                and v.first_seen_at = r.loaded_at
        ),
        gone as (
            select v.content_sha256
            from recorded as v
            anti join {{ loaded }} as r
                on r.content_sha256 = v.content_sha256
                and r.source_uri = v.source_uri
                and r.source_line is not distinct from v.source_line
                and r.loaded_at = v.first_seen_at
        )
        select content_sha256 from differing
        union
        select content_sha256 from gone
        union
        select content_sha256 from {{ loaded }}
        where article_key in (select article_key from differing)
    {%- endset -%}
    {%- do return(texts) -%}
{%- endmacro %}

{% macro relation_of_source(source_name, table_name) -%}
{{ graph.sources['source.' ~ project_name ~ '.' ~ source_name ~ '.' ~ table_name].relation_name }}
{%- endmacro %}

{#- The graph node of the model built into `relation`, or none (a seed, a source, a
    test's own relation). -#}
{% macro model_node_of(relation) -%}
    {%- do return(graph.nodes.values()
        | selectattr('resource_type', 'equalto', 'model')
        | selectattr('alias', 'equalto', relation.identifier)
        | selectattr('schema', 'equalto', relation.schema)
        | first) -%}
{%- endmacro %}
