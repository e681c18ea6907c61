"""A running interview: the instance tree and live calculations, relevance and repeat counts.

The session is the one place where a form's logic runs, for the desktop app, the headless
``surveyor fill`` and the server alike. It holds the answers in an XForm instance tree
(``surveyor.interviews.instance``: each node carries its form node and its relevance) and
keeps every calculation, relevance and repeat count up to date as answers change,
recomputing only what depends on the change.

Non-relevant answers are hidden from expressions (they read as empty) but kept while the
interview is a draft, so an answer given by mistake comes back when the question becomes
relevant again; they are dropped from the submission.

The session coordinates; the other jobs are modules of their own, which its methods call:
``answers`` (the answers dict in and out), ``validation`` (problems and limits),
``submission`` (the submission XML, ``freeze``) and ``labels`` (languages, choices, itext).
They use the session through its public methods, among them the low-level ones marked
*for the engine's pieces* below (``write``, ``bulk``, ``recompute_all``...).
"""

from __future__ import annotations

import heapq
import random
import re
from collections.abc import Callable
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime

from surveyor.errors import ExpressionError
from surveyor.errors import LimitError
from surveyor.expressions import Environment
from surveyor.expressions import Node
from surveyor.expressions import parse
from surveyor.expressions import parse_document
from surveyor.expressions import to_boolean
from surveyor.expressions import to_string
from surveyor.forms.model import Form
from surveyor.forms.model import FormNode
from surveyor.forms.model import Kind
from surveyor.interviews import answers as _answers
from surveyor.interviews import labels as _labels
from surveyor.interviews import submission as _submission
from surveyor.interviews import validation as _validation
from surveyor.interviews.answers import METADATA_TYPES
from surveyor.interviews.answers import format_datetime
from surveyor.interviews.answers import normalize_answer
from surveyor.interviews.compiled import CompiledForm
from surveyor.interviews.compiled import Computation
from surveyor.interviews.compiled import Role
from surveyor.interviews.compiled import compile_form
from surveyor.interviews.instance import InstanceNode
from surveyor.interviews.instance import index_after
from surveyor.interviews.instance import is_inside
from surveyor.interviews.instance import is_within
from surveyor.interviews.instance import new_document
from surveyor.interviews.instance import new_element
from surveyor.interviews.instance import walk
from surveyor.interviews.instance import walk_path
from surveyor.interviews.record import new_instance_id
from surveyor.interviews.validation import MAX_REPEAT_INSTANCES
from surveyor.interviews.validation import Problem
from surveyor.interviews.validation import check_type
from surveyor.interviews.validation import limit_message
from surveyor.perf import bulk_allocation

__all__ = [
    "ALL",
    "MAX_REPEAT_INSTANCES",
    "METADATA_TYPES",
    "InstanceNode",
    "InterviewSession",
    "Problem",
    "check_type",
    "new_instance_id",
    "normalize_answer",
]

ALL = None  # scope: every instance of a template path


