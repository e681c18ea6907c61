"""The campaign package and erasures through Surveyor's server (docs/fieldwork.md, "The
campaign package through the server"; docs/privacy.md, "Erasure reaches the server").

- :func:`publish_package`: the coordinator's ``PUT /surveyor/v1/campaign`` (the ZIP as is);
- :func:`download_package`: a laptop's ``GET /surveyor/v1/campaign`` with ``If-None-Match``
  (the ETag of the package it last took), the bytes written to a file of the data dir for
  the package reader (the import itself is the file import's: ``services/campaign.py``);
- :func:`erase_on_server`: the coordinator's ``DELETE /surveyor/v1/submissions/{id}``; what
  could not be asked (no network, the server down) waits in ``server-erasures.json`` and
  :func:`retry_erasures` asks again at the next sync.

The endpoints are Surveyor's own: ODK Central, KoboToolbox or an older Surveyor server
answer 404 or 405, and then nothing happens and nothing fails (``unsupported``).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from dataclasses import field
from pathlib import Path
from urllib.parse import quote

import httpx

from surveyor.errors import AuthError
from surveyor.errors import TransportError
from surveyor.sync.state import read_cursor
from surveyor.sync.state import read_json
from surveyor.sync.state import save_cursor
from surveyor.sync.state import update_json
from surveyor.sync.transport import OpenRosaTransport
from surveyor.sync.transport import network_code
from surveyor.sync.transport import refused
from surveyor.sync.transport import status_code

ENDPOINT = "surveyor/v1/campaign"
ERASE_ENDPOINT = "surveyor/v1/submissions"
PACKAGE_FILE = "server-campaign.zip"  # in the data dir while it is imported, then removed
ERASURES_NAME = "server-erasures.json"  # {server url: [instanceID, ...]} not yet erased there
UNSUPPORTED = (404, 405, 501)


def _refusal(response: httpx.Response, what: str) -> TransportError:
    try:
        reason = response.json().get("error") or response.text[:200]
    except (ValueError, AttributeError):
        reason = response.text[:200]
    return refused(response.status_code, what, reason)


def _check_auth(response: httpx.Response) -> None:
    if response.status_code in (401, 403):
        raise AuthError(
            f"{response.status_code}: {response.text[:200]}",
            code=status_code(response.status_code),
        )


# --- publishing (the coordinator) ------------------------------------------------------------


@dataclass
class CampaignPublished:
    """What the server answered to a published package."""

    revision: int = 0
    size: int = 0
    new: bool = False  # False: the server already had this very package
    unsupported: bool = False  # the server has no campaign endpoint (ODK Central...)

    def __str__(self) -> str:
        if self.unsupported:
            return (
                "This server does not take campaign packages (it is not a Surveyor server): "
                "give the package to the laptops as a file."
            )
        if not self.new:
            return f"The server already had revision {self.revision} of the campaign package."
        return f"Revision {self.revision} of the campaign package is on the server ({self.size} bytes)."


def publish_package(transport: OpenRosaTransport, path: Path) -> CampaignPublished:
    """Send the package file to the server. Raises AuthError (401, 403: not a coordinator),
    TransportError (the network; a refusal: 400 damaged, 409 older or another campaign's,
    413 too large, with the server's reason)."""
    data = Path(path).read_bytes()
    try:
        response = transport.request(
            "PUT",
            transport.absolute(ENDPOINT),
            content=data,
            headers={"Content-Type": "application/zip"},
        )
    except httpx.HTTPError as exc:
        raise TransportError(f"{type(exc).__name__}: {exc}", code=network_code(exc)) from exc
    _check_auth(response)
    if response.status_code in UNSUPPORTED:
        return CampaignPublished(unsupported=True)
    if response.status_code not in (200, 201):
        raise _refusal(response, "the campaign package")
    try:
        body = response.json()
        return CampaignPublished(
            revision=int(body["revision"]), size=int(body["size"]), new=bool(body["new"])
        )
    except (ValueError, KeyError, TypeError) as exc:
        raise TransportError(
            "the answer is not the server's receipt (a captive portal?)", retryable=True
        ) from exc


# --- fetching (the laptops) ------------------------------------------------------------------


@dataclass
class PackageDownload:
    """What ``GET /surveyor/v1/campaign`` gave: a file to import, or why there is none."""

    path: Path | None = None  # the package, written in the data dir (remove it once read)
    etag: str = ""
    unchanged: bool = False  # 304: the package taken last time is still the newest
    none: bool = False  # the server has no package yet
    unsupported: bool = False  # no such endpoint: another kind of server


def _etag_key(url: str) -> str:
    return f"{url}#campaign-etag"


def remembered_etag(data_dir: Path, url: str) -> str:
    return read_cursor(data_dir, _etag_key(url), None)


def remember_etag(data_dir: Path, url: str, etag: str) -> None:
    save_cursor(data_dir, _etag_key(url), None, etag)


def download_package(transport: OpenRosaTransport, data_dir: Path) -> PackageDownload:
    """The server's package if it is not the one taken last time (its ETag). Raises
    AuthError, TransportError (the network, a server failure)."""
    etag = remembered_etag(data_dir, transport.url)
    headers = {"If-None-Match": etag} if etag else {}
    try:
        response = transport.request("GET", transport.absolute(ENDPOINT), headers=headers)
    except httpx.HTTPError as exc:
        raise TransportError(f"{type(exc).__name__}: {exc}", code=network_code(exc)) from exc
    _check_auth(response)
    status = response.status_code
    if status in UNSUPPORTED:
        return PackageDownload(unsupported=True)
    if status == 204:
        return PackageDownload(none=True)
    if status == 304:
        return PackageDownload(unchanged=True, etag=etag)
    if status != 200:
        raise _refusal(response, "the campaign package")
    new_etag = response.headers.get("etag", "")
    if not new_etag or response.headers.get("content-type", "").split(";")[0] != "application/zip":
        raise TransportError(
            "the answer is not a campaign package (a captive portal?)", retryable=True
        )
    path = Path(data_dir) / PACKAGE_FILE
    tmp = path.with_name(f".{PACKAGE_FILE}.{os.getpid()}.tmp")
    tmp.write_bytes(response.content)
    os.replace(tmp, path)
    return PackageDownload(path=path, etag=new_etag)


# --- erasure (the coordinator) ---------------------------------------------------------------


@dataclass
class ServerErasures:
    """What asking the server to erase did."""

    erased: list[str] = field(default_factory=list)  # asked and done (or nothing was there)
    queued: list[str] = field(default_factory=list)  # waiting for the next sync
    unsupported: bool = False  # the server cannot erase (ODK Central...): do it there by hand
    packages: int = 0  # campaign packages the server dropped (they named an erased interview)
    error: str = ""

    def __str__(self) -> str:
        if self.unsupported:
            return (
                "This server cannot erase interviews (it is not a Surveyor server): erase them "
                "there by hand."
            )
        parts = []
        if self.erased:
            parts.append(f"Erased on the server: {len(self.erased)} interview(s).")
        if self.queued:
            parts.append(
                f"Not yet erased on the server ({self.error or 'not reached'}): "
                f"{len(self.queued)} interview(s); asked again at the next sync."
            )
        if self.packages:
            parts.append(
                "The server's campaign package named it and was removed: publish the campaign "
                "package again (surveyor campaign publish)."
            )
        return " ".join(parts)


def queued_erasures(data_dir: Path, url: str) -> list[str]:
    ids = read_json(Path(data_dir) / ERASURES_NAME).get(url)
    return [i for i in ids if isinstance(i, str)] if isinstance(ids, list) else []


def _set_queue(data_dir: Path, url: str, add: list[str], remove: list[str]) -> None:
    ids = [i for i in queued_erasures(data_dir, url) if i not in remove]
    update_json(Path(data_dir) / ERASURES_NAME, {url: ids + [i for i in add if i not in ids]})


def queue_erasures(data_dir: Path, url: str, ids: list[str]) -> None:
    """Remember ``ids`` to erase on ``url`` at the next sync."""
    _set_queue(data_dir, url, list(ids), [])


def erase_on_server(transport: OpenRosaTransport, data_dir: Path, ids: list[str]) -> ServerErasures:
    """Ask the server to erase each of ``ids`` (every version of each); what could not be
    asked is queued (``server-erasures.json``) and reported. Raises AuthError (the account is
    not a coordinator's: the ids stay queued)."""
    result = ServerErasures()
    queue_erasures(data_dir, transport.url, ids)
    for instance_id in ids:
        url = transport.absolute(f"{ERASE_ENDPOINT}/{quote(instance_id, safe=':')}")
        try:
            response = transport.request("DELETE", url)
        except httpx.HTTPError as exc:
            result.error = f"{type(exc).__name__}: {exc}"
            break
        _check_auth(response)
        if response.status_code in UNSUPPORTED:
            _set_queue(data_dir, transport.url, [], ids)  # nothing to wait for
            return ServerErasures(unsupported=True)
        try:
            body = response.json() if response.status_code == 200 else None
        except ValueError:
            body = None
        if not isinstance(body, dict) or not isinstance(body.get("erased"), list):
            result.error = f"the server answered {response.status_code}"
            break
        result.packages += int(body.get("packages") or 0)
        result.erased.append(instance_id)
        _set_queue(data_dir, transport.url, [], [instance_id])
    result.queued = queued_erasures(data_dir, transport.url)
    return result


def retry_erasures(transport: OpenRosaTransport, data_dir: Path) -> ServerErasures | None:
    """Ask again for the erasures queued for this server; None when none waits."""
    ids = queued_erasures(data_dir, transport.url)
    if not ids:
        return None
    return erase_on_server(transport, data_dir, ids)
