"""The ODK XForms function library (plus the XPath 1.0 core functions).

Most functions are *eager*: ``impl(st, node, *values)`` receives the evaluated arguments. A few
need the context position/size or lazy arguments and are compiled specially in
:func:`compile_call` (``if``, ``position``, ``last``, ``current``, ``once``, ``indexed-repeat``).
"""

from __future__ import annotations

import base64
import functools
import hashlib
import math
import re
import string as _string
import uuid as _uuid
from datetime import datetime
from decimal import ROUND_HALF_UP
from decimal import Decimal
from decimal import InvalidOperation

from surveyor.errors import ExpressionError
from surveyor.errors import ExpressionTimeout
from surveyor.expressions.nodes import ATTRIBUTE
from surveyor.expressions.nodes import ELEMENT
from surveyor.expressions.nodes import Node
from surveyor.expressions.values import NAN
from surveyor.expressions.values import DateValue
from surveyor.expressions.values import date_value
from surveyor.expressions.values import datetime_to_days
from surveyor.expressions.values import parse_datetime
from surveyor.expressions.values import parse_time
from surveyor.expressions.values import string_to_number
from surveyor.expressions.values import to_boolean
from surveyor.expressions.values import to_date
from surveyor.expressions.values import to_datetime
from surveyor.expressions.values import to_number
from surveyor.expressions.values import to_string
from surveyor.expressions.values import today
from surveyor.expressions.values import whole_days

MANY = 10**6


def _nodes(value, fname: str) -> list[Node]:
    if type(value) is not list:
        raise ExpressionError(f"{fname}() needs a node-set argument")
    return value


def _num(st, v) -> float:
    return to_number(v, st.tz)


def _str_or_context(node, args) -> str:
    return to_string(args[0]) if args else node.string_value()


def _split_list(value) -> list[str]:
    s = to_string(value).strip()
    return re.split(r"\s+", s) if s else []


# ---------------------------------------------------------------------------------------------
# strings
# ---------------------------------------------------------------------------------------------


def f_string(st, node, *args):
    return _str_or_context(node, args)


def _each_string(args) -> list[str]:
    """The arguments as strings, a node-set giving one string per node (concat, join)."""
    out = []
    for a in args:
        if type(a) is list:
            out.extend(n.string_value() for n in a)
        else:
            out.append(to_string(a))
    return out


def f_concat(st, node, *args):
    return "".join(_each_string(args))


def f_join(st, node, sep, *args):
    return to_string(sep).join(_each_string(args))


def f_substr(st, node, s, start, end=None):
    s = to_string(s)
    length = len(s)
    a = _num(st, start)
    if a != a:
        return ""
    a = int(a) if math.isfinite(a) else (length if a > 0 else 0)
    if a < 0:
        a = max(0, length + a)
    if end is None:
        return s[a:]
    b = _num(st, end)
    if b != b:
        return ""
    b = int(b) if math.isfinite(b) else (length if b > 0 else 0)
    if b < 0:
        b = max(0, length + b)
    return s[a:b]


def _xround(x: float) -> float:
    return math.floor(x + 0.5)


def f_substring(st, node, s, start, length=None):
    s = to_string(s)
    a = _num(st, start)
    if a != a:
        return ""
    first = _xround(a) if math.isfinite(a) else a
    if length is None:
        if first == math.inf:
            return ""
        begin = max(int(first) if math.isfinite(first) else 0, 1)
        return s[begin - 1 :]
    n = _num(st, length)
    if n != n:
        return ""
    last = first + (_xround(n) if math.isfinite(n) else n)
    if last != last:
        return ""
    out = []
    for i, ch in enumerate(s, 1):
        if first <= i < last:
            out.append(ch)
    return "".join(out)


def f_substring_before(st, node, a, b):
    a, b = to_string(a), to_string(b)
    i = a.find(b)
    return a[:i] if i >= 0 else ""


def f_substring_after(st, node, a, b):
    a, b = to_string(a), to_string(b)
    i = a.find(b)
    return a[i + len(b) :] if i >= 0 else ""


