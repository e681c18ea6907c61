"""The value model and the ODK conversions between strings, numbers, booleans and node-sets.

Values are ``str``, ``float``, ``bool`` or node-sets (``list[Node]`` in document order). Dates are
strings too: date functions return :class:`DateValue`, a ``str`` subclass (``"2012-07-24"`` or an
ISO date-time with offset) that also carries its instant as fractional days since the epoch, so
arithmetic and comparisons on dates work as in ODK. A plain string that looks like a date or a
date-time also converts to a number of days (a date alone means local midnight).
"""

from __future__ import annotations

import math
import re
from datetime import UTC
from datetime import datetime
from datetime import timedelta
from datetime import timezone
from datetime import tzinfo
from decimal import Decimal

from surveyor.expressions.nodes import Node

_NUMBER_RE = re.compile(r"\s*(-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?)\s*\Z")
# month and day may lack their leading zero (date(concat(y, "-", m, "-", d))), as in ODK
_DATE_RE = re.compile(r"\s*(-?\d{4,})-(\d\d?)-(\d\d?)\s*\Z")
_DATETIME_RE = re.compile(
    r"\s*(-?\d{4,})-(\d\d)-(\d\d)T(\d\d):(\d\d)(?::(\d\d)(?:\.(\d+))?)?\s*(Z|[+-]\d\d(?::?\d\d)?)?\s*\Z"
)
_TIME_RE = re.compile(r"\s*(\d\d):(\d\d)(?::(\d\d)(?:\.(\d+))?)?\s*(Z|[+-]\d\d(?::?\d\d)?)?\s*\Z")

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
DAY_SECONDS = 86400.0
NAN = float("nan")
INVALID_DATE = "Invalid Date"


def local_timezone() -> tzinfo:
    tz = datetime.now().astimezone().tzinfo
    assert tz is not None
    return tz


class DateValue(str):
    """A date or date-time result: a string with its instant (``days`` since the epoch)."""

    __slots__ = ("days",)
    days: float

    def __new__(cls, text: str, days: float) -> DateValue:
        obj = super().__new__(cls, text)
        obj.days = days
        return obj


