"""The one way Surveyor's own expat parsers refuse XML entities (billion laughs, external
fetches): the form-instance parser of the expressions and the server's submission reader.
The other XML readers go through defusedxml."""

from __future__ import annotations

from collections.abc import Callable
from xml.parsers import expat


def refuse_entities(
    parser: expat.XMLParserType,
    entity: Callable[..., None],
    external: Callable[..., None] | None = None,
) -> None:
    """Make ``parser`` call ``entity`` (which raises) at any entity declaration and
    ``external`` (default: ``entity``) at any external entity reference, and never read a
    parameter entity: no entity is ever expanded or fetched."""
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.EntityDeclHandler = entity
    parser.UnparsedEntityDeclHandler = entity
    parser.ExternalEntityRefHandler = external or entity