def f_string_length(st, node, *args):
    return float(len(_str_or_context(node, args)))


_XML_SPACE = re.compile(r"[ \t\r\n]+")


def f_normalize_space(st, node, *args):
    return _XML_SPACE.sub(" ", _str_or_context(node, args)).strip(" ")


def f_contains(st, node, a, b):
    return to_string(b) in to_string(a)


def f_starts_with(st, node, a, b):
    return to_string(a).startswith(to_string(b))


def f_ends_with(st, node, a, b):
    return to_string(a).endswith(to_string(b))


def f_translate(st, node, s, src, dst):
    s, src, dst = to_string(s), to_string(src), to_string(dst)
    table: dict[str, str | None] = {}
    for i, ch in enumerate(src):
        if ch not in table:
            table[ch] = dst[i] if i < len(dst) else None
    return "".join(table.get(ch, ch) or "" for ch in s if table.get(ch, ch) is not None)


REGEX_TIMEOUT = 1.0  # seconds one regex() search may take (docs/expressions.md § regex)


@functools.lru_cache(maxsize=512)
def _regex_search(pattern: str, text: str) -> bool | None:
    """Whether ``pattern`` is found in ``text``; None when the search ran out of time.

    The ``regex`` package (not ``re``) because it takes a timeout: a pattern with nested
    quantifiers can backtrack for minutes. Results are kept, so a constraint checked again on
    the same answer does not wait again.
    """
    import regex  # on first use (note: lark imports it too whenever it is installed)

    try:
        return regex.search(pattern, text, timeout=REGEX_TIMEOUT) is not None
    except TimeoutError:
        return None
    except regex.error as e:
        raise ExpressionError(f"invalid regular expression: {e}") from None


def f_regex(st, node, s, pattern):
    pattern = to_string(pattern)
    found = _regex_search(pattern, to_string(s))  # an invalid pattern raises ExpressionError
    if found is None:
        raise ExpressionTimeout(
            f"regex(): the pattern {pattern!r} took too long on this answer (more than "
            f"{REGEX_TIMEOUT:g} s); the form needs a simpler pattern"
        )
    return found


def f_base64_decode(st, node, s):
    try:
        return base64.b64decode(to_string(s), validate=True).decode("utf-8")
    except (ValueError, UnicodeDecodeError):
        return ""


def f_digest(st, node, data, algorithm, encoding="base64"):
    algos = {
        "MD5": "md5",
        "SHA-1": "sha1",
        "SHA-256": "sha256",
        "SHA-384": "sha384",
        "SHA-512": "sha512",
    }
    name = algos.get(to_string(algorithm).upper())
    if name is None:
        # (the argument is not quoted: it may be an answer, and errors can reach a log)
        raise ExpressionError("digest(): unknown algorithm (MD5, SHA-1, SHA-256, SHA-384, SHA-512)")
    digest = hashlib.new(name, to_string(data).encode("utf-8")).digest()
    enc = to_string(encoding).lower()
    if enc == "hex":
        return digest.hex()
    if enc == "base64":
        return base64.b64encode(digest).decode("ascii")
    raise ExpressionError("digest(): unknown encoding (hex or base64)")


def f_uuid(st, node, *args):
    if not args:
        return str(_uuid.uuid4())
    n = _num(st, args[0])
    if not math.isfinite(n) or n < 0:
        raise ExpressionError("uuid(): the length must be a positive number")
    alphabet = _string.ascii_letters + _string.digits
    rnd = st.env.random
    return "".join(rnd.choice(alphabet) for _ in range(int(n)))


# ---------------------------------------------------------------------------------------------
# select lists
# ---------------------------------------------------------------------------------------------


def f_selected(st, node, values, value):
    s = to_string(values).strip()
    items = re.split(r"\s+", s) if s else [""]
    return to_string(value).strip() in items


def f_count_selected(st, node, values):
    return float(len(_split_list(values)))


