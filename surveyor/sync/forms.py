"""Forms from the server: the OpenRosa form list, new versions downloaded and stored.

``fetch_forms`` asks ``GET {base}/formList``; for every form whose ``hash`` (``md5:`` of the
XForm) is not in the store yet it downloads the XForm from its ``downloadUrl`` (followed as
given: ODK Central builds it from its own domain), checks the hash, downloads the media files
listed by its ``manifestUrl`` (each checked against its hash), loads the XForm
(``load_form_bytes`` → ``load_xform``), checks that what it loaded has the form list's
``version`` (read from the XForm's root whatever its namespace: ``version`` or
``orx:version``) and ``hash``, and stores it (``FormLibrary.register`` →
``Store.save_form``), so the app offers it. A form that fails is reported; the others go on.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from dataclasses import field

from defusedxml.ElementTree import fromstring as safe_fromstring

from surveyor.errors import ErrorCode
from surveyor.errors import FormNotFound
from surveyor.errors import SurveyorError
from surveyor.forms import load_form_bytes
from surveyor.services.interviews import FormLibrary
from surveyor.sync.transport import AuthError
from surveyor.sync.transport import OpenRosaTransport
from surveyor.sync.transport import TransportError

XFORMS_NS = "{http://openrosa.org/xforms/xformsList}"
XF_INSTANCE = "{http://www.w3.org/2002/xforms}instance"
MANIFEST_NS = "{http://openrosa.org/xforms/xformsManifest}"


@dataclass
class RemoteForm:
    form_id: str
    name: str
    version: str
    hash: str
    download_url: str
    manifest_url: str | None = None


@dataclass
class FetchReport:
    new: list[RemoteForm] = field(default_factory=list)
    known: list[RemoteForm] = field(default_factory=list)
    failed: list[tuple[RemoteForm, str]] = field(default_factory=list)

    def __str__(self) -> str:
        lines = [f"new: {f.form_id} version {f.version} ({f.name})" for f in self.new]
        lines += [f"FAILED: {f.form_id} version {f.version}: {why}" for f, why in self.failed]
        lines.append(
            f"{len(self.new)} new form version(s), {len(self.known)} already here, "
            f"{len(self.failed)} failed."
        )
        return "\n".join(lines)


def _text(element, name: str, ns: str) -> str:
    child = element.find(f"{ns}{name}")
    if child is None:
        child = element.find(name)
    return (child.text or "").strip() if child is not None and child.text else ""


def _xml(body: bytes, what: str):
    try:
        return safe_fromstring(body)
    except Exception as exc:  # noqa: BLE001
        raise TransportError(
            f"{what} is not XML (captive portal?): {exc}", code=ErrorCode.SYNC_CAPTIVE_PORTAL
        ) from exc


def list_forms(transport: OpenRosaTransport, *, all_versions: bool = False) -> list[RemoteForm]:
    """The server's form list (AuthError / TransportError on failure)."""
    path = "formList?listAllVersions=true" if all_versions else "formList"
    root = _xml(transport.get(path).content, "the form list")
    if root.tag not in (f"{XFORMS_NS}xforms", "xforms"):
        raise TransportError(f"the form list is not an OpenRosa <xforms> list ({root.tag})")
    forms = []
    for item in list(root):
        if not item.tag.endswith("xform"):
            continue
        manifest = _text(item, "manifestUrl", XFORMS_NS)
        forms.append(
            RemoteForm(
                form_id=_text(item, "formID", XFORMS_NS),
                name=_text(item, "name", XFORMS_NS),
                version=_text(item, "version", XFORMS_NS),
                hash=_text(item, "hash", XFORMS_NS),
                download_url=_text(item, "downloadUrl", XFORMS_NS),
                manifest_url=manifest or None,
            )
        )
    return forms


def _md5(data: bytes) -> str:
    return "md5:" + hashlib.md5(data).hexdigest()


def download_media(transport: OpenRosaTransport, manifest_url: str) -> dict[str, bytes]:
    root = _xml(transport.get(manifest_url).content, "the manifest")
    media: dict[str, bytes] = {}
    for item in root.iter():
        if not item.tag.endswith("mediaFile"):
            continue
        name = _text(item, "filename", MANIFEST_NS)
        expected = _text(item, "hash", MANIFEST_NS)
        data = transport.get(_text(item, "downloadUrl", MANIFEST_NS)).content
        if expected and _md5(data) != expected:
            raise TransportError(f"the media file {name} does not match its hash")
        media[name] = data
    return media


def xform_version(data: bytes) -> str:
    """The version written on the XForm's primary instance root, whatever its namespace
    (``version`` or ``orx:version``: servers match either); "" when absent or unreadable."""
    try:
        root = safe_fromstring(data)
    except Exception:  # noqa: BLE001 - the loader reports unreadable XForms itself
        return ""
    for instance in root.iter(XF_INSTANCE):
        if instance.get("id") is None and len(instance):
            return next(
                (
                    value.strip()
                    for key, value in instance[0].attrib.items()
                    if key.rsplit("}", 1)[-1] == "version"
                ),
                "",
            )
    return ""


def check_loaded(form, data: bytes, remote: RemoteForm) -> None:
    """Make the loaded form agree with the form list, or raise TransportError.

    The version is taken from the XForm's root attributes whatever their namespace, so an
    ``orx:version`` never ends up as version ''. A form list naming another version or hash
    than the XForm it points at is refused (the store would hold a form the server does not
    know under that name).
    """
    written = xform_version(data)
    if written and not form.version:
        form.version = written
    if remote.version and form.version != remote.version:
        raise TransportError(
            f"the XForm says version {form.version!r} but the form list says {remote.version!r}",
            retryable=False,
        )
    if remote.hash and form.content_hash != remote.hash:
        raise TransportError(
            f"the loaded XForm's hash {form.content_hash} is not the form list's {remote.hash}",
            retryable=False,
        )


def fetch_forms(
    transport: OpenRosaTransport,
    library: FormLibrary,
    *,
    form_ids: set[str] | None = None,
    all_versions: bool = False,
) -> FetchReport:
    """Download and store the form versions the store does not have (see the module doc).

    Raises AuthError (401/403) or TransportError when the form list itself cannot be read.
    """
    report = FetchReport()
    for remote in list_forms(transport, all_versions=all_versions):
        if form_ids is not None and remote.form_id not in form_ids:
            continue
        if remote.hash:
            try:
                library.store.get_form(remote.hash)
                report.known.append(remote)
                continue
            except FormNotFound:
                pass
        try:
            data = transport.get(remote.download_url).content
            if remote.hash and _md5(data) != remote.hash:
                raise TransportError(
                    "the downloaded XForm does not match its hash "
                    "(an incomplete download or a proxy page)"
                )
            media = download_media(transport, remote.manifest_url) if remote.manifest_url else {}
            form = load_form_bytes(data, f"{remote.form_id}.xml", media=media)
            check_loaded(form, data, remote)
            library.register(form)
        except AuthError:
            raise
        except (TransportError, SurveyorError) as exc:
            report.failed.append((remote, str(exc)))
            continue
        report.new.append(remote)
    return report
