"""The app's words for the core's values, in the app's language: an interview's status and
its group on the home page, a door's outcome, its status and the door table's columns, a
door-list field, the fieldwork funnel's measures and their help, a batch's import status,
what a check of the server account found.

One place, so that a screen never words a core value itself and a value reads the same on
every screen that shows it (home and the coordinator's overview, "Mes portes", the round
sheet and the door list). Each table keeps the translation context of the screen it was
first written for, so the translations follow it. Written out call by call: lupdate finds the
strings to translate only in literal ``QCoreApplication.translate("Context", "...")`` calls.
"""

from __future__ import annotations

from surveyor.interviews.record import Status
from surveyor.ui.qt import QCoreApplication


def status_text(status: Status) -> str:
    return {
        Status.DRAFT: QCoreApplication.translate("Home", "Draft"),
        Status.FINALIZED: QCoreApplication.translate("Home", "Finished"),
        Status.FAILED: QCoreApplication.translate("Home", "Sending failed"),
        Status.SENT: QCoreApplication.translate("Home", "Sent"),
        Status.HANDED_IN: QCoreApplication.translate("Home", "Handed in"),
        Status.DELETED: QCoreApplication.translate("Home", "In the bin"),
    }[status]


def replaced_text() -> str:
    """The state of a version replaced by a correction ("Edit")."""
    return QCoreApplication.translate("Home", "Replaced by a correction")


def group_title(key: str) -> str:
    return {
        "drafts": QCoreApplication.translate("Home", "Drafts"),
        "waiting": QCoreApplication.translate("Home", "To send or hand in"),
        "done": QCoreApplication.translate("Home", "Sent or handed in"),
        "bin": QCoreApplication.translate("Home", "Bin"),
    }[key]


def outcome_text(outcome: str) -> str:
    """The outcome as a button or a list says it."""
    return {
        "absent": QCoreApplication.translate("Doors", "Absent"),
        "refused": QCoreApplication.translate("Doors", "Refused"),
        "appointment": QCoreApplication.translate("Doors", "Appointment"),
        "vacant": QCoreApplication.translate("Doors", "Vacant"),
        "ineligible": QCoreApplication.translate("Doors", "Not eligible"),
        "later": QCoreApplication.translate("Doors", "Come back later"),
        "started": QCoreApplication.translate("Doors", "Interview started"),
        "done": QCoreApplication.translate("Doors", "Interview done"),
    }.get(outcome, outcome)


def door_status_text(status: str) -> str:
    """A door's status as the lists say it."""
    if status == "new":
        return QCoreApplication.translate("Doors", "To visit")
    if status == "refused":
        return QCoreApplication.translate("Doors", "Refused (final)")
    return outcome_text(status)


def door_column_title(key: str) -> str:
    return {
        "address": QCoreApplication.translate("Doors", "Address"),
        "status": QCoreApplication.translate("Doors", "Status"),
        "sector": QCoreApplication.translate("Doors", "Sector"),
        "last": QCoreApplication.translate("Doors", "Last visit"),
        "interviewer": QCoreApplication.translate("Doors", "Interviewer"),
        "visits": QCoreApplication.translate("Doors", "Visits"),
        "id": QCoreApplication.translate("Doors", "Door"),
    }[key]


def door_field_text(name: str) -> str:
    return {
        "number": QCoreApplication.translate("DoorList", "Number"),
        "suffix": QCoreApplication.translate("DoorList", "Number suffix (bis, ter)"),
        "street": QCoreApplication.translate("DoorList", "Street"),
        "building": QCoreApplication.translate("DoorList", "Building"),
        "staircase": QCoreApplication.translate("DoorList", "Staircase"),
        "floor": QCoreApplication.translate("DoorList", "Floor"),
        "door": QCoreApplication.translate("DoorList", "Door / flat"),
        "sector": QCoreApplication.translate("DoorList", "Sector"),
        "postcode": QCoreApplication.translate("DoorList", "Postcode"),
        "city": QCoreApplication.translate("DoorList", "City"),
        "lon": QCoreApplication.translate("DoorList", "Longitude"),
        "lat": QCoreApplication.translate("DoorList", "Latitude"),
        "interviewer": QCoreApplication.translate("DoorList", "Interviewer"),
        "door_id": QCoreApplication.translate("DoorList", "Door id"),
    }.get(name, name)


