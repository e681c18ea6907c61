"""A local stand-in for ODK Central, built from Central's documented answers.

Written against ODK Central's API description (getodk/central-backend ``docs/api.yaml``, API
``/v1``, as served by Central v2024.1 to v2026.2) and its problem texts
(``lib/util/problem.js``), with the observations listed in /work/shared/PROTOCOLS.md. It runs a
Starlette app with uvicorn in a thread on 127.0.0.1 (real sockets, real HTTP). It implements
only what Surveyor uses:

- OpenRosa for app users: ``/v1/key/{token}/projects/{p}/formList``, ``.../forms/{f}.xml``,
  ``.../forms/{f}/manifest``, ``.../forms/{f}/attachments/{name}``, ``HEAD``/``POST
  .../submission`` (``?deviceID=`` recorded as Central's DeviceID);
- web users: ``POST /v1/sessions`` then ``Authorization: Bearer``; Basic over plain HTTP is
  refused with Central's 401.3; ``/v1/projects/{p}`` (its ``keyId`` when managed encryption
  is on);
- ``/v1/projects/{p}/forms`` (+ ``.xml``, ``/attachments``, ``/versions``), submissions (list,
  ``.xml``, ``/versions``, attachments, the versions' XML and attachments) and the OData feed
  ``.svc/Submissions`` with ``$filter`` on ``__system/submissionDate`` / ``__system/updatedAt``
  (``gt ge lt le``, ``and``, ``or``), ``$top``/``$skip``, ``$select``;
- encrypted forms with a key of the coordinator's own (Central's "self-supplied key";
  the XForm's ``base64RsaPublicKey``): the form list's ``keyId``; a submission's XML is the
  manifest as it was sent (``…/submissions/{id}.xml``, ``…/versions/{v}.xml``); its
  attachments are what the manifest names (``media/file`` and ``encryptedXmlFile``, listed
  by name with ``exists``); the OData row holds ``__id`` and ``__system`` only, with
  ``status`` ``notDecrypted`` (``submission.xml.enc`` is there) or
  ``missingEncryptedFormData`` (central-backend ``lib/formats/odata.js`` and its tests).
  Central keeps the expected attachments only: a part the manifest does not name is dropped.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import secrets
import socket
import threading
import time
from dataclasses import dataclass
from datetime import UTC
from datetime import datetime
from datetime import timedelta
from urllib.parse import quote

import uvicorn
from defusedxml.ElementTree import fromstring
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.responses import Response
from starlette.routing import Route

ORX_RESPONSE = "http://openrosa.org/http/response"
SUCCESS = "full submission upload was successful!"

FORM_XML = """<?xml version="1.0"?>
<h:html xmlns="http://www.w3.org/2002/xforms" xmlns:h="http://www.w3.org/1999/xhtml"
 xmlns:jr="http://openrosa.org/javarosa" xmlns:orx="http://openrosa.org/xforms"
 xmlns:odk="http://www.opendatakit.org/xforms">
