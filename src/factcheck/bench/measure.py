"""Measure the nightly run on a synthetic corpus: cold, a night of new articles (+1%, or a
fixed number), nothing new, against the floor of DuckDB merely reading the same files; and
the same night on archives of different sizes, with a projection to a larger archive from
the measured per-stage slopes (`compare_archives`).

Each run is a real `factcheck run` process. Its wall time is its own; its peak memory is
that of the whole process tree (the run and its extraction and ingest workers), sampled
from /proc, and at least the run's own maximum RSS from `wait4`. Per-stage times come from
Airflow's task instances and dbt's per-model timings in the run summary. The +1% and
nothing-new nights are repeated (`repeat`, each +1% night adding another 1%) and the
median run is reported with every sample; the floor is the median of three reads.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import duckdb

from factcheck.bench.corpus import write_corpus, write_factchecks


def floor_seconds(raw: Path) -> float:
    """DuckDB reading every article file once: the least any pipeline must spend."""
    con = duckdb.connect()
    started = time.perf_counter()
    txt = str(raw / "articles" / "**" / "*.txt")
    jsonl = str(raw / "articles" / "**" / "*.jsonl")
    con.execute("select count(*), sum(length(content)) from read_text(?)", [txt]).fetchall()
    con.execute(
        "select count(*), sum(length(body)) from read_json(?, format='newline_delimited', "
        "columns={'title': 'varchar', 'body': 'varchar'})",
        [jsonl],
    ).fetchall()
    return time.perf_counter() - started


def timed_run(raw: Path, data: Path) -> dict:
    """One `factcheck run` process: wall seconds, peak RSS, outcome and stage times."""
    command = [
        str(Path(sys.executable).parent / "factcheck"),
        "run",
        "--raw",
        str(raw),
        "--data",
        str(data),
    ]
    env = {k: v for k, v in os.environ.items() if not k.startswith("AIRFLOW")}
    started = time.perf_counter()
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    sampler = TreeMemory(process.pid)
    sampler.start()
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    sampler.stop()
    process.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - started
    if process.returncode != 0:
        raise RuntimeError(f"factcheck run failed ({process.returncode}):\n{output[-3000:]}")
    runs = sorted((data / "build" / "runs").glob("*.json"), key=lambda p: p.stat().st_mtime)
    summary = json.loads(runs[-1].read_text())
    return {
        "wall_seconds": round(wall, 2),
        "peak_rss_mb": round(max(usage.ru_maxrss / 1024, sampler.peak_mb), 1),
        # What `/usr/bin/time -f %M` reports: the largest single process's maximum RSS.
        "largest_process_mb": round(max(usage.ru_maxrss / 1024, sampler.largest_mb), 1),
        "outcome": summary.get("outcome"),
        "tasks": _task_seconds(data, summary["run_id"]),
        "dbt_models": summary.get("dbt", {}).get("seconds", {}),
        "dbt_tests": summary.get("dbt", {}).get("test_seconds", {}),
        "ingest": {
            k: summary["ingest"]["articles"].get(k)
            for k in (
                "files_seen",
                "files_read",
                "files_unchanged",
                "loaded",
                "duplicates",
                "quarantined",
            )
        },
    }


class TreeMemory:
    """Peak resident memory of a process and all its descendants, sampled from /proc."""

    def __init__(self, pid: int, every: float = 0.2) -> None:
        self.pid, self.every, self.peak_mb, self.largest_mb = pid, every, 0.0, 0.0
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._done.set()
        self._thread.join()

    def _watch(self) -> None:
        while not self._done.wait(self.every):
            sizes = self._tree_kb()
            self.peak_mb = max(self.peak_mb, sum(sizes) / 1024)
            self.largest_mb = max(self.largest_mb, max(sizes, default=0) / 1024)

    def _tree_kb(self) -> list[int]:
        """Resident kB of each process of the tree."""
        parents, rss = {}, {}
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                status = (entry / "status").read_text()
            except OSError:
                continue
            fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
            parents[int(entry.name)] = int(fields.get("PPid", "0").strip() or 0)
            rss[int(entry.name)] = int(fields.get("VmRSS", "0 kB").split()[0] or 0)
        tree, changed = {self.pid}, True
        while changed:
            changed = False
            for pid, parent in parents.items():
                if parent in tree and pid not in tree:
                    tree.add(pid)
                    changed = True
        return [rss.get(pid, 0) for pid in tree]


def _task_seconds(data: Path, run_id: str) -> dict[str, float]:
    con = sqlite3.connect(data / "airflow" / "airflow.db")
    try:
        rows = con.execute(
            "select task_id, (julianday(end_date) - julianday(start_date)) * 86400 "
            "from task_instance where run_id = ? order by start_date",
            [run_id],
        ).fetchall()
    finally:
        con.close()
    return {task: round(seconds or 0.0, 2) for task, seconds in rows}


# The models that group claims and match them to fact-checks (issue 13): their build and
# test seconds are what grouping and matching add to a build.
LINKING_MODELS = (
    "int_claim_texts",
    "int_text_shingles",
    "int_shingle_frequency",
    "int_text_relations",
    "int_claim_units",
    "int_unit_choices",
    "int_claim_groups",
    "int_claim_group_changes",
    "int_group_verdicts",
    "claim_groups",
    "stg_fact_checks",
    "int_rating_labels",
    "fact_checks",
    "int_fact_check_terms",
    "int_fact_check_corpus",
    "int_claim_fact_check_candidates",
    "claim_fact_checks",
)


def linking_seconds(run: dict) -> float:
    """Seconds a run's dbt build spent building and testing the linking models."""
    models = sum(
        seconds
        for node, seconds in run["dbt_models"].items()
        if node.split(".")[-1] in LINKING_MODELS
    )
    tests = sum(
        seconds
        for node, seconds in run.get("dbt_tests", {}).items()
        if any(name in node for name in LINKING_MODELS)
    )
    return round(models + tests, 2)


