-- The canonical name each actor name resolved to, and the build in which that last changed.
-- A lone surname's resolution depends on every article ("Novak" becomes "Anna Novak" only
-- while she is the one Novak with a first name), so a new article can change the actor ids
-- of old ones: int_changed_articles rebuilds the articles that use a name whose resolution
-- changed since the last complete build.
{{ config(
    materialized='incremental',
    unique_key=['actor_type', 'name'],
    incremental_strategy='delete+insert',
    post_hook="delete from {{ this }} where (actor_type, name) not in
               (select (actor_type, name) from {{ ref('int_actor_names') }})"
) }}

select
    n.actor_type,
    n.name,
    n.canonical_name,
    {{ build_number() }} as changed_in
from {{ ref('int_actor_names') }} as n
{{ not_already_in_this('n', ['name', 'actor_type', 'canonical_name']) }}