<h:head><h:title>Porte a porte</h:title>
<model odk:xforms-version="1.0.0">
<instance><data id="porte" orx:version="{version}"><nom/><age/><photo/>
<meta><instanceID/><deprecatedID/><instanceName/></meta></data></instance>
<instance id="rues" src="jr://file-csv/rues.csv"/>
<bind nodeset="/data/nom" type="string" required="true()"/>
<bind nodeset="/data/age" type="int"/>
<bind nodeset="/data/photo" type="binary"/>
<bind nodeset="/data/meta/instanceID" type="string" readonly="true()" jr:preload="uid"/>
<bind nodeset="/data/meta/deprecatedID" type="string"/>
<bind nodeset="/data/meta/instanceName" type="string" calculate="/data/nom"/>
</model></h:head>
<h:body><input ref="/data/nom"><label>Nom</label></input>
<input ref="/data/age"><label>Age</label></input>
<upload ref="/data/photo" mediatype="image/*"><label>Photo</label></upload></h:body></h:html>
"""
RUES = b"name,label\nrue_a,Rue A\nrue_b,Rue B\n"


def porte_xform(version: str = "2026.1") -> bytes:
    return FORM_XML.replace("{version}", version).encode()


def porte_submission(
    instance_id: str,
    nom: str,
    age: int,
    *,
    version: str = "2026.1",
    deprecated: str | None = None,
    photo: str | None = None,
) -> bytes:
    dep = f"<deprecatedID>{deprecated}</deprecatedID>" if deprecated else "<deprecatedID/>"
    pic = f"<photo>{photo}</photo>" if photo else "<photo/>"
    return (
        f'<data xmlns:orx="http://openrosa.org/xforms" id="porte" orx:version="{version}">'
        f"<nom>{nom}</nom><age>{age}</age>{pic}<meta><instanceID>{instance_id}</instanceID>"
        f"{dep}<instanceName>{nom}</instanceName></meta></data>"
    ).encode()


def _now_iso(moment: datetime) -> str:
    return (
        moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"
    )


@dataclass
class FormVersion:
    version: str
    xml: bytes
    attachments: dict[str, bytes]
    published_at: str

    @property
    def hash(self) -> str:
        return hashlib.md5(self.xml).hexdigest()


@dataclass
class SubVersion:
    instance_id: str
    xml: bytes
    attachments: dict[str, bytes]
    created_at: str
    submitter_id: int
    device_id: str | None
    form_version: str


@dataclass
class Submission:
    root_id: str
    form_id: str
    versions: list[SubVersion]  # oldest first
    created_at: str
    updated_at: str | None = None
    review_state: str | None = None
    submitter_id: int = 0


@dataclass
class Actor:
    id: int
    display_name: str
    type: str  # "user" or "field_key"


def _manifest_names(xml: bytes) -> list[str] | None:
    """The files an encrypted submission's manifest names (by local names: Collect's and
    Enketo's namespaces differ), or None for a submission in clear."""
    root = fromstring(xml)
    if root.get("encrypted") != "yes":
        return None
    names = []
    for element in root:
        name = element.tag.rsplit("}", 1)[-1]
        if name == "media":
            names += [(f.text or "").strip() for f in element if f.tag.endswith("file")]
        elif name == "encryptedXmlFile":
            names.append((element.text or "").strip())
    return names


def _is_encrypted_form(xml: bytes) -> bool:
    return any(e.get("base64RsaPublicKey") for e in fromstring(xml).iter())


def _meta(xml: bytes) -> dict[str, str]:
    root = fromstring(xml)
    out = {"form_id": root.get("id", ""), "version": ""}
    for key, value in root.attrib.items():
        if key.rsplit("}", 1)[-1] == "version":
            out["version"] = value
    for element in root.iter():
        name = element.tag.rsplit("}", 1)[-1]
        if name in ("instanceID", "deprecatedID") and (element.text or "").strip():
            out[name] = element.text.strip()
    return out


def _problem(status: float, message: str) -> JSONResponse:
    return JSONResponse({"code": status, "message": message}, status_code=int(status))


def _openrosa(status: int, message: str, nature: str = "") -> Response:
    body = (
        f'<OpenRosaResponse xmlns="{ORX_RESPONSE}" items="0">'
        f'<message nature="{nature}">{message}</message></OpenRosaResponse>'
    )
    return Response(
        body, status_code=status, media_type="text/xml", headers={"X-OpenRosa-Version": "1.0"}
    )