def f_selected_at(st, node, values, index):
    items = _split_list(values)
    i = _num(st, index)
    if i != i or not math.isfinite(i):
        return ""
    i = int(i)
    return items[i] if 0 <= i < len(items) else ""


def f_choice_name(st, node, value, question):
    fn = st.env.choice_name
    if fn is None:
        return ""
    path = (
        to_string(question).strip()
        if type(question) is not list
        else (question[0].path() if question else "")
    )
    return to_string(fn(to_string(value), path))


# ---------------------------------------------------------------------------------------------
# booleans
# ---------------------------------------------------------------------------------------------


def f_boolean(st, node, v):
    return to_boolean(v)


def f_boolean_from_string(st, node, v):
    return to_string(v).strip() in ("true", "1")


def f_not(st, node, v):
    return not to_boolean(v)


def f_true(st, node):
    return True


def f_false(st, node):
    return False


def f_lang(st, node, lang):
    want = to_string(lang).lower()
    n = node
    while n is not None:
        if n.kind == ELEMENT:
            value = n.attribute("xml:lang")
            if value is not None:
                value = value.lower()
                return value == want or value.startswith(want + "-")
        n = n.parent
    return False


def f_coalesce(st, node, a, b):
    if type(a) is float and a != a:  # NaN counts as empty, as in ODK
        return to_string(b)
    s = to_string(a)
    return s if s else to_string(b)


def f_checklist(st, node, low, high, *args):
    count = 0
    for a in args:
        if type(a) is list:
            count += sum(1 for n in a if to_boolean(n.string_value()))
        elif to_boolean(a):
            count += 1
    return _within(st, count, low, high)


def _within(st, value, low, high) -> bool:
    lo, hi = _num(st, low), _num(st, high)
    return (lo < 0 or value >= lo) and (hi < 0 or value <= hi)


def f_weighted_checklist(st, node, low, high, *args):
    if len(args) % 2:
        raise ExpressionError("weighted-checklist() needs value, weight pairs")
    values: list = []
    weights: list = []
    for i in range(0, len(args), 2):
        v, w = args[i], args[i + 1]
        vs = [n.string_value() for n in v] if type(v) is list else [v]
        ws = [n.string_value() for n in w] if type(w) is list else [w]
        if len(vs) != len(ws):
            raise ExpressionError("weighted-checklist(): values and weights differ in number")
        values.extend(vs)
        weights.extend(ws)
    total = 0.0
    for v, w in zip(values, weights, strict=True):
        if to_boolean(v):
            total += _num(st, w)
    return _within(st, total, low, high)


# ---------------------------------------------------------------------------------------------
# numbers
# ---------------------------------------------------------------------------------------------


def f_number(st, node, *args):
    days = whole_days(args[0] if args else node.string_value(), st.tz)
    if days is not None:
        return days
    if not args:
        return string_to_number(node.string_value(), st.tz)
    return _num(st, args[0])


def f_int(st, node, v):
    x = _num(st, v)
    if not math.isfinite(x):
        return x
    return float(math.trunc(x))


def f_round(st, node, v, digits=None):
    x = _num(st, v)
    if not math.isfinite(x):
        return x
    d = 0 if digits is None else _num(st, digits)
    if d != d:
        return NAN
    if not math.isfinite(d):
        return x if d > 0 else 0.0
    d = int(d)
    if digits is None:
        return float(math.floor(x + 0.5)) if x >= 0 else -float(math.floor(-x + 0.5))
    try:
        q = Decimal(repr(x)).quantize(Decimal(1).scaleb(-d), rounding=ROUND_HALF_UP)
    except InvalidOperation:
        return x
    return float(q)


def f_floor(st, node, v):
    x = _num(st, v)
    return float(math.floor(x)) if math.isfinite(x) else x


def f_ceiling(st, node, v):
    x = _num(st, v)
    return float(math.ceil(x)) if math.isfinite(x) else x