def linking_cold(workdir: Path) -> dict:
    """Rebuild only the linking models of a benchmark's build database (`workdir`, made by
    an earlier `run_benchmark`) from scratch: what grouping and matching add to a cold
    build, measured without the extraction that dominates it (and without its load)."""
    from factcheck.settings import Paths
    from factcheck.transform import BuildState, dbt_vars, run_dbt, write_build_numbers

    paths = Paths(raw=workdir / "raw", data=workdir / "data")
    if not paths.build_db.is_file():
        raise FileNotFoundError(f"{paths.build_db}: run the benchmark on {workdir} first")
    last = BuildState.read(paths)
    write_build_numbers(paths, build=last.number + 1, since=last.number, full_refresh=True)
    started = time.perf_counter()
    outcome = run_dbt(
        "run", paths, "--select", *LINKING_MODELS, "--full-refresh", "--vars", dbt_vars()
    )
    wall = time.perf_counter() - started
    models = {n.unique_id.split(".")[-1]: round(n.seconds, 2) for n in outcome.nodes}
    return {
        "workdir": str(workdir),
        "models": models,
        "model_seconds": round(sum(models.values()), 1),
        "wall_seconds": round(wall, 1),
    }


def format_linking_cold(report: dict) -> str:
    slowest = sorted(report["models"].items(), key=lambda kv: -kv[1])
    return "\n".join(
        [
            f"grouping and matching rebuilt from scratch on {report['workdir']}: "
            f"{report['wall_seconds']} s wall (dbt start-up included), "
            f"{report['model_seconds']} s summed over the models",
            "models: " + ", ".join(f"{name} {seconds}" for name, seconds in slowest),
        ]
    )


