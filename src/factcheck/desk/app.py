"""The review desk's web application: routes, login, and the rules every response follows.

Each route parses its request, loads its page from `pages.py` over a read-only connection
opened for that request (so the first request after a nightly swap reads the new
database), and renders a Jinja template with autoescaping on. Pages need a session; forms
that change something also need the session's CSRF token. Verdicts go through
`verdicts.record`, exactly as `factcheck verdict` records them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated
from urllib.parse import quote, urlsplit

import duckdb
from fastapi import APIRouter, Depends, FastAPI, Form, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from starlette.exceptions import HTTPException

from factcheck.desk import accounts
from factcheck.desk.access import SESSION_COOKIE, LoginThrottle, Session, Sessions
from factcheck.desk.pages import (
    BadQuery,
    NotFound,
    QueueFilters,
    load_actor,
    load_claim,
    load_queue,
    load_search,
    page_number,
)
from factcheck.desk.pending import VerdictLog
from factcheck.desk.text import shorten, web_link, words
from factcheck.queries import NoDatabase, connect_read_only
from factcheck.settings import Paths
from factcheck.verdicts import InvalidVerdict, rating_labels, record
from factcheck.vocabulary import values, verdict_statuses

HERE = Path(__file__).parent

# No script runs on these pages, nothing is framed, forms post only to the desk.
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
        "frame-ancestors 'none'; base-uri 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
}


def templates() -> Environment:
    """Jinja with autoescaping: every value a template prints is escaped unless marked safe,
    and nothing in these templates is marked safe."""
    env = Environment(
        loader=FileSystemLoader(HERE / "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(shorten=shorten, words=words, web_link=web_link, when=when)
    env.globals.update(
        claim_types=values("claim_type"),
        statuses=values("status"),
        signals=values("signal"),
        verdict_statuses=verdict_statuses(),
    )
    return env


def when(moment: datetime | None, with_time: bool = True) -> str:
    if moment is None:
        return ""
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
    return moment.strftime("%Y-%m-%d %H:%M UTC" if with_time else "%Y-%m-%d")


@dataclass
class Desk:
    """What every request of one server shares: the data, the logged-in reviewers, the
    failed-login counts, the parsed verdict log and the templates."""

    paths: Paths
    sessions: Sessions = field(default_factory=Sessions)
    throttle: LoginThrottle = field(default_factory=LoginThrottle)
    templates: Environment = field(default_factory=templates)
    log: VerdictLog = field(init=False)

    def __post_init__(self) -> None:
        self.log = VerdictLog(self.paths.verdicts_dir)

    def render(
        self, request: Request, name: str, status_code: int = 200, **context: object
    ) -> HTMLResponse:
        session = getattr(request.state, "session", None)
        html = self.templates.get_template(name).render(session=session, **context)
        return HTMLResponse(html, status_code=status_code)

    def error(self, request: Request, status_code: int, title: str, message: str) -> Response:
        return self.render(request, "error.html", status_code, title=title, message=message)


def create_app(desk: Desk) -> FastAPI:
    """The web application of `desk`: its routes, error pages and security headers."""
    app = FastAPI(title="factcheck review desk", docs_url=None, redoc_url=None, openapi_url=None)
    app.state.desk = desk
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(router)
    app.middleware("http")(security_headers)
    for exception, handler in ERROR_HANDLERS.items():
        app.add_exception_handler(exception, handler)
    return app


# --- what every request goes through ----------------------------------------------------


class LoginRequired(Exception):
    """No valid session: a page redirects to the login form, a form post gets 401."""


def get_desk(request: Request) -> Desk:
    return request.app.state.desk


def current_session(request: Request) -> Session:
    desk = get_desk(request)
    session = desk.sessions.find(request.cookies.get(SESSION_COOKIE))
    if session is None:
        raise LoginRequired
    if accounts.find(desk.paths.reviewers_file, session.reviewer) is None:
        desk.sessions.end(session.token)  # the account was removed
        raise LoginRequired
    request.state.session = session
    return session


def database(request: Request) -> Iterator[duckdb.DuckDBPyConnection]:
    con = connect_read_only(get_desk(request).paths.warehouse_db)
    try:
        yield con
    finally:
        con.close()


DeskDep = Annotated[Desk, Depends(get_desk)]
SessionDep = Annotated[Session, Depends(current_session)]
Database = Annotated[duckdb.DuckDBPyConnection, Depends(database)]


async def security_headers(request: Request, call_next) -> Response:
    response = await call_next(request)
    response.headers.update(SECURITY_HEADERS)
    if not request.url.path.startswith("/static/"):
        response.headers["Cache-Control"] = "no-store"
    return response


def login_required(request: Request, _: Exception) -> Response:
    if request.method == "GET":
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        return RedirectResponse(f"/login?next={quote(target, safe='')}", status_code=303)
    return get_desk(request).error(
        request, 401, "Not logged in", "Log in again: nothing was written."
    )


def _refusal(
    status_code: int, title: str, describe: Callable[[Exception], str] = str
) -> Callable[[Request, Exception], Response]:
    """An error handler that answers with the desk's error page, never a stack trace."""

    def handler(request: Request, exc: Exception) -> Response:
        return get_desk(request).error(request, status_code, title, describe(exc))

    return handler


