"""The main window: welcome on first start, then home and the interview screen.

It opens the one :class:`~surveyor.workspace.Workspace` on the database thread and holds it
in its :class:`~surveyor.ui.operations.WorkspaceHost`; every operation on it is a
:class:`~surveyor.ui.operations.DbOp` (run on that thread), whose Changes come back through
``workspace_changed`` for the views to refresh. Form files are read on the file pool, so
the window never freezes. Closing waits for the database queue: nothing typed is lost.
"""

from __future__ import annotations

from pathlib import Path

from surveyor.errors import ErrorCode
from surveyor.errors import SurveyorError
from surveyor.errors import code_of
from surveyor.forms.loader import import_pyxform
from surveyor.interviews.record import Status
from surveyor.paths import bundled_forms_dir
from surveyor.ui.doors import MyDoorsPage
from surveyor.ui.errors import error_sentence
from surveyor.ui.errors import exception_sentence
from surveyor.ui.formtext import unsupported_dialog
from surveyor.ui.formtext import unsupported_summary
from surveyor.ui.handin import HandInController
from surveyor.ui.home import FormEntry
from surveyor.ui.home import HomePage
from surveyor.ui.keys import OWNS_RETURN
from surveyor.ui.language import FollowsLanguage
from surveyor.ui.operations import DbOp
from surveyor.ui.operations import WorkspaceHost
from surveyor.ui.protection import PassphraseDialog
from surveyor.ui.protection import ProtectDialog
from surveyor.ui.qt import QAction
from surveyor.ui.qt import QApplication
from surveyor.ui.qt import QDialog
from surveyor.ui.qt import QEvent
from surveyor.ui.qt import QFileDialog
from surveyor.ui.qt import QFrame
from surveyor.ui.qt import QKeySequence
from surveyor.ui.qt import QMainWindow
from surveyor.ui.qt import QMenu
from surveyor.ui.qt import QMessageBox
from surveyor.ui.qt import QScrollArea
from surveyor.ui.qt import QStackedWidget
from surveyor.ui.qt import Qt
from surveyor.ui.qt import QTimer
from surveyor.ui.qt import QVBoxLayout
from surveyor.ui.qt import QWidget
from surveyor.ui.qt import Signal
from surveyor.ui.roundsheet import TypeBackDialog
from surveyor.ui.settings import DEFAULT_TEXT_SIZE
from surveyor.ui.settings import AppSettings
from surveyor.ui.settings import SettingsDialog
from surveyor.ui.settings import clamp_text_size
from surveyor.ui.sync import ServerSync
from surveyor.ui.welcome import WelcomePage
from surveyor.ui.widgets import ask
from surveyor.ui.widgets import size_to_current

FORM_PATTERNS = "*.xlsx *.xls *.csv *.md *.xml"


def bundled_form_files() -> list[Path]:
    folder = bundled_forms_dir()
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in (".xlsx", ".xls", ".xml"))


class PageHolder(QWidget):
    """Holds the pages in the window's scroll area, which scrolls only when the window is
    smaller than the page's minimum size (a layout would give the scroll area the page's
    preferred height for its width, and it would scroll whenever a table could be taller)."""

    def __init__(self, stack: QWidget):
        super().__init__()
        self.stack = stack
        stack.setParent(self)

    def minimumSizeHint(self):  # noqa: N802 - Qt's name
        return self.stack.minimumSizeHint()

    def sizeHint(self):  # noqa: N802
        return self.stack.minimumSizeHint()

    def resizeEvent(self, event):  # noqa: N802
        self.stack.setGeometry(self.rect())
        super().resizeEvent(event)

    def event(self, event):
        if event.type() == QEvent.LayoutRequest:  # a page's minimum size changed
            self.updateGeometry()
        return super().event(event)


