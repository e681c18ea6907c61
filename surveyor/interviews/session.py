"""A running interview: the instance tree, live calculations, relevance and validation.

The session is the one place where a form's logic runs, for the desktop app, the headless
``surveyor fill`` and the server alike. It holds the answers in an XForm instance tree
(``surveyor.expressions.Node``) and keeps every calculation, relevance and repeat count up to
date as answers change, recomputing only what depends on the change.

Non-relevant answers are hidden from expressions (they read as empty) but kept while the
interview is a draft, so an answer given by mistake comes back when the question becomes
relevant again; they are dropped from the submission.
"""

from __future__ import annotations

import heapq
import random
import re
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time

from surveyor.errors import ExpressionError, ExpressionTimeout, LimitError
from surveyor.expressions import (
    Environment,
    Node,
    parse,
    parse_document,
    to_boolean,
    to_string,
)
from surveyor.forms.model import Form, FormNode, Kind
from surveyor.interviews.compiled import CompiledForm, Computation, Role, compile_form
from surveyor.perf import bulk_allocation

# XLSForm types whose value the engine fills itself: never taken from an answers file.
METADATA_TYPES = {
    "start",
    "end",
    "today",
    "deviceid",
    "username",
    "subscriberid",
    "simserial",
    "phonenumber",
    "email",
    "audit",
}

ALL = None  # scope: every instance of a template path
# Instances one repeat may hold under one parent (docs/RELIABILITY.md). A repeat_count above
# it changes nothing and is a "limit" problem naming the repeat; answers with more items are
# a "limit" problem too; add_repeat() past it raises LimitError. Never a silent cap.
MAX_REPEAT_INSTANCES = 10_000


@dataclass(slots=True, frozen=True)
class Problem:
    """Something that keeps an interview from being finalized.

    ``code`` is ``required``, ``constraint``, ``type``, ``unknown``, ``timeout`` (the
    constraint could not be checked in time: a ``regex()`` that backtracks without end;
    ``message`` says which pattern) or ``limit`` (a repeat asked for more instances than
    ``MAX_REPEAT_INSTANCES``); ``message`` is the form's own message in the session's
    language when it has one (the UI supplies a translated default otherwise); ``path`` locates the instance node
    (``/data/members/member[2]/age``).
    """

    name: str
    path: str
    code: str
    message: str = ""

    def __str__(self) -> str:
        """One line naming the field: ``age (/data/member[2]/age): Between 0 and 110``."""
        return f"{self.name} ({self.path}): {self.describe()}"

    def describe(self) -> str:
        """The form's message, or a plain English default for the code."""
        if self.message:
            return self.message
        default = {
            "required": "an answer is required",
            "constraint": "the answer is not valid",
            "type": "the answer is not of the expected type",
            "unknown": "no such field in the form",
            "timeout": "the form's check of this answer took too long",
            "limit": "more repeat instances than a repeat may hold",
        }.get(self.code, self.code)
        return default


def _index_after(children: list[Node], node: Node) -> int:
    """The index right after ``node`` in ``children``, searched from the end: the last
    instance of a repeat is near the end (list.index from the start made 10,000 instances
    quadratic)."""
    for i in range(len(children) - 1, -1, -1):
        if children[i] is node:
            return i + 1
    raise ValueError("not a child")


def _limit_message(repeat: str) -> str:
    return f"the repeat {repeat!r} holds at most {MAX_REPEAT_INSTANCES:,} instances"


def _now() -> datetime:
    return datetime.now().astimezone()


def new_instance_id() -> str:
    return f"uuid:{uuid.uuid4()}"


