"""Airflow's own scheduler, DAG processor, API server and UI on one machine: `make airflow`.

`airflow standalone` starts each of its components as an `airflow …` subprocess found on
PATH, so the virtual environment's scripts directory must be on it, or every component
dies with "No such file or directory: 'airflow'". It also needs the DAGs folder, the raw and
data directories and its own home. This module sets all of that — the environment
`factcheck run` uses, from `airflow_run.configure_airflow` — and replaces the process with
`airflow standalone`. It is for a workstation: the API server listens on the loopback
address unless AIRFLOW__API__HOST says otherwise.
"""

from __future__ import annotations

import os
import shutil
import sysconfig
from typing import NoReturn

from factcheck.airflow_run import configure_airflow
from factcheck.settings import Paths

DEFAULT_PORT = 8080


def standalone_environment(paths: Paths, port: int = DEFAULT_PORT) -> dict[str, str]:
    """The environment `airflow standalone` needs; values the operator set are kept."""
    configure_airflow(paths, verbose=True)
    env = dict(os.environ)
    scripts = sysconfig.get_path("scripts")
    env["PATH"] = os.pathsep.join([scripts, *env.get("PATH", "").split(os.pathsep)])
    env.setdefault("AIRFLOW__API__HOST", "127.0.0.1")
    env.setdefault("AIRFLOW__API__PORT", str(port))
    # Task processes reach the execution API through the base URL: it must name the port.
    env.setdefault("AIRFLOW__API__BASE_URL", f"http://127.0.0.1:{env['AIRFLOW__API__PORT']}")
    return env


def exec_standalone(paths: Paths, port: int = DEFAULT_PORT) -> NoReturn:
    """Become `airflow standalone` (signals and exit status are Airflow's own)."""
    env = standalone_environment(paths, port)
    airflow = shutil.which("airflow", path=env["PATH"])
    if airflow is None:
        raise FileNotFoundError(f"no `airflow` executable in {sysconfig.get_path('scripts')}")
    os.execve(airflow, [airflow, "standalone"], env)
