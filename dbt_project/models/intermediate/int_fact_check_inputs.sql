-- One row: a fingerprint of the published fact-checks as loaded (raw.fact_checks) and
-- `changed_in`, the build that last saw it change. The tables made from them alone are
-- rebuilt only on a night where it changed (macro fact_checks_changed).
{{ config(
    materialized='incremental',
    incremental_strategy='append',
    pre_hook="{{ forget_other_fact_check_inputs() }}"
) }}

select f.fingerprint, {{ build_number() }} as changed_in
from ({{ fact_checks_fingerprint() }}) as f(fingerprint)
{% if is_incremental() %}
where f.fingerprint not in (select fingerprint from {{ this }})
{% endif %}
