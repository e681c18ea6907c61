"""Where the person is in an interview: the screens in order and the current one (no Qt).

The screens are rebuilt lazily after any change (an answer can make questions appear or
disappear); the current screen is followed by its key, so it survives a rebuild, and when it
disappears the nearest remaining screen in document order is used.
"""

from __future__ import annotations

from surveyor.forms.model import Kind
from surveyor.ui.interview.screens import FINALIZE
from surveyor.ui.interview.screens import REPEAT_ADD
from surveyor.ui.interview.screens import Screen
from surveyor.ui.interview.screens import build_screens
from surveyor.ui.interview.screens import screen_index_for


class Navigator:
    """The interview's screen order and the current position among them."""

    def __init__(self, session, *, read_only: bool = False):
        self.session = session
        self._read_only = read_only
        self._screens: list[Screen] | None = None
        self._shown: list[Screen] = []  # the list the current screen was chosen from
        self.current: Screen | None = None
        self.index = 0
        self._order: dict[str, int] | None = None

    @property
    def read_only(self) -> bool:
        return self._read_only

    @read_only.setter
    def read_only(self, value: bool) -> None:
        self._read_only = value
        self.invalidate()

    def screens(self) -> list[Screen]:
        """Every screen of the interview now, the finalize screen last."""
        if self._screens is None:
            self._screens = build_screens(self.session, read_only=self._read_only)
        return self._screens

    def invalidate(self) -> None:
        """The answers (or the language) changed: rebuild the screens when next asked."""
        self._screens = None

    @property
    def last(self) -> int:
        """The finalize screen's index."""
        return len(self.screens()) - 1

    def position(self) -> str:
        """The current screen's key (stored to resume there)."""
        return self.current.key if self.current is not None else ""

    def move_to(self, index: int) -> tuple[int, Screen]:
        """Make the screen at ``index`` (clamped) the current one."""
        screens = self.screens()
        index = max(0, min(index, len(screens) - 1))
        self._shown = screens
        self.index = index
        self.current = screens[index]
        return index, self.current

    def current_index(self) -> int:
        """Index of the current screen in the up-to-date list (or of where it was)."""
        screens = self.screens()
        if self.current is None:
            return 0
        for index, screen in enumerate(screens):
            if screen.key == self.current.key:
                return index
        found = screen_index_for(screens, self.session, self.current.key)
        if found is not None:
            return found
        return min(self.index, len(screens) - 1)

    def neighbour(self, step: int) -> int | None:
        """The next (+1) or previous (-1) screen, even if the current one disappeared."""
        screens = self.screens()
        keys = {screen.key: i for i, screen in enumerate(screens)}
        if self.current is not None and self.current.key in keys:
            target = keys[self.current.key] + step
            return target if 0 <= target < len(screens) else None
        # the current screen is gone (no longer relevant): nearest remaining in document order
        old = self._shown
        probe = self.index
        while 0 <= probe < len(old):
            probe += step
            if 0 <= probe < len(old) and old[probe].key in keys:
                return keys[old[probe].key]
        return len(screens) - 1 if step > 0 else 0

    def index_of(self, location: str) -> int | None:
        """The screen showing ``location`` (a screen key, a field's instance path, or
        ``#finalize``), or None when nothing shows it now."""
        if location == FINALIZE:
            return self.last
        return screen_index_for(self.screens(), self.session, location)

    def first_of_section(self, section: int) -> int | None:
        """The first screen of a top-level section (the side list)."""
        for index, screen in enumerate(self.screens()):
            if screen.section == section:
                return index
        return None

    def progress(self) -> float:
        """How far through the form the current screen is, from 0.0 to 1.0 (the end page).

        The share of the form's questions that come before the current screen, in the form's
        order. Every question the form shows counts (notes too), relevant or not, and a
        repeat's questions count once, whatever the number of its members; every screen inside
        a repeat (each member, its "add" screen) stands at the repeat's first question. So the
        measure depends only on where the person is: a question becoming relevant, an answer or
        a member added never moves it backwards; only going back does. (What is answered is
        said beside it: ``InterviewSession.progress``.)
        """
        order = self._question_order()
        if self.current is None or not order:
            return 0.0
        screen = self.current
        if screen.key == FINALIZE:
            return 1.0
        template = None
        if screen.instances:
            template = self.session.template_of(screen.instances[0])
        elif screen.kind == REPEAT_ADD:
            template = screen.template
        elif screen.template is not None:
            template = screen.template
        index = self._first_question(template, order)
        return min(index / len(order), 1.0)

    def _question_order(self) -> dict[str, int]:
        """Each shown question of the form (by its path) -> its place in the form's order."""
        if self._order is None:
            self._order = {}
            for template in self.session.form.root.walk():
                if template.kind is Kind.FIELD and template.control is not None:
                    self._order[template.path] = len(self._order)
        return self._order

    @staticmethod
    def _first_question(template, order: dict[str, int]) -> int:
        if template is None:
            return 0
        if template.path in order:
            return order[template.path]
        for below in template.walk():
            if below.path in order:
                return order[below.path]
        return 0

    def sections_present(self) -> set[int]:
        """The sections that have at least one screen now."""
        return {screen.section for screen in self.screens()}