def _now() -> datetime:
    return datetime.now().astimezone()


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
        # read when the session starts, so a test may lower the module's constant
        self.max_repeat_instances = MAX_REPEAT_INSTANCES
        self.document = new_document()
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
        self._fixed: dict[str, InstanceNode] = {}  # template path -> node outside repeats
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
                self.recompute_all()

    # ------------------------------------------------------------------ building the tree

    def _secondary_instances(self) -> dict[str, Node]:
        """Secondary instances, parsed once per compiled form and shared (read-only)."""
        if self.compiled.instances is None:
            self.compiled.instances = {
                instance_id: parse_document(xml_text, keep_whitespace=False)
                for instance_id, xml_text in self.form.secondary_instances.items()
            }
        return self.compiled.instances

    def _build(self, template: FormNode, parent: Node, *, initial: bool = True) -> InstanceNode:
        """Build the nodes of ``template`` under ``parent``; ``initial``: as the form starts
        (with the repeat instances written in the primary instance), else from a template."""
        node = new_element(template)
        parent.append(node)
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
                value = format_datetime(now)
            elif bind.preload == "date" and bind.preload_params == "today":
                value = now.date().isoformat()
            elif bind.preload == "property":
                value = {
                    "deviceid": self.device_id,
                    "username": self.interviewer,
                }.get(bind.preload_params or "", "")
            if value is not None:
                for node in self.nodes_of(template.path):
                    self.write(node, value)
        for action in self.form.setvalues:
            if action.event == "odk-instance-first-load":
                for node in self.nodes_of(action.ref):
                    self._apply_setvalue(action, node)
        self.recompute_all()

    # ------------------------------------------------------------------ locating nodes

    def template_of(self, node: InstanceNode) -> FormNode:
        """The form node ``node`` instantiates (None for the document node)."""
        return node.template

    def nodes_of(self, path: str, under: Node | None = None) -> list[Node]:
        """Every instance node of the template ``path`` (below ``under`` if given)."""
        if under is None:
            fixed = self._fixed.get(path)
            if fixed is not None:
                return [fixed]
            under = self.root
            base = self.form.root.path
            if self.compiled.repeat_of.get(path) is None and path in self.form.nodes:
                found = walk_path(under, base, path)
                if len(found) == 1:
                    self._fixed[path] = found[0]
                return found
        else:
            base = under.template.path
        return walk_path(under, base, path)

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
            if node.template.kind is Kind.REPEAT:
                siblings = node.parent.elements(node.name)
                parts.append(f"{node.name}[{siblings.index(node) + 1}]")
            else:
                parts.append(node.name)
            node = node.parent
        return "/" + "/".join(reversed(parts))

    def _repeat_instance_of(self, node: Node) -> Node | None:
        probe = node
        while probe is not None and probe.kind == "element":
            if probe.template.kind is Kind.REPEAT:
                return probe
            probe = probe.parent
        return None

    # ------------------------------------------------------------------ values

    def value(self, node: Node) -> str:
        """The answer of ``node`` as given, even when it is hidden by relevance."""
        if node.hidden:
            return node.kept
        return node.text

    def is_relevant(self, node: Node) -> bool:
        return not node.hidden

    def is_required(self, node: Node) -> bool:
        expr = self.compiled.required.get(node.template.path)
        return expr is not None and self._truth(expr, node)

    def is_readonly(self, node: Node) -> bool:
        template = node.template
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

    def write(self, node: InstanceNode, value: str) -> bool:
        """Store ``value`` as it is, with no recomputation (for the engine's pieces: set_answer
        is the way to answer); return True when what expressions read changed."""
        if node.hidden:
            node.kept = value
            return False
        if node.text == value:
            return False
        node.text = value
        return True

    def set_answer(self, location: str | Node, value) -> None:
        """Give an answer (as typed; lists for select_multiple) and update what depends on it."""
        node = self.node_at(location) if isinstance(location, str) else location
        template = node.template
        text = normalize_answer(template, value)
        old = node.text
        if self.write(node, text):
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
        if self.write(node, result):
            path = node.template.path
            self._propagate([(path, self._repeat_instance_of(node), ("value", node, old))])

    # ------------------------------------------------------------------ repeats

    def repeat_instances(self, repeat: str | FormNode, under: Node | None = None) -> list[Node]:
        path = repeat.path if isinstance(repeat, FormNode) else repeat
        return self.nodes_of(path, under=under)

    def add_repeat(self, repeat: str | FormNode, *, under: Node | None = None) -> InstanceNode:
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
        instance = self.insert_instance(template, parent)
        self._after_structure_change(template, instance)
        return instance

    def remove_repeat(self, instance: InstanceNode) -> None:
        template = self.template_of(instance)
        if template.kind is not Kind.REPEAT:
            raise ValueError("not a repeat instance")
        parent = instance.parent
        self.drop_instance(instance)
        self._after_structure_change(template, None, scope=self._repeat_instance_of(parent))

    def insert_instance(self, template: FormNode, parent: InstanceNode) -> InstanceNode:
        """Add an empty instance of the repeat ``template`` under ``parent``, with nothing
        computed (for the engine's pieces: add_repeat is the way to add one)."""
        siblings = parent._named(template.name)  # not copied: a repeat may hold 10,000
        if len(siblings) >= self.max_repeat_instances:
            raise LimitError(limit_message(template.name, self.max_repeat_instances))
        if siblings:
            index = index_after(parent.children, siblings[-1])
        else:
            # keep document order: after the previous sibling template that has nodes
            index = 0
            for sibling in template.parent.children:
                if sibling is template:
                    break
                found = parent.elements(sibling.name)
                if found:
                    index = parent.children.index(found[-1]) + 1
        node = new_element(template)
        parent.insert(index, node)
        for child in template.children:
            if child.kind is not Kind.REPEAT:
                self._build(child, node, initial=False)
        # a new instance inside a hidden (non-relevant) ancestor is hidden too
        if parent.hidden:
            for sub in walk(node):
                self._set_hidden(sub, True)
        return node

    def drop_instance(self, instance: InstanceNode) -> None:
        """Take a repeat instance out of the tree, with nothing recomputed (for the engine's
        pieces: remove_repeat is the way to remove one). Its state goes with its nodes."""
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
            if comp.role is not Role.COUNT and is_within(comp.target.path, template.path):
                for node in self.nodes_of(comp.target.path, under=instance):
                    self._run(comp, node)
            elif comp.role is Role.COUNT and is_within(comp.target.parent.path, template.path):
                for node in self.nodes_of(comp.target.parent.path, under=instance):
                    self._run(comp, node)
        for action in self.form.setvalues:
            if action.event == "odk-new-repeat" and is_within(action.ref, template.path):
                for node in self.nodes_of(action.ref, under=instance):
                    self._apply_setvalue(action, node)

    # ------------------------------------------------------------------ recomputation

    @contextmanager
    def bulk(self, *, recompute: bool = True) -> Iterator[None]:
        """Change many values with no propagation, then (``recompute``) one full
        recomputation when the outermost bulk ends (for the engine's pieces)."""
        self._batch += 1
        try:
            yield
        finally:
            self._batch -= 1
            if recompute and not self._batch:
                self.recompute_all()

    def recompute_all(self) -> None:
        """Every calculation, relevance and repeat count, in dependency order."""
        self._aggregates.clear()
        for comp in self.compiled.computations:
            for node in self._targets(comp, None):
                if comp.aggregate is not None:
                    self._run_aggregate(comp, node, None)
                else:
                    self._run(comp, node)

    def _run(self, comp: Computation, node: InstanceNode) -> bool:
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
            return self.write(node, to_string(result))
        if comp.role is Role.RELEVANT:
            relevant = to_boolean(result)
            if node.relevant_alone == relevant:
                return False
            node.relevant_alone = relevant
            return self._refresh_relevance(node)
        return False

    def _refresh_relevance(self, node: InstanceNode) -> bool:
        """Apply the relevance of ``node`` and its ancestors to its subtree."""
        parent_hidden = node.parent is not None and node.parent.hidden
        changed = False
        for sub in walk(node):
            if sub is node:
                hidden = parent_hidden or not sub.relevant_alone
            else:
                hidden = sub.parent.hidden or not sub.relevant_alone
            if hidden and not sub.hidden:
                self._set_hidden(sub, True)
                changed = True
            elif not hidden and sub.hidden:
                self._set_hidden(sub, False)
                changed = True
        return changed

    @staticmethod
    def _set_hidden(node: InstanceNode, hidden: bool) -> None:
        """Hide a node (a leaf's answer is kept aside, the submission has it empty) or show
        it again (its answer back)."""
        node.hidden = hidden
        if not node.elements():
            if hidden:
                node.kept, node.text = node.text, ""
            else:
                node.text, node.kept = node.kept, ""

    def wanted_count(self, comp: Computation, parent: Node) -> int:
        """The number of instances the repeat count ``comp`` asks for under ``parent`` (0 if
        none), whatever the limit."""
        self.env.current = parent
        try:
            wanted = to_string(comp.expression.evaluate(parent, self.env))
            return max(0, int(float(wanted))) if wanted not in ("", "NaN") else 0
        except (ExpressionError, ValueError, OverflowError):
            return 0

    def _run_count(self, comp: Computation, parent: InstanceNode) -> bool:
        count = self.wanted_count(comp, parent)
        if count > self.max_repeat_instances:
            return False  # left as it is (a typo destroys nothing); validate() reports it
        template = comp.target
        instances = parent._named(template.name)  # live, not copied: kept linear
        if len(instances) == count:
            return False
        while len(instances) < count:
            self._init_instance(template, self.insert_instance(template, parent))
            instances = parent._named(template.name)
        while len(instances) > count:
            self.drop_instance(instances[-1])
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
            template = probe.template
            if template.kind is Kind.REPEAT and is_within(target_path, template.path):
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
        # order -> [comp, scopes (a dict used as an ordered set of nodes, or {ALL: None}),
        #           events or None]; nodes hash by identity
        pending: dict[int, list] = {}

        def schedule(path: str, scope: Node | None, event) -> None:
            for comp in self.compiled.dependents.get(path, ()):
                entry = pending.get(comp.order)
                if entry is None:
                    entry = [comp, {}, [] if comp.aggregate else None]
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
                scopes[narrowed] = None

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
                targets = [n for scope in scopes for n in self._targets(comp, scope)]
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

    def _run_aggregate(self, comp: Computation, node: InstanceNode, events) -> bool:
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
            firsts: dict[Node, str] = {}  # changed node (by identity) -> its first old text
            for event in events:
                if event[0] == "add":
                    added.append(event[1])
                    more = self._count_aggregate(path, under=event[1])
                    total, count, odd = total + more[0], count + more[1], odd + more[2]
                else:
                    firsts.setdefault(event[1], event[2])
            for changed, old in firsts.items():
                if added and any(is_inside(changed, inst) for inst in added):
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
            return self.write(node, to_string(float(count)))
        if odd:
            return self._run(comp, node)
        return self.write(node, to_string(float(total)))

    def _count_aggregate(self, path: str, under: Node | None = None) -> tuple[int, int, int]:
        """(total of the integer values, number of nodes, number of other values) of the nodes
        at ``path`` (within ``under`` when given)."""
        total = count = odd = 0
        for sub in self.nodes_of(path, under=under):
            count += 1
            number = _integer(sub.text)
            if number is None:
                odd += 1
            else:
                total += number
        return total, count, odd

    # ------------------------------------------------------------------ labels (labels.py)

    def choices(self, node: Node) -> list[tuple[str, str]]:
        """The (value, label) pairs offered for ``node`` now, in the session's language."""
        return _labels.choices(self, node)

    def translate(self, texts: dict[str, str]) -> str:
        """One of the form's texts in the session's language (else the default, else any)."""
        return _labels.translate(texts, self.language, self.form.default_language)

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
        return _labels.itext(self.form, text_id, language or self.language)

    def _choice_name(self, value: str, target) -> str:
        return _labels.choice_name(self, value, target)

    def _pulldata(self, instance_id: str, column: str, key_column: str, key: str) -> str:
        return _labels.pulldata(self.env.instances, instance_id, column, key_column, key)

    # ------------------------------------------------------------------ validation.py

    def validate(self) -> list[Problem]:
        """Every required answer missing, constraint broken or value of the wrong type, and
        every repeat count past the limit."""
        return _validation.validate(self)

    def check(self, node: Node) -> Problem | None:
        """The first problem of one answer, or None."""
        return _validation.check(self, node)

    def finalize_metadata(self) -> None:
        """Fill what is filled when an interview is finalized (``end``)."""
        now = self.clock()
        for template in self.form.root.walk():
            if template.bind.preload == "timestamp" and template.bind.preload_params == "end":
                for node in self.nodes_of(template.path):
                    self.write(node, format_datetime(now))

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

    def visible_fields(self) -> Iterator[InstanceNode]:
        """Relevant fields a person answers, in order (notes and read-only included)."""
        for node in walk(self.root):
            template = node.template
            if template.kind is Kind.FIELD and template.control is not None and not node.hidden:
                yield node

    def progress(self) -> tuple[int, int]:
        """(answered, answerable) among relevant questions that take an answer; an answer
        with a problem (a broken constraint, a value of the wrong type) is not answered."""
        answered = total = 0
        for node in self.visible_fields():
            template = node.template
            if template.type == "note" or self.is_readonly(node):
                continue
            total += 1
            if node.text != "" and self.check(node) is None:
                answered += 1
        return answered, total

    # ------------------------------------------------------------------ answers.py

    def answers(self, *, include_hidden: bool = True) -> dict:
        """Answers keyed by XLSForm name: groups flattened, repeats as lists of dicts.

        With ``include_hidden`` (drafts) non-relevant answers are kept; without, they are
        empty, as in the submission.
        """
        return _answers.collect(self, include_hidden=include_hidden)

    def load_answers(self, answers: dict, *, restore: bool = False) -> list[Problem]:
        """Apply an answers dict (the shape ``answers()`` returns); see ``answers.load``."""
        return _answers.load(self, answers, restore=restore)

    # ------------------------------------------------------------------ submission.py

    def freeze(self, answers: dict, *, instance_name: str = "") -> list[Problem]:
        """Show exactly ``answers``, as a finalized interview stored them; see
        ``submission.freeze``."""
        return _submission.freeze(self, answers, instance_name=instance_name)

    def to_xml(self) -> str:
        """The interview as an OpenRosa submission (XForm instance XML)."""
        return _submission.to_xml(self)


def _integer(text: str) -> int | None:
    """The value of a plain integer answer ("12", "-3"), else None."""
    if text.isascii() and (text.isdigit() or (text[:1] == "-" and text[1:].isdigit())):
        return int(text)
    return None