class InterviewSession:
    """One interview of one form, in memory. Not thread-safe: one owner at a time."""

    def __init__(
        self,
        form: Form,
        *,
        compiled: CompiledForm | None = None,
        instance_id: str | None = None,
        deprecated_id: str | None = None,
        interviewer: str = "",
        device_id: str = "",
        language: str | None = None,
        clock: Callable[[], datetime] = _now,
        rng: random.Random | None = None,
        run_first_load: bool = True,
    ):
        self.form = form
        self.compiled = compiled or compile_form(form)
        self.instance_id = instance_id or new_instance_id()
        self.deprecated_id = deprecated_id
        self.interviewer = interviewer
        self.device_id = device_id
        self.language = language or form.default_language
        self.clock = clock
        self.document = Node.document()
        self._kept: dict[int, str] = {}  # id(node) -> value hidden by non-relevance
        self._own_relevant: dict[int, bool] = {}  # id(node) -> result of its relevant
        self._hidden: set[int] = set()  # id(node) of nodes that are not relevant
        self._node_template: dict[int, FormNode] = {}
        self._triggers: dict[str, list] = {}
        for action in form.setvalues:
            if action.event == "xforms-value-changed" and action.trigger:
                self._triggers.setdefault(action.trigger, []).append(action)
        self.env = Environment(
            instances=self._secondary_instances(),
            language=self.language,
            itext=self._itext,
            choice_name=self._choice_name,
            pulldata=self._pulldata,
            now=clock,
            timezone=clock().tzinfo,
            random=rng or random.Random(),
        )
        self._batch = 0  # > 0 while answers are loaded in bulk: one recomputation at the end
        self._fixed: dict[str, Node] = {}  # template path -> node, for nodes outside repeats
        self._aggregates: dict[int, tuple[int, int, int]] = {}  # see _run_aggregate
        with bulk_allocation():
            self.root = self._build(form.root, self.document)
            self.env.root = self.document
            self.root.set_attribute("id", form.form_id)
            if form.version:
                self.root.set_attribute("version", form.version)
            if run_first_load:
                self._first_load()  # ends with a full recomputation
            else:
                self._recompute_all()

    # ------------------------------------------------------------------ building the tree

    def _secondary_instances(self) -> dict[str, Node]:
        """Secondary instances, parsed once per compiled form and shared (read-only)."""
        if self.compiled.instances is None:
            self.compiled.instances = {
                instance_id: parse_document(xml_text, keep_whitespace=False)
                for instance_id, xml_text in self.form.secondary_instances.items()
            }
        return self.compiled.instances

    def _build(self, template: FormNode, parent: Node, *, initial: bool = True) -> Node:
        """Build the nodes of ``template`` under ``parent``; ``initial``: as the form starts
        (with the repeat instances written in the primary instance), else from a template."""
        node = Node.element(template.name)
        parent.append(node)
        self._node_template[id(node)] = template
        if template.kind is Kind.FIELD:
            node.text = template.default or ""
        for child in template.children:
            if child.kind is Kind.REPEAT:
                # the instances written in the primary instance, as ODK's engines start with;
                # a counted repeat follows its count alone
                if initial and child.repeat_count is None:
                    for _ in range(child.initial_instances):
                        self._build(child, node)
                continue
            self._build(child, node, initial=initial)
        return node

    def _first_load(self) -> None:
        now = self.clock()
        for template in self.form.root.walk():
            if template.kind is not Kind.FIELD:
                continue
            bind = template.bind
            value = None
            if bind.preload == "uid":
                value = self.instance_id
            elif bind.preload == "timestamp" and bind.preload_params == "start":
                value = _format_datetime(now)
            elif bind.preload == "date" and bind.preload_params == "today":
                value = now.date().isoformat()
            elif bind.preload == "property":
                value = {
                    "deviceid": self.device_id,
                    "username": self.interviewer,
                }.get(bind.preload_params or "", "")
            if value is not None:
                for node in self.nodes_of(template.path):
                    self._write(node, value)
        for action in self.form.setvalues:
            if action.event == "odk-instance-first-load":
                for node in self.nodes_of(action.ref):
                    self._apply_setvalue(action, node)
        self._recompute_all()

    # ------------------------------------------------------------------ locating nodes

    def template_of(self, node: Node) -> FormNode:
        return self._node_template[id(node)]

    def nodes_of(self, path: str, under: Node | None = None) -> list[Node]:
        """Every instance node of the template ``path`` (below ``under`` if given)."""
        if under is None:
            fixed = self._fixed.get(path)
            if fixed is not None:
                return [fixed]
            under = self.root
            base = self.form.root.path
            if self.compiled.repeat_of.get(path) is None and path in self.form.nodes:
                found = self._walk_path(under, base, path)
                if len(found) == 1:
                    self._fixed[path] = found[0]
                return found
        else:
            base = self.template_of(under).path
        return self._walk_path(under, base, path)

    @staticmethod
    def _walk_path(under: Node, base: str, path: str) -> list[Node]:
        if path == base:
            return [under]
        if not path.startswith(base + "/"):
            return []
        nodes = [under]
        for step in path[len(base) + 1 :].split("/"):
            nodes = [child for n in nodes for child in n.elements(step)]
            if not nodes:
                break
        return nodes

    def node_at(self, location: str) -> Node:
        """The node at an instance path with positions: ``/data/rep[2]/age`` (1-based)."""
        steps = location.strip("/").split("/")
        node = self.root
        if steps[0] != self.root.name:
            raise KeyError(location)
        for step in steps[1:]:
            match = re.fullmatch(r"([^\[\]]+)(?:\[(\d+)\])?", step)
            if not match:
                raise KeyError(location)
            name, index = match.group(1), int(match.group(2) or 1)
            children = node.elements(name)
            if index < 1 or index > len(children):
                raise KeyError(location)
            node = children[index - 1]
        return node

    def location_of(self, node: Node) -> str:
        """The instance path of ``node`` with 1-based positions on repeat instances."""
        parts = []
        while node is not None and node.kind == "element":
            template = self._node_template.get(id(node))
            if template is not None and template.kind is Kind.REPEAT:
                siblings = node.parent.elements(node.name)
                parts.append(f"{node.name}[{siblings.index(node) + 1}]")
            else:
                parts.append(node.name)
            node = node.parent
        return "/" + "/".join(reversed(parts))

    def _repeat_instance_of(self, node: Node) -> Node | None:
        probe = node
        while probe is not None and probe.kind == "element":
            template = self._node_template.get(id(probe))
            if template is not None and template.kind is Kind.REPEAT:
                return probe
            probe = probe.parent
        return None

    # ------------------------------------------------------------------ values

    def value(self, node: Node) -> str:
        """The answer of ``node`` as given, even when it is hidden by relevance."""
        if id(node) in self._hidden:
            return self._kept.get(id(node), "")
        return node.text

    def is_relevant(self, node: Node) -> bool:
        return id(node) not in self._hidden

    def is_required(self, node: Node) -> bool:
        expr = self.compiled.required.get(self.template_of(node).path)
        return expr is not None and self._truth(expr, node)

    def is_readonly(self, node: Node) -> bool:
        template = self.template_of(node)
        if template.bind.calculate and template.control is None:
            return True
        expr = self.compiled.readonly.get(template.path)
        return expr is not None and self._truth(expr, node)

    def _truth(self, expr, node: Node) -> bool:
        self.env.current = node
        try:
            return to_boolean(expr.evaluate(node, self.env))
        except ExpressionError:
            return False

    def _write(self, node: Node, value: str) -> bool:
        """Store ``value``; return True when what expressions read changed."""
        if id(node) in self._hidden:
            self._kept[id(node)] = value
            return False
        if node.text == value:
            return False
        node.text = value
        return True

    def set_answer(self, location: str | Node, value) -> None:
        """Give an answer (as typed; lists for select_multiple) and update what depends on it."""
        node = self.node_at(location) if isinstance(location, str) else location
        template = self.template_of(node)
        text = normalize_answer(template, value)
        old = node.text
        if self._write(node, text):
            self._propagate([(template.path, self._repeat_instance_of(node), ("value", node, old))])
        for action in self._triggers.get(template.path, ()):
            scope = self._repeat_instance_of(node)
            targets = self.nodes_of(action.ref, under=scope) or self.nodes_of(action.ref)
            for target in targets:
                self._apply_setvalue(action, target)

    def _apply_setvalue(self, action, node: Node) -> None:
        if action.value:
            self.env.current = node
            try:
                result = to_string(parse(action.value).evaluate(node, self.env))
            except ExpressionError:
                result = ""
        else:
            result = ""
        old = node.text
        if self._write(node, result):
            path = self.template_of(node).path
            self._propagate([(path, self._repeat_instance_of(node), ("value", node, old))])

    # ------------------------------------------------------------------ repeats

    def repeat_instances(self, repeat: str | FormNode, under: Node | None = None) -> list[Node]:
        path = repeat.path if isinstance(repeat, FormNode) else repeat
        return self.nodes_of(path, under=under)

    def add_repeat(self, repeat: str | FormNode, *, under: Node | None = None) -> Node:
        """Add an instance at the end of a repeat; ``under`` is the enclosing repeat instance."""
        template = self.form.node(repeat) if isinstance(repeat, str) else repeat
        parent_template = template.parent
        if under is None:
            parents = self.nodes_of(parent_template.path)
        else:
            parents = self.nodes_of(parent_template.path, under=under)
        if len(parents) != 1:
            raise ValueError(f"ambiguous parent for repeat {template.path}: give `under`")
        parent = parents[0]
        instance = self._insert_repeat(template, parent)
        self._after_structure_change(template, instance)
        return instance

    def _insert_repeat(self, template: FormNode, parent: Node) -> Node:
        siblings = parent._named(template.name)  # not copied: a repeat may hold 10,000
        if len(siblings) >= MAX_REPEAT_INSTANCES:
            raise LimitError(_limit_message(template.name))
        if siblings:
            index = _index_after(parent.children, siblings[-1])
        else:
            # keep document order: after the previous sibling template that has nodes
            index = 0
            for sibling in template.parent.children:
                if sibling is template:
                    break
                found = parent.elements(sibling.name)
                if found:
                    index = parent.children.index(found[-1]) + 1
        node = Node.element(template.name)
        parent.insert(index, node)
        self._node_template[id(node)] = template
        for child in template.children:
            if child.kind is not Kind.REPEAT:
                self._build(child, node, initial=False)
        # a new instance inside a hidden (non-relevant) ancestor is hidden too
        if id(parent) in self._hidden:
            for sub in _walk(node):
                self._hide(sub)
        return node

    def remove_repeat(self, instance: Node) -> None:
        template = self.template_of(instance)
        if template.kind is not Kind.REPEAT:
            raise ValueError("not a repeat instance")
        parent = instance.parent
        self._forget(instance)
        self._after_structure_change(template, None, scope=self._repeat_instance_of(parent))

    def _forget(self, instance: Node) -> None:
        """Take a repeat instance out of the tree and out of every per-node table."""
        for sub in _walk(instance):
            self._kept.pop(id(sub), None)
            self._own_relevant.pop(id(sub), None)
            self._hidden.discard(id(sub))
            self._node_template.pop(id(sub), None)
        instance.parent.remove(instance)

    def _after_structure_change(self, template: FormNode, instance: Node | None, scope=None):
        """Bring a repeat up to date after an instance was added (``instance``) or removed."""
        event = None
        if instance is not None:
            self._init_instance(template, instance)
            # Readers of the new instance's paths: a relative reader sees only this instance.
            scope = instance
            event = ("add", instance)
        self._propagate([(n.path, scope, event) for n in template.walk()])

    def _init_instance(self, template: FormNode, instance: Node) -> None:
        """Run a new repeat instance's own computations and ``odk-new-repeat`` actions."""
        for comp in self.compiled.computations:
            if comp.role is not Role.COUNT and _is_within(comp.target.path, template.path):
                for node in self.nodes_of(comp.target.path, under=instance):
                    self._run(comp, node)
            elif comp.role is Role.COUNT and _is_within(comp.target.parent.path, template.path):
                for node in self.nodes_of(comp.target.parent.path, under=instance):
                    self._run(comp, node)
        for action in self.form.setvalues:
            if action.event == "odk-new-repeat" and _is_within(action.ref, template.path):
                for node in self.nodes_of(action.ref, under=instance):
                    self._apply_setvalue(action, node)

    # ------------------------------------------------------------------ recomputation

    def _recompute_all(self) -> None:
        self._aggregates.clear()
        for comp in self.compiled.computations:
            for node in self._targets(comp, None):
                if comp.aggregate is not None:
                    self._run_aggregate(comp, node, None)
                else:
                    self._run(comp, node)

    def _run(self, comp: Computation, node: Node) -> bool:
        """Evaluate ``comp`` for one target node; return True when its result changed.

        The target of a repeat count is the node that holds the repeat's instances.
        """
        if comp.role is Role.COUNT:
            return self._run_count(comp, node)
        self.env.current = node
        try:
            result = comp.expression.evaluate(node, self.env)
        except ExpressionError:
            result = ""
        if comp.role is Role.CALCULATE:
            return self._write(node, to_string(result))
        if comp.role is Role.RELEVANT:
            relevant = to_boolean(result)
            if self._own_relevant.get(id(node), True) == relevant:
                return False
            self._own_relevant[id(node)] = relevant
            return self._refresh_relevance(node)
        return False

    def _refresh_relevance(self, node: Node) -> bool:
        """Apply the relevance of ``node`` and its ancestors to its subtree."""
        parent_hidden = node.parent is not None and id(node.parent) in self._hidden
        changed = False
        for sub in _walk(node):
            if sub is node:
                hidden = parent_hidden or not self._own_relevant.get(id(sub), True)
            else:
                hidden = id(sub.parent) in self._hidden or not self._own_relevant.get(id(sub), True)
            if hidden and id(sub) not in self._hidden:
                self._hide(sub)
                changed = True
            elif not hidden and id(sub) in self._hidden:
                self._show(sub)
                changed = True
        return changed

    def _hide(self, node: Node) -> None:
        self._hidden.add(id(node))
        if not node.elements():
            self._kept[id(node)] = node.text
            node.text = ""

    def _show(self, node: Node) -> None:
        self._hidden.discard(id(node))
        if not node.elements():
            node.text = self._kept.pop(id(node), "")

    def _wanted_count(self, comp: Computation, parent: Node) -> int:
        """The number of instances the repeat count asks for under ``parent`` (0 if none)."""
        self.env.current = parent
        try:
            wanted = to_string(comp.expression.evaluate(parent, self.env))
            return max(0, int(float(wanted))) if wanted not in ("", "NaN") else 0
        except (ExpressionError, ValueError, OverflowError):
            return 0

    def _run_count(self, comp: Computation, parent: Node) -> bool:
        count = self._wanted_count(comp, parent)
        if count > MAX_REPEAT_INSTANCES:
            return False  # left as it is (a typo destroys nothing); validate() reports it
        template = comp.target
        instances = parent._named(template.name)  # live, not copied: kept linear
        if len(instances) == count:
            return False
        while len(instances) < count:
            self._init_instance(template, self._insert_repeat(template, parent))
            instances = parent._named(template.name)
        while len(instances) > count:
            self._forget(instances[-1])
            instances = parent._named(template.name)
        return True

    def _targets(self, comp: Computation, scope: Node | None) -> list[Node]:
        if comp.role is Role.COUNT:
            parent_path = comp.target.parent.path
            return (
                self.nodes_of(parent_path, under=scope)
                if scope is not None
                else (self.nodes_of(parent_path))
            )
        if scope is None:
            return self.nodes_of(comp.target.path)
        return self.nodes_of(comp.target.path, under=scope)

    def _scope_for(self, comp: Computation, path: str, scope: Node | None) -> Node | None:
        """Narrow a change inside a repeat instance to that instance when the reference is
        relative (``../age``): other instances cannot see it."""
        if scope is None or path not in comp.relative_references:
            return ALL
        probe = scope
        target_path = comp.target.path if comp.role is not Role.COUNT else comp.target.parent.path
        while probe is not None:
            template = self._node_template.get(id(probe))
            if (
                template is not None
                and template.kind is Kind.REPEAT
                and _is_within(target_path, template.path)
            ):
                return probe
            probe = self._repeat_instance_of(probe.parent) if probe.parent is not None else None
        return ALL

    def _propagate(self, changes) -> None:
        """Recompute, in dependency order, everything that reads the changed paths.

        ``changes`` holds ``(template path, scope, event)``: the scope is the repeat instance
        the change happened in (None: anywhere); the event says what happened, for the
        aggregates kept incrementally: ``("value", node, old_text)``, ``("add", instance)``,
        or None for anything else (they are then recounted).
        """
        if self._batch:
            return  # one full recomputation when the batch ends
        heap: list[int] = []
        pending: dict[int, list] = {}  # order -> [comp, scopes, events or None]

        def schedule(path: str, scope: Node | None, event) -> None:
            for comp in self.compiled.dependents.get(path, ()):
                entry = pending.get(comp.order)
                if entry is None:
                    entry = [comp, set(), [] if comp.aggregate else None]
                    pending[comp.order] = entry
                    heapq.heappush(heap, comp.order)
                if comp.aggregate is not None and entry[2] is not None:
                    if event is None:
                        entry[2] = None
                    else:
                        entry[2].append(event)
                scopes = entry[1]
                if ALL in scopes:
                    continue
                narrowed = self._scope_for(comp, path, scope)
                if narrowed is ALL:
                    scopes.clear()
                    scopes.add(ALL)
                else:
                    scopes.add(_Key(narrowed))

        for path, scope, event in changes:
            schedule(path, scope, event)
        processed: set[int] = set()
        while heap:
            order = heapq.heappop(heap)
            if order in processed:
                # a cycle re-scheduled it: run each computation once per change
                continue
            processed.add(order)
            comp, scopes, events = pending.pop(order)
            if ALL in scopes:
                targets = self._targets(comp, None)
            else:
                targets = [n for key in scopes for n in self._targets(comp, key.node)]
            for node in targets:
                if comp.role is Role.COUNT:
                    if self._run_count(comp, node):
                        scope = self._repeat_instance_of(node)
                        for sub in comp.target.walk():
                            schedule(sub.path, scope, None)
                    continue
                old = node.text
                if comp.aggregate is not None:
                    changed = self._run_aggregate(comp, node, events)
                else:
                    changed = self._run(comp, node)
                if not changed:
                    continue
                scope = self._repeat_instance_of(node)
                if comp.role is Role.CALCULATE:
                    schedule(comp.target.path, scope, ("value", node, old))
                else:
                    for out in comp.target.walk():
                        schedule(out.path, scope, None)

    def _run_aggregate(self, comp: Computation, node: Node, events) -> bool:
        """``sum(/path)`` / ``count(/path)`` kept up to date from what changed.

        The state is (total of the integer values, number of nodes, number of values that
        are not plain integers). While every value is an integer the result is the total;
        otherwise the expression is evaluated as usual. Anything but a value change or an
        added repeat instance (relevance, removal, a batch) recounts from scratch.
        """
        kind, path = comp.aggregate
        state = self._aggregates.get(comp.order)
        if state is None or events is None:
            state = self._count_aggregate(path)
        else:
            total, count, odd = state
            added: list[Node] = []
            firsts: dict[int, tuple[Node, str]] = {}
            for event in events:
                if event[0] == "add":
                    added.append(event[1])
                    for sub in self.nodes_of(path, under=event[1]):
                        count += 1
                        number = _integer(sub.text)
                        if number is None:
                            odd += 1
                        else:
                            total += number
                else:
                    firsts.setdefault(id(event[1]), (event[1], event[2]))
            for changed, old in firsts.values():
                if added and any(_is_inside(changed, inst) for inst in added):
                    continue  # counted with its instance, as it is now
                before, after = _integer(old), _integer(changed.text)
                if before is None:
                    odd -= 1
                else:
                    total -= before
                if after is None:
                    odd += 1
                else:
                    total += after
            state = (total, count, odd)
        self._aggregates[comp.order] = state
        total, count, odd = state
        if kind == "count":
            return self._write(node, to_string(float(count)))
        if odd:
            return self._run(comp, node)
        return self._write(node, to_string(float(total)))

    def _count_aggregate(self, path: str) -> tuple[int, int, int]:
        total = count = odd = 0
        for sub in self.nodes_of(path):
            count += 1
            number = _integer(sub.text)
            if number is None:
                odd += 1
            else:
                total += number
        return total, count, odd

    # ------------------------------------------------------------------ choices & labels

    def choices(self, node: Node) -> list[tuple[str, str]]:
        """The (value, label) pairs offered for ``node`` now, in the session's language."""
        template = self.template_of(node)
        if template.itemset is not None:
            expr = self.compiled.itemsets[template.path]
            self.env.current = node
            try:
                items = expr.evaluate(node, self.env)
            except ExpressionError:
                return []
            if not isinstance(items, list):
                return []
            value_expr = parse(template.itemset.value_ref)
            label_expr = parse(template.itemset.label_ref)
            result = []
            for item in items:
                value = to_string(value_expr.evaluate(item, self.env))
                label = to_string(label_expr.evaluate(item, self.env))
                result.append((value, label or value))
            return result
        return [
            (choice.name, self.translate(choice.label) or choice.name)
            for choice in (template.choices or [])
        ]

    def translate(self, texts: dict[str, str]) -> str:
        if not texts:
            return ""
        for lang in (self.language, self.form.default_language, "", "default"):
            if lang is not None and texts.get(lang):
                return texts[lang]
        return next((t for t in texts.values() if t), "")

    def label(self, node_or_template) -> str:
        template = (
            node_or_template
            if isinstance(node_or_template, FormNode)
            else self.template_of(node_or_template)
        )
        return self.translate(template.label)

    def set_language(self, language: str | None) -> None:
        self.language = language
        self.env.language = language

    def _itext(self, text_id: str, language: str | None = None) -> str:
        itext = self.form.itext
        for lang in (language or self.language, self.form.default_language, *itext):
            forms = itext.get(lang or "", {}).get(text_id)
            if forms:
                return forms.get("", next(iter(forms.values())))
        return ""

    def _choice_name(self, value: str, target) -> str:
        path = target if isinstance(target, str) else self.template_of(target).path
        template = self.form.nodes.get(path)
        if template is None:
            return ""
        if template.choices:
            for choice in template.choices:
                if choice.name == value:
                    return self.translate(choice.label)
        elif template.itemset is not None:
            nodes = self.nodes_of(path)
            for choice_value, label in self.choices(nodes[0]) if nodes else ():
                if choice_value == value:
                    return label
        return ""

    def _pulldata(self, instance_id: str, column: str, key_column: str, key: str) -> str:
        doc = self.env.instances.get(instance_id)
        if doc is None:
            return ""
        for root in doc.elements():
            for item in root.elements():
                keys = item.elements(key_column)
                if keys and keys[0].text == key:
                    found = item.elements(column)
                    return found[0].text if found else ""
        return ""

    # ------------------------------------------------------------------ validation

    def validate(self) -> list[Problem]:
        """Every required answer missing, constraint broken or value of the wrong type."""
        problems: list[Problem] = []
        for node in _walk(self.root):
            template = self._node_template.get(id(node))
            if template is None or template.kind is not Kind.FIELD:
                continue
            if id(node) in self._hidden or template.control is None:
                continue
            problem = self.check(node)
            if problem is not None:
                problems.append(problem)
        for comp in self.compiled.computations:
            if comp.role is not Role.COUNT:
                continue
            for parent in self.nodes_of(comp.target.parent.path):
                if id(parent) in self._hidden:
                    continue
                count = self._wanted_count(comp, parent)
                if count > MAX_REPEAT_INSTANCES:
                    name = comp.target.name
                    where = f"{self.location_of(parent)}/{name}"
                    message = f"the repeat count asks for {count:,} instances; " + _limit_message(
                        name
                    )
                    problems.append(Problem(name, where, "limit", message))
        return problems

    def check(self, node: Node) -> Problem | None:
        """The first problem of one answer, or None."""
        template = self.template_of(node)

        def problem(code: str, message: str) -> Problem:
            return Problem(template.name, self.location_of(node), code, message)

        value = node.text
        if value == "":
            if self.is_required(node):
                return problem("required", self.translate(template.bind.required_message))
            return None
        type_problem = check_type(template, value)
        if type_problem:
            return problem("type", type_problem)
        if template.control in ("select1", "select") and "or_other" not in template.type:
            # the choices the question offers now: after its choice_filter, from its file
            itemset = template.itemset
            if itemset is not None and (
                itemset.instance_id is None or itemset.instance_id in self.env.instances
            ):
                allowed = {choice for choice, _ in self.choices(node)}
            elif itemset is not None:
                allowed = None  # its file is missing (the form says so when loaded)
            elif template.choices is not None:
                allowed = {c.name for c in template.choices}
            else:
                allowed = None
            picked = value.split() if template.control == "select" else [value]
            if allowed is not None and not all(p in allowed for p in picked):
                return problem("type", "not one of the choices")
        expr = self.compiled.constraints.get(template.path)
        if expr is not None:
            self.env.current = node
            try:
                valid = to_boolean(expr.evaluate(node, self.env))
            except ExpressionTimeout as exc:
                return problem("timeout", str(exc))
            except ExpressionError:
                valid = False
            if not valid:
                return problem("constraint", self.translate(template.bind.constraint_message))
        return None

    def finalize_metadata(self) -> None:
        """Fill what is filled when an interview is finalized (``end``)."""
        now = self.clock()
        for template in self.form.root.walk():
            if template.bind.preload == "timestamp" and template.bind.preload_params == "end":
                for node in self.nodes_of(template.path):
                    self._write(node, _format_datetime(now))

    # ------------------------------------------------------------------ progress

    def instance_name(self) -> str:
        expr = self.compiled.instance_name
        if expr is None:
            return ""
        self.env.current = self.root
        try:
            return to_string(expr.evaluate(self.root, self.env))
        except ExpressionError:
            return ""

    def visible_fields(self) -> Iterator[Node]:
        """Relevant fields a person answers, in order (notes and read-only included)."""
        for node in _walk(self.root):
            template = self._node_template.get(id(node))
            if (
                template is not None
                and template.kind is Kind.FIELD
                and template.control is not None
                and id(node) not in self._hidden
            ):
                yield node

    def progress(self) -> tuple[int, int]:
        """(answered, answerable) among relevant questions that take an answer."""
        answered = total = 0
        for node in self.visible_fields():
            template = self.template_of(node)
            if template.type == "note" or self.is_readonly(node):
                continue
            total += 1
            if node.text != "":
                answered += 1
        return answered, total

    # ------------------------------------------------------------------ answers in/out

    def answers(self, *, include_hidden: bool = True) -> dict:
        """Answers keyed by XLSForm name: groups flattened, repeats as lists of dicts.

        With ``include_hidden`` (drafts) non-relevant answers are kept; without, they are
        empty, as in the submission.
        """
        return self._collect(self.root, include_hidden)

    def _collect(self, node: Node, include_hidden: bool) -> dict:
        out: dict = {}
        for child in node.elements():
            template = self._node_template.get(id(child))
            if template is None:
                continue
            if template.kind is Kind.REPEAT:
                items = out.setdefault(template.name, [])
                if include_hidden or id(child) not in self._hidden:  # as in the submission
                    items.append(self._collect(child, include_hidden))
            elif template.kind is Kind.GROUP:
                if template.name == "meta" and template.parent is self.form.root:
                    continue
                out.update(self._collect(child, include_hidden))
            else:
                out[template.name] = self.value(child) if include_hidden else child.text
        # repeats with no instance are an empty list
        template = self._node_template.get(id(node))
        if template is not None:
            for child_template in _child_repeats(template):
                out.setdefault(child_template.name, [])
        return out

    def load_answers(self, answers: dict, *, restore: bool = False) -> list[Problem]:
        """Apply an answers dict (the shape ``answers()`` returns).

        Unknown names are reported (code ``unknown``) instead of being ignored; values for
        calculations are skipped since the engine computes them. Metadata (start, today,
        deviceid...) is filled by the engine for a new interview; with ``restore`` (reopening
        a stored interview) the stored values are taken as they were.
        """
        problems: list[Problem] = []
        self._batch += 1
        try:
            self._load_into(self.root, self.form.root, answers, problems, restore)
        finally:
            self._batch -= 1
            if not self._batch:
                self._recompute_all()
        return problems

    def _load_into(
        self, node: Node, template: FormNode, answers: dict, problems, restore: bool = False
    ) -> None:
        names = _names_below(template)
        repeats: list[tuple[str, FormNode, object]] = []
        for key, value in answers.items():
            target = names.get(key)
            if target is None:
                problems.append(Problem(key, self.location_of(node) + "/" + key, "unknown"))
                continue
            if target.kind is Kind.REPEAT:
                # after the fields: a repeat count may read any of them, through calculations
                repeats.append((key, target, value))
                continue
            if target.kind is not Kind.FIELD:
                problems.append(Problem(key, target.path, "type", "a group takes no value"))
                continue
            if target.bind.calculate:
                continue
            if target.type in METADATA_TYPES or target.bind.preload:
                if restore and isinstance(value, str):
                    for field_node in self.nodes_of(target.path, under=node):
                        self._write(field_node, value)
                continue
            for field_node in self.nodes_of(target.path, under=node):
                self.set_answer(field_node, value)
        if any(target.repeat_count is not None for _, target, _ in repeats):
            # in a batch nothing has been recomputed yet: bring calculations, relevance and
            # repeat counts up to date with the fields loaded so far
            self._recompute_all()
        for key, target, value in repeats:
            self._load_repeat(node, key, target, value, problems, restore)

    def _load_repeat(
        self, node: Node, key: str, target: FormNode, value, problems, restore: bool
    ) -> None:
        if not isinstance(value, list):
            problems.append(Problem(key, self.location_of(node), "type", "a repeat takes a list"))
            return
        parents = self.nodes_of(target.parent.path, under=node)
        if not parents:
            return
        parent = parents[0]
        existing = parent.elements(target.name)
        for index, item in enumerate(value):
            if not isinstance(item, dict):
                problems.append(
                    Problem(key, self.location_of(node), "type", "a repeat item is an object")
                )
                continue
            if index < len(existing):
                instance = existing[index]
            elif index >= MAX_REPEAT_INSTANCES:
                where = f"{self.location_of(parent)}/{key}"
                message = f"{len(value):,} items; " + _limit_message(key)
                problems.append(Problem(key, where, "limit", message))
                break
            elif target.repeat_count is None:
                instance = self.add_repeat(target, under=parent)
            else:
                problems.append(
                    Problem(
                        key,
                        self.location_of(parent) + "/" + target.name,
                        "type",
                        f"more items than the repeat count ({len(existing)})",
                    )
                )
                break
            self._load_into(instance, target, item, problems, restore)
        if target.repeat_count is None:
            # the list is the whole repeat: instances beyond it (such as the one a form
            # starts with) are removed
            for extra in parent.elements(target.name)[len(value) :]:
                self.remove_repeat(extra)

    def freeze(self, answers: dict, *, instance_name: str = "") -> list[Problem]:
        """Show exactly ``answers``, as a finalized interview stored them: every value, the
        calculations and metadata included, nothing recomputed and nothing hidden.

        Rendering a finalized interview this way gives the same bytes every time, even when
        a calculation uses now(), random() or uuid(): a submission sent again is then the
        same submission (the server takes it as a duplicate, not as a conflict).
        """
        problems: list[Problem] = []
        self._hidden.clear()
        self._kept.clear()
        self._own_relevant.clear()
        self._batch += 1  # no propagation while values are put back
        try:
            self._freeze_into(self.root, self.form.root, answers, problems)
        finally:
            self._batch -= 1
        for template in self.form.root.walk():
            if template.path.endswith("/meta/instanceName"):
                for node in self.nodes_of(template.path):
                    node.text = instance_name
        return problems

    def _freeze_into(self, node: Node, template: FormNode, answers: dict, problems) -> None:
        names = _names_below(template)
        for key, value in answers.items():
            target = names.get(key)
            if target is None:
                problems.append(Problem(key, self.location_of(node) + "/" + key, "unknown"))
            elif target.kind is Kind.REPEAT:
                parent = self.nodes_of(target.parent.path, under=node)
                if not parent or not isinstance(value, list):
                    continue
                for existing in parent[0].elements(target.name):
                    self._forget(existing)
                for item in value:
                    if isinstance(item, dict):
                        instance = self._insert_repeat(target, parent[0])
                        self._freeze_into(instance, target, item, problems)
            elif target.kind is Kind.FIELD:
                for field_node in self.nodes_of(target.path, under=node):
                    field_node.text = normalize_answer(target, value)

    def to_xml(self) -> str:
        """The interview as an OpenRosa submission (XForm instance XML)."""
        parts = ['<?xml version="1.0" encoding="UTF-8"?>']
        root = self.root
        attrs = (
            ' xmlns:jr="http://openrosa.org/javarosa" xmlns:orx="http://openrosa.org/xforms"'
            f' id="{_escape(self.form.form_id)}"'
        )
        if self.form.version:
            attrs += f' version="{_escape(self.form.version)}"'
        parts.append(f"<{root.name}{attrs}>")
        self._xml_children(root, parts)
        parts.append(f"</{root.name}>")
        return "".join(parts)

    def _xml_children(self, node: Node, parts: list[str]) -> None:
        has_meta = False
        for child in node.elements():
            template = self._node_template.get(id(child))
            if template is None:
                continue
            if template.kind is Kind.REPEAT and id(child) in self._hidden:
                continue
            if template.kind is Kind.FIELD:
                value = child.text
                if template.path.endswith("/meta/instanceID"):
                    value = self.instance_id
                parts.append(
                    f"<{child.name}>{_escape(value)}</{child.name}>"
                    if value
                    else f"<{child.name}/>"
                )
                continue
            parts.append(f"<{child.name}>")
            self._xml_children(child, parts)
            if template.name == "meta" and template.parent is self.form.root:
                has_meta = True
                if self.deprecated_id:
                    parts.append(f"<deprecatedID>{_escape(self.deprecated_id)}</deprecatedID>")
            parts.append(f"</{child.name}>")
        if node is self.root and not has_meta:
            parts.append(f"<meta><instanceID>{_escape(self.instance_id)}</instanceID>")
            if self.deprecated_id:
                parts.append(f"<deprecatedID>{_escape(self.deprecated_id)}</deprecatedID>")
            parts.append("</meta>")