def _math1(fn):
    def impl(st, node, v):
        x = _num(st, v)
        try:
            return float(fn(x))
        except (ValueError, OverflowError):
            return NAN

    return impl


def _logarithm(log):
    """``log`` as ODK has it: NaN below zero (and for NaN), minus infinity at zero."""

    def impl(x):
        if x < 0 or x != x:
            return NAN
        if x == 0:
            return -math.inf
        return log(x)

    return impl


def _sqrt(x):
    return NAN if x < 0 else math.sqrt(x)


def _exp(x):
    try:
        return math.exp(x)
    except OverflowError:
        return math.inf


def _exp10(x):
    try:
        return 10.0**x
    except OverflowError:
        return math.inf


def f_pow(st, node, a, b):
    x, y = _num(st, a), _num(st, b)
    try:
        r = math.pow(x, y)
    except (ValueError, OverflowError):
        if x == 0 and y < 0:
            return math.inf
        return NAN if x < 0 else math.inf
    return r


def f_atan2(st, node, a, b):
    return math.atan2(_num(st, a), _num(st, b))


def f_pi(st, node):
    return math.pi


def _numbers(st, args) -> list[float]:
    out = []
    for a in args:
        if type(a) is list:
            out.extend(string_to_number(n.string_value(), st.tz) for n in a)
        else:
            out.append(_num(st, a))
    return out


def f_min(st, node, *args):
    xs = _numbers(st, args)
    if not xs or any(x != x for x in xs):
        return NAN
    return min(xs)


def f_max(st, node, *args):
    xs = _numbers(st, args)
    if not xs or any(x != x for x in xs):
        return NAN
    return max(xs)


def f_sum(st, node, v):
    return float(sum(string_to_number(n.string_value(), st.tz) for n in _nodes(v, "sum")))


def f_count(st, node, v):
    return float(len(_nodes(v, "count")))


def f_count_non_empty(st, node, v):
    return float(sum(1 for n in _nodes(v, "count-non-empty") if n.string_value() != ""))


def f_random(st, node):
    return st.env.random.random()


# ---------------------------------------------------------------------------------------------
# nodes
# ---------------------------------------------------------------------------------------------


def _first_node(node, args, fname):
    if not args:
        return node
    nodes = _nodes(args[0], fname)
    return nodes[0] if nodes else None


def f_local_name(st, node, *args):
    n = _first_node(node, args, "local-name")
    if n is None or n.kind not in (ELEMENT, ATTRIBUTE, "processing-instruction"):
        return ""
    return n.name


def f_name(st, node, *args):
    n = _first_node(node, args, "name")
    if n is None or n.kind not in (ELEMENT, ATTRIBUTE, "processing-instruction"):
        return ""
    return n.qname


def f_namespace_uri(st, node, *args):
    n = _first_node(node, args, "namespace-uri")
    if n is None or n.kind not in (ELEMENT, ATTRIBUTE):
        return ""
    return n.namespace


def f_instance(st, node, ident):
    ident = to_string(ident)
    inst = st.env.instances.get(ident)
    if inst is None:
        raise ExpressionError(f"no instance with id {ident!r}")
    return [inst]


def f_randomize(st, node, nodes, seed=None):
    items = list(_nodes(nodes, "randomize"))
    if seed is None:
        st.env.random.shuffle(items)
        return items
    s = _num(st, seed)
    if not math.isfinite(s):
        raise ExpressionError("randomize(): the seed must be a number")
    rnd = _JavaRandom(int(s))
    for i in range(len(items), 1, -1):
        j = rnd.next_int(i)
        items[i - 1], items[j] = items[j], items[i - 1]
    return items


