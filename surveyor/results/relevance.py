"""Was a question relevant in an interview? Evaluated again from the stored answers.

A finalized interview stores every field, the non-relevant ones empty (as the submission
holds them), so "asked" cannot be read from the answers: it is the question's relevance (its
own ``relevant`` and its groups', up to its repeat, or up to the form) evaluated with the
expression engine on the stored answers. Most relevance expressions read a few answers
outside repeats (``${consent} = 'yes'``, ``selected(${needs_unmet}, 'repair')``): their
value is kept per distinct tuple of the values they read, so 100,000 interviews cost a few
dictionary look-ups each. Others (reading into repeats: ``count(${member}) > 1``) are
evaluated on the interview's tree, built once when first needed.
"""

from __future__ import annotations

from dataclasses import dataclass

from surveyor.errors import ExpressionError
from surveyor.expressions import Environment
from surveyor.expressions import Node
from surveyor.expressions import parse
from surveyor.expressions import to_boolean
from surveyor.forms.model import Form
from surveyor.forms.model import FormNode
from surveyor.forms.model import Kind

# Functions whose value does not follow from the answers alone: never kept per key.
_UNSTABLE = {"now", "today", "random", "uuid", "instance", "pulldata", "once", "position"}


@dataclass(slots=True)
class _Condition:
    source: str
    context: str  # the path of the node it is bound to
    repeat: str | None  # the repeat path the context is in, if any
    keys: tuple[tuple[str, str, bool], ...] | None  # (path, name, in_member) when memoable


class Relevance:
    """The relevance of each field of one form version."""

    def __init__(self, form: Form):
        self.form = form
        self._chains: dict[str, tuple[_Condition, ...]] = {}
        self._memo: dict[tuple, bool] = {}
        self._env = Environment()

    def _condition(self, node: FormNode) -> _Condition | None:
        text = node.bind.relevant
        if not text:
            return None
        repeats = node.repeat_ancestors()
        repeat = repeats[-1] if repeats else None
        try:
            expression = parse(text)
            refs = expression.references(node.path)
            functions = {f.split(":")[-1] for f in expression.functions()}
        except ExpressionError:
            return _Condition(text, node.path, repeat.path if repeat else None, None)
        keys: list[tuple[str, str, bool]] | None = []
        if functions & _UNSTABLE:
            keys = None
        for ref in sorted(refs):
            target = self.form.nodes.get(ref)
            if keys is None or target is None or target.kind is not Kind.FIELD:
                keys = None
                break
            target_repeats = target.repeat_ancestors()
            if not target_repeats:
                keys.append((ref, target.name, False))
            elif repeat is not None and target_repeats[-1] is repeat and len(repeats) == 1:
                keys.append((ref, target.name, True))
            else:
                keys = None
                break
        return _Condition(
            text,
            node.path,
            repeat.path if repeat else None,
            tuple(keys) if keys is not None else None,
        )

    def chain(self, path: str) -> tuple[_Condition, ...]:
        """The conditions a field at ``path`` needs, from the form's top down to itself
        (the enclosing repeat's own condition excluded: a stored member was relevant)."""
        found = self._chains.get(path)
        if found is None:
            node = self.form.nodes[path]
            conditions = []
            current: FormNode | None = node
            while current is not None and current.kind is not Kind.ROOT:
                if current.kind is Kind.REPEAT and current is not node:
                    # conditions above the repeat decide whether it had members at all
                    break
                condition = self._condition(current)
                if condition is not None:
                    conditions.append(condition)
                current = current.parent
            found = tuple(reversed(conditions))
            self._chains[path] = found
        return found

    def checker(self, path: str):
        """A function ``(answers, member, make_tree) -> bool`` saying whether the field at
        ``path`` was relevant, or None when it always is (no condition on it or its groups).

        When every condition of the chain reads only answers (outside repeats, or in the
        field's own repeat instance), the whole chain's value is kept per tuple of the values
        it reads: one tuple and one dictionary look-up per interview."""
        chain = self.chain(path)
        if not chain:
            return None
        if any(c.keys is None for c in chain):

            def slow(answers, member, make_tree):
                return self.relevant(path, answers, member, make_tree())

            slow.needs_tree = True  # type: ignore[attr-defined]
            return slow
        top: list[str] = []
        inner: list[str] = []
        for condition in chain:
            for _path, name, in_member in condition.keys or ():
                target = inner if in_member else top
                if name not in target:
                    target.append(name)
        memo: dict[tuple, bool] = {}
        holds = self._holds

        def fast(answers, member, make_tree):
            get = answers.get
            key = tuple([get(n) for n in top])
            if inner and member is not None:
                mget = member.get
                key += tuple([mget(n) for n in inner])
            try:
                found = memo.get(key)
            except TypeError:  # a list where a value was expected: evaluate directly
                return all(holds(c, answers, member, None) for c in chain)
            if found is None:
                found = all(holds(c, answers, member, None) for c in chain)
                memo[key] = found
            return found

        fast.needs_tree = False  # type: ignore[attr-defined]
        return fast

    def relevant(self, path: str, answers: dict, member: dict | None = None, tree=None) -> bool:
        """Whether the field at ``path`` was relevant in this interview (``member``: the
        repeat instance for a field in a repeat). ``tree``: a :class:`InterviewTree` to
        reuse between questions of the same interview."""
        for condition in self.chain(path):
            if not self._holds(condition, answers, member, tree):
                return False
        return True

    def _holds(self, condition: _Condition, answers, member, tree) -> bool:
        if condition.keys is not None:
            values = tuple(
                (member if in_member and member is not None else answers).get(name, "")
                for _path, name, in_member in condition.keys
            )
            key = (condition.source, condition.context, values)
            found = self._memo.get(key)
            if found is None:
                found = self._evaluate_small(condition, values)
                self._memo[key] = found
            return found
        if tree is None:
            tree = InterviewTree(self.form, answers)
        context = tree.context(condition.context, member)
        try:
            return to_boolean(parse(condition.source).evaluate(context, self._env_for(tree)))
        except ExpressionError:
            return True

    def _env_for(self, tree: InterviewTree) -> Environment:
        return Environment(root=tree.document)

    def _evaluate_small(self, condition: _Condition, values: tuple) -> bool:
        document = Node.document()
        made: dict[str, Node] = {}

        def element(path: str) -> Node:
            node = made.get(path)
            if node is None:
                parent_path, _, name = path.rpartition("/")
                parent = element(parent_path) if parent_path else document
                node = parent.append(Node.element(name))
                made[path] = node
            return node

        for (path, _name, _in_member), value in zip(condition.keys or (), values, strict=True):
            element(path).text = _text(value)
        context = element(condition.context)
        try:
            return to_boolean(parse(condition.source).evaluate(context, Environment(root=document)))
        except ExpressionError:
            return True  # an expression that fails to evaluate: count the question as asked


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return " ".join(str(v) for v in value)
    return str(value)


