"""Visits and field-added doors through Surveyor's server (docs/fieldwork.md, "Visits through
the server"): ``POST /surveyor/v1/fieldwork`` from the laptops, ``GET`` for the coordinator.

The endpoint is Surveyor's own, beside OpenRosa: an ODK Central, KoboToolbox or older Surveyor
server answers 404, and then nothing is sent or fetched and nothing fails (the visits wait for
a batch). The records are those batches carry (:mod:`surveyor.fieldwork.records`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import httpx

from surveyor.errors import DownloadError
from surveyor.fieldwork.records import door_records
from surveyor.fieldwork.records import visit_records
from surveyor.store import Store
from surveyor.store.fieldwork import FieldworkStore
from surveyor.sync.state import read_cursor
from surveyor.sync.state import save_cursor
from surveyor.sync.transport import AuthError
from surveyor.sync.transport import OpenRosaTransport
from surveyor.sync.transport import status_code

ENDPOINT = "surveyor/v1/fieldwork"
SEND_CHUNK = 500  # visits per POST (with the doors they name: well under the server's limits)
READ_PAGE = 2000


@dataclass
class FieldworkSent:
    """What a sending of visits did."""

    visits: int = 0  # visits the server acknowledged in this pass
    doors: int = 0  # door records sent with them
    pending: int = 0  # visits and field doors the server still lacks
    unsupported: bool = False  # the server has no fieldwork endpoint (404): nothing sent
    error: str = ""  # a network or server failure: what is left goes next time

    def __str__(self) -> str:
        if self.unsupported:
            return (
                f"Visits: this server does not take them; {self.pending} wait for a batch "
                "(surveyor batch export)."
            )
        text = f"Visits: {self.visits} sent"
        if self.error:
            text += f"; {self.pending} not sent ({self.error}), they go next time"
        return text + "."


def send_fieldwork(
    store: Store, transport: OpenRosaTransport, device_id: str, *, cancel=None
) -> FieldworkSent:
    """Send the visits recorded here (and the doors added here) the server has not
    acknowledged, 500 visits per request; each acknowledged request moves the mark. Raises
    AuthError (401/403); a 404 is "not supported" and any other failure is reported."""
    fieldwork = FieldworkStore(store)
    server = transport.url
    result = FieldworkSent()
    while cancel is None or not cancel.is_set():
        marks = fieldwork.server_marks(server)
        doors, visits, visit_mark, door_mark = fieldwork.unsent_to_server(
            device_id, server, limit=SEND_CHUNK
        )
        if (visit_mark, door_mark) == marks:
            break  # nothing new since the server's last acknowledgement
        payload = {"doors": doors, "visits": [v.to_dict() for v in visits]}
        try:
            response = transport.request("POST", transport.absolute(ENDPOINT), json=payload)
        except httpx.HTTPError as exc:
            result.error = f"{type(exc).__name__}: {exc}"
            break
        status = response.status_code
        if status in (401, 403):
            raise AuthError(f"{status}: {response.text[:200]}", code=status_code(status))
        if status in (404, 405, 501):  # no such endpoint: an OpenRosa server of another kind
            result.unsupported = True
            break
        if status != 200:
            result.error = f"the server answered {status}: {response.text[:200]}"
            break
        if not _acknowledged(response):  # a captive portal's 200 page is not a receipt
            result.error = "the answer is not the server's receipt (a captive portal?)"
            break
        fieldwork.mark_sent_to_server(server, visit_mark, door_mark)
        result.visits += len(visits)
        result.doors += len(doors)
    result.pending = fieldwork.count_unsent_to_server(device_id, server)
    return result


def _acknowledged(response: httpx.Response) -> bool:
    try:
        body = response.json()
    except ValueError:
        return False
    return isinstance(body, dict) and isinstance(body.get("visits"), int)


def count_unsent(store: Store, server: str, device_id: str) -> int:
    """Visits and field doors recorded here that ``server`` has not acknowledged."""
    return FieldworkStore(store).count_unsent_to_server(device_id, server)


@dataclass
class FieldworkReceived:
    visits: int = 0  # new to this database
    doors: int = 0  # new to this database
    unsupported: bool = False  # the server has no fieldwork endpoint


def _cursor_key(url: str) -> str:
    return f"{url}#fieldwork"


def download_fieldwork(
    store: Store, transport: OpenRosaTransport, user: str | None, *, page_size: int = READ_PAGE
) -> FieldworkReceived:
    """The coordinator: merge the visits and doors the server received since the last time
    (its own cursor in ``download-cursors.json``), a page per transaction, as a batch merges
    them (each visit once). Raises AuthError, TransportError, DownloadError (a malformed
    page: nothing of it merged)."""
    data_dir = Path(store.path).parent
    fieldwork = FieldworkStore(store)
    result = FieldworkReceived()
    cursor = read_cursor(data_dir, _cursor_key(transport.url), user)
    while True:
        response = transport.get(
            ENDPOINT, passing=(404,), params={"since": cursor or "0", "limit": str(page_size)}
        )
        if response.status_code == 404:
            result.unsupported = True
            return result
        try:
            page = response.json()
            doors = door_records(page["doors"])
            visits = visit_records(page["visits"])
            next_cursor = str(page["cursor"])
            new_doors, new_visits = fieldwork.merge_records(
                doors, visits, source=f"server:{transport.url}#fieldwork"
            )
        except (ValueError, KeyError, TypeError) as exc:
            raise DownloadError(f"the server's fieldwork page is not usable: {exc}") from exc
        result.doors += new_doors
        result.visits += new_visits
        if next_cursor and next_cursor != cursor:
            cursor = next_cursor
            save_cursor(data_dir, _cursor_key(transport.url), user, cursor)
        if not page.get("more") or not (doors or visits):
            return result
