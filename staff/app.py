"""The staff page's web app: read-only, behind STAFF_TOKEN, on 127.0.0.1:$STAFF_PORT.

    STAFF_TOKEN=$(openssl rand -hex 32) python -m staff [--port 5077]

Why its own app and not a route of Rasa's server: Rasa's /webhooks/ are public, and this page shows
what residents wrote. It listens on loopback only; reach it from the machine, an SSH tunnel or a
proxy that keeps it private.

Who may read: a program sends `Authorization: Bearer <STAFF_TOKEN>`; a person signs in once with
the token in a form and gets a session cookie (random, kept server-side, HttpOnly,
SameSite=Strict, 12 hours). Anything else gets 401 and the sign-in form, never a hint of what was
wrong. Tokens are compared with hmac.compare_digest. Without a token, or with one shorter than
16 characters, the app does not start. There is no lockout after wrong tokens: behind a proxy every
client has the same address, so a lockout would let anyone lock the staff out, and a 16-character
random token cannot be guessed over HTTP anyway.

What the browser is told: a CSP that allows no script at all (the page has none) and no framing,
X-Frame-Options DENY, nosniff, no referrer to other sites, and no caching (Cache-Control:
no-store). Residents' texts are untrusted: every value is rendered through jinja2 with autoescape
on, and the CSV downloads neutralise spreadsheet formulas (a cell starting with = + - @ gets a
leading ').
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import hashlib
import hmac
import io
import secrets
import sys
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

from jinja2 import Environment, FileSystemLoader, select_autoescape
from sanic import Request, Sanic, response
from sanic.response import HTTPResponse

from bot.settings import settings
from staff import charts, queries, token_problem

HERE = Path(__file__).resolve().parent
HOST = "127.0.0.1"
COOKIE = "staff_session"
SESSION_SECONDS = 12 * 3600
MAX_SESSIONS = 1000
PAGE_QUESTIONS = 200  # unanswered groups on the page; the CSV has them all
SHOWN_CHARS = 500  # of one resident text on the page; the CSV has it whole
CSP = (
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
    "frame-ancestors 'none'; base-uri 'none'"
)
SVG_CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'"
HEADERS = {
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cache-Control": "no-store",
    "Pragma": "no-cache",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}
PUBLIC = frozenset({"/login", "/health", "/favicon.ico", "/static/staff.css"})
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(cell: Any) -> Any:
    """A CSV cell that a spreadsheet will not run: text starting with = + - @ (or a tab or CR,
    after leading spaces too) gets a leading quote (OWASP, "CSV injection")."""
    if isinstance(cell, str) and (cell.startswith(FORMULA_STARTS) or cell.lstrip()[:1] in "=+-@"):
        return "'" + cell
    return cell


def csv_text(table: queries.Table) -> str:
    """The table as CSV, with a BOM so that a spreadsheet reads accents right."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    for row in queries.iter_csv_rows(table):
        writer.writerow([safe_cell(cell) for cell in row])
    return "\ufeff" + out.getvalue()


def town_names() -> dict[str, str]:
    """Town id → name, from the knowledge files; their ids alone if a file does not validate
    (the page must still open while a town fixes its file)."""
    from bot.kb.loader import KnowledgeError, knowledge_dir, towns

    try:
        return {town.id: town.town for town in sorted(towns().values(), key=lambda t: t.town)}
    except KnowledgeError:
        return {path.stem: path.stem for path in sorted(knowledge_dir().glob("*.yml"))}