def _tz_offset(text: str | None) -> tzinfo | None:
    if text is None:
        return None
    if text == "Z":
        return UTC
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    hours = int(digits[:2])
    minutes = int(digits[2:4]) if len(digits) >= 4 else 0
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def parse_datetime(text: str, tz: tzinfo | None) -> datetime | None:
    """A date or date-time string as an aware datetime (a date alone: local midnight)."""
    m = _DATE_RE.match(text)
    try:
        if m:
            d = datetime(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            return d.replace(tzinfo=tz or local_timezone())
        m = _DATETIME_RE.match(text)
        if m:
            y, mo, d, h, mi, s, frac, off = m.groups()
            micro = int((frac or "0")[:6].ljust(6, "0"))
            dt = datetime(int(y), int(mo), int(d), int(h), int(mi), int(s or 0), micro)
            return dt.replace(tzinfo=_tz_offset(off) or tz or local_timezone())
    except (ValueError, OverflowError):
        return None
    return None


def datetime_to_days(dt: datetime) -> float:
    return (dt - EPOCH).total_seconds() / DAY_SECONDS


def days_to_datetime(days: float, tz: tzinfo | None) -> datetime | None:
    if math.isnan(days) or math.isinf(days):
        return None
    try:
        return (EPOCH + timedelta(days=days)).astimezone(tz or local_timezone())
    except OverflowError:
        return None


def format_date(dt: datetime) -> str:
    return f"{dt.year:04d}-{dt.month:02d}-{dt.day:02d}"


def format_datetime(dt: datetime) -> str:
    off = dt.utcoffset() or timedelta(0)
    total = int(off.total_seconds() // 60)
    sign = "+" if total >= 0 else "-"
    total = abs(total)
    ms = dt.microsecond // 1000
    return (
        f"{format_date(dt)}T{dt.hour:02d}:{dt.minute:02d}:{dt.second:02d}.{ms:03d}"
        f"{sign}{total // 60:02d}:{total % 60:02d}"
    )


def string_to_number(s: str, tz: tzinfo | None = None) -> float:
    if s.isascii() and s.isdigit():  # the common case (answers, counts): no regex needed
        return float(s)
    m = _NUMBER_RE.match(s)
    if m:
        try:
            return float(m.group(1))
        except (ValueError, OverflowError):  # pragma: no cover
            return NAN
    if len(s) >= 10 and "-" in s:
        dt = parse_datetime(s, tz)
        if dt is not None:
            return datetime_to_days(dt)
    return NAN


def whole_days(value, tz: tzinfo | None = None) -> float | None:
    """ODK's number() of a date-time: whole days since the epoch, rounded down (a plain
    date keeps its local midnight's fraction, as ODK's evaluator); None for anything else."""
    if type(value) is list:
        value = value[0].string_value() if value else ""
    if not isinstance(value, str) or not _DATETIME_RE.match(value):
        return None
    dt = parse_datetime(value, tz)
    return NAN if dt is None else float(math.floor(datetime_to_days(dt)))


def to_number(value, tz: tzinfo | None = None) -> float:
    """ODK number(): numbers as is, booleans 1/0, strings parsed (dates as days), node-sets by
    the string value of their first node."""
    t = type(value)
    if t is float:
        return value
    if t is bool:
        return 1.0 if value else 0.0
    if t is DateValue:
        return value.days
    if t is str:
        return string_to_number(value, tz)
    if t is list:
        if not value:
            return NAN
        return string_to_number(value[0].string_value(), tz)
    if t is int:
        return float(value)
    if isinstance(value, Node):
        return string_to_number(value.string_value(), tz)
    if isinstance(value, str):
        return string_to_number(value, tz)
    return NAN


def number_to_string(x: float) -> str:
    if x != x:
        return "NaN"
    if x == math.inf:
        return "Infinity"
    if x == -math.inf:
        return "-Infinity"
    if x.is_integer():
        return str(int(x))
    r = repr(x)
    if "e" in r or "E" in r:
        r = format(Decimal(r), "f")
        if "." in r:
            r = r.rstrip("0").rstrip(".")
    return r


def to_string(value) -> str:
    """ODK string(): numbers without a useless ``.0``, booleans ``true``/``false``, node-sets by
    the string value of their first node."""
    t = type(value)
    if t is str or t is DateValue:
        return value
    if t is float:
        return number_to_string(value)
    if t is bool:
        return "true" if value else "false"
    if t is list:
        return value[0].string_value() if value else ""
    if t is int:
        return str(value)
    if isinstance(value, Node):
        return value.string_value()
    if value is None:
        return ""
    return str(value)


def to_boolean(value) -> bool:
    """ODK boolean(): non-zero non-NaN numbers, non-empty strings and node-sets are true."""
    t = type(value)
    if t is bool:
        return value
    if t is float or t is int:
        return value != 0 and value == value
    if t is DateValue:
        return value.days == value.days
    if t is str:
        return value != ""
    if t is list:
        return bool(value)
    if isinstance(value, Node):
        return True
    return bool(value)


def date_value(dt: datetime | None, with_time: bool) -> DateValue:
    if dt is None:
        return DateValue(INVALID_DATE, NAN)
    text = format_datetime(dt) if with_time else format_date(dt)
    return DateValue(text, datetime_to_days(dt))


def to_date(value, tz: tzinfo | None, with_time: bool) -> str:
    """ODK date()/date-time(): a DateValue, ``""`` for an empty string, Invalid Date otherwise.

    date-time() of a plain date keeps the date, as ODK's evaluator does."""
    t = type(value)
    if with_time and t is not list and isinstance(value, str) and _DATE_RE.match(value):
        return date_value(parse_datetime(value, tz), False)
    if with_time and t is list and value and _DATE_RE.match(value[0].string_value()):
        return date_value(parse_datetime(value[0].string_value(), tz), False)
    if t is DateValue:
        return date_value(days_to_datetime(value.days, tz), with_time)
    if t is list:
        value = value[0].string_value() if value else ""
        t = str
    if t is str:
        if value.strip() == "":
            return ""
        dt = parse_datetime(value, tz)
        if dt is not None:
            return date_value(dt.astimezone(tz or local_timezone()), with_time)
        n = string_to_number(value, tz)
        return date_value(days_to_datetime(n, tz), with_time)
    if t is bool:
        return DateValue(INVALID_DATE, NAN)
    return date_value(days_to_datetime(to_number(value, tz), tz), with_time)


def to_datetime(value, tz: tzinfo | None) -> datetime | None:
    """Any value as an aware datetime (None when it is not a date)."""
    if type(value) is DateValue:
        return days_to_datetime(value.days, tz)
    if type(value) is list:
        value = value[0].string_value() if value else ""
    if isinstance(value, str):
        if not value.strip():
            return None
        dt = parse_datetime(value, tz)
        if dt is not None:
            return dt.astimezone(tz or local_timezone())
        n = string_to_number(value, tz)
        return days_to_datetime(n, tz)
    if type(value) is bool:
        return None
    return days_to_datetime(to_number(value, tz), tz)


def today(now: datetime, tz: tzinfo | None) -> DateValue:
    local = now.astimezone(tz or local_timezone())
    midnight = local.replace(hour=0, minute=0, second=0, microsecond=0)
    return DateValue(format_date(local), datetime_to_days(midnight))


def parse_time(text: str, now: datetime, tz: tzinfo | None) -> datetime | None:
    m = _TIME_RE.match(text)
    if not m:
        return None
    h, mi, s, frac, off = m.groups()
    micro = int((frac or "0")[:6].ljust(6, "0"))
    base = now.astimezone(tz or local_timezone())
    try:
        return base.replace(
            hour=int(h),
            minute=int(mi),
            second=int(s or 0),
            microsecond=micro,
            tzinfo=_tz_offset(off) or base.tzinfo,
        )
    except ValueError:
        return None


__all__ = [
    "DateValue",
    "to_boolean",
    "to_number",
    "to_string",
]