class CentralStandIn:
    """See the module docstring. ``domain`` is what Central puts in its URLs (its configured
    domain, not the host that was called)."""

    def __init__(
        self,
        email: str = "coord@example.org",
        password: str = "secret-pass",
        project: int = 1,
        app_user: str = "ines",
    ):
        self.email, self.password, self.project = email, password, project
        self.app_token = secrets.token_urlsafe(24)
        self.actors = {
            1: Actor(1, "Claire Coordinatrice", "user"),
            2: Actor(2, app_user, "field_key"),
        }
        self.sessions: set[str] = set()
        self.forms: dict[str, list[FormVersion]] = {}
        self.submissions: dict[tuple[str, str], Submission] = {}
        self.requests: list[tuple[str, str, str]] = []  # (method, path, query)
        # each OpenRosa POST's parts: (field name, file name, content type, bytes)
        self.posted: list[list[tuple[str, str | None, str | None, bytes]]] = []
        self.fail_next: list[tuple[str, int]] = []  # (path substring, status) to fail once
        self.accept_length = 100 * 1024 * 1024  # HEAD's X-OpenRosa-Accept-Content-Length
        self.managed_key = False  # the project's managed encryption (Central keeps the key)
        self._last = datetime.now(UTC) - timedelta(days=1)
        self._lock = threading.Lock()
        self.port = 0
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None

    # -- content -------------------------------------------------------------------------

    def tick(self) -> str:
        """Central's timestamps: strictly increasing milliseconds here."""
        with self._lock:
            self._last = max(datetime.now(UTC), self._last + timedelta(milliseconds=1))
            return _now_iso(self._last)

    def publish(self, xml: bytes, attachments: dict[str, bytes] | None = None) -> None:
        meta = _meta_form(xml)
        self.forms.setdefault(meta[0], []).append(
            FormVersion(meta[1], xml, dict(attachments or {}), self.tick())
        )

    def submit(
        self,
        xml: bytes,
        attachments: dict[str, bytes] | None = None,
        *,
        device_id: str | None = None,
        submitter: int = 2,
    ) -> tuple[int, str]:
        """What Central does with an OpenRosa submission: (status, message)."""
        attachments = dict(attachments or {})
        expected = _manifest_names(xml)
        if expected is not None:  # Central keeps the files the manifest names, no others
            attachments = {k: v for k, v in attachments.items() if k in expected}
        meta = _meta(xml)
        form_id, instance_id = meta["form_id"], meta.get("instanceID", "")
        versions = self.forms.get(form_id)
        if not versions:
            return 404, "Could not find the resource you were looking for."
        if meta["version"] not in {v.version for v in versions}:
            return 404, (
                f"The form version specified in this submission '{meta['version']}' does not exist."
            )
        for sub in self.submissions.values():
            if sub.form_id != form_id:
                continue
            for version in sub.versions:
                if version.instance_id == instance_id:
                    if version.xml != xml:
                        return 409, (
                            "A submission already exists with this ID, but with "
                            "different XML. Resubmissions to attach additional "
                            "multimedia must resubmit an identical "
                            "xml_submission_file."
                        )
                    version.attachments.update(attachments)
                    return 201, SUCCESS  # the same text as a first submission
        now = self.tick()
        new = SubVersion(instance_id, xml, attachments, now, submitter, device_id, meta["version"])
        deprecated = meta.get("deprecatedID")
        if deprecated:
            for sub in self.submissions.values():
                ids = [v.instance_id for v in sub.versions]
                if sub.form_id == form_id and deprecated in ids:
                    if ids[-1] != deprecated:
                        return 409, (
                            f"You tried to update a submission, but the copy you were "
                            f"editing ({deprecated}) is now out of date. Please get "
                            "the new version that has been submitted, and make your "
                            "edits again."
                        )
                    sub.versions.append(new)
                    sub.updated_at = now
                    sub.review_state = "edited"
                    return 201, SUCCESS
            return 404, (
                "You tried to update an existing submission, but we can't find that "
                f"submission to update ({deprecated})"
            )
        self.submissions[(form_id, instance_id)] = Submission(
            instance_id, form_id, [new], now, submitter_id=submitter
        )
        return 201, SUCCESS

    def review(self, form_id: str, root_id: str, state: str) -> None:
        sub = self.submissions[(form_id, root_id)]
        sub.review_state = state
        sub.updated_at = self.tick()

    # -- serving -------------------------------------------------------------------------

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def app_user_url(self) -> str:
        return f"{self.base}/v1/key/{self.app_token}/projects/{self.project}"

    def start(self) -> CentralStandIn:
        sock = socket.socket()
        sock.bind(("127.0.0.1", 0))
        self.port = sock.getsockname()[1]
        config = uvicorn.Config(self.app(), log_level="warning", lifespan="off")
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(
            target=self._server.run, kwargs={"sockets": [sock]}, daemon=True
        )
        self._thread.start()
        for _ in range(500):
            if self._server.started:
                break
            time.sleep(0.01)
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.should_exit = True
            self._thread.join(10)

    def __enter__(self) -> CentralStandIn:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    def app(self) -> Starlette:
        routes = [
            Route("/v1/sessions", self.sessions_post, methods=["POST"]),
            Route("/v1/key/{token}/projects/{p:int}/formList", self.form_list),
            Route(
                "/v1/key/{token}/projects/{p:int}/submission",
                self.openrosa_submission,
                methods=["HEAD", "POST"],
            ),
            Route("/v1/key/{token}/projects/{p:int}/forms/{f}.xml", self.key_form_xml),
            Route("/v1/key/{token}/projects/{p:int}/forms/{f}/manifest", self.manifest),
            Route(
                "/v1/key/{token}/projects/{p:int}/forms/{f}/attachments/{name}",
                self.key_form_attachment,
            ),
            Route("/v1/projects/{p:int}", self.project_get),
            Route("/v1/projects/{p:int}/forms", self.forms_list),
            Route("/v1/projects/{p:int}/forms/{f}.xml", self.form_xml),
            Route("/v1/projects/{p:int}/forms/{f}.svc/Submissions", self.odata),
            Route("/v1/projects/{p:int}/forms/{f}/attachments", self.form_attachments),
            Route("/v1/projects/{p:int}/forms/{f}/attachments/{name}", self.form_attachment),
            Route("/v1/projects/{p:int}/forms/{f}/versions", self.form_versions),
            Route("/v1/projects/{p:int}/forms/{f}/versions/{v}.xml", self.form_version_xml),
            Route(
                "/v1/projects/{p:int}/forms/{f}/versions/{v}/attachments",
                self.form_version_attachments,
            ),
            Route(
                "/v1/projects/{p:int}/forms/{f}/versions/{v}/attachments/{name}",
                self.form_version_attachment,
            ),
            Route("/v1/projects/{p:int}/forms/{f}/submissions", self.submissions_list),
            Route("/v1/projects/{p:int}/forms/{f}/submissions/{i}.xml", self.submission_xml),
            Route(
                "/v1/projects/{p:int}/forms/{f}/submissions/{i}/versions", self.submission_versions
            ),
            Route(
                "/v1/projects/{p:int}/forms/{f}/submissions/{i}/versions/{v}.xml", self.version_xml
            ),
            Route(
                "/v1/projects/{p:int}/forms/{f}/submissions/{i}/versions/{v}/attachments",
                self.version_attachments,
            ),
            Route(
                "/v1/projects/{p:int}/forms/{f}/submissions/{i}/versions/{v}/attachments/{name}",
                self.version_attachment,
            ),
            Route(
                "/v1/projects/{p:int}/forms/{f}/submissions/{i}/attachments",
                self.submission_attachments,
            ),
            Route(
                "/v1/projects/{p:int}/forms/{f}/submissions/{i}/attachments/{name}",
                self.submission_attachment,
            ),
        ]
        app = Starlette(routes=routes)

        async def logging_app(scope, receive, send):
            if scope["type"] == "http":
                path = scope["path"]
                self.requests.append(
                    (scope["method"], path, scope.get("query_string", b"").decode())
                )
                for index, (part, status) in enumerate(self.fail_next):
                    if part in path:
                        del self.fail_next[index]
                        await Response("failing once", status_code=status)(scope, receive, send)
                        return
            await app(scope, receive, send)

        return logging_app

    # -- auth ----------------------------------------------------------------------------

    def _web_user(self, request: Request) -> Response | None:
        header = request.headers.get("authorization", "")
        if header.lower().startswith("basic ") and request.url.scheme == "http":
            return _problem(401.3, "This authentication method is only available over HTTPS")
        if header.lower().startswith("bearer ") and header[7:].strip() in self.sessions:
            if request.path_params.get("p", self.project) != self.project:
                return _problem(404.1, "Could not find the resource you were looking for.")
            return None
        if header:
            return _problem(401.2, "Could not authenticate with the provided credentials.")
        return _problem(
            403.1, "The authenticated actor does not have rights to perform that action."
        )

    def _app_user(self, request: Request) -> Response | None:
        if request.path_params["token"] != self.app_token:
            return _problem(
                403.1, "The authenticated actor does not have rights to perform that action."
            )
        return None

    async def sessions_post(self, request: Request) -> Response:
        try:
            body = json.loads(await request.body())
        except ValueError:
            return _problem(400.1, "Could not parse the given data as json.")
        if body.get("email") != self.email or body.get("password") != self.password:
            return _problem(401.2, "Could not authenticate with the provided credentials.")
        token = secrets.token_urlsafe(48)
        self.sessions.add(token)
        now = self.tick()
        return JSONResponse(
            {"createdAt": now, "expiresAt": now, "token": token, "csrf": secrets.token_urlsafe(16)}
        )

    # -- OpenRosa ------------------------------------------------------------------------

    async def form_list(self, request: Request) -> Response:
        if (denied := self._app_user(request)) is not None:
            return denied
        prefix = f"/v1/key/{self.app_token}/projects/{self.project}"
        items = []
        for form_id, versions in self.forms.items():
            current = versions[-1]
            manifest = (
                (f"<manifestUrl>{self.base}{prefix}/forms/{form_id}/manifest</manifestUrl>")
                if current.attachments
                else ""
            )
            items.append(
                f"<xform><formID>{form_id}</formID><name>Porte a porte</name>"
                f"<version>{current.version}</version><hash>md5:{current.hash}</hash>"
                f"<downloadUrl>{self.base}{prefix}/forms/{form_id}.xml</downloadUrl>"
                f"{manifest}</xform>"
            )
        body = (
            '<xforms xmlns="http://openrosa.org/xforms/xformsList">' + "".join(items) + "</xforms>"
        )
        return Response(body, media_type="text/xml", headers={"X-OpenRosa-Version": "1.0"})

    async def key_form_xml(self, request: Request) -> Response:
        if (denied := self._app_user(request)) is not None:
            return denied
        return self._current_xml(request.path_params["f"])

    async def manifest(self, request: Request) -> Response:
        if (denied := self._app_user(request)) is not None:
            return denied
        form_id = request.path_params["f"]
        current = self.forms[form_id][-1]
        prefix = f"/v1/key/{self.app_token}/projects/{self.project}/forms/{form_id}"
        files = "".join(
            f"<mediaFile><filename>{name}</filename><hash>md5:{hashlib.md5(data).hexdigest()}"
            f"</hash><downloadUrl>{self.base}{prefix}/attachments/{quote(name)}</downloadUrl>"
            "</mediaFile>"
            for name, data in current.attachments.items()
        )
        return Response(
            f'<manifest xmlns="http://openrosa.org/xforms/xformsManifest">{files}</manifest>',
            media_type="text/xml",
            headers={"X-OpenRosa-Version": "1.0"},
        )

    async def key_form_attachment(self, request: Request) -> Response:
        if (denied := self._app_user(request)) is not None:
            return denied
        data = self.forms[request.path_params["f"]][-1].attachments.get(request.path_params["name"])
        if data is None:
            return _problem(404.1, "Could not find the resource you were looking for.")
        return Response(data, media_type="text/csv")

    async def openrosa_submission(self, request: Request) -> Response:
        if (denied := self._app_user(request)) is not None:
            return denied
        if request.headers.get("x-openrosa-version") != "1.0":
            return _problem(
                400.6,
                "An expected header field (X-OpenRosa-Version) did not "
                "match the expected format (got: [nothing]).",
            )
        if request.method == "HEAD":
            return Response(
                status_code=204,
                headers={
                    "X-OpenRosa-Version": "1.0",
                    "X-OpenRosa-Accept-Content-Length": str(self.accept_length),
                },
            )
        form = await request.form()
        xml_part = form.get("xml_submission_file")
        if xml_part is None:
            return _openrosa(
                400, "Required multipart POST field xml_submission_file missing.", "error"
            )
        xml = await xml_part.read()
        attachments, parts = {}, []
        for name, value in form.multi_items():
            if hasattr(value, "read"):
                await value.seek(0)  # xml_submission_file was read above
                data = await value.read()
                parts.append((name, value.filename, value.content_type, data))
                if name != "xml_submission_file":
                    attachments[value.filename or name] = data
            else:
                parts.append((name, None, None, str(value).encode()))
        self.posted.append(parts)
        status, message = self.submit(
            xml, attachments, device_id=request.query_params.get("deviceID")
        )
        return _openrosa(status, message, "" if status == 201 else "error")

    # -- REST: forms ---------------------------------------------------------------------

    def _current_xml(self, form_id: str) -> Response:
        versions = self.forms.get(form_id)
        if not versions:
            return _problem(404.1, "Could not find the resource you were looking for.")
        return Response(versions[-1].xml, media_type="application/xml")

    async def project_get(self, request: Request) -> Response:
        if (denied := self._web_user(request)) is not None:
            return denied
        return JSONResponse(
            {
                "id": self.project,
                "name": "Enquête habitants",
                "description": None,
                "keyId": 3 if self.managed_key else None,  # managed encryption's key
                "archived": None,
                "createdAt": "2026-01-01T00:00:00.000Z",
                "updatedAt": None,
                "deletedAt": None,
            }
        )

    async def forms_list(self, request: Request) -> Response:
        if (denied := self._web_user(request)) is not None:
            return denied
        return JSONResponse(
            [
                {
                    "projectId": self.project,
                    "xmlFormId": form_id,
                    "name": "Porte a porte",
                    "version": v[-1].version,
                    "enketoId": None,
                    "hash": v[-1].hash,
                    "keyId": 1 if _is_encrypted_form(v[-1].xml) else None,
                    "state": "open",
                    "publishedAt": v[-1].published_at,
                    "createdAt": v[0].published_at,
                    "updatedAt": None,
                }
                for form_id, v in self.forms.items()
            ]
        )

    async def form_xml(self, request: Request) -> Response:
        if (denied := self._web_user(request)) is not None:
            return denied
        return self._current_xml(request.path_params["f"])

    def _attachment_rows(self, version: FormVersion) -> list[dict]:
        return [
            {
                "name": name,
                "type": "file",
                "exists": True,
                "blobExists": True,
                "datasetExists": False,
                "updatedAt": version.published_at,
            }
            for name in version.attachments
        ]

    async def form_attachments(self, request: Request) -> Response:
        if (denied := self._web_user(request)) is not None:
            return denied
        return JSONResponse(self._attachment_rows(self.forms[request.path_params["f"]][-1]))

    async def form_attachment(self, request: Request) -> Response:
        if (denied := self._web_user(request)) is not None:
            return denied
        data = self.forms[request.path_params["f"]][-1].attachments.get(request.path_params["name"])
        if data is None:
            return _problem(404.1, "Could not find the resource you were looking for.")
        return Response(data, media_type="text/csv")

    def _form_version(self, request: Request) -> FormVersion | None:
        wanted = request.path_params["v"]
        for version in self.forms.get(request.path_params["f"], []):
            if version.version == wanted:
                return version
        return None

    async def form_versions(self, request: Request) -> Response:
        if (denied := self._web_user(request)) is not None:
            return denied
        return JSONResponse(
            [
                {
                    "xmlFormId": request.path_params["f"],
                    "version": v.version,
                    "hash": v.hash,
                    "publishedAt": v.published_at,
                }
                for v in reversed(self.forms.get(request.path_params["f"], []))
            ]
        )

    async def form_version_xml(self, request: Request) -> Response:
        if (denied := self._web_user(request)) is not None:
            return denied
        version = self._form_version(request)
        if version is None:
            return _problem(404.1, "Could not find the resource you were looking for.")
        return Response(version.xml, media_type="application/xml")

    async def form_version_attachments(self, request: Request) -> Response:
        if (denied := self._web_user(request)) is not None:
            return denied
        version = self._form_version(request)
        if version is None:
            return _problem(404.1, "Could not find the resource you were looking for.")
        return JSONResponse(self._attachment_rows(version))

    async def form_version_attachment(self, request: Request) -> Response:
        if (denied := self._web_user(request)) is not None:
            return denied
        version = self._form_version(request)
        data = version.attachments.get(request.path_params["name"]) if version else None
        if data is None:
            return _problem(404.1, "Could not find the resource you were looking for.")
        return Response(data, media_type="text/csv")

    # -- REST: submissions ---------------------------------------------------------------

    def _sub(self, request: Request) -> Submission | None:
        return self.submissions.get((request.path_params["f"], request.path_params["i"]))

    def _version(self, request: Request) -> SubVersion | None:
        sub = self._sub(request)
        if sub is None:
            return None
        return next((v for v in sub.versions if v.instance_id == request.path_params["v"]), None)

    def _submitter(self, actor_id: int) -> dict:
        actor = self.actors[actor_id]
        return {
            "id": actor.id,
            "displayName": actor.display_name,
            "type": actor.type,
            "createdAt": "2026-01-01T00:00:00.000Z",
            "updatedAt": None,
            "deletedAt": None,
        }

    def _sub_json(self, sub: Submission, extended: bool) -> dict:
        current = sub.versions[-1]
        row = {
            "instanceId": sub.root_id,
            "submitterId": sub.submitter_id,
            "deviceId": sub.versions[0].device_id,
            "userAgent": "Surveyor",
            "reviewState": sub.review_state,
            "createdAt": sub.created_at,
            "updatedAt": sub.updated_at,
            "deletedAt": None,
        }
        if extended:
            row["submitter"] = self._submitter(sub.submitter_id)
            row["currentVersion"] = {
                "instanceId": current.instance_id,
                "instanceName": _meta(current.xml).get("instanceName"),
                "createdAt": current.created_at,
                "current": True,
                "deviceId": current.device_id,
            }
        return row

    async def submissions_list(self, request: Request) -> Response:
        if (denied := self._web_user(request)) is not None:
            return denied
        extended = request.headers.get("x-extended-metadata") == "true"
        return JSONResponse(
            [
                self._sub_json(s, extended)
                for s in self.submissions.values()
                if s.form_id == request.path_params["f"]
            ]
        )

    async def submission_xml(self, request: Request) -> Response:
        if (denied := self._web_user(request)) is not None:
            return denied
        sub = self._sub(request)
        if sub is None:
            return _problem(404.1, "Could not find the resource you were looking for.")
        return Response(sub.versions[-1].xml, media_type="application/xml")

    async def submission_versions(self, request: Request) -> Response:
        if (denied := self._web_user(request)) is not None:
            return denied
        sub = self._sub(request)
        if sub is None:
            return _problem(404.1, "Could not find the resource you were looking for.")
        extended = request.headers.get("x-extended-metadata") == "true"
        rows = []
        for version in reversed(sub.versions):  # "in descending creation order"
            row = {
                "instanceId": version.instance_id,
                "instanceName": _meta(version.xml).get("instanceName"),
                "submitterId": version.submitter_id,
                "deviceId": version.device_id,
                "userAgent": "Surveyor",
                "createdAt": version.created_at,
                "current": version is sub.versions[-1],
                "formVersion": version.form_version,
            }
            if extended:
                row["submitter"] = self._submitter(version.submitter_id)
            rows.append(row)
        return JSONResponse(rows)

    async def version_xml(self, request: Request) -> Response:
        if (denied := self._web_user(request)) is not None:
            return denied
        version = self._version(request)
        if version is None:
            return _problem(404.1, "Could not find the resource you were looking for.")
        return Response(version.xml, media_type="application/xml")

    def _expected(self, version: SubVersion) -> list[dict]:
        named = _manifest_names(version.xml)
        if named is not None:  # encrypted: the manifest's files, by name
            return [{"name": n, "exists": n in version.attachments} for n in sorted(named)]
        root = fromstring(version.xml)
        names = [
            e.text.strip()
            for e in root.iter()
            if e.tag.rsplit("}", 1)[-1] == "photo" and (e.text or "").strip()
        ]
        return [{"name": n, "exists": n in version.attachments} for n in names]

    async def version_attachments(self, request: Request) -> Response:
        if (denied := self._web_user(request)) is not None:
            return denied
        version = self._version(request)
        if version is None:
            return _problem(404.1, "Could not find the resource you were looking for.")
        return JSONResponse(self._expected(version))

    async def version_attachment(self, request: Request) -> Response:
        if (denied := self._web_user(request)) is not None:
            return denied
        version = self._version(request)
        data = version.attachments.get(request.path_params["name"]) if version else None
        if data is None:
            return _problem(404.1, "Could not find the resource you were looking for.")
        return Response(data, media_type="image/jpeg")

    async def submission_attachments(self, request: Request) -> Response:
        if (denied := self._web_user(request)) is not None:
            return denied
        sub = self._sub(request)
        if sub is None:
            return _problem(404.1, "Could not find the resource you were looking for.")
        return JSONResponse(self._expected(sub.versions[-1]))

    async def submission_attachment(self, request: Request) -> Response:
        if (denied := self._web_user(request)) is not None:
            return denied
        sub = self._sub(request)
        data = sub.versions[-1].attachments.get(request.path_params["name"]) if sub else None
        if data is None:
            return _problem(404.1, "Could not find the resource you were looking for.")
        return Response(data, media_type="image/jpeg")

    # -- OData ---------------------------------------------------------------------------

    async def odata(self, request: Request) -> Response:
        if (denied := self._web_user(request)) is not None:
            return denied
        form_id = request.path_params["f"]
        rows = [s for s in self.submissions.values() if s.form_id == form_id]
        rows.sort(key=lambda s: s.created_at, reverse=True)  # Central: newest first
        expression = request.query_params.get("$filter")
        if expression:
            try:
                test = _odata_filter(expression)
            except ValueError as exc:
                return _problem(
                    400.18, f"The OData filter expression you provided could not be parsed: {exc}"
                )
            rows = [s for s in rows if test(s)]
        skip = int(request.query_params.get("$skip", "0"))
        top = request.query_params.get("$top")
        page = rows[skip : skip + int(top)] if top else rows[skip:]
        values = []
        for sub in page:
            current = sub.versions[-1]
            actor = self.actors[sub.submitter_id]
            encrypted = _manifest_names(current.xml) is not None
            status = None
            if encrypted:
                has_data = "submission.xml.enc" in current.attachments
                status = "notDecrypted" if has_data else "missingEncryptedFormData"
            row = {
                "__id": sub.root_id,
                "__system": {
                    "submissionDate": sub.created_at,
                    "updatedAt": sub.updated_at,
                    "submitterId": str(sub.submitter_id),
                    "submitterName": actor.display_name,
                    "attachmentsPresent": len(current.attachments),
                    "attachmentsExpected": len(self._expected(current)),
                    "status": status,
                    "reviewState": sub.review_state,
                    "deviceId": sub.versions[0].device_id,
                    "edits": len(sub.versions) - 1,
                    "formVersion": current.form_version,
                },
            }
            if not encrypted:  # an encrypted row has no fields beside __id and __system
                row["meta"] = {"instanceID": current.instance_id}
            values.append(row)
        select = request.query_params.get("$select")
        if select:
            keep = {s.strip() for s in select.split(",")}
            values = [{k: v for k, v in row.items() if k in keep} for row in values]
        body: dict = {
            "@odata.context": f"{self.base}/v1/projects/{self.project}/forms/"
            f"{form_id}.svc/$metadata#Submissions",
            "value": values,
        }
        if top and skip + int(top) < len(rows):
            query = dict(request.query_params)
            query["$skip"] = str(skip + int(top))
            body["@odata.nextLink"] = f"{self.base}{request.url.path}?" + "&".join(
                f"{quote(k)}={quote(v)}" for k, v in query.items()
            )
        return JSONResponse(body)