class _Key:
    """Hashable by identity wrapper so instance nodes can sit in a set."""

    __slots__ = ("node",)

    def __init__(self, node: Node):
        self.node = node

    def __hash__(self) -> int:
        return id(self.node)

    def __eq__(self, other) -> bool:
        return isinstance(other, _Key) and other.node is self.node


def _integer(text: str) -> int | None:
    """The value of a plain integer answer ("12", "-3"), else None."""
    if text.isascii() and (text.isdigit() or (text[:1] == "-" and text[1:].isdigit())):
        return int(text)
    return None


def _walk(node: Node) -> Iterator[Node]:
    stack = [node]
    while stack:
        current = stack.pop()
        yield current
        stack.extend(reversed(current.elements()))


def _is_within(path: str, ancestor: str) -> bool:
    return path == ancestor or path.startswith(ancestor + "/")


def _is_inside(node: Node, ancestor: Node) -> bool:
    probe = node
    while probe is not None:
        if probe is ancestor:
            return True
        probe = probe.parent
    return False


def _child_repeats(template: FormNode) -> Iterator[FormNode]:
    """Repeats directly below ``template``, looking through groups (not other repeats)."""
    for child in template.children:
        if child.kind is Kind.REPEAT:
            yield child
        elif child.kind is Kind.GROUP:
            yield from _child_repeats(child)