def measure_text(key: str) -> str:
    return {
        "doors": QCoreApplication.translate("Fieldwork", "Doors"),
        "visited": QCoreApplication.translate("Fieldwork", "Visited"),
        "contacted": QCoreApplication.translate("Fieldwork", "Contacted"),
        "absent": QCoreApplication.translate("Fieldwork", "Absent"),
        "refused": QCoreApplication.translate("Fieldwork", "Refused"),
        "appointments": QCoreApplication.translate("Fieldwork", "Appointments"),
        "vacant": QCoreApplication.translate("Fieldwork", "Vacant"),
        "ineligible": QCoreApplication.translate("Fieldwork", "Not eligible"),
        "later": QCoreApplication.translate("Fieldwork", "Come back later"),
        "started": QCoreApplication.translate("Fieldwork", "Started"),
        "done": QCoreApplication.translate("Fieldwork", "Interviews done"),
        "never_visited": QCoreApplication.translate("Fieldwork", "Never visited"),
        "visits": QCoreApplication.translate("Fieldwork", "Visits"),
        "contact_rate": QCoreApplication.translate("Fieldwork", "Contact rate"),
        "response_rate": QCoreApplication.translate("Fieldwork", "Response rate"),
    }[key]


def measure_help(key: str) -> str:
    return {
        "doors": QCoreApplication.translate("Fieldwork", "Doors in the list"),
        "visited": QCoreApplication.translate("Fieldwork", "Doors visited at least once"),
        "contacted": QCoreApplication.translate(
            "Fieldwork",
            "Doors where someone was reached at least once (refused, appointment, not "
            "eligible, come back later, interview started or done)",
        ),
        "absent": QCoreApplication.translate("Fieldwork", "Doors whose last visit found nobody"),
        "refused": QCoreApplication.translate("Fieldwork", "Doors that refused (final)"),
        "appointments": QCoreApplication.translate(
            "Fieldwork", "Doors with an appointment pending"
        ),
        "vacant": QCoreApplication.translate("Fieldwork", "Empty, or not a dwelling"),
        "ineligible": QCoreApplication.translate(
            "Fieldwork", "The household is not in the survey's population"
        ),
        "later": QCoreApplication.translate(
            "Fieldwork", "Someone asked to come back, without a set time"
        ),
        "started": QCoreApplication.translate(
            "Fieldwork", "An interview was started, not finished"
        ),
        "done": QCoreApplication.translate("Fieldwork", "Doors where an interview was done"),
        "never_visited": QCoreApplication.translate("Fieldwork", "Doors nobody knocked at yet"),
        "visits": QCoreApplication.translate("Fieldwork", "Visits recorded in all"),
        "contact_rate": rate_definition("contact_rate"),
        "response_rate": rate_definition("response_rate"),
    }[key]


def rate_definition(key: str) -> str:
    if key == "contact_rate":
        return QCoreApplication.translate(
            "Fieldwork",
            "Contact rate = contacted ÷ (visited − vacant): of the dwellings knocked at, how "
            "many answered.",
        )
    return QCoreApplication.translate(
        "Fieldwork",
        "Response rate = interviews done ÷ (visited − vacant − not eligible): of the doors "
        "knocked at that may hold an eligible household, how many gave an interview.",
    )


def import_status_text(status: str) -> str:
    return {
        "merged": QCoreApplication.translate("ImportPanel", "Imported"),
        "already merged": QCoreApplication.translate("ImportPanel", "Already imported"),
        "refused": QCoreApplication.translate("ImportPanel", "Refused"),
    }.get(status, status)


def connection_text(kind: str) -> str:
    return {
        "ok": QCoreApplication.translate(
            "ServerSync", "Connection OK: the server accepts this account."
        ),
        "auth": QCoreApplication.translate(
            "ServerSync", "Wrong password or account name: the server refuses them."
        ),
        "unreachable": QCoreApplication.translate(
            "ServerSync", "Server unreachable: check the address and the network."
        ),
        "unexpected": QCoreApplication.translate(
            "ServerSync",
            "Unexpected answer (captive portal?): the network may ask you to log in "
            "in a web browser first, or the address is not a survey server.",
        ),
        "bad_address": QCoreApplication.translate(
            "ServerSync", "This is not a server address (it starts with https://)."
        ),
        "no_password": QCoreApplication.translate("ServerSync", "Type the password first."),
    }.get(kind, kind)
