"""What functions need beyond the document: instances, languages, clock, randomness."""

from __future__ import annotations

import random as _random
from collections.abc import Callable
from dataclasses import dataclass
from dataclasses import field
from datetime import datetime
from datetime import tzinfo

from surveyor.expressions.nodes import Node

_SHARED_RANDOM = _random.Random()


def _shared_random() -> _random.Random:
    return _SHARED_RANDOM


def _now() -> datetime:
    return datetime.now().astimezone()


@dataclass(slots=True)
class Environment:
    """The evaluation environment.

    - ``instances``: secondary instances by id, each a node whose children hold the instance's
      root element (a document node from :func:`parse_document`, or the ``<instance>`` element),
      for ``instance('id')``.
    - ``language`` and ``itext(text_id, language) -> str`` for ``jr:itext``.
    - ``choice_name(value, question_path) -> str`` for ``jr:choice-name``.
    - ``pulldata(instance_id, result_col, key_col, key) -> str`` (default: a look-up in
      ``instances``).
    - ``now() -> datetime`` (aware), ``timezone`` (None: the local time zone), ``random``.
    - ``current``: what ``current()`` returns (None: the context node given to evaluate).
    - ``position`` / ``size``: the context position and size (1 / 1 by default).
    - ``namespaces``: prefix -> URI for prefixed name tests (rare in forms).
    - ``root``: the primary instance's document node, where absolute paths start.
    """

    instances: dict[str, Node] = field(default_factory=dict)
    language: str | None = None
    itext: Callable[[str, str | None], str] | None = None
    choice_name: Callable[[str, str], str] | None = None
    pulldata: Callable[[str, str, str, str], str] | None = None
    now: Callable[[], datetime] = _now
    timezone: tzinfo | None = None
    random: _random.Random = field(default_factory=_shared_random)
    current: Node | None = None
    position: int = 1
    size: int = 1
    # The primary instance's document node: absolute paths start there (ODK), even when the
    # context node is in a secondary instance. None: the root of the context node's document.
    root: Node | None = None
    # Namespace URIs of the prefixes used in name tests (``h:`` ...). Unknown prefixes match the
    # prefix as written in the document; unprefixed names match any namespace (ODK).
    namespaces: dict[str, str] | None = None