class InterviewTree:
    """An interview's answers as the instance tree the expressions read."""

    def __init__(self, form: Form, answers: dict):
        self.document = Node.document()
        self._members: dict[int, Node] = {}
        self._by_path: dict[str, Node] = {}
        root = form.root
        element = self.document.append(Node.element(root.name))
        self._by_path[root.path] = element
        self._fill(root, element, answers, top=True)

    def _fill(self, template: FormNode, element: Node, answers: dict, *, top: bool) -> None:
        for child in template.children:
            if child.kind is Kind.FIELD:
                node = element.append(Node.element(child.name))
                node.text = _text(answers.get(child.name, ""))
                if top:
                    self._by_path[child.path] = node
            elif child.kind is Kind.GROUP:
                node = element.append(Node.element(child.name))
                if top:
                    self._by_path[child.path] = node
                self._fill(child, node, answers, top=top)
            elif child.kind is Kind.REPEAT:
                for member in answers.get(child.name) or []:
                    if not isinstance(member, dict):
                        continue
                    node = element.append(Node.element(child.name))
                    self._members[id(member)] = node
                    self._fill(child, node, member, top=False)

    def context(self, path: str, member: dict | None) -> Node:
        if member is not None and id(member) in self._members:
            node = self._members[id(member)]
            # walk down from the member to the path
            base = node.path()
            rest = [p for p in path.split("/") if p][len([p for p in base.split("/") if p]) :]
            for name in rest:
                found = node.element_child(name)
                if found is None:
                    break
                node = found
            return node
        node = self._by_path.get(path)
        if node is None:
            node = self._by_path[next(iter(self._by_path))]
        return node


__all__ = ["InterviewTree", "Relevance"]
