"""The Surveyor server: OpenRosa for ODK Collect and Surveyor, and a small coordinator API.

State between requests lives in the database only; what this process keeps (verified
credentials, bad-password counters, the set of known form versions) is a cache that is safe
to lose, so several processes may run behind a load balancer.
"""

from __future__ import annotations

import contextlib
import functools
import json
import logging
import os
import tempfile
from pathlib import Path
from typing import Any
from urllib.parse import quote
from xml.sax.saxutils import escape

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from surveyor.batches.campaign import check_package
from surveyor.errors import RequestTooLarge
from surveyor.errors import SurveyorError
from surveyor.forms import load_form_bytes
from surveyor.server import db
from surveyor.server import openrosa
from surveyor.server import service
from surveyor.server.auth import Authenticator
from surveyor.server.auth import Refusal
from surveyor.server.auth import User
from surveyor.server.writer import GroupWriter

log = logging.getLogger("surveyor.server")

MAX_SUBMISSION_BYTES = 10 * 1024 * 1024
MAX_FORM_UPLOAD_BYTES = 50 * 1024 * 1024
MAX_FIELDWORK_BYTES = 10 * 1024 * 1024
MAX_CAMPAIGN_BYTES = 100 * 1024 * 1024
PAGE_DEFAULT, PAGE_MAX = 100, 1000
XML = "text/xml; charset=utf-8"


# Attachments are served with the type the client declared only when it is one of these:
# media a browser shows without running anything. Anything else (text/html, image/svg+xml,
# XML, PDF...) goes out as application/octet-stream, always as a download (docs/RELIABILITY.md).
SAFE_ATTACHMENT_TYPES = frozenset(
    """
    image/jpeg image/png image/gif image/webp image/bmp image/heic image/heif
    audio/mpeg audio/mp4 audio/aac audio/ogg audio/wav audio/x-wav audio/webm audio/amr
    audio/3gpp audio/flac video/mp4 video/3gpp video/webm video/quicktime video/ogg
    text/csv text/plain application/json application/geo+json
""".split()
)


def safe_media_type(declared: str | None) -> str:
    """The type to serve a client-sent file with: ``declared`` if harmless, else octet-stream."""
    base = (declared or "").split(";")[0].strip().lower()
    return base if base in SAFE_ATTACHMENT_TYPES else "application/octet-stream"


def download_headers(name: str) -> dict[str, str]:
    """``Content-Disposition: attachment`` naming the file (RFC 6266, UTF-8 safe)."""
    ascii_name = "".join(c if 32 <= ord(c) < 127 and c not in '"\\' else "_" for c in name)
    return {
        "Content-Disposition": f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name, safe='')}",
        "Content-Security-Policy": "default-src 'none'; sandbox",
    }