def run_benchmark(
    articles: int,
    workdir: Path,
    seed: int = 7,
    repeat: int = 3,
    night: int | None = None,
    factchecks: int | None = None,
) -> dict:
    """Cold run, then `repeat` nights each adding `night` articles (default 1% of the
    archive), each followed by a night with nothing new. `factchecks` published fact-checks
    go in raw/factchecks/ (default: one per two articles), so grouping and matching are
    measured with the rest."""
    if workdir.exists():
        shutil.rmtree(workdir)
    raw, data = workdir / "raw", workdir / "data"
    (raw / "verdicts").mkdir(parents=True)
    generated = time.perf_counter()
    write_corpus(raw, articles, seed)
    factchecks = articles // 2 if factchecks is None else factchecks
    write_factchecks(raw, factchecks, seed)
    generated = time.perf_counter() - generated
    floor = statistics.median(floor_seconds(raw) for _ in range(3))
    cold = timed_run(raw, data)
    added = night or max(1, articles // 100)
    incremental_runs, nothing_runs = [], []
    for night in range(repeat):
        write_corpus(raw, added, seed, start=articles + night * added)
        incremental_runs.append(timed_run(raw, data))
        nothing_runs.append(timed_run(raw, data))
    incremental, nothing_new = _median_run(incremental_runs), _median_run(nothing_runs)
    extraction = cold["dbt_models"].get("model.factcheck.int_article_extractions", 0.0)
    return {
        "articles": articles,
        "factchecks": factchecks,
        "added_articles": added,
        "repeat": repeat,
        "cores": os.cpu_count(),
        "corpus_seconds": round(generated, 2),
        "floor_seconds": round(floor, 3),
        "cold": cold,
        "incremental": incremental,
        "nothing_new": nothing_new,
        "samples": {
            "incremental_wall_seconds": [r["wall_seconds"] for r in incremental_runs],
            "nothing_new_wall_seconds": [r["wall_seconds"] for r in nothing_runs],
        },
        "peak_rss_mb": max(r["peak_rss_mb"] for r in [cold, *incremental_runs, *nothing_runs]),
        "largest_process_mb": {
            "cold": cold["largest_process_mb"],
            "nights": max(r["largest_process_mb"] for r in [*incremental_runs, *nothing_runs]),
        },
        "articles_per_second_cold": round(articles / cold["wall_seconds"], 1),
        "linking_seconds": {
            "cold": linking_seconds(cold),
            "incremental": linking_seconds(incremental),
        },
        "ratios": {
            "cold_over_floor": round(cold["wall_seconds"] / floor, 1),
            "extraction_over_floor": round(extraction / floor, 1),
            "incremental_over_cold": round(incremental["wall_seconds"] / cold["wall_seconds"], 3),
        },
    }


def _median_run(runs: list[dict]) -> dict:
    """The run whose wall time is the median (the lower middle one for an even count)."""
    ordered = sorted(runs, key=lambda r: r["wall_seconds"])
    return ordered[(len(ordered) - 1) // 2]


def format_report(report: dict) -> str:
    lines = [
        f"benchmark: {report['articles']} articles (+{report['added_articles']}), "
        f"{report['cores']} cores; floor (DuckDB bare read) {report['floor_seconds']} s",
        "",
        f"{'run':<12} {'wall s':>8} {'peak MB':>8}  stages (s)",
    ]
    for name in ("cold", "incremental", "nothing_new"):
        run = report[name]
        stages = ", ".join(f"{t} {s}" for t, s in run["tasks"].items())
        lines.append(f"{name:<12} {run['wall_seconds']:>8} {run['peak_rss_mb']:>8}  {stages}")
    samples = report.get("samples", {})
    lines += [
        "",
        f"median of {report.get('repeat', 1)} nights: +1% "
        f"{samples.get('incremental_wall_seconds')}, nothing new "
        f"{samples.get('nothing_new_wall_seconds')}; peak memory of any run "
        f"{report.get('peak_rss_mb')} MB (process tree); largest process "
        f"{report.get('largest_process_mb')} MB",
    ]
    slow = sorted(report["cold"]["dbt_models"].items(), key=lambda kv: -kv[1])[:5]
    lines += [
        "",
        "cold dbt models: " + ", ".join(f"{k.split('.')[-1]} {v:.2f}" for k, v in slow),
        f"articles/second (cold): {report['articles_per_second_cold']}",
        f"grouping and matching against {report['factchecks']} fact-checks (models and their "
        f"tests): cold {report['linking_seconds']['cold']} s, "
        f"+1% {report['linking_seconds']['incremental']} s",
        "ratios: " + ", ".join(f"{k} {v}" for k, v in report["ratios"].items()),
    ]
    return "\n".join(lines)


STAGES = ("ingest", "dbt_build", "validate", "publish_release", "publish_database")


def compare_archives(
    sizes: list[int], night: int, workdir: Path, seed: int = 7, repeat: int = 3, project_to=10**6
) -> dict:
    """The same night of `night` new articles on archives of each size, and a linear
    projection of each stage (and of the rest: start-up and Airflow) to `project_to`
    articles from the slope between the smallest and the largest archive."""
    reports = {
        size: run_benchmark(size, workdir / str(size), seed=seed, repeat=repeat, night=night)
        for size in sizes
    }
    small, large = reports[min(sizes)], reports[max(sizes)]
    span = max(sizes) - min(sizes)
    projection = {}
    for kind in ("incremental", "nothing_new", "cold"):
        parts = {}
        for stage in (*STAGES, "other"):
            at = [_stage_seconds(r[kind], stage) for r in (small, large)]
            slope = (at[1] - at[0]) / span if span else 0.0
            parts[stage] = {
                "per_1000_articles": round(slope * 1000, 4),
                "projected": round(max(at[1], at[1] + slope * (project_to - max(sizes))), 2),
            }
        parts["total"] = round(sum(p["projected"] for p in parts.values()), 2)
        projection[kind] = parts
    return {
        "night": night,
        "sizes": sizes,
        "reports": {str(k): v for k, v in reports.items()},
        "ratio_night_large_over_small": round(
            large["incremental"]["wall_seconds"] / small["incremental"]["wall_seconds"], 3
        ),
        "project_to": project_to,
        "projection": projection,
    }


def _stage_seconds(run: dict, stage: str) -> float:
    """A stage's seconds; "other" is the wall time outside the tasks (start-up, Airflow)."""
    if stage == "other":
        return max(0.0, run["wall_seconds"] - sum(run["tasks"].values()))
    return run["tasks"].get(stage, 0.0)


def format_comparison(comparison: dict) -> str:
    lines = []
    for report in comparison["reports"].values():
        lines += [format_report(report), ""]
    sizes = comparison["sizes"]
    lines.append(
        f"the same night of {comparison['night']} new articles: "
        + ", ".join(
            f"{s:,} articles {comparison['reports'][str(s)]['incremental']['wall_seconds']} s"
            for s in sizes
        )
        + f" (x{comparison['ratio_night_large_over_small']})"
    )
    lines.append(
        f"projected to {comparison['project_to']:,} articles from the per-stage slopes "
        f"(s per 1,000 articles → projected s):"
    )
    for kind, parts in comparison["projection"].items():
        stages = ", ".join(
            f"{stage} {p['per_1000_articles']}→{p['projected']}"
            for stage, p in parts.items()
            if stage != "total"
        )
        lines.append(f"  {kind:<12} {parts['total']} s  ({stages})")
    return "\n".join(lines)
