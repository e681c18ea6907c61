"""The sequence of screens of an interview, as ODK Collect shows it (no Qt here).

One screen per question; one per group (or repeat instance) with the ``field-list``
appearance; after the instances of a repeat whose count the person decides, a screen to add
another one; the finalize screen at the end. Screens of non-relevant questions are left out.

Each screen has a ``key``: the instance location of what it shows (``/data/household/street``,
``/data/household/member[2]``), ``.../member[+]`` for a repeat's "add" screen and
``#finalize``. The key is the position stored to resume an interview.
"""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field

from surveyor.errors import ExpressionError
from surveyor.expressions import parse
from surveyor.expressions import to_boolean
from surveyor.forms.model import FormNode
from surveyor.forms.model import Kind

FINALIZE = "#finalize"
# A screen's kind: that of the node it shows (a question, a field-list group, a repeat to add
# to), or the end.
FIELD, GROUP, REPEAT_ADD = Kind.FIELD.value, Kind.GROUP.value, Kind.REPEAT.value
END = "finalize"


@dataclass(eq=False, slots=True)
class Screen:
    kind: str
    key: str
    node: object = None  # field node, group/instance node, or the parent of a repeat (add)
    template: FormNode | None = None
    fields: list = field(default_factory=list)  # field nodes shown (group screens: all)
    section: int = -1  # index in sections() of the top-level group holding it
    instances: tuple = ()  # enclosing repeat instances, outermost first


@dataclass(eq=False, slots=True)
class Section:
    template: FormNode
    index: int


def is_field_list(template: FormNode) -> bool:
    return "field-list" in template.appearance.split()


def sections(form) -> list[Section]:
    """Top-level groups and repeats shown to the person (the side list)."""
    out = []
    for child in form.root.children:
        if child.kind in (Kind.GROUP, Kind.REPEAT) and child.control is not None:
            out.append(Section(child, len(out)))
    return out


def build_screens(session, *, read_only: bool = False) -> list[Screen]:
    """Every screen of the interview now, in order, the finalize screen last."""
    out: list[Screen] = []
    root = session.root
    section_of = {s.template.name: s.index for s in sections(session.form)}
    _walk(session, root, session.form.root, "/" + root.name, out, read_only, -1, (), section_of)
    out.append(Screen(END, FINALIZE))
    return out


def _walk(session, node, template, prefix, out, read_only, section, instances, section_of=None):
    for child_t in template.children:
        if section_of is not None:
            section = section_of.get(child_t.name, -1)
        if child_t.kind is Kind.REPEAT:
            if child_t.control is None:
                continue
            elements = node.elements(child_t.name)
            for index, instance in enumerate(elements, start=1):
                if not session.is_relevant(instance):
                    continue
                key = f"{prefix}/{child_t.name}[{index}]"
                _container(
                    session,
                    instance,
                    child_t,
                    key,
                    out,
                    read_only,
                    section,
                    (*instances, instance),
                )
            if (
                child_t.repeat_count is None
                and not read_only
                and session.is_relevant(node)
                and not _own_relevance_false(session, child_t, node)
            ):
                out.append(
                    Screen(
                        REPEAT_ADD,
                        f"{prefix}/{child_t.name}[+]",
                        node=node,
                        template=child_t,
                        section=section,
                        instances=instances,
                    )
                )
            continue
        child = node.element_child(child_t.name)
        if child is None or not session.is_relevant(child):
            continue
        key = f"{prefix}/{child_t.name}"
        if child_t.kind is Kind.FIELD:
            if child_t.control is not None:
                out.append(Screen(FIELD, key, child, child_t, [child], section, instances))
        elif child_t.control is not None:
            _container(session, child, child_t, key, out, read_only, section, instances)


def _own_relevance_false(session, template: FormNode, parent) -> bool:
    """A repeat whose own ``relevant`` is false offers no "add" screen."""
    if not template.bind.relevant:
        return False
    try:
        session.env.current = parent
        return not to_boolean(parse(template.bind.relevant).evaluate(parent, session.env))
    except ExpressionError:
        return False


def _container(session, node, template, key, out, read_only, section, instances):
    if is_field_list(template):
        fields = list(_fields_below(node, template))
        if any(session.is_relevant(f) for f in fields):
            out.append(Screen(GROUP, key, node, template, fields, section, instances))
        # repeats nested in a field-list group get their own screens after it
        _nested_repeats(session, node, template, key, out, read_only, section, instances)
    else:
        _walk(session, node, template, key, out, read_only, section, instances)


def _fields_below(node, template):
    """Shown fields of a group, nested groups included, repeats excluded."""
    for child_t in template.children:
        if child_t.kind is Kind.REPEAT:
            continue
        child = node.element_child(child_t.name)
        if child is None:
            continue
        if child_t.kind is Kind.FIELD:
            if child_t.control is not None:
                yield child
        else:
            yield from _fields_below(child, child_t)


def _nested_repeats(session, node, template, key, out, read_only, section, instances):
    for child_t in template.children:
        if child_t.kind is Kind.REPEAT:
            holder = FormNode(template.name, template.path, Kind.GROUP, children=[child_t])
            _walk(session, node, holder, key, out, read_only, section, instances)
        elif child_t.kind is Kind.GROUP:
            child = node.element_child(child_t.name)
            if child is not None and session.is_relevant(child):
                _nested_repeats(
                    session,
                    child,
                    child_t,
                    f"{key}/{child_t.name}",
                    out,
                    read_only,
                    section,
                    instances,
                )


def screen_index_for(screens: list[Screen], session, location: str) -> int | None:
    """The screen showing ``location`` (a screen key, or a field inside a group screen)."""
    for index, screen in enumerate(screens):
        if screen.key == location:
            return index
    best = None
    for index, screen in enumerate(screens):
        if screen.kind == GROUP and location.startswith(screen.key + "/"):
            if best is None or len(screen.key) > len(screens[best].key):
                best = index
    if best is not None:
        return best
    # a location inside a non-field-list group: its first screen
    for index, screen in enumerate(screens):
        if screen.key.startswith(location.rstrip("/") + "/"):
            return index
    return None