class _JavaRandom:
    """java.util.Random's linear congruential generator, for seeded randomize() as JavaRosa."""

    def __init__(self, seed: int) -> None:
        self.seed = (seed ^ 0x5DEECE66D) & ((1 << 48) - 1)

    def _next(self, bits: int) -> int:
        self.seed = (self.seed * 0x5DEECE66D + 0xB) & ((1 << 48) - 1)
        r = self.seed >> (48 - bits)
        return r - (1 << bits) if r >= 1 << (bits - 1) else r

    def next_int(self, bound: int) -> int:
        if bound & (bound - 1) == 0:
            return (bound * (self._next(31) & 0x7FFFFFFF)) >> 31
        while True:
            bits = self._next(31) & 0x7FFFFFFF
            val = bits % bound
            if bits - val + (bound - 1) < (1 << 31):
                return val


def f_pulldata(st, node, ident, result_col, key_col, key):
    ident, result_col, key_col, key = (to_string(x) for x in (ident, result_col, key_col, key))
    if st.env.pulldata is not None:
        return to_string(st.env.pulldata(ident, result_col, key_col, key))
    inst = st.env.instances.get(ident)
    if inst is None:
        return ""
    for root in inst.elements():
        for item in root.elements():
            k = item.element_child(key_col)
            if k is not None and k.string_value() == key:
                r = item.element_child(result_col)
                return r.string_value() if r is not None else ""
    return ""


def f_itext(st, node, ident):
    fn = st.env.itext
    if fn is None:
        raise ExpressionError("jr:itext() needs translations")
    return to_string(fn(to_string(ident), st.env.language))


# ---------------------------------------------------------------------------------------------
# dates
# ---------------------------------------------------------------------------------------------


def f_today(st, node):
    return today(st.env.now(), st.tz)


def f_now(st, node):
    return date_value(st.env.now().astimezone(st.tz), True)


def f_date(st, node, v):
    return to_date(v, st.tz, False)


def f_date_time(st, node, v):
    return to_date(v, st.tz, True)


def f_decimal_date_time(st, node, v):
    dt = to_datetime(v, st.tz)
    return NAN if dt is None else datetime_to_days(dt)


def f_decimal_time(st, node, v):
    s = to_string(v)
    dt = parse_time(s, st.env.now(), st.tz)
    if dt is None:
        return NAN
    local = dt.astimezone(st.tz)
    seconds = local.hour * 3600 + local.minute * 60 + local.second + local.microsecond / 1e6
    return seconds / 86400.0


_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
_DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]


def _format(dt: datetime, fmt: str) -> str:
    out = []
    i = 0
    while i < len(fmt):
        ch = fmt[i]
        if ch != "%" or i + 1 >= len(fmt):
            out.append(ch)
            i += 1
            continue
        c = fmt[i + 1]
        i += 2
        if c == "Y":
            out.append(f"{dt.year:04d}")
        elif c == "y":
            out.append(f"{dt.year % 100:02d}")
        elif c == "m":
            out.append(f"{dt.month:02d}")
        elif c == "n":
            out.append(str(dt.month))
        elif c == "b":
            out.append(_MONTHS[dt.month - 1])
        elif c == "d":
            out.append(f"{dt.day:02d}")
        elif c == "e":
            out.append(str(dt.day))
        elif c == "H":
            out.append(f"{dt.hour:02d}")
        elif c == "h":
            out.append(str(dt.hour))
        elif c == "M":
            out.append(f"{dt.minute:02d}")
        elif c == "S":
            out.append(f"{dt.second:02d}")
        elif c == "3":
            out.append(f"{dt.microsecond // 1000:03d}")
        elif c == "a":
            out.append(_DAYS[dt.weekday()])
        elif c == "%":
            out.append("%")
        else:
            out.append("%" + c)
    return "".join(out)


def f_format_date(st, node, v, fmt):
    dt = to_datetime(v, st.tz)
    if dt is None:
        return ""
    return _format(dt, to_string(fmt))


# ---------------------------------------------------------------------------------------------
# geography
# ---------------------------------------------------------------------------------------------

EARTH_RADIUS = 6378100.0  # metres, as ODK's distance() and area()
AREA_RADIUS = EARTH_RADIUS


