"""`factcheck` — the command line of the data contract.

    factcheck run        one run of the nightly DAG through Airflow
    factcheck airflow    Airflow's scheduler, DAG processor, API server and UI (standalone)
    factcheck verdict    append a fact-checker's verdict to raw/verdicts/
    factcheck claims     list claims from the published database
    factcheck sql        run a read-only SQL query on the published database
    factcheck releases   list the published releases
    factcheck serve      the review desk: claims and verdicts in the browser
    factcheck reviewer   add, remove or list the review desk's accounts
    factcheck bench      measure the pipeline on a synthetic corpus
    factcheck eval       score extraction (gold sample), claim grouping and fact-check matching

Every command takes --raw DIR and --data DIR (defaults raw/ and data/).
Exit codes: 0 success (or nothing changed); 1 failure; 2 bad usage or refused input;
3 the quality gate blocked the release; 4 another run is active.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, datetime

from factcheck.output import FORMATS, render
from factcheck.settings import Paths, disable_telemetry
from factcheck.vocabulary import values, verdict_statuses

EXIT_OK, EXIT_FAILED, EXIT_REFUSED, EXIT_GATE, EXIT_LOCKED = 0, 1, 2, 3, 4


def _paths(args: argparse.Namespace) -> Paths:
    return Paths.resolve(args.raw, args.data)


def _error(message: str, code: int) -> int:
    print(f"factcheck: {message}", file=sys.stderr)
    return code


def cmd_run(args: argparse.Namespace) -> int:
    from factcheck.airflow_run import ActiveRun, run_once
    from factcheck.locking import RunLocked, run_lock

    paths = _paths(args)
    if not paths.raw.is_dir():
        return _error(f"raw directory {paths.raw} does not exist", EXIT_REFUSED)
    _show_progress()
    try:
        with run_lock(paths.lock_file):
            outcome = run_once(paths, verbose=args.verbose, force=args.force)
    except (RunLocked, ActiveRun) as exc:
        return _error(str(exc), EXIT_LOCKED)
    _print_run_summary(outcome.summary)
    if outcome.state in ("success", "skipped"):
        print(outcome.message)
        return EXIT_OK
    gate = outcome.summary.get("validation", {}).get("success") is False
    return _error(outcome.message, EXIT_GATE if gate else EXIT_FAILED)


def cmd_airflow(args: argparse.Namespace) -> int:
    from factcheck.scheduler import exec_standalone

    paths = _paths(args)
    if not paths.raw.is_dir():
        return _error(f"raw directory {paths.raw} does not exist", EXIT_REFUSED)
    try:
        exec_standalone(paths, args.port)
    except FileNotFoundError as exc:
        return _error(str(exc), EXIT_FAILED)


def _show_progress() -> None:
    """One line per finished step on stderr, while the DAG runs."""
    import logging

    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(message)s", "%H:%M:%S"))
    logger = logging.getLogger("factcheck.pipeline")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False


def _print_run_summary(summary: dict) -> None:
    ingest = summary.get("ingest", {})
    articles = ingest.get("articles", {})
    if articles:
        totals = articles.get("totals", {})
        print(
            f"inputs: {articles['files_seen']} files ({articles['files_read']} read, "
            f"{articles['files_unchanged']} unchanged, {articles['files_removed']} removed); "
            f"this run: {articles['records_seen']} records seen = {articles['loaded']} loaded + "
            f"{articles['duplicates']} duplicates + {articles['quarantined']} quarantined"
        )
        print(
            f"raw directory: {totals.get('records_seen', 0)} records = "
            f"{totals.get('loaded', 0)} articles + {totals.get('duplicates', 0)} duplicates + "
            f"{totals.get('quarantined', 0)} quarantined"
        )
        for note in articles.get("notes", []):
            print(f"  note: {note}")
    verdicts = ingest.get("verdicts")
    if verdicts and verdicts.get("verdict_rows"):
        print(f"verdicts: {verdicts['loaded']} loaded, {verdicts['quarantined']} quarantined")
    factchecks = ingest.get("factchecks")
    if factchecks and factchecks.get("reviews"):
        print(
            f"fact-checks: {factchecks['loaded']} loaded, {factchecks['quarantined']} quarantined"
        )
    dbt = summary.get("dbt")
    if dbt and "seconds" in dbt:
        slowest = sorted(dbt["seconds"].items(), key=lambda kv: -kv[1])[:3]
        shown = ", ".join(f"{k.split('.')[-1]} {v:.1f}s" for k, v in slowest)
        print(f"dbt: {dbt['nodes']} nodes built and tested (slowest: {shown})")
    validation = summary.get("validation")
    if validation and validation.get("success"):
        print(f"validation: {validation['evaluated']} expectations passed")
    release = summary.get("release")
    if release and release.get("orphaned_verdicts"):
        print(
            f"warning: {release['orphaned_verdicts']} verdict(s) match no current claim "
            "(see table orphaned_verdicts)"
        )
    tasks = summary.get("tasks")
    if tasks:
        print("tasks: " + ", ".join(f"{k} {v}" for k, v in tasks.items()))


def cmd_verdict(args: argparse.Namespace) -> int:
    from factcheck.verdicts import InvalidVerdict, record

    fields = {
        "claim_id": args.claim_id,
        "status": args.status,
        "rating_label": args.label,
        "reviewed_by": args.by,
        "evidence_url": args.evidence,
        "note": args.note,
        "reviewed_at": args.at or datetime.now(UTC).isoformat(timespec="microseconds"),
    }
    try:
        verdict, path = record(fields, _paths(args))
    except InvalidVerdict as exc:
        return _error(f"verdict refused, nothing written: {exc}", EXIT_REFUSED)
    print(
        f"recorded {verdict.status} verdict for {verdict.claim_id} in {path}; "
        "it appears in the database after the next `factcheck run`"
    )
    return EXIT_OK


def _query_and_render(args: argparse.Namespace, query) -> int:
    """Open the published database read-only, run `query(con)`, print its rows."""
    import duckdb

    from factcheck.queries import NoDatabase, connect_read_only

    try:
        con = connect_read_only(_paths(args).warehouse_db)
    except NoDatabase as exc:
        return _error(str(exc), EXIT_FAILED)
    try:
        columns, rows = query(con)
    except duckdb.Error as exc:
        return _error(f"query failed: {exc}", EXIT_REFUSED)
    finally:
        con.close()
    render(columns, rows, args.format)
    return EXIT_OK


def cmd_claims(args: argparse.Namespace) -> int:
    from factcheck.queries import find_claims

    return _query_and_render(
        args,
        lambda con: find_claims(
            con,
            speaker=args.speaker,
            status=args.status,
            search=args.search,
            claim_type=args.type,
            checked_elsewhere=args.checked_elsewhere,
            limit=args.limit,
        ),
    )


def cmd_sql(args: argparse.Namespace) -> int:
    from factcheck.queries import run_sql

    return _query_and_render(args, lambda con: run_sql(con, args.query))


def cmd_releases(args: argparse.Namespace) -> int:
    from factcheck.release import list_releases

    if args.diff:
        return _release_diff(args)
    releases = list_releases(_paths(args))
    if args.format == "json":
        print(json.dumps(releases, indent=1))
        return EXIT_OK
    columns = ["version", "created_at", "articles", "claims", "actors", "code_version"]
    rows = [
        [
            r["version"],
            r["created_at"],
            r["rows"].get("articles"),
            r["rows"].get("claims"),
            r["rows"].get("actors"),
            r["code_version"],
        ]
        for r in releases
    ]
    render(columns, rows, args.format)
    return EXIT_OK


def cmd_serve(args: argparse.Namespace) -> int:
    from factcheck.desk.accounts import AccountError
    from factcheck.desk.server import serve, warnings

    paths = _paths(args)
    try:
        notes = warnings(paths, args.host)
    except AccountError as exc:
        return _error(str(exc), EXIT_FAILED)
    for note in notes:
        print(f"factcheck: warning: {note}", file=sys.stderr)
    if not serve(paths, args.host, args.port):
        return _error(f"the review desk could not listen on {args.host}:{args.port}", EXIT_FAILED)
    return EXIT_OK


def cmd_reviewer(args: argparse.Namespace) -> int:
    from factcheck.desk import accounts

    path = _paths(args).reviewers_file
    try:
        if args.action == "add":
            reviewer = accounts.add(path, args.name, _new_password(args.password_stdin))
            print(f"added reviewer {reviewer.name!r}")
        elif args.action == "remove":
            reviewer = accounts.remove(path, args.name)
            print(f"removed reviewer {reviewer.name!r}; their sessions end at their next click")
        else:
            reviewers = accounts.load(path).values()
            for reviewer in reviewers:
                print(f"{reviewer.name}\t(added {reviewer.created_at})")
            if not reviewers:
                print("no reviewers yet: add one with `factcheck reviewer add NAME`")
    except accounts.AccountError as exc:
        return _error(str(exc), EXIT_REFUSED)
    return EXIT_OK


def _new_password(from_stdin: bool) -> str:
    """The first line of standard input, or typed twice at the terminal."""
    import getpass

    from factcheck.desk.accounts import AccountError

    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    if not sys.stdin.isatty():
        raise AccountError("no terminal to ask for the password: pipe it in with --password-stdin")
    password = getpass.getpass("password: ")
    if getpass.getpass("again: ") != password:
        raise AccountError("the two passwords differ")
    return password


def _release_diff(args: argparse.Namespace) -> int:
    """The files a consumer holding OLD must fetch to have NEW (and those to delete)."""
    from dataclasses import asdict

    from factcheck.release import diff_releases

    old, new = args.diff
    try:
        diff = diff_releases(_paths(args), old, new)
    except ValueError as exc:
        return _error(str(exc), EXIT_REFUSED)
    if args.format == "json":
        print(json.dumps(asdict(diff) | {"fetch_bytes": diff.fetch_bytes}, indent=1))
        return EXIT_OK
    rows = [["fetch", f["path"], f["rows"], f["bytes"], f["sha256"]] for f in diff.fetch]
    rows += [["delete", path, None, None, None] for path in diff.removed]
    render(["action", "file", "rows", "bytes", "sha256"], rows, args.format)
    print(
        f"{len(diff.fetch)} files to fetch ({diff.fetch_bytes:,} bytes), "
        f"{len(diff.unchanged)} unchanged, {len(diff.removed)} to delete",
        file=sys.stderr,
    )
    return EXIT_OK


def cmd_bench(args: argparse.Namespace) -> int:
    from pathlib import Path

    from factcheck.bench.measure import (
        compare_archives,
        format_comparison,
        format_linking_cold,
        format_report,
        linking_cold,
        run_benchmark,
    )

    if args.linking_cold:
        workdir = Path(args.workdir or f".bench/{args.articles}")
        report = linking_cold(workdir.resolve())
        print(format_linking_cold(report))
    elif args.compare:
        workdir = Path(args.workdir or ".bench/compare")
        report = compare_archives(
            args.compare, args.night, workdir.resolve(), seed=args.seed, repeat=args.repeat
        )
        print(format_comparison(report))
    else:
        workdir = Path(args.workdir or f".bench/{args.articles}")
        report = run_benchmark(
            args.articles,
            workdir.resolve(),
            seed=args.seed,
            repeat=args.repeat,
            night=args.night,
            factchecks=args.factchecks,
        )
        print(format_report(report))
    if args.json:
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json).write_text(json.dumps(report, indent=1))
        print(f"written {args.json}")
    return EXIT_OK


def cmd_eval(args: argparse.Namespace) -> int:
    from pathlib import Path

    from factcheck.evaluation.gold import GoldFormatError
    from factcheck.evaluation.run import evaluate
    from factcheck.evaluation.score import format_report

    try:
        report = evaluate(Path(args.gold), Path(args.workdir))
    except GoldFormatError as exc:
        return _error(str(exc), EXIT_REFUSED)
    if args.details:
        print("\n".join(report.errors))
    print(format_report(report))
    figures = report.as_dict()
    if args.linking:
        from factcheck.evaluation.linking import evaluate_linking, format_linking

        try:
            linking = evaluate_linking(
                Path(args.linking), Path(args.workdir) / "linking", refit=args.fit
            )
        except GoldFormatError as exc:
            return _error(str(exc), EXIT_REFUSED)
        if args.details:
            print("\n".join(linking.errors))
        print(format_linking(linking))
        figures["linking"] = linking.as_dict()
    if args.json:
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json).write_text(json.dumps(figures, indent=1))
        print(f"written {args.json}")
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    # --raw/--data are accepted before or after the sub-command; SUPPRESS keeps a
    # sub-command's unset option from overwriting one given before it.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--raw", default=argparse.SUPPRESS, help="raw directory (default: raw/)")
    common.add_argument("--data", default=argparse.SUPPRESS, help="data directory (default: data/)")
    parser = argparse.ArgumentParser(
        prog="factcheck", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--raw", default=None, help="raw directory (default: raw/)")
    parser.add_argument("--data", default=None, help="data directory (default: data/)")
    sub = parser.add_subparsers(dest="command", required=True)

    run = sub.add_parser("run", parents=[common], help="run the nightly DAG once")
    run.add_argument("--verbose", action="store_true", help="show Airflow and dbt logs")
    run.add_argument(
        "--force", action="store_true", help="build and publish a release even when nothing changed"
    )
    run.set_defaults(func=cmd_run)

    airflow = sub.add_parser(
        "airflow", parents=[common], help="run Airflow's scheduler and UI on this machine"
    )
    airflow.add_argument("--port", type=int, default=8080, help="API server and UI port")
    airflow.set_defaults(func=cmd_airflow)

    verdict = sub.add_parser("verdict", parents=[common], help="record a verdict on a claim")
    verdict.add_argument("claim_id")
    verdict.add_argument("--status", required=True, choices=verdict_statuses())
    verdict.add_argument("--label", help="rating label, e.g. 'Mostly false' (required if rated)")
    verdict.add_argument("--by", required=True, help="reviewer name")
    verdict.add_argument("--evidence", help="URL of the evidence")
    verdict.add_argument("--note", help="free text")
    verdict.add_argument("--at", help="ISO 8601 time of the decision (default: now)")
    verdict.set_defaults(func=cmd_verdict)

    claims = sub.add_parser("claims", parents=[common], help="list claims")
    claims.add_argument("--speaker", help="speaker name contains")
    claims.add_argument("--status", choices=values("status"))
    claims.add_argument("--search", help="claim or sentence text contains")
    claims.add_argument("--type", choices=values("claim_type"))
    claims.add_argument(
        "--checked-elsewhere",
        action="store_true",
        help="only claims matched to a fact-check published elsewhere, with its verdict",
    )
    claims.add_argument("--limit", type=int, default=50)
    claims.add_argument("--format", choices=FORMATS, default="table")
    claims.set_defaults(func=cmd_claims)

    sql = sub.add_parser("sql", parents=[common], help="read-only SQL on the published database")
    sql.add_argument("query")
    sql.add_argument("--format", choices=FORMATS, default="table")
    sql.set_defaults(func=cmd_sql)

    releases = sub.add_parser("releases", parents=[common], help="list published releases")
    releases.add_argument("--format", choices=FORMATS, default="table")
    releases.add_argument(
        "--diff",
        nargs=2,
        metavar=("OLD", "NEW"),
        help="the files a consumer holding release OLD must fetch to have NEW",
    )
    releases.set_defaults(func=cmd_releases)

    from factcheck.desk.server import DEFAULT_HOST, DEFAULT_PORT, port_number

    serve = sub.add_parser(
        "serve", parents=[common], help="the review desk: claims and verdicts in the browser"
    )
    serve.add_argument(
        "--host", default=DEFAULT_HOST, help=f"address to listen on (default: {DEFAULT_HOST})"
    )
    serve.add_argument(
        "--port", type=port_number, default=DEFAULT_PORT, help=f"default: {DEFAULT_PORT}"
    )
    serve.set_defaults(func=cmd_serve)

    reviewer = sub.add_parser("reviewer", parents=[common], help="review desk accounts")
    actions = reviewer.add_subparsers(dest="action", required=True)
    add = actions.add_parser("add", parents=[common], help="add a reviewer")
    add.add_argument("name", help="the name verdicts recorded by this reviewer carry")
    add.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the password from the first line of standard input (default: ask twice)",
    )
    actions.add_parser("remove", parents=[common], help="remove a reviewer").add_argument("name")
    actions.add_parser("list", parents=[common], help="list the reviewers")
    reviewer.set_defaults(func=cmd_reviewer)

    bench = sub.add_parser("bench", help="measure the pipeline on a synthetic corpus")
    bench.add_argument("--articles", type=int, default=20000)
    bench.add_argument(
        "--factchecks", type=int, help="published fact-checks to match (default: articles / 2)"
    )
    bench.add_argument("--json", help="also write the figures to this JSON file")
    bench.add_argument("--workdir", help="where the corpus and data go (default .bench/N)")
    bench.add_argument("--seed", type=int, default=7)
    bench.add_argument(
        "--repeat", type=int, default=3, help="new and nothing-new nights to take the median of"
    )
    bench.add_argument(
        "--night", type=int, help="articles a night adds (default 1%% of the archive)"
    )
    bench.add_argument(
        "--compare",
        type=int,
        nargs="+",
        metavar="ARTICLES",
        help="the same --night on archives of these sizes, projected to 1,000,000 articles",
    )
    bench.add_argument(
        "--linking-cold",
        action="store_true",
        help="rebuild only grouping and matching, from scratch, on an earlier run's workdir",
    )
    bench.set_defaults(func=cmd_bench)

    evaluation = sub.add_parser("eval", help="precision and recall on a gold sample")
    evaluation.add_argument("--gold", default="tests/gold", help="articles/ + annotations/")
    evaluation.add_argument(
        "--linking",
        default="tests/linking",
        help="labelled claim pairs and fact-checks for grouping and matching ('' to skip)",
    )
    evaluation.add_argument(
        "--fit",
        action="store_true",
        help="fit the matching calibration on --linking and write seeds/match_calibration.csv",
    )
    evaluation.add_argument("--workdir", default=".eval", help="where the build goes")
    evaluation.add_argument("--details", action="store_true", help="list every miss")
    evaluation.add_argument("--json", help="also write the figures to this JSON file")
    evaluation.set_defaults(func=cmd_eval)
    return parser


def main(argv: list[str] | None = None) -> int:
    from factcheck.heap import skip_collection_at_exit

    disable_telemetry()  # before any command imports dbt, Great Expectations or Airflow
    skip_collection_at_exit()  # a run's heap took seconds to walk at exit
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