class Guard:
    """The token rules: bearer header or session cookie; sessions live in this process only."""

    def __init__(self, token: str) -> None:
        self.token = token.encode()
        self.sessions: dict[str, float] = {}  # sha256 of the cookie → expiry

    def token_ok(self, given: str) -> bool:
        return hmac.compare_digest(given.encode("utf-8", "replace"), self.token)

    @staticmethod
    def _key(session: str) -> str:
        return hashlib.sha256(session.encode("utf-8", "replace")).hexdigest()

    def new_session(self) -> str:
        now = time.time()
        self.sessions = {k: t for k, t in self.sessions.items() if t > now}
        while len(self.sessions) >= MAX_SESSIONS:
            self.sessions.pop(next(iter(self.sessions)))  # the oldest
        session = secrets.token_urlsafe(32)
        self.sessions[self._key(session)] = now + SESSION_SECONDS
        return session

    def end_session(self, session: str | None) -> None:
        if session:
            self.sessions.pop(self._key(session), None)

    def allowed(self, request: Request) -> bool:
        scheme, _, given = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() == "bearer" and given:
            return self.token_ok(given.strip())
        session = request.cookies.get(COOKIE)
        return bool(session) and self.sessions.get(self._key(session), 0) > time.time()


def _same_origin(request: Request) -> bool:
    """A form post from this page itself (login CSRF): no Origin, or ours; never cross-site."""
    if request.headers.get("sec-fetch-site", "same-origin") not in ("same-origin", "none"):
        return False
    origin = request.headers.get("origin")
    return not origin or urlsplit(origin).netloc == request.host


def _safe_next(target: str | None) -> str:
    """Where to go after signing in: a path of this app only, never another site."""
    if target and target.startswith("/") and not target.startswith(("//", "/\\")):
        return target
    return "/"