def _meta_form(xml: bytes) -> tuple[str, str]:
    root = fromstring(xml)
    for instance in root.iter("{http://www.w3.org/2002/xforms}instance"):
        if instance.get("id") is None and len(instance):
            data = instance[0]
            version = next(
                (v for k, v in data.attrib.items() if k.rsplit("}", 1)[-1] == "version"), ""
            )
            return data.get("id", ""), version
    raise ValueError("no primary instance")


_TERM = re.compile(r"^\(?\s*__system/(submissionDate|updatedAt)\s+(gt|ge|lt|le)\s+(\S+?)\s*\)?$")


def _odata_filter(expression: str):
    """``__system/submissionDate`` / ``__system/updatedAt`` compared with a time; ``and``
    binds tighter than ``or`` (the subset Surveyor's client uses)."""
    alternatives = []
    for alternative in re.split(r"\s+or\s+", expression.strip()):
        terms = []
        for term in re.split(r"\s+and\s+", alternative):
            match = _TERM.match(term.strip())
            if not match:
                raise ValueError(f"unexpected term {term!r}")
            column, op, value = match.groups()
            terms.append((column, op, _parse_time(value)))
        alternatives.append(terms)

    def test(sub: Submission) -> bool:
        for terms in alternatives:
            ok = True
            for column, op, value in terms:
                raw = sub.created_at if column == "submissionDate" else sub.updated_at
                if raw is None:
                    ok = False
                    break
                have = _parse_time(raw)
                ok = {
                    "gt": have > value,
                    "ge": have >= value,
                    "lt": have < value,
                    "le": have <= value,
                }[op]
                if not ok:
                    break
            if ok:
                return True
        return False

    return test


def _parse_time(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def basic(user: str, password: str) -> str:
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()