class OpenRosaHeaders:
    """ASGI middleware: ``X-OpenRosa-Version: 1.0`` and ``X-Content-Type-Options: nosniff``
    on every response."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_header(message):
            if message["type"] == "http.response.start":
                message["headers"] = [
                    *message.get("headers", []),
                    (b"x-openrosa-version", b"1.0"),
                    (b"x-content-type-options", b"nosniff"),
                ]
            await send(message)

        return await self.app(scope, receive, send_with_header)


def _client(request: Request) -> str:
    return request.client.host if request.client else "?"


def _request_uri(request: Request) -> str:
    """The request target as the client wrote it (what a Digest ``uri`` must match)."""
    path = request.scope.get("raw_path") or request.url.path.encode()
    query = request.scope.get("query_string") or b""
    return (path + (b"?" + query if query else b"")).decode("latin-1")


def xml_document(root: str, namespace: str, content: str) -> Response:
    """An OpenRosa list as XML: ``<root xmlns="namespace">content</root>``."""
    body = f'<?xml version="1.0" encoding="UTF-8"?>\n<{root} xmlns="{namespace}">{content}</{root}>'
    return Response(body.encode(), media_type=XML)


def refuse(
    request: Request, status: int, reason: str, *, xml: bool = True, headers: dict | None = None
) -> Response:
    """Answer a refusal and log it: one line with the reason and the client address."""
    log.warning(
        "refused %s %s from %s: %d %s",
        request.method,
        request.url.path,
        _client(request),
        status,
        reason,
    )
    if xml:
        body = openrosa.openrosa_response(reason, nature="error")
        return Response(body, status, headers=headers, media_type=XML)
    return Response(
        json.dumps({"error": reason}), status, headers=headers, media_type="application/json"
    )


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, refusing (RequestTooLarge) as soon as it is past ``limit`` bytes."""
    declared = request.headers.get("content-length")
    if declared is not None:
        try:
            if int(declared) > limit:
                raise RequestTooLarge(f"{declared} bytes is over the limit of {limit}")
        except ValueError:
            pass
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise RequestTooLarge(f"more than {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


async def read_limited(request: Request, limit: int, what: str, *, xml: bool = True):
    """The request's body (bytes), or the 413 refusal (a Response) when it is larger than
    ``limit``; ``what`` names the body in the refusal."""
    try:
        return await read_body(request, limit)
    except RequestTooLarge as exc:
        return refuse(
            request, 413, f"{what} too large: {exc}", xml=xml, headers={"Connection": "close"}
        )


def _as(check):
    """A handler ``(self, request, user)`` called once ``check(self, request)`` (the server's
    ``user`` or ``coordinator``, as written in its class) accepts the request's user; else
    what ``check`` refused with is the response."""

    def decorate(handler):
        @functools.wraps(handler)
        async def authenticated(self: SurveyorServer, request: Request) -> Response:
            user = await check(self, request)
            if not isinstance(user, User):
                return user
            return await handler(self, request, user)

        return authenticated

    return decorate


def _page(request: Request, default: int, most: int) -> tuple[int, int] | Response:
    """(since, limit) of a page read by a coordinator (``limit`` from 1 to ``most``), or the
    400 refusal."""
    try:
        since = int(request.query_params.get("since") or 0)
        limit = min(max(int(request.query_params.get("limit") or default), 1), most)
    except ValueError:
        return refuse(request, 400, "since and limit must be integers", xml=False)
    return since, limit


class SurveyorServer:
    def __init__(self, database_url: str, *, auth_ttl: float = 60.0):
        self.database_url = database_url
        self.engine = db.make_engine(database_url)
        self.auth = Authenticator(self.engine, ttl=auth_ttl)
        self.writer = GroupWriter(self.engine)
        self._known_versions: set[tuple[str, str]] = set()  # forms are never unpublished

    # -- plumbing -----------------------------------------------------------------------------

    async def user(self, request: Request, *, xml: bool = True) -> User | Response:
        result = await self.auth.authenticate(
            request.headers.get("authorization"),
            _client(request),
            method=request.method,
            uri=_request_uri(request),
        )
        if isinstance(result, Refusal):
            if result.status in (429, 503):
                return refuse(
                    request,
                    result.status,
                    result.reason,
                    xml=xml,
                    headers={"Retry-After": str(result.retry_after)},
                )
            response = refuse(request, 401, result.reason, xml=xml)
            for challenge in await self.auth.challenges(stale=result.stale):
                response.headers.append("WWW-Authenticate", challenge)
            return response
        return result

    async def coordinator(self, request: Request) -> User | Response:
        user = await self.user(request, xml=False)
        if isinstance(user, User) and user.role != "coordinator":
            return refuse(request, 403, f"{user.name} is not a coordinator", xml=False)
        return user

    def _urls(self, request: Request, form_id: str, version: str) -> tuple[str, str]:
        base = str(request.base_url)
        query = f"?version={quote(version, safe='')}"
        root = f"{base}forms/{quote(form_id, safe='')}"
        return f"{root}/form.xml{query}", f"{root}/manifest{query}"

    async def _version_known(self, form_id: str, version: str) -> bool:
        if (form_id, version) in self._known_versions:
            return True
        entry = await run_in_threadpool(service.find_form, self.engine, form_id, version)
        if entry is not None:
            self._known_versions.add((form_id, version))
        return entry is not None

    async def _form_version(self, request: Request, find) -> tuple[str, str, Any] | Response:
        """(form id, version, what ``find(engine, form_id, version)`` gives) for the request's
        form (its path's ``form_id`` and the ``version`` query), or the 404 refusal."""
        form_id = request.path_params["form_id"]
        version = request.query_params.get("version", "")
        found = await run_in_threadpool(find, self.engine, form_id, version)
        if found is None:
            return refuse(request, 404, f"no form {form_id!r} version {version!r}")
        return form_id, version, found

    # -- OpenRosa -----------------------------------------------------------------------------

    @_as(user)
    async def form_list(self, request: Request, user: User) -> Response:
        params = request.query_params
        all_versions = params.get("listAllVersions", "").lower() == "true"
        entries = await run_in_threadpool(
            service.list_forms,
            self.engine,
            form_id=params.get("formID") or None,
            all_versions=all_versions,
        )
        items = []
        for entry in entries:
            download, manifest = self._urls(request, entry.form_id, entry.version)
            items.append(
                "<xform>"
                f"<formID>{escape(entry.form_id)}</formID>"
                f"<name>{escape(entry.title)}</name>"
                f"<version>{escape(entry.version)}</version>"
                f"<hash>{escape(entry.hash)}</hash>"
                f"<downloadUrl>{escape(download)}</downloadUrl>"
                + (f"<manifestUrl>{escape(manifest)}</manifestUrl>" if entry.has_media else "")
                + "</xform>"
            )
        return xml_document("xforms", openrosa.XFORMS_LIST_NS, "".join(items))

    @_as(user)
    async def form_download(self, request: Request, user: User) -> Response:
        found = await self._form_version(request, service.form_xml)
        if isinstance(found, Response):
            return found
        return Response(bytes(found[2]), media_type=XML)

    @_as(user)
    async def manifest(self, request: Request, user: User) -> Response:
        found = await self._form_version(request, service.find_form)
        if isinstance(found, Response):
            return found
        form_id, version, entry = found
        media = await run_in_threadpool(service.form_media_list, self.engine, entry.pk)
        base = str(request.base_url)
        query = f"?version={quote(version, safe='')}"
        files = "".join(
            "<mediaFile>"
            f"<filename>{escape(name)}</filename><hash>{escape(digest)}</hash>"
            "<downloadUrl>"
            + escape(f"{base}forms/{quote(form_id, safe='')}/media/{quote(name, safe='')}{query}")
            + "</downloadUrl></mediaFile>"
            for name, digest in media
        )
        return xml_document("manifest", openrosa.MANIFEST_NS, files)

    @_as(user)
    async def media(self, request: Request, user: User) -> Response:
        form_id = request.path_params["form_id"]
        name = request.path_params["name"]
        version = request.query_params.get("version", "")
        entry = await run_in_threadpool(service.find_form, self.engine, form_id, version)
        content = None
        if entry is not None:
            content = await run_in_threadpool(
                service.form_media_content, self.engine, entry.pk, name
            )
        if content is None:
            return refuse(request, 404, f"no media file {name!r} for {form_id!r} {version!r}")
        return Response(
            bytes(content), media_type="application/octet-stream", headers=download_headers(name)
        )

    @_as(user)
    async def submission(self, request: Request, user: User) -> Response:
        if request.method == "HEAD":
            return Response(
                status_code=204,
                headers={"X-OpenRosa-Accept-Content-Length": str(MAX_SUBMISSION_BYTES)},
            )
        body = await read_limited(request, MAX_SUBMISSION_BYTES, "submission")
        if isinstance(body, Response):
            return body
        try:
            parts = openrosa.parse_multipart(body, request.headers.get("content-type", ""))
            xml, attachments = openrosa.split_submission(parts)
            header = openrosa.read_submission_xml(xml)
        except service.ServerError as exc:
            return refuse(request, exc.status, str(exc))
        if not await self._version_known(header.form_id, header.version):
            exists = await run_in_threadpool(service.form_exists, self.engine, header.form_id)
            reason = (
                f"form {header.form_id!r} has no version {header.version!r}"
                if exists
                else f"unknown form {header.form_id!r}"
            )
            return refuse(request, 404, reason)
        item = service.Incoming(
            instance_id=header.instance_id,
            form_id=header.form_id,
            form_version=header.version,
            xml=xml,
            deprecated_id=header.deprecated_id,
            attachments=attachments,
            user=user.name,
            client=_client(request),
            incomplete=openrosa.is_incomplete(parts),
        )
        outcome = await self.writer.submit(item)
        if outcome.status != 201:
            return refuse(request, outcome.status, outcome.message)
        return Response(openrosa.openrosa_response(outcome.message), 201, media_type=XML)

    # -- coordinator API ----------------------------------------------------------------------

    @_as(coordinator)
    async def api_submissions(self, request: Request, user: User) -> Response:
        asked = _page(request, PAGE_DEFAULT, PAGE_MAX)
        if isinstance(asked, Response):
            return asked
        since, limit = asked
        rows, cursor = await run_in_threadpool(service.read_submissions, self.engine, since, limit)
        body = {"submissions": rows, "cursor": str(cursor), "more": len(rows) == limit}
        return Response(json.dumps(body, ensure_ascii=False), media_type="application/json")

    @_as(coordinator)
    async def api_attachment(self, request: Request, user: User) -> Response:
        instance_id = request.path_params["instance_id"]
        name = request.path_params["name"]
        try:
            found = await run_in_threadpool(
                service.read_attachment,
                self.engine,
                instance_id,
                name,
                request.query_params.get("form_id") or None,
            )
        except service.ServerError as exc:
            return refuse(request, exc.status, str(exc), xml=False)
        if found is None:
            return refuse(request, 404, f"no attachment {name!r} for {instance_id}", xml=False)
        content_type, content = found
        return Response(
            content, media_type=safe_media_type(content_type), headers=download_headers(name)
        )

    @_as(coordinator)
    async def api_publish(self, request: Request, user: User) -> Response:
        body = await read_limited(request, MAX_FORM_UPLOAD_BYTES, "form upload", xml=False)
        if isinstance(body, Response):
            return body
        try:
            parts = openrosa.parse_multipart(body, request.headers.get("content-type", ""))
        except service.ServerError as exc:
            return refuse(request, exc.status, str(exc), xml=False)
        files = [p for p in parts if p.name == "file"]
        if len(files) != 1:
            return refuse(request, 400, "send the XLSForm as one part named 'file'", xml=False)
        media = {}
        for part in parts:
            if part.name == "media":
                try:
                    media[openrosa.check_attachment_name(part.filename or "")] = part.data
                except service.ServerError as exc:
                    return refuse(request, 400, str(exc), xml=False)
        try:
            entry, new = await run_in_threadpool(
                _publish_bytes,
                self.engine,
                files[0].data,
                files[0].filename or "form.xlsx",
                media,
                user.name,
            )
        except service.ServerError as exc:
            return refuse(request, exc.status, str(exc), xml=False)
        except Exception as exc:  # FormError and friends: the form is not valid
            return refuse(request, 400, f"not a valid form: {exc}", xml=False)
        body = {
            "form_id": entry.form_id,
            "version": entry.version,
            "title": entry.title,
            "hash": entry.hash,
            "new": new,
        }
        return Response(
            json.dumps(body, ensure_ascii=False), 201 if new else 200, media_type="application/json"
        )

    # -- Surveyor's own: door-to-door fieldwork ------------------------------------------------

    async def fieldwork_receive(self, request: Request) -> Response:
        """``POST /surveyor/v1/fieldwork``: a laptop's door and visit records (JSON, as the
        batches carry them); kept once each by id. Interviewers and coordinators."""
        user = await self.user(request, xml=False)
        if not isinstance(user, User):
            return user
        body = await read_limited(request, MAX_FIELDWORK_BYTES, "fieldwork", xml=False)
        if isinstance(body, Response):
            return body
        try:
            doors, visits = service.parse_fieldwork(body)
            receipt = await run_in_threadpool(
                service.store_fieldwork, self.engine, doors, visits, user.name
            )
        except service.ServerError as exc:
            return refuse(request, exc.status, str(exc), xml=False)
        answer = {
            "doors": receipt.new_doors,
            "visits": receipt.new_visits,
            "known_visits": receipt.known_visits,
        }
        return Response(json.dumps(answer), 200, media_type="application/json")

    @_as(coordinator)
    async def fieldwork_read(self, request: Request, user: User) -> Response:
        """``GET /surveyor/v1/fieldwork?since=CURSOR&limit=N``: the coordinator's download."""
        asked = _page(request, PAGE_MAX, PAGE_MAX * 5)
        if isinstance(asked, Response):
            return asked
        since, limit = asked
        page, cursor = await run_in_threadpool(service.read_fieldwork, self.engine, since, limit)
        count = len(page["doors"]) + len(page["visits"])
        body = {**page, "cursor": str(cursor), "more": count == limit}
        return Response(json.dumps(body, ensure_ascii=False), media_type="application/json")

    # -- Surveyor's own: the campaign package ---------------------------------------------------

    async def campaign_publish(self, request: Request) -> Response:
        """``PUT /surveyor/v1/campaign`` (or POST): the coordinator's campaign package, the ZIP
        as the body. Checked completely by the package reader before it is kept."""
        user = await self.coordinator(request)
        if not isinstance(user, User):
            return user
        body = await read_limited(request, MAX_CAMPAIGN_BYTES, "campaign package", xml=False)
        if isinstance(body, Response):
            return body
        try:
            campaign_id, revision = await run_in_threadpool(_check_package_bytes, body)
        except (SurveyorError, OSError, ValueError) as exc:
            return refuse(request, 400, f"not a valid campaign package: {exc}", xml=False)
        try:
            package, new = await run_in_threadpool(
                service.store_campaign, self.engine, body, campaign_id, revision, user.name
            )
        except service.ServerError as exc:
            return refuse(request, exc.status, str(exc), xml=False)
        if new:
            log.info(
                "campaign package revision %d published by %s (%d bytes)",
                revision,
                user.name,
                package.size,
            )
        return Response(
            json.dumps({**package.to_dict(), "new": new}),
            201 if new else 200,
            headers={"ETag": package.etag},
            media_type="application/json",
        )

    async def campaign_read(self, request: Request) -> Response:
        """``GET /surveyor/v1/campaign``: the newest package (interviewers, coordinators), with
        its ETag; 304 when ``If-None-Match`` names it; 204 when none was published."""
        user = await self.user(request, xml=False)
        if not isinstance(user, User):
            return user
        package, content = await run_in_threadpool(
            service.campaign_package, self.engine, request.headers.get("if-none-match")
        )
        if package is None:
            return Response(status_code=204)
        headers = {
            "ETag": package.etag,
            "Cache-Control": "no-cache",
            "X-Surveyor-Campaign": package.campaign_id,
            "X-Surveyor-Campaign-Revision": str(package.revision),
        }
        if content is None:
            return Response(status_code=304, headers=headers)
        name = f"surveyor-campaign-r{package.revision}.zip"
        return Response(
            content,
            media_type="application/zip",
            headers={**headers, **download_headers(name)},
        )

    async def erase_submission(self, request: Request) -> Response:
        """``DELETE /surveyor/v1/submissions/{instance_id}``: the coordinator erases an
        interview here too (every version, its files, the visit notes naming it)."""
        user = await self.coordinator(request)
        if not isinstance(user, User):
            return user
        instance_id = request.path_params["instance_id"]
        erased = await run_in_threadpool(service.erase_submission, self.engine, instance_id)
        log.warning(
            "erased at %s's request: %d version(s) of %s (%s), %d file(s), %d part(s), "
            "%d visit note(s), %d campaign package(s)",
            user.name,
            len(erased.instance_ids),
            instance_id,
            " ".join(erased.instance_ids) or "nothing here",
            erased.attachments,
            erased.partial,
            erased.visits,
            erased.packages,
        )
        return Response(json.dumps(erased.to_dict()), media_type="application/json")

    # -- the ASGI app -------------------------------------------------------------------------

    def asgi(self) -> OpenRosaHeaders:
        @contextlib.asynccontextmanager
        async def lifespan(_app):
            await self.writer.start()
            try:
                yield
            finally:
                await self.writer.stop()
                self.engine.dispose()

        routes = [
            Route("/formList", self.form_list, methods=["GET"]),
            Route("/forms/{form_id}/form.xml", self.form_download, methods=["GET"]),
            Route("/forms/{form_id}/manifest", self.manifest, methods=["GET"]),
            Route("/forms/{form_id}/media/{name}", self.media, methods=["GET"]),
            Route("/submission", self.submission, methods=["HEAD", "POST"]),
            Route("/api/v1/submissions", self.api_submissions, methods=["GET"]),
            Route(
                "/api/v1/submissions/{instance_id}/attachments/{name}",
                self.api_attachment,
                methods=["GET"],
            ),
            Route("/api/v1/forms", self.api_publish, methods=["POST"]),
            Route("/surveyor/v1/fieldwork", self.fieldwork_receive, methods=["POST"]),
            Route("/surveyor/v1/fieldwork", self.fieldwork_read, methods=["GET"]),
            Route("/surveyor/v1/campaign", self.campaign_publish, methods=["PUT", "POST"]),
            Route("/surveyor/v1/campaign", self.campaign_read, methods=["GET"]),
            Route(
                "/surveyor/v1/submissions/{instance_id}",
                self.erase_submission,
                methods=["DELETE"],
            ),
        ]
        # Outermost, so even the 500 of an unexpected error carries the header.
        return OpenRosaHeaders(Starlette(routes=routes, lifespan=lifespan))


def _publish_bytes(engine, data: bytes, name: str, media: dict, user: str):
    form = load_form_bytes(data, name, media=media)
    return service.publish_form(engine, form, media=media, published_by=user)


def _check_package_bytes(body: bytes) -> tuple[str, int]:
    """The campaign id and revision of a package received as bytes (checked by the package
    reader, which reads files: a private temporary one, removed at once)."""
    if not body:
        raise ValueError("the body is empty")
    handle, name = tempfile.mkstemp(prefix="campaign-", suffix=".zip")
    path = Path(name)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(body)
        return check_package(path)
    finally:
        path.unlink(missing_ok=True)


DATABASE_ENV = "SURVEYOR_SERVER_DATABASE"
AUTH_TTL_ENV = "SURVEYOR_SERVER_AUTH_TTL"  # seconds a verified password is remembered (60)


def app_from_environment() -> OpenRosaHeaders:
    """The ASGI app for ``uvicorn --factory`` (each worker process builds its own)."""
    url = os.environ.get(DATABASE_ENV)
    if not url:
        raise RuntimeError(f"{DATABASE_ENV} is not set")
    return SurveyorServer(url, auth_ttl=float(os.environ.get(AUTH_TTL_ENV) or 60)).asgi()