class MainWindow(FollowsLanguage, QMainWindow):
    """Welcome, home and interview pages in one stack."""

    store_ready = Signal()
    forms_ready = Signal()

    def __init__(
        self,
        *,
        data_dir: str | None,
        settings: AppSettings,
        languages,
        tasks,
        apply_text_size=None,
        parent=None,
    ):
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.data_dir = data_dir
        self.settings = settings
        self.languages = languages
        self.tasks = tasks
        self._apply_text_size = apply_text_size
        self.workspace_host = WorkspaceHost(tasks, parent=self)
        self.device_id = ""
        self.forms: list[FormEntry] = []
        self._loaded_forms: dict[str, object] = {}  # path -> Form
        self.interview = None  # the Interview on screen
        self.session = None
        self.view = None
        self.read_only = False
        self._fresh_answers: dict | None = None
        self._closing = False
        self._repair_box: QMessageBox | None = None
        self.passphrase_dialog: PassphraseDialog | None = None  # asked at start-up, if protected
        self.protect_dialog: ProtectDialog | None = None
        self.protection_box: QMessageBox | None = None  # offered for an encrypted form
        self._preload_started = False
        self.forms_loaded = False  # every form of this laptop was read (or failed)
        self.welcome: WelcomePage | None = None

        self.stack = QStackedWidget()
        # A page wider or taller than the screen (the largest text sizes on a 1024×600
        # laptop) scrolls; the window never asks for more than the screen has.
        self.page_scroll = QScrollArea()
        self.page_scroll.setObjectName("pageScroll")
        self.page_scroll.setWidgetResizable(True)
        self.page_scroll.setFrameShape(QFrame.NoFrame)
        self.page_scroll.setWidget(PageHolder(self.stack))
        self.setCentralWidget(self.page_scroll)
        self.stack.currentChanged.connect(self._size_pages)
        self.home = HomePage(tasks)
        self.workspace_changed.connect(self.home.on_workspace_changed)
        self.workspace_changed.connect(self._maybe_asked_to_protect)
        self.home.set_interviewer(settings.interviewer)
        self.home.new_interview.connect(self.new_interview)
        self.home.open_interview.connect(lambda s: self.open_interview(s.instance_id))
        self.home.resume_requested.connect(self.open_interview)
        self.home.open_form_requested.connect(self.choose_form_file)
        self.home.settings_requested.connect(self.open_settings)
        self.home.coordination_requested.connect(self.show_coordination)
        self.home.doors_requested.connect(self.show_doors)
        self.stack.addWidget(self.home)
        self.interview_page = QWidget()
        self.interview_layout = QVBoxLayout(self.interview_page)
        self.interview_layout.setContentsMargins(0, 0, 0, 0)
        self.stack.addWidget(self.interview_page)
        self.hand_in = HandInController(self)
        self.server_sync = ServerSync(self)
        self.coordination = None  # the CoordinatorPage, made when first shown
        self.doors_page = None  # "My doors", made when first shown
        self._form_menu = None
        self._back_to = None  # the page a read-only interview returns to

        self._make_actions()
        self._update_coordination()
        self.retranslate()
        if not settings.welcomed:
            self.show_welcome()

    @property
    def workspace(self):
        """The open Workspace (None until it is open, and once closed)."""
        return self.workspace_host.workspace

    @property
    def workspace_changed(self):
        """``(changes, initiator)`` after each operation that changed something."""
        return self.workspace_host.changed

    def _size_pages(self, _index: int = -1) -> None:
        """Only the page shown counts for the window's size (a wide coordination page does
        not make home scroll sideways)."""
        size_to_current(self.stack)

    # --- menus and shortcuts -------------------------------------------------------------

    def _make_actions(self) -> None:
        bar = self.menuBar()
        self.app_menu = bar.addMenu("")
        self.view_menu = bar.addMenu("")
        self.home_action = self._action(QKeySequence("Ctrl+H"), self.go_home)
        self.open_form_action = self._action(QKeySequence.Open, self.choose_form_file)
        self.settings_action = self._action(QKeySequence("Ctrl+,"), self.open_settings)
        self.protect_action = self._action(None, self.protect_this_computer)
        self.protect_action.setObjectName("protectAction")
        self.quit_action = self._action(QKeySequence.Quit, self.close)
        self.coordination_action = self._action(QKeySequence("Ctrl+K"), self.show_coordination)
        self.doors_action = self._action(QKeySequence("Ctrl+D"), self.show_doors)
        for action in (
            self.home_action,
            self.doors_action,
            self.open_form_action,
            self.settings_action,
            self.protect_action,
        ):
            self.app_menu.addAction(action)
        self.app_menu.addAction(self.coordination_action)
        self.app_menu.addSeparator()
        self.app_menu.addAction(self.quit_action)

        self.larger_action = self._action(None, lambda: self.change_text_size(+1))
        self.larger_action.setShortcuts([QKeySequence("Ctrl+="), QKeySequence("Ctrl++")])
        self.smaller_action = self._action(
            QKeySequence("Ctrl+-"), lambda: self.change_text_size(-1)
        )
        self.normal_action = self._action(QKeySequence("Ctrl+0"), lambda: self.change_text_size(0))
        for action in (self.larger_action, self.smaller_action, self.normal_action):
            action.setShortcutContext(Qt.ApplicationShortcut)
            self.view_menu.addAction(action)
            self.addAction(action)

    def _action(self, shortcut, slot) -> QAction:
        """A menu action (its text set by ``retranslate``) with its ``shortcut``, if any."""
        action = QAction(self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        return action

    def retranslate(self) -> None:
        label = self.settings.laptop_label
        self.setWindowTitle(f"Surveyor — {label}" if label else "Surveyor")
        self.app_menu.setTitle(self.tr("&Surveyor"))
        self.view_menu.setTitle(self.tr("&Text"))
        self.home_action.setText(self.tr("&Home screen"))
        self.open_form_action.setText(self.tr("&Open a form…"))
        self.settings_action.setText(self.tr("S&ettings…"))
        self.protect_action.setText(self.tr("&Protect the data of this computer…"))
        self.coordination_action.setText(self.tr("&Coordination"))
        self.doors_action.setText(self.tr("&My doors"))
        self.quit_action.setText(self.tr("&Quit"))
        self.larger_action.setText(self.tr("&Larger text"))
        self.smaller_action.setText(self.tr("&Smaller text"))
        self.normal_action.setText(self.tr("&Normal text size"))
        if getattr(self, "server_sync", None) is not None:
            self.server_sync.retranslate()

    # --- text size -----------------------------------------------------------------------

    def change_text_size(self, step: int) -> None:
        size = DEFAULT_TEXT_SIZE if step == 0 else clamp_text_size(self.settings.text_size + step)
        self.set_text_size(size)

    def set_text_size(self, size: int) -> None:
        self.settings.text_size = clamp_text_size(size)
        if self._apply_text_size is not None:
            self._apply_text_size(self.settings.text_size)
        self.save_settings()

    def save_settings(self) -> None:
        try:
            self.settings.save()
        except OSError as exc:
            self.home.show_message(
                self.tr("The settings could not be saved: {0}").format(exc.strerror or exc),
                error=True,
            )

    # --- start ---------------------------------------------------------------------------

    def start(self, passphrase: str | None = None) -> None:
        """Open the workspace on the database thread (which then owns its store), then load
        the forms. Opening, repairing and closing are the raw ``run_db`` calls: there is no
        open workspace for a DbOp then. ``passphrase``: of a store protected at rest (asked
        by :meth:`ask_passphrase` when it is needed)."""
        data_dir = self.data_dir

        def open_workspace():
            # imported here, on the database thread: the store and the engine take seconds
            # to import, and the window shows before (surveyor/ui/app.py)
            from surveyor.workspace import Workspace

            workspace = Workspace.open(data_dir, passphrase=passphrase)
            try:
                workspace.device_id  # noqa: B018 - device.json written now, errors shown now
            except BaseException:
                workspace.close()
                raise
            return workspace

        self.home.set_forms([], loading=True)
        self.tasks.run_db(open_workspace, on_done=self._store_opened, on_error=self._fatal)

    def _fatal(self, exc: BaseException) -> None:
        # the store loads with the workspace, on its thread (~0.2 s measured), not at start-up
        from surveyor.store import DamagedStoreError

        if isinstance(exc, DamagedStoreError) and self.workspace is None:
            self.offer_repair(exc)
            return
        if self.workspace is None and code_of(exc) in (
            ErrorCode.STORE_LOCKED,
            ErrorCode.STORE_PASSPHRASE_WRONG,
        ):
            self.ask_passphrase(wrong=code_of(exc) is ErrorCode.STORE_PASSPHRASE_WRONG)
            return
        self.home.show_message(
            self.tr("Surveyor cannot open its data: {0}").format(exc), error=True
        )

    def ask_passphrase(self, *, wrong: bool = False) -> PassphraseDialog:
        """The store is protected by a passphrase: ask it (again, when it was wrong), then
        open; Quit closes the app. A non-blocking dialog."""
        dialog = PassphraseDialog(self, wrong=wrong)
        self.passphrase_dialog = dialog

        def finished(result):
            self.passphrase_dialog = None
            if result == QDialog.Accepted:
                self.start(passphrase=dialog.text())
            else:
                self.close()

        dialog.finished.connect(finished)
        dialog.open()
        return dialog

    def protect_this_computer(self) -> ProtectDialog:
        """Encrypt the store at rest (the keychain or a passphrase): the workspace is closed,
        the store converted on the database thread, then opened again."""
        dialog = ProtectDialog(self)
        self.protect_dialog = dialog

        def finished(result):
            self.protect_dialog = None
            if result == QDialog.Accepted:
                self._protect(dialog.chosen_passphrase(), keychain=dialog.keychain)

        dialog.finished.connect(finished)
        dialog.open()
        return dialog

    def _protect(self, passphrase: str | None, *, keychain: bool) -> None:
        data_dir = self.data_dir
        workspace, self.workspace_host.workspace = self.workspace, None
        self.home.show_message(self.tr("Protecting the data of this computer…"))

        def work():
            # imported here, on the database thread, as at start-up
            from surveyor.workspace import Workspace

            if workspace is not None:
                workspace.close()
            try:
                Workspace.protect(data_dir, passphrase=passphrase, keychain=keychain)
                error = None
            except SurveyorError as exc:  # said after the store is open again
                error = exc
            return Workspace.open(data_dir), error

        def done(result):
            reopened, error = result
            self._store_opened(reopened)
            if error is not None:
                self.home.show_message(
                    self.tr("The data could not be protected: {0}").format(
                        exception_sentence(error)
                    ),
                    error=True,
                )
            elif keychain:
                self.home.show_message(
                    self.tr(
                        "The data of this computer is now encrypted; its key is kept in the "
                        "computer’s keychain."
                    )
                )
            else:
                self.home.show_message(
                    self.tr(
                        "The data of this computer is now encrypted; the passphrase will be "
                        "asked at each start."
                    )
                )

        self.tasks.run_db(work, on_done=done, on_error=self._fatal)

    def offer_repair(self, exc: BaseException) -> QMessageBox:
        """The database is damaged: explain, and offer to rebuild it (``surveyor doctor
        --repair``) in the background. A non-blocking dialog."""

        def answered(repair: bool) -> None:
            self._repair_box = None
            if repair:
                self.repair_store()
            else:
                self.home.show_message(
                    self.tr("Surveyor cannot open its data: {0}").format(exc), error=True
                )

        box = ask(
            self,
            title=self.tr("Damaged data"),
            text=self.tr(
                "Surveyor’s database is damaged: nothing new can be saved in it as it is."
            ),
            informative=self.tr(
                "Surveyor can rebuild it into a new file from everything that can still be "
                "read and from its automatic backups. The damaged file is kept aside, "
                "untouched."
            ),
            details=str(exc),
            yes=self.tr("Repair"),
            no=self.tr("Not now"),
            default_yes=True,
            answered=answered,
        )
        box.repair_button = box.yes_button
        self._repair_box = box
        return box

    def repair_store(self) -> None:
        """Rebuild the damaged database (on the database thread), then open it."""
        data_dir = self.data_dir
        self.home.show_message(self.tr("Repairing the database…"))

        def work():
            # no workspace can open on a damaged file: the repair runs before, on its thread
            from surveyor.workspace import Workspace

            return Workspace.repair(data_dir)

        def done(report):
            self.home.show_message(
                self.tr("The database was repaired. The damaged file is kept as {0}.").format(
                    report.damaged_copy
                )
            )
            self.start()

        def failed(error):
            self.home.show_message(self.tr("The repair failed: {0}").format(error), error=True)

        self.tasks.run_db(work, on_done=done, on_error=failed)

    def _store_opened(self, workspace) -> None:
        self.workspace_host.workspace = workspace
        self.device_id = workspace.device_id
        self.home.refresh()
        self.hand_in.start()
        self.server_sync.start()
        if self.coordination is not None:
            self.coordination.refresh()
        DbOp(self, lambda ws: ws.form_titles()).success(self.home.set_stored_titles).run()
        last = self.settings.last_interview
        if last:
            DbOp(self, lambda ws: ws.get_interview(last)).success(self._maybe_offer_resume).run()
        self.store_ready.emit()
        self.reload_forms()

    def _maybe_offer_resume(self, interview) -> None:
        if interview.status == Status.DRAFT:
            self.home.offer_resume(interview.instance_id, interview.instance_name)

    def form_paths(self) -> list[tuple[str, bool]]:
        bundled = bundled_form_files()
        if self.settings.welcomed:
            chosen = set(self.settings.bundled_forms)
            paths = [(str(p), True) for p in bundled if p.name in chosen]
        else:
            paths = [(str(p), True) for p in bundled]
        seen = {p for p, _ in paths}
        for path in self.settings.form_files:
            if path not in seen:
                paths.append((path, False))
                seen.add(path)
        return paths

    def reload_forms(self) -> None:
        """(Re)load every form of this laptop; the cards appear when all are read."""
        paths = self.form_paths()
        self.forms = [FormEntry(path=p, bundled=b) for p, b in paths]
        self.forms_loaded = False
        if not paths:
            self.home.set_forms([])
            self.forms_loaded = True
            self.forms_ready.emit()
            return
        self.home.set_forms([], loading=True)
        self._pending_forms = len(paths)
        for entry in self.forms:
            # its steps on home, as for a form opened from a file (a big one takes seconds)
            self._load_form(
                entry,
                self._form_done,
                progress=lambda step, e=entry: self.home.show_form_progress(e.file_name(), step),
            )

    def _load_form(self, entry: FormEntry, done, *, progress=None) -> None:
        workspace = self.workspace
        report = self.tasks.reporter(progress) if progress is not None else None

        def read():  # on the file pool: reading a form touches no database
            return workspace.read_form(entry.path, progress=report)

        def loaded(form):
            DbOp(self, lambda ws: ws.register_form(form)).success(
                lambda _changes: (self._fill_entry(entry, form), done(entry))
            ).failure(failed).run()

        def failed(exc):
            entry.error = str(exc)
            entry.problems = [p for p in getattr(exc, "problems", None) or [] if not p.warning]
            if not entry.problems:
                entry.error_sentence = exception_sentence(exc)
            done(entry)

        self.tasks.run_io(read, on_done=loaded, on_error=failed)

    def _fill_entry(self, entry: FormEntry, form) -> None:
        entry.title = form.title
        entry.form_id = form.form_id
        entry.content_hash = form.content_hash
        entry.unsupported = list(form.unsupported)
        self._loaded_forms[entry.path] = form
        if self.welcome is not None:
            self.welcome.set_form_title(Path(entry.path).name, form.title)
        if form.public_key:
            self.propose_protection()

    def _maybe_asked_to_protect(self, changes, _initiator=None) -> None:
        """A campaign package came in (doors changed): does it ask to protect the store?"""
        if changes.doors and self.workspace is not None and not self.workspace.protected:
            DbOp(self, lambda ws: ws.protection_requested).success(
                lambda asked: self.propose_protection(asked=True) if asked else None
            ).run()

    def propose_protection(self, *, asked: bool = False) -> QMessageBox | None:
        """An encrypted form on a laptop whose store is not protected at rest: its drafts are
        in clear until finalized, so offer to protect the store (once; "Not now" is kept).
        ``asked``: the campaign package asks it (offered even after a "Not now")."""
        workspace = self.workspace
        if (
            workspace is None
            or workspace.protected
            or (self.settings.protection_declined and not asked)
            or self.protection_box is not None
        ):
            return None
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Question)
        box.setWindowTitle(self.tr("Protect the data of this computer"))
        box.setText(
            self.tr("The coordinator asks to protect the data of this computer.")
            if asked
            else self.tr("This form is encrypted: protect the data of this computer too?")
        )
        box.setInformativeText(
            self.tr(
                "Everything Surveyor keeps on this computer, drafts and backups included, is "
                "then encrypted."
            )
            if asked
            else self.tr(
                "Its interviews are encrypted once finalized, but drafts and backups stay "
                "readable on this computer until then. Protecting the data encrypts all of it."
            )
        )
        protect = box.addButton(self.tr("Protect…"), QMessageBox.AcceptRole)
        later = box.addButton(self.tr("Not now"), QMessageBox.RejectRole)
        box.setDefaultButton(protect)
        box.setEscapeButton(later)
        box.protect_button = protect
        self.protection_box = box

        def finished(_result):
            self.protection_box = None
            if box.clickedButton() is protect:
                self.protect_this_computer()
            else:
                self.settings.protection_declined = True
                self.save_settings()

        box.finished.connect(finished)
        box.open()
        return box

    def _form_done(self, _entry) -> None:
        self._pending_forms -= 1
        if self._pending_forms <= 0:
            self.home.show_form_progress("", "")  # every form read: the bar and its step go
            self.home.set_forms(self.forms)
            self.home.refresh()
            self.forms_loaded = True
            self.forms_ready.emit()

    # --- welcome -------------------------------------------------------------------------

    def show_welcome(self) -> None:
        language = self.languages.current if self.languages is not None else ""
        self.welcome = WelcomePage(
            bundled_form_files(),
            name=self.settings.interviewer,
            laptop=self.settings.laptop_label,
            language=language,
        )
        self.welcome.finished.connect(self._welcome_done)
        self.welcome.language_chosen.connect(self.set_language)
        for entry in self.forms:
            if entry.title:
                self.welcome.set_form_title(Path(entry.path).name, entry.title)
        self.stack.addWidget(self.welcome)
        self.stack.setCurrentWidget(self.welcome)
        self.menuBar().setEnabled(True)

    def _welcome_done(self, name: str, laptop: str, chosen: list) -> None:
        self.settings.interviewer = name
        self.settings.laptop_label = laptop
        self.settings.bundled_forms = list(chosen)
        self.settings.welcomed = True
        self.save_settings()
        self.home.set_interviewer(name)
        self.retranslate()
        self.stack.setCurrentWidget(self.home)
        self.stack.removeWidget(self.welcome)
        self.welcome.deleteLater()
        self.welcome = None
        if self.workspace is not None:
            self.reload_forms()
        self.home.search.setFocus()

    def set_language(self, language: str) -> None:
        self.settings.language = language
        if self.languages is not None:
            self.languages.install(language)
        self.save_settings()

    # --- settings ------------------------------------------------------------------------

    def open_settings(self) -> SettingsDialog:
        remembered = self.server_sync.remembered_password()
        dialog = SettingsDialog(
            self.settings, self, tasks=self.tasks, password_known=bool(remembered)
        )
        dialog.remembered_password = remembered

        def done(result):
            if result:
                old_language = self.settings.language
                dialog.apply_to(self.settings)
                self.home.set_interviewer(self.settings.interviewer)
                self.retranslate()
                if self.settings.language != old_language:
                    self.set_language(self.settings.language)
                self.set_text_size(self.settings.text_size)
                self.hand_in.settings_changed()
                self.server_sync.settings_changed(dialog.server_password())
                self._update_coordination()
            dialog.deleteLater()

        dialog.finished.connect(done)
        dialog.open()
        self.settings_dialog = dialog
        return dialog

    # --- forms from files ----------------------------------------------------------------

    def choose_form_file(self) -> None:
        folder = self.settings.last_form_folder
        if not folder or not Path(folder).is_dir():
            folder = str(Path.home())
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open a form"),
            folder,
            self.tr("Forms (XLSForm) ({0})").format(FORM_PATTERNS),
        )
        if path:
            self.settings.last_form_folder = str(Path(path).parent)
            self.save_settings()
            self.add_form_file(path)

    def add_form_file(self, path: str) -> None:
        """Load a form file; keep it among this laptop's forms only if it loads."""
        path = str(Path(path).resolve())
        if self.workspace is None:
            self.home.show_message(self.tr("Please wait: Surveyor is still starting."), error=True)
            return
        entry = FormEntry(path=path)
        self.home.show_message(self.tr("Opening the form…"))
        self.home.show_form_progress(entry.file_name(), None)

        def done(entry: FormEntry):
            self.home.show_form_progress(entry.file_name(), "")
            if entry.error:
                self.home.show_message(
                    entry.broken_text(), error=True, details=entry.problems_dialog_maker()
                )
                self.forms_ready.emit()
                return
            if path not in self.settings.form_files:
                self.settings.form_files.append(path)
                self.save_settings()
            self.forms = [f for f in self.forms if f.path != path] + [entry]
            self.home.set_forms(self.forms)
            message = self.tr("The form “{0}” is ready.").format(entry.title)
            details = None
            if entry.unsupported:
                message += " " + unsupported_summary(len(entry.unsupported))
                features, title = list(entry.unsupported), entry.title
                details = lambda parent: unsupported_dialog(title, features, parent)  # noqa: E731
            self.home.show_message(message, notice=bool(entry.unsupported), details=details)
            self.forms_ready.emit()

        self._load_form(
            entry, done, progress=lambda step: self.home.show_form_progress(entry.file_name(), step)
        )

    def add_server_forms(self, paths: list[str]) -> None:
        """New form versions fetched from the server (files under the data dir): keep them
        among this laptop's forms and show them on home."""
        for path in paths:
            if path not in self.settings.form_files:
                self.settings.form_files.append(path)
        self.save_settings()
        if self.workspace is not None and (self.welcome is None):
            self.reload_forms()

    # --- interviews ----------------------------------------------------------------------

    def new_interview(self, entry: FormEntry) -> None:
        form = self._loaded_forms.get(entry.path)
        if form is None or self.workspace is None:
            return
        interviewer, device = self.settings.interviewer, self.device_id
        DbOp(
            self, lambda ws: ws.start_interview(form, interviewer=interviewer, device_id=device)
        ).success(lambda done: self.show_interview(*done.value, fresh=True)).failure(
            self._interview_error
        ).run()

    def open_interview(self, instance_id: str) -> None:
        if self.workspace is None or not instance_id:
            return
        DbOp(self, lambda ws: ws.open_interview(instance_id)).success(
            lambda result: self.show_interview(*result, read_only=result[0].status != Status.DRAFT)
        ).failure(self._interview_error).run()

    def _interview_error(self, exc: BaseException) -> None:
        self.go_home()
        if code_of(exc) is ErrorCode.ENCRYPTED_READ_ONLY:  # not a failure: said plainly
            self.home.show_message(error_sentence(ErrorCode.ENCRYPTED_READ_ONLY))
            return
        self.home.show_message(
            self.tr("This interview could not be opened: {0}").format(exc), error=True
        )

    def show_interview(
        self, interview, session, *, read_only: bool = False, fresh: bool = False
    ) -> None:
        self._clear_view()
        self.interview, self.session, self.read_only = interview, session, read_only
        # A new interview's answers as it started: left unchanged, it is not kept as a draft.
        self._fresh_answers = _own_answers(session) if fresh and not read_only else None
        # The screen and the form engine it pulls in: imported on first use, not at start-up.
        from surveyor.ui.interview import InterviewStorage
        from surveyor.ui.interview import InterviewView

        view = InterviewView(
            InterviewStorage.of_host(self.workspace_host),
            interview,
            session,
            tasks=self.tasks,
            read_only=read_only,
        )
        view.finalized.connect(self._finalized)
        view.edit_requested.connect(self._edit_requested)
        view.closed.connect(self.go_home)
        view.setProperty(OWNS_RETURN, True)  # its Next/Back buttons take Return themselves
        self.view = view
        self.interview_layout.addWidget(view)
        self.stack.setCurrentWidget(self.interview_page)
        if interview.position and not read_only:
            view.go_to(interview.position)
        if not read_only:
            self.settings.last_interview = interview.instance_id
            self.save_settings()
        self.home.offer_resume("", "")
        focus = QApplication.focusWidget()
        if focus is None or not view.isAncestorOf(focus):
            # The interview screen puts the keyboard on its first question when it shows.
            view.setFocus()

    def _clear_view(self) -> None:
        if self.view is not None:
            self._flush_view()
            self._discard_if_untouched()
            self.interview_layout.removeWidget(self.view)
            self.view.deleteLater()
            self.view = None
        self.interview = self.session = None

    def _discard_if_untouched(self) -> bool:
        """A "New interview" left without a single answer is not kept (no empty drafts)."""
        fresh, self._fresh_answers = getattr(self, "_fresh_answers", None), None
        interview, session = self.interview, self.session
        if fresh is None or interview is None or session is None or self.workspace is None:
            return False
        if _own_answers(session) != fresh:
            return False
        if self.settings.last_interview == interview.instance_id:
            self.settings.last_interview = ""
        instance_id = interview.instance_id
        DbOp(self, lambda ws: ws.discard_empty_draft(instance_id)).run()
        return True

    def _flush_view(self) -> None:
        """Write what is on screen (answers and position) before the screen goes away."""
        flush = getattr(self.view, "flush", None)
        if flush is None:
            return
        try:
            flush(final=True)
        except Exception as exc:  # noqa: BLE001 - shown; the answers stay in the session
            self.home.show_message(
                self.tr("The last answers could not be saved: {0}").format(exc), error=True
            )

    def _finalized(self, interview) -> None:
        """Finalized on the interview screen: back home, saying so, the interview selected."""
        self.settings.last_interview = ""
        self.save_settings()
        self.go_home()
        name = interview.instance_name or self.tr("The interview")
        self.home.show_message(
            self.tr(
                "“{0}” is finalized. It is under “To send or hand in” until it is handed in; "
                "to correct it, open it and choose Edit."
            ).format(name)
        )
        self.home.select_group("waiting")
        self.home.select_instance(interview.instance_id)
        self.hand_in.sync_now()
        self.server_sync.sync_soon()

    def _edit_requested(self, interview) -> None:
        DbOp(self, lambda ws: ws.revise_interview(interview)).success(
            lambda done: self.show_interview(*done.value)
        ).failure(self._interview_error).run()

    def go_home(self) -> None:
        if self.welcome is not None and self.stack.currentWidget() is self.welcome:
            return
        if self.view is not None:
            self._clear_view()
            self.settings.last_interview = ""
            self.save_settings()
        back, self._back_to = self._back_to, None
        if back is not None and back is self.coordination and self.settings.coordinator:
            self.stack.setCurrentWidget(back)
            return
        if back is not None and back is self.doors_page:
            self.show_doors()
            return
        self.stack.setCurrentWidget(self.home)
        self.home.refresh_if_stale()  # when the window is not on screen (no showEvent)

    # --- my doors (door-to-door fieldwork) -------------------------------------------------

    def show_doors(self) -> None:
        """ "My doors": the volunteer's doors, one key per visit (surveyor/ui/doors.py)."""
        if self.welcome is not None and self.stack.currentWidget() is self.welcome:
            return
        if self.doors_page is None:
            self.doors_page = MyDoorsPage(self.tasks, self.settings, host=self.workspace_host)
            self.doors_page.back_requested.connect(self.go_home)
            self.doors_page.start_requested.connect(self.start_at_door)
            self.doors_page.typeback_requested.connect(self.type_back_sheet)
            self.stack.addWidget(self.doors_page)
        if self.view is not None:
            self._clear_view()
        self.doors_page.check_shared_folder()
        self.doors_page.refresh()
        self.stack.setCurrentWidget(self.doors_page)
        self.doors_page.table.setFocus()

    def start_at_door(self, door_id: str) -> None:
        """Start an interview at a door: the only form, or the one chosen in a menu."""
        entries = [e for e in self.forms if e.path in self._loaded_forms and not e.error]
        if not entries:
            self.doors_page.show_message(
                self.tr("No form on this laptop yet: open the form file first."), error=True
            )
            return
        if len(entries) == 1:
            self._start_at_door(entries[0], door_id)
            return
        menu = QMenu(self)
        menu.setObjectName("formMenu")
        for entry in entries:
            action = menu.addAction(entry.title or entry.form_id)
            action.triggered.connect(lambda _c=False, e=entry: self._start_at_door(e, door_id))
        button = self.doors_page.start_button
        menu.popup(button.mapToGlobal(button.rect().bottomLeft()))
        self._form_menu = menu

    def _start_at_door(self, entry: FormEntry, door_id: str) -> None:
        form = self._loaded_forms.get(entry.path)
        if form is None or self.workspace is None:
            return
        interviewer = self.settings.interviewer

        def shown(done):
            self.show_interview(*done.value)
            self._back_to = self.doors_page

        DbOp(
            self, lambda ws: ws.start_interview_at_door(form, door_id, interviewer=interviewer)
        ).success(shown).failure(self._interview_error).run()

    def type_back_sheet(self):
        """The quick "type back" screen of a paper round sheet (surveyor/ui/roundsheet.py)."""
        dialog = TypeBackDialog(self.settings, parent=self.doors_page or self)
        dialog.open()
        dialog.load()
        self.type_back_dialog = dialog
        return dialog

    # --- coordination --------------------------------------------------------------------

    def _update_coordination(self) -> None:
        on = bool(self.settings.coordinator)
        self.coordination_action.setVisible(on)
        self.coordination_action.setEnabled(on)
        self.home.coordination_button.setVisible(on)
        if not on and self.coordination is not None:
            if self.stack.currentWidget() is self.coordination:
                self.go_home()

    def show_coordination(self) -> None:
        """The coordinator's page (import batches, conflicts, overview, export)."""
        if not self.settings.coordinator:
            return
        if self.welcome is not None and self.stack.currentWidget() is self.welcome:
            return
        if self.coordination is None:
            # on first use: the coordinator's page (~0.9 s measured), not at start-up
            from surveyor.ui.coordinator import CoordinatorPage

            self.coordination = CoordinatorPage(
                self.tasks,
                self.settings,
                save_settings=self.save_settings,
                host=self.workspace_host,
            )
            self.coordination.back_requested.connect(self.go_home)
            self.coordination.server_credentials = self.server_sync.credentials
            self.coordination.open_interview.connect(self.open_interview_read_only)
            self.stack.addWidget(self.coordination)
            if self.workspace is not None:
                self.coordination.refresh()
        elif self.workspace is not None:
            self.coordination.refresh()
        if self.view is not None:
            self._clear_view()
        self.stack.setCurrentWidget(self.coordination)
        self.coordination.tabs.setFocus()

    def open_interview_read_only(self, instance_id: str) -> None:
        """Show an interview read only from the coordination page (back returns there)."""
        if self.workspace is None or not instance_id:
            return

        def shown(result):
            self.show_interview(*result, read_only=True)
            self._back_to = self.coordination

        DbOp(self, lambda ws: ws.open_interview(instance_id)).success(shown).failure(
            self._interview_error
        ).run()

    # --- closing -------------------------------------------------------------------------

    def closeEvent(self, event) -> None:
        """Never lose anything: keep the position, wait for every save, close the store."""
        if not self._closing:
            self._closing = True
            if self.view is not None and not self.read_only and self.interview is not None:
                self.settings.last_interview = self.interview.instance_id
                self._flush_view()
                self._discard_if_untouched()
            self.save_settings()
            self.hand_in.timer.stop()
            self.server_sync.shutdown()
            workspace, self.workspace_host.workspace = self.workspace, None
            if workspace is not None:
                self.tasks.run_db(workspace.close)
            self.tasks.wait_db()
        event.accept()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._preload_started:
            self._preload_started = True
            QTimer.singleShot(0, self.preload_form_loader)
        if self.welcome is not None and self.stack.currentWidget() is self.welcome:
            self.welcome.name_edit.setFocus()

    def preload_form_loader(self) -> None:
        """Import the form converter (pyxform, ~0.5 s) on the file pool once the window is up,
        so opening a form file later does not wait for it."""
        if self._closing:
            return
        self.tasks.run_io(import_pyxform, on_error=lambda _exc: None)


def _own_answers(session) -> dict:
    """The answers a person gives (metadata such as start/end left out), for comparison."""
    # the interview engine (~0.3 s measured) loads with the first interview, not at start-up
    from surveyor.interviews.session import METADATA_TYPES

    return {k: v for k, v in session.answers().items() if k not in METADATA_TYPES}