def create_app(token: str, name: str = "staff") -> Sanic:
    """The app; refuses a missing or short token (token_problem)."""
    problem = token_problem(token)
    if problem:
        raise ValueError(problem)
    app = Sanic(name)
    app.config.REQUEST_MAX_SIZE = 64 * 1024
    app.config.FALLBACK_ERROR_FORMAT = "text"
    guard = Guard(token)
    templates = Environment(
        loader=FileSystemLoader(HERE / "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    templates.filters["when"] = queries.when_text
    templates.filters["long_date"] = lambda day: f"{day:%A, %B} {day.day}, {day.year}"
    stylesheet = (HERE / "static/staff.css").read_bytes()
    names = town_names()

    def page(template: str, status: int = 200, **values: Any) -> HTTPResponse:
        html = templates.get_template(template).render(**values)
        return response.html(html, status=status)

    def signin(request: Request, status: int, failed: bool = False) -> HTTPResponse:
        target = request.path + (f"?{request.query_string}" if request.query_string else "")
        reply = page("login.html", status, failed=failed, next=_safe_next(target))
        if status == 401:
            reply.headers["WWW-Authenticate"] = 'Bearer realm="staff"'
        return reply

    @app.middleware("request")
    async def only_staff(request: Request) -> HTTPResponse | None:
        if request.path in PUBLIC or guard.allowed(request):
            return None
        return signin(request, 401)

    @app.middleware("response")
    async def headers(request: Request, reply: HTTPResponse) -> None:
        for key, value in HEADERS.items():
            reply.headers[key] = value
        if "Content-Security-Policy" not in reply.headers:
            reply.headers["Content-Security-Policy"] = CSP

    @app.get("/health")
    async def health(_request: Request) -> HTTPResponse:
        return response.text("ok")

    @app.get("/favicon.ico")
    async def favicon(_request: Request) -> HTTPResponse:
        return response.empty()  # no icon: the browser's request gets no error

    @app.get("/static/staff.css")
    async def css(_request: Request) -> HTTPResponse:
        return response.raw(stylesheet, content_type="text/css; charset=utf-8")

    @app.get("/login")
    async def login_form(request: Request) -> HTTPResponse:
        if guard.allowed(request):
            return response.redirect("/", status=303)
        return page("login.html", next=_safe_next(request.args.get("next")), failed=False)

    @app.post("/login")
    async def login(request: Request) -> HTTPResponse:
        if not _same_origin(request):
            return response.text("Forbidden.", status=403)
        form = request.form or {}
        if not guard.token_ok(form.get("token") or ""):
            return page("login.html", 401, failed=True, next=_safe_next(form.get("next")))
        reply = response.redirect(_safe_next(form.get("next")), status=303)
        reply.cookies[COOKIE] = guard.new_session()
        cookie = reply.cookies[COOKIE]
        cookie["httponly"] = True
        cookie["samesite"] = "Strict"
        cookie["path"] = "/"
        cookie["max-age"] = SESSION_SECONDS
        if request.scheme == "https":
            cookie["secure"] = True
        return reply

    @app.post("/logout")
    async def logout(request: Request) -> HTTPResponse:
        if not _same_origin(request):
            return response.text("Forbidden.", status=403)
        guard.end_session(request.cookies.get(COOKIE))
        reply = response.redirect("/login", status=303)
        reply.cookies[COOKIE] = ""
        reply.cookies[COOKIE]["max-age"] = 0
        reply.cookies[COOKIE]["path"] = "/"
        reply.cookies[COOKIE]["httponly"] = True
        reply.cookies[COOKIE]["samesite"] = "Strict"
        return reply

    def selection(request: Request) -> tuple[queries.Period, str | None]:
        """The period and town asked for; ValueError with a reason a person can act on."""
        town = request.args.get("town") or None
        if town is not None and town not in names:
            raise ValueError("no such town")
        try:
            period = queries.Period.parse(request.args.get("from"), request.args.get("to"))
        except ValueError as error:
            reason = str(error)
            if "period" not in reason:
                reason = "dates are written YYYY-MM-DD"
            raise ValueError(reason) from error
        return period, town

    async def compute(request: Request) -> queries.Report | HTTPResponse:
        try:
            period, town = selection(request)
        except ValueError as error:
            return page("error.html", 400, reason=str(error))
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(None, queries.report, period, town, names)

    def query(report: queries.Report) -> str:
        values = {"from": report.period.start.isoformat(), "to": report.period.end.isoformat()}
        if report.town:
            values["town"] = report.town
        return urlencode(values)

    @app.get("/")
    async def index(request: Request) -> HTTPResponse:
        report = await compute(request)
        if isinstance(report, HTTPResponse):
            return report
        return page(
            "page.html",
            report=report,
            towns=names,
            query=query(report),
            questions=report.questions[:PAGE_QUESTIONS],
            shown_chars=SHOWN_CHARS,
            messages_alt=charts.messages_alt(report.per_day),
            topics_alt=charts.topics_alt(report.top_topics),
            timezone=time.strftime("%Z"),
        )

    @app.get("/csv/<name:str>")
    async def download(request: Request, name: str) -> HTTPResponse:
        report = await compute(request)
        if isinstance(report, HTTPResponse):
            return report
        table = report.tables().get(name.removesuffix(".csv"))
        if table is None or not name.endswith(".csv"):
            return response.text("No such table.", status=404)
        period = f"{report.period.start.isoformat()}-to-{report.period.end.isoformat()}"
        filename = f"{table.name}-{report.town or 'all-towns'}-{period}.csv"
        return response.text(
            csv_text(table),
            content_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="{filename}"'},
        )

    @app.get("/charts/<name:str>")
    async def chart(request: Request, name: str) -> HTTPResponse:
        report = await compute(request)
        if isinstance(report, HTTPResponse):
            return report
        draw = {"messages.svg": charts.messages_per_day, "topics.svg": charts.topics}.get(name)
        if draw is None:
            return response.text("No such chart.", status=404)
        data = report.per_day if name == "messages.svg" else report.top_topics
        loop = asyncio.get_running_loop()
        svg = await loop.run_in_executor(None, draw, data)
        return response.raw(
            svg,
            content_type="image/svg+xml",
            headers={"Content-Security-Policy": SVG_CSP},
        )

    return app


def main(argv: list[str] | None = None) -> int:
    """Checks the token, then serves until SIGINT or SIGTERM."""
    parser = argparse.ArgumentParser(prog="python -m staff", description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=settings().staff_port)
    args = parser.parse_args(argv)
    token = settings().staff_token
    problem = token_problem(token)
    if problem:
        print(f"staff: {problem}", file=sys.stderr)
        return 2
    app = create_app(token or "")
    print(f"staff: the staff page is on http://{HOST}:{args.port}/", file=sys.stderr, flush=True)
    app.run(host=HOST, port=args.port, access_log=False, motd=False, workers=1)
    return 0