def http_error(request: Request, exc: HTTPException) -> Response:
    """Unknown paths and methods get the desk's error page rather than JSON."""
    return get_desk(request).error(request, exc.status_code, str(exc.detail), request.url.path)


def _validation_problems(exc: RequestValidationError) -> str:
    return "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())


ERROR_HANDLERS = {
    LoginRequired: login_required,
    NoDatabase: _refusal(503, "No published database yet"),
    accounts.AccountError: _refusal(503, "Reviewer accounts unreadable"),
    NotFound: _refusal(404, "Not found", lambda exc: f"There is {exc}."),
    BadQuery: _refusal(400, "Cannot show this page"),
    RequestValidationError: _refusal(400, "Bad request", _validation_problems),
    duckdb.Error: _refusal(503, "The published database cannot be read"),
    HTTPException: http_error,
}


def safe_next(target: str | None) -> str:
    """Where to go after logging in: a path on this site, never another site."""
    target = target or "/"
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return "/"
    # Browsers read "\\" as "/" and drop tabs and line breaks: "/\\evil" is "//evil".
    return "/" if "\\" in target or any(ch < " " for ch in target) else target


def _client(request: Request) -> str:
    return request.client.host if request.client else "unknown"


router = APIRouter()

# --- logging in and out ---------------------------------------------------------------


@router.get("/login")
def login_form(
    request: Request, desk: DeskDep, after: Annotated[str, Query(alias="next")] = "/"
) -> Response:
    if desk.sessions.find(request.cookies.get(SESSION_COOKIE)):
        return RedirectResponse(safe_next(after), status_code=303)
    return desk.render(request, "login.html", next=safe_next(after), username="", message=None)


@router.post("/login")
def login(
    request: Request,
    desk: DeskDep,
    username: Annotated[str, Form()] = "",
    password: Annotated[str, Form()] = "",
    after: Annotated[str, Form(alias="next")] = "/",
) -> Response:
    keys = (f"name:{accounts.name_key(username)}", f"address:{_client(request)}")
    form = {"next": safe_next(after), "username": username}
    wait = desk.throttle.wait_seconds(*keys)
    if wait > 0:
        message = f"Too many failed logins. Try again in {int(wait // 60) + 1} minutes."
        return desk.render(request, "login.html", 429, message=message, **form)
    reviewer = accounts.authenticate(desk.paths.reviewers_file, username, password)
    if reviewer is None:
        desk.throttle.failed(*keys)
        return desk.render(request, "login.html", 401, message="Wrong name or password.", **form)
    desk.throttle.succeeded(*keys)
    session = desk.sessions.start(reviewer.name)
    response = RedirectResponse(form["next"], status_code=303)
    response.set_cookie(
        SESSION_COOKIE,
        session.token,
        max_age=int(desk.sessions.lifetime_seconds),
        httponly=True,
        samesite="lax",
        secure=request.url.scheme == "https",
    )
    return response