def _names_below(template: FormNode) -> dict[str, FormNode]:
    """XLSForm names reachable from ``template`` without entering a repeat."""
    names: dict[str, FormNode] = {}
    stack = list(template.children)
    while stack:
        node = stack.pop()
        names.setdefault(node.name, node)
        if node.kind is Kind.GROUP:
            stack.extend(node.children)
    return names


def _escape(text: str) -> str:
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )


def _format_datetime(moment: datetime) -> str:
    """ODK's dateTime form: 2026-11-22T17:40:00.000+01:00."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.isoformat(timespec="milliseconds")


_INT = re.compile(r"[+-]?\d+")
_DECIMAL = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)")


def normalize_answer(template: FormNode, value) -> str:
    """Turn an answer as given (str, number, bool, list, date) into its instance text."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        return " ".join(str(v) for v in value if str(v) != "")
    if isinstance(value, datetime):
        return _format_datetime(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time):
        return value.isoformat(timespec="milliseconds")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value)
    if template.control in ("select", "odk:rank"):
        return " ".join(text.split())
    if template.bind.type in ("int", "decimal"):
        return text.strip()
    return text


def check_type(template: FormNode, value: str) -> str:
    """A short English reason when ``value`` is not of the field's type, else ``""``."""
    kind = template.bind.type
    if kind == "int":
        if not _INT.fullmatch(value):
            return "a whole number is expected"
        if abs(int(value)) > 2**31 - 1:
            return "the number is too large"
    elif kind == "decimal":
        if not _DECIMAL.fullmatch(value):
            return "a number is expected"
    elif kind == "date":
        try:
            date.fromisoformat(value)
        except ValueError:
            return "a date (YYYY-MM-DD) is expected"
    elif kind == "time":
        try:
            time.fromisoformat(value)
        except ValueError:
            return "a time (HH:MM) is expected"
    elif kind == "dateTime":
        try:
            datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return "a date and time is expected"
    elif kind == "geopoint":
        parts = value.split()
        try:
            numbers = [float(p) for p in parts]
        except ValueError:
            return "a position (latitude longitude) is expected"
        if len(numbers) < 2 or len(numbers) > 4:
            return "a position (latitude longitude) is expected"
        if not (-90 <= numbers[0] <= 90 and -180 <= numbers[1] <= 180):
            return "latitude must be within ±90 and longitude within ±180"
    return ""
