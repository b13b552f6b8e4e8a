"""The review page as a small ASGI app (Starlette, server-rendered HTML, plain forms): `app(db_path)` builds it,
`serve` runs it with uvicorn. Every request opens its own connection, and every decision is appended in its own
transaction, so two browsers deciding at once each get their decision written.

The page has no login, so it guards what it can: bound to localhost it answers only requests addressed to
localhost (a web page elsewhere cannot reach it through a rebound DNS name), and it takes a decision only from its
own pages (a form posted from another site carries that site's Origin and is refused)."""

from __future__ import annotations

import re
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator
from urllib.parse import urlsplit

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Receive, Scope, Send

from extractor.errors import ExtractorError
from extractor.store import Store, open_store

from . import pages
from . import queue as review_queue
from .actions import decide, parse_changes

LOCAL_NAMES = ("127.0.0.1", "localhost", "::1")
DONE = {"accept": "Accepted", "reject": "Rejected", "correct": "Corrected", "undo": "Undid the decisions on"}


def app(db_path: Path, local_only: bool = True) -> ASGIApp:
    """The review app for the database at db_path (answering only requests addressed to localhost unless
    local_only is False)."""

    @contextmanager
    def store() -> Iterator[Store]:
        opened = open_store(db_path)
        try:
            yield opened
        finally:
            opened.close()

    def _by(request: Request) -> str:
        by = request.query_params.get("by", "document")
        return by if by in review_queue.GROUPS else "document"

    def index(request: Request) -> Response:
        by = _by(request)
        with store() as opened:
            groups = review_queue.queue(opened, by)
            orphaned = len(review_queue.orphans(opened))
        return HTMLResponse(pages.queue_page(groups, by, orphaned, request.query_params.get("msg")))

    def _order(opened: Store, by: str) -> list[str]:
        return [row["key"] for _, group in review_queue.queue(opened, by) for row in group]

    def _figure(opened: Store, key: str, by: str, message: str | None = None, error: str | None = None,
                return_to: str = "", status: int = 200) -> Response:
        figure = review_queue.figure(opened, key)
        order = _order(opened, by)
        here = order.index(figure.row["key"]) if figure.row["key"] in order else None
        prev_key = order[here - 1] if here else None
        next_key = order[here + 1] if here is not None and here + 1 < len(order) else (
            order[0] if here is None and order else None)
        return HTMLResponse(pages.figure_page(figure, by, prev_key, next_key, message, error, return_to),
                            status_code=status)

    def figure(request: Request) -> Response:
        key = request.path_params["key"]
        with store() as opened:
            try:
                return _figure(opened, key, _by(request), request.query_params.get("msg"))
            except ExtractorError as e:
                return HTMLResponse(pages.layout("Not found", f"<h1>{e}</h1><p><a href='/'>Back to the queue</a></p>"),
                                    status_code=404)

    async def decide_figure(request: Request) -> Response:
        form = await request.form()
        fields = {k: str(v) for k, v in form.items()}
        response: Response = await run_in_threadpool(_decide, request.path_params["key"], fields)
        return response

    def _decide(key: str, form: dict[str, str]) -> Response:
        action, by = form.get("action", ""), form.get("by") or "document"
        return_to = form.get("return_to", "")
        with store() as opened:
            try:
                before = _order(opened, by)
                row = review_queue.find(opened, key)
                changes = _changes(row, form) if action == "correct" else {}
                seen = int(form["seen"]) if form.get("seen", "").isdigit() else None
                done = decide(opened, key, action, changes, who=form.get("who") or None,
                              why=form.get("why") or None, seen=seen)
            except ExtractorError as e:
                try:
                    return _figure(opened, key, by, error=str(e), return_to=return_to, status=400)
                except ExtractorError:
                    return HTMLResponse(pages.layout("Error", f"<h1>{e}</h1>"), status_code=400)
            message = f"{DONE.get(action, action)} {done.key}."
            for other in done.meanwhile:
                message += (f" Note: {other['who']} also decided this figure ({other['action']}) at {other['at']}; "
                            "both decisions are kept, yours is the latest.")
            if return_to.startswith("/"):
                return RedirectResponse(pages.url(return_to, msg=message), status_code=303)
            after = _order(opened, by)
        following = before[before.index(done.key) + 1:] if done.key in before else before
        target = next((k for k in following if k in after), after[0] if after else None)
        where = f"/figure/{target}" if target else "/"
        return RedirectResponse(pages.url(where, by=by, msg=message), status_code=303)

    def documents(request: Request) -> Response:
        with store() as opened:
            return HTMLResponse(pages.documents_page(review_queue.documents(opened)))

    def document(request: Request) -> Response:
        with store() as opened:
            found = [d for d in opened.documents() if d["id"] == request.path_params["document_id"]]
            if not found:
                return HTMLResponse(pages.layout("Not found", "<h1>No such document</h1>"), status_code=404)
            figures = review_queue.document_figures(opened, found[0]["id"])
            return HTMLResponse(pages.document_page(found[0], figures, request.query_params.get("msg")))

    def decided(request: Request) -> Response:
        with store() as opened:
            return HTMLResponse(pages.decided_page(review_queue.decided(opened), request.query_params.get("msg")))

    def orphans(request: Request) -> Response:
        with store() as opened:
            return HTMLResponse(pages.orphans_page(review_queue.orphans(opened)))

    return Guard(Starlette(routes=[
        Route("/", index), Route("/figure/{key}", figure), Route("/figure/{key}/decide", decide_figure, methods=["POST"]),
        Route("/documents", documents), Route("/document/{document_id}", document), Route("/decided", decided),
        Route("/orphans", orphans),
    ]), local_only)


class Guard:
    """Refuses requests addressed to another host name than localhost (when local_only) and posts whose Origin is
    not the page itself."""

    def __init__(self, inner: ASGIApp, local_only: bool) -> None:
        self.inner = inner
        self.local_only = local_only

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope["headers"]}
            host = headers.get("host", "")
            name = re.sub(r":\d+$", "", host).strip("[]")
            refusal = None
            if self.local_only and name not in LOCAL_NAMES:
                refusal = f"this page answers only at localhost, not {host!r}"
            elif scope["method"] not in ("GET", "HEAD") and "origin" in headers and \
                    urlsplit(headers["origin"]).netloc != host:
                refusal = "a decision is taken only from the review page itself"
            if refusal:
                await HTMLResponse(pages.layout("Refused", f"<h1>{refusal}</h1>"), status_code=403)(scope, receive, send)
                return
        await self.inner(scope, receive, send)


def _changes(row: dict[str, Any], form: dict[str, str]) -> dict[str, Any]:
    """The corrections a form asks for: the set_<field> inputs whose text differs from what the figure shows."""
    edited = {name[4:]: text for name, text in form.items()
              if name.startswith("set_") and text.strip() != pages.value_text(row.get(name[4:]))}
    return parse_changes(edited)


def serve(db_path: Path, host: str, port: int) -> None:
    """Serve the review app until interrupted (localhost only unless host is another address)."""
    import uvicorn

    uvicorn.run(app(db_path, local_only=host in LOCAL_NAMES), host=host, port=port, log_level="warning")