def _points(args) -> list[tuple[float, float]]:
    texts: list[str] = []
    for a in args:
        if type(a) is list:
            if len(a) == 1:
                texts.append(a[0].string_value())
            else:
                texts.extend(n.string_value() for n in a)
        else:
            texts.append(to_string(a))
    points = []
    for text in texts:
        for part in text.split(";"):
            fields = part.split()
            if len(fields) < 2:
                continue
            try:
                lat, lon = float(fields[0]), float(fields[1])
            except ValueError:
                continue
            if abs(lat) > 90 or abs(lon) > 180:
                continue
            points.append((lat, lon))
    return points


def f_distance(st, node, *args):
    pts = _points(args)
    total = 0.0
    for (la1, lo1), (la2, lo2) in zip(pts, pts[1:], strict=False):
        p1, p2 = math.radians(la1), math.radians(la2)
        dp, dl = p2 - p1, math.radians(lo2 - lo1)
        h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
        total += 2 * EARTH_RADIUS * math.asin(min(1.0, math.sqrt(h)))
    return _centimetres(total)


def _centimetres(x: float) -> float:
    """Rounded to 2 decimals, half up, as ODK's area() and distance() are."""
    return math.floor(x * 100 + 0.5) / 100


def f_area(st, node, v):
    pts = _points([v])
    n = len(pts)
    if n < 3:
        return 0.0
    total = 0.0
    for i in range(n):
        lat1, lon1 = pts[i]
        lat2, lon2 = pts[(i + 1) % n]
        total += math.radians(lon2 - lon1) * (
            2 + math.sin(math.radians(lat1)) + math.sin(math.radians(lat2))
        )
    return _centimetres(abs(total * AREA_RADIUS * AREA_RADIUS / 2.0))


def f_geofence(st, node, point, shape):
    p = _points([point])
    poly = _points([shape])
    if not p or len(poly) < 4 or poly[0] != poly[-1]:
        return False  # ODK answers false for a shape that is not a closed polygon
    y, x = p[0]
    inside = False
    n = len(poly)
    for i in range(n):
        y1, x1 = poly[i]
        y2, x2 = poly[(i + 1) % n]
        if (y1 > y) != (y2 > y):
            xi = x1 + (y - y1) * (x2 - x1) / (y2 - y1)
            if x < xi:
                inside = not inside
    return inside


# ---------------------------------------------------------------------------------------------
# registry: name -> (min args, max args, implementation)
# ---------------------------------------------------------------------------------------------