@router.post("/logout")
def logout(
    request: Request,
    desk: DeskDep,
    session: SessionDep,
    csrf_token: Annotated[str, Form()] = "",
) -> Response:
    if not session.accepts(csrf_token):
        return desk.error(request, 403, "Form expired", "The form did not come from this desk.")
    desk.sessions.end(session.token)
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE)
    return response


# --- the pages --------------------------------------------------------------------------


@router.get("/")
def queue(request: Request, desk: DeskDep, _: SessionDep, con: Database) -> Response:
    filters = QueueFilters.parse(request.query_params)
    return desk.render(request, "queue.html", queue=load_queue(con, desk.log, filters))


@dataclass(frozen=True)
class VerdictForm:
    """What the verdict form shows: the values typed, and why they were refused, if so."""

    status: str = ""
    label: str = ""
    evidence_url: str = ""
    note: str = ""
    error: str | None = None


def claim_page(
    request: Request,
    desk: Desk,
    con: duckdb.DuckDBPyConnection,
    claim_id: str,
    status_code: int = 200,
    form: VerdictForm = VerdictForm(),
    recorded: bool = False,
) -> Response:
    return desk.render(
        request,
        "claim.html",
        status_code,
        claim=load_claim(con, desk.log, claim_id),
        form=form,
        labels=list(rating_labels().values()),
        recorded=recorded,
    )


@router.get("/claims/{claim_id}")
def claim(
    request: Request, desk: DeskDep, _: SessionDep, con: Database, claim_id: str, recorded: str = ""
) -> Response:
    return claim_page(request, desk, con, claim_id, recorded=bool(recorded))


@router.post("/claims/{claim_id}/verdict")
def verdict(
    request: Request,
    desk: DeskDep,
    session: SessionDep,
    con: Database,
    claim_id: str,
    csrf_token: Annotated[str, Form()] = "",
    status: Annotated[str, Form()] = "",
    label: Annotated[str, Form()] = "",
    evidence_url: Annotated[str, Form()] = "",
    note: Annotated[str, Form()] = "",
) -> Response:
    """Record a verdict as the logged-in reviewer; refused with the reason, writing nothing,
    without this session's CSRF token or when `verdicts.record` refuses it."""
    form = VerdictForm(status, label, evidence_url, note)
    if not session.accepts(csrf_token):
        refusal = "The form did not come from this desk, or has expired: nothing was written."
        return claim_page(request, desk, con, claim_id, 403, replace(form, error=refusal))
    fields = {
        "claim_id": claim_id,
        "status": status,
        "rating_label": label,
        "reviewed_by": session.reviewer,
        "evidence_url": evidence_url,
        "note": note,
        "reviewed_at": datetime.now(UTC).isoformat(timespec="microseconds"),
    }
    try:
        record(fields, desk.paths)
    except InvalidVerdict as exc:
        refusal = f"Verdict refused, nothing written: {exc}"
        return claim_page(request, desk, con, claim_id, 400, replace(form, error=refusal))
    return RedirectResponse(f"/claims/{claim_id}?recorded=1#claim-in-article", status_code=303)


@router.get("/actors/{actor_id}")
def actor(
    request: Request, desk: DeskDep, _: SessionDep, con: Database, actor_id: str, page: str = "1"
) -> Response:
    found = load_actor(con, actor_id, page_number(page))
    return desk.render(request, "actor.html", actor=found)


@router.get("/search")
def search(
    request: Request, desk: DeskDep, _: SessionDep, con: Database, q: str = "", page: str = "1"
) -> Response:
    found = load_search(con, q.strip(), page_number(page))
    return desk.render(request, "search.html", search=found)