EAGER = {
    "string": (0, 1, f_string),
    "concat": (0, MANY, f_concat),
    "join": (1, MANY, f_join),
    "substr": (2, 3, f_substr),
    "substring": (2, 3, f_substring),
    "substring-before": (2, 2, f_substring_before),
    "substring-after": (2, 2, f_substring_after),
    "string-length": (0, 1, f_string_length),
    "normalize-space": (0, 1, f_normalize_space),
    "contains": (2, 2, f_contains),
    "starts-with": (2, 2, f_starts_with),
    "ends-with": (2, 2, f_ends_with),
    "translate": (3, 3, f_translate),
    "regex": (2, 2, f_regex),
    "base64-decode": (1, 1, f_base64_decode),
    "digest": (2, 3, f_digest),
    "uuid": (0, 1, f_uuid),
    "selected": (2, 2, f_selected),
    "count-selected": (1, 1, f_count_selected),
    "selected-at": (2, 2, f_selected_at),
    "jr:choice-name": (2, 2, f_choice_name),
    "boolean": (1, 1, f_boolean),
    "boolean-from-string": (1, 1, f_boolean_from_string),
    "not": (1, 1, f_not),
    "true": (0, 0, f_true),
    "false": (0, 0, f_false),
    "lang": (1, 1, f_lang),
    "coalesce": (2, 2, f_coalesce),
    "checklist": (2, MANY, f_checklist),
    "weighted-checklist": (2, MANY, f_weighted_checklist),
    "number": (0, 1, f_number),
    "int": (1, 1, f_int),
    "round": (1, 2, f_round),
    "floor": (1, 1, f_floor),
    "ceiling": (1, 1, f_ceiling),
    "abs": (1, 1, _math1(abs)),
    "sin": (1, 1, _math1(math.sin)),
    "cos": (1, 1, _math1(math.cos)),
    "tan": (1, 1, _math1(math.tan)),
    "asin": (1, 1, _math1(math.asin)),
    "acos": (1, 1, _math1(math.acos)),
    "atan": (1, 1, _math1(math.atan)),
    "atan2": (2, 2, f_atan2),
    "log": (1, 1, _math1(_logarithm(math.log))),
    "log10": (1, 1, _math1(_logarithm(math.log10))),
    "sqrt": (1, 1, _math1(_sqrt)),
    "exp": (1, 1, _math1(_exp)),
    "exp10": (1, 1, _math1(_exp10)),
    "pow": (2, 2, f_pow),
    "pi": (0, 0, f_pi),
    "min": (1, MANY, f_min),
    "max": (1, MANY, f_max),
    "sum": (1, 1, f_sum),
    "count": (1, 1, f_count),
    "count-non-empty": (1, 1, f_count_non_empty),
    "random": (0, 0, f_random),
    "randomize": (1, 2, f_randomize),
    "local-name": (0, 1, f_local_name),
    "name": (0, 1, f_name),
    "namespace-uri": (0, 1, f_namespace_uri),
    "instance": (1, 1, f_instance),
    "pulldata": (4, 4, f_pulldata),
    "jr:itext": (1, 1, f_itext),
    "today": (0, 0, f_today),
    "now": (0, 0, f_now),
    "date": (1, 1, f_date),
    "date-time": (1, 1, f_date_time),
    "decimal-date-time": (1, 1, f_decimal_date_time),
    "decimal-time": (1, 1, f_decimal_time),
    "format-date": (2, 2, f_format_date),
    "format-date-time": (2, 2, f_format_date),
    "area": (1, 1, f_area),
    "distance": (1, MANY, f_distance),
    "geofence": (2, 2, f_geofence),
}

SPECIAL = {
    "if": (3, 3),
    "position": (0, 1),
    "last": (0, 0),
    "current": (0, 0),
    "once": (1, 1),
    "indexed-repeat": (3, MANY),
}

KNOWN_FUNCTIONS = frozenset(EAGER) | frozenset(SPECIAL)


def _wrap(name: str, impl, source: str):
    def call(*a):
        try:
            return impl(*a)
        except ExpressionError as e:  # raised by an implementation: add the source
            if e.expression:
                raise
            raise type(e)(str(e), expression=source, code=e.code) from None

    return call


def _deferred_error(compiler, message: str, source: str, position):
    """A static problem (wrong arguments): reported by Expression.check() for form checks,
    raised only if the call is evaluated — ODK evaluates `false() and substring()` to false."""
    error = ExpressionError(message, expression=source, position=position)
    compiler.problems.append(error)

    def raise_error(node, pos, size, st):
        raise error

    return raise_error


def compile_call(compiler, ast):
    _, name, arg_asts, position = ast
    source = compiler.source
    if name in EAGER:
        low, high, impl = EAGER[name]
    elif name in SPECIAL:
        low, high = SPECIAL[name]
        impl = None
    else:
        # unknown: error when (and only if) evaluated, so `false() and f()` is fine
        compiler.problems.append(
            ExpressionError(f"unknown function {name}()", expression=source, position=position)
        )

        def unknown(node, pos, size, st):
            raise ExpressionError(
                f"unknown function {name}()", expression=source, position=position
            )

        return unknown
    n = len(arg_asts)
    if n < low or n > high:
        if low == high:
            expected = f"{low}"
        elif high == MANY:
            expected = f"at least {low}"
        else:
            expected = f"{low} to {high}"
        return _deferred_error(
            compiler,
            f"{name}() takes {expected} argument{'s' if expected != '1' else ''}, not {n}",
            source,
            position,
        )
    args = [compiler.compile(a) for a in arg_asts]

    if impl is not None:
        call = _wrap(name, impl, source)
        if n == 0:
            return lambda node, pos, size, st: call(st, node)
        if n == 1:
            (a0,) = args
            return lambda node, pos, size, st: call(st, node, a0(node, pos, size, st))
        if n == 2:
            a0, a1 = args
            return lambda node, pos, size, st: call(
                st, node, a0(node, pos, size, st), a1(node, pos, size, st)
            )
        return lambda node, pos, size, st: call(st, node, *[a(node, pos, size, st) for a in args])

    if name == "if":
        c, t, e = args
        return lambda node, pos, size, st: (
            t(node, pos, size, st) if to_boolean(c(node, pos, size, st)) else e(node, pos, size, st)
        )
    if name == "last":
        return lambda node, pos, size, st: float(size)
    if name == "position":
        if n == 0:
            return lambda node, pos, size, st: float(pos)
        (a0,) = args

        def position_of(node, pos, size, st):
            v = a0(node, pos, size, st)
            if type(v) is not list:
                raise ExpressionError("position() needs a node-set", expression=source)
            if not v:
                return NAN
            target = v[0]
            parent = target.parent
            if parent is None:
                return 1.0
            if target.kind == ELEMENT:  # the parent's index by name: no scan of every child
                same = parent._named(target.name)
                last = len(same) - 1
                for i in range(last, max(last - 8, -1), -1):  # the newest repeat instances
                    if same[i] is target:
                        return float(i + 1)
            else:
                same = [
                    c for c in parent.children if c.kind == target.kind and c.name == target.name
                ]
            try:
                return float(same.index(target) + 1)  # Nodes compare by identity
            except ValueError:
                return NAN

        return position_of
    if name == "current":
        return lambda node, pos, size, st: [st.current] if st.current is not None else []
    if name == "once":
        (a0,) = args

        def once(node, pos, size, st):
            existing = node.string_value()
            if existing != "":
                return existing
            value = a0(node, pos, size, st)
            if type(value) is float and value != value:  # NaN: stays empty
                return ""
            return value

        return once
    if name == "indexed-repeat":
        return _compile_indexed_repeat(compiler, arg_asts, args, source, position)
    raise AssertionError(name)  # pragma: no cover


def _compile_indexed_repeat(compiler, arg_asts, args, source, position):
    """indexed-repeat(target, repeat1, index1[, repeat2, index2...]): the target nodes that lie in
    the index1-th instance of repeat1 (then the index2-th instance of repeat2 inside it...)."""
    if len(arg_asts) % 2 == 0:
        return _deferred_error(
            compiler, "indexed-repeat() takes a target then repeat, index pairs", source, position
        )
    target_fn = args[0]
    pairs = [(args[i], args[i + 1]) for i in range(1, len(args), 2)]

    def inside(n: Node, chosen: dict[str, Node]) -> bool:
        a: Node | None = n
        while a is not None and a.kind in (ELEMENT, ATTRIBUTE):
            want = chosen.get(a.path())
            if want is not None and want is not a:
                return False
            a = a.parent
        return True

    def indexed_repeat(node, pos, size, st):
        chosen: dict[str, Node] = {}
        for repeat_fn, index_fn in pairs:
            repeats = repeat_fn(node, pos, size, st)
            if type(repeats) is not list:
                raise ExpressionError("indexed-repeat() needs repeat node-sets", expression=source)
            if chosen:
                repeats = [r for r in repeats if inside(r, chosen)]
            idx = to_number(index_fn(node, pos, size, st), st.tz)
            if idx != idx or not 1 <= idx <= len(repeats):
                return []
            picked = repeats[int(idx) - 1]
            chosen[picked.path()] = picked
        targets = target_fn(node, pos, size, st)
        if type(targets) is not list:
            raise ExpressionError("indexed-repeat() needs a node-set target", expression=source)
        return [t for t in targets if inside(t, chosen)]

    return indexed_repeat


__all__ = ["KNOWN_FUNCTIONS", "DateValue", "parse_datetime"]
