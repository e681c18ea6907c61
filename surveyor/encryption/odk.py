"""ODK encrypted submissions (getodk/xforms-spec, "Encryption").

Per submission: a random 256-bit AES key; each file encrypted with AES/CFB (128-bit
segments) and PKCS#7 padding ("AES/CFB/PKCS5Padding" in Java), media files first in the
manifest's order, then ``submission.xml``; the IV of each file is the md5 of
instanceID + key with one more byte incremented before each file (byte ``counter % 16``).
The AES key is wrapped with RSA-OAEP as Java's "RSA/NONE/OAEPWithSHA256AndMGF1Padding" does
it: OAEP digest SHA-256, MGF1 with SHA-1 (ODK Collect, Enketo and Central agree on this).
The manifest (the part sent as ``xml_submission_file``) names the files and carries the
wrapped key and the element signature: the md5 of the lines form id, version (if any),
the wrapped key, instanceID and ``name::md5hex(plaintext)`` per file, wrapped like the key.

A :class:`Sealed` submission is stored and carried as one opaque payload
(:meth:`Sealed.to_bytes`): the manifest and the ``.enc`` files, nothing readable beside
the form id, version and instanceID.

Manifests are read by their elements' local names: ODK Collect writes them in the namespace
``http://www.opendatakit.org/xforms/encrypted``, Enketo (and Surveyor) in
``http://opendatakit.org/submissions``; ODK Central keeps and serves either as it came.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import os
from dataclasses import dataclass
from dataclasses import field
from xml.etree.ElementTree import Element

from cryptography.exceptions import InvalidKey
from cryptography.hazmat.decrepit.ciphers.modes import CFB  # ODK chose CFB; kept there
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.asymmetric.padding import MGF1
from cryptography.hazmat.primitives.asymmetric.padding import OAEP
from cryptography.hazmat.primitives.ciphers import Cipher
from cryptography.hazmat.primitives.ciphers import algorithms
from defusedxml.ElementTree import fromstring

from surveyor.errors import DecryptionError
from surveyor.errors import EncryptionError
from surveyor.errors import ErrorCode

SUBMISSION_XML = "submission.xml"
ODK_NS = "http://opendatakit.org/submissions"  # Enketo's manifest, and Surveyor's
COLLECT_NS = "http://www.opendatakit.org/xforms/encrypted"  # ODK Collect's manifest
MANIFEST_NAMESPACES = (ODK_NS, COLLECT_NS)
ORX_NS = "http://openrosa.org/xforms"
PAYLOAD_FORMAT = "surveyor-sealed-submission"


def _oaep() -> OAEP:
    return OAEP(mgf=MGF1(algorithm=hashes.SHA1()), algorithm=hashes.SHA256(), label=None)  # noqa: S303 - ODK's MGF1


def load_public_key(text: str) -> rsa.RSAPublicKey:
    """The RSA public key of a form's ``public_key`` setting (base64 of its DER
    SubjectPublicKeyInfo; a PEM text is accepted too); EncryptionError if it is not one."""
    text = (text or "").strip()
    try:
        if text.startswith("-----BEGIN"):
            key = serialization.load_pem_public_key(text.encode("ascii"))
        else:
            der = base64.b64decode("".join(text.split()), validate=True)
            key = serialization.load_der_public_key(der)
    except (ValueError, TypeError, binascii.Error, UnicodeEncodeError) as exc:
        raise EncryptionError(
            "The form's public_key setting is not an RSA public key (base64 text expected).",
            code=ErrorCode.KEY_INVALID,
        ) from exc
    if not isinstance(key, rsa.RSAPublicKey):
        raise EncryptionError(
            "The form's public_key setting is not an RSA key.", code=ErrorCode.KEY_INVALID
        )
    return key


def public_key_text(key: rsa.RSAPublicKey) -> str:
    """The base64 text XLSForm's ``public_key`` setting takes (one line)."""
    der = key.public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return base64.b64encode(der).decode("ascii")


def _ivs(instance_id: str, key: bytes):
    seed = bytearray(hashlib.md5(instance_id.encode("utf-8") + key).digest())  # noqa: S324
    counter = 0
    while True:
        seed[counter % 16] = (seed[counter % 16] + 1) & 0xFF
        counter += 1
        yield bytes(seed)


def _aes_encrypt(key: bytes, iv: bytes, data: bytes) -> bytes:
    padder = padding.PKCS7(128).padder()
    padded = padder.update(data) + padder.finalize()
    encryptor = Cipher(algorithms.AES(key), CFB(iv)).encryptor()
    return encryptor.update(padded) + encryptor.finalize()


def _aes_decrypt(key: bytes, iv: bytes, data: bytes) -> bytes:
    decryptor = Cipher(algorithms.AES(key), CFB(iv)).decryptor()
    padded = decryptor.update(data) + decryptor.finalize()
    unpadder = padding.PKCS7(128).unpadder()
    return unpadder.update(padded) + unpadder.finalize()


def _signature_source(
    form_id: str, version: str, wrapped_key: str, instance_id: str, files: list[tuple[str, bytes]]
) -> bytes:
    lines = [form_id]
    if version:
        lines.append(version)
    lines += [wrapped_key, instance_id]
    lines += [f"{name}::{hashlib.md5(data).hexdigest()}" for name, data in files]  # noqa: S324
    return ("\n".join(lines) + "\n").encode("utf-8")


@dataclass(frozen=True)
class Sealed:
    """An encrypted submission: its manifest XML and its ``.enc`` files (media in order,
    then ``submission.xml.enc``)."""

    instance_id: str
    form_id: str
    version: str
    manifest: bytes
    files: list[tuple[str, bytes]] = field(default_factory=list)

    def to_bytes(self) -> bytes:
        """The one opaque payload the store keeps and a batch carries."""
        return json.dumps(
            {
                "format": PAYLOAD_FORMAT,
                "instance_id": self.instance_id,
                "form_id": self.form_id,
                "version": self.version,
                "manifest": self.manifest.decode("utf-8"),
                "files": [[n, base64.b64encode(d).decode("ascii")] for n, d in self.files],
            },
            separators=(",", ":"),
        ).encode("utf-8")

    @classmethod
    def from_bytes(cls, data: bytes) -> Sealed:
        try:
            doc = json.loads(data)
            if doc.get("format") != PAYLOAD_FORMAT:
                raise ValueError("not a sealed submission")
            return cls(
                instance_id=str(doc["instance_id"]),
                form_id=str(doc["form_id"]),
                version=str(doc.get("version") or ""),
                manifest=str(doc["manifest"]).encode("utf-8"),
                files=[(str(n), base64.b64decode(d, validate=True)) for n, d in doc["files"]],
            )
        except (ValueError, KeyError, TypeError, AttributeError, binascii.Error) as exc:
            raise DecryptionError(
                "An encrypted submission is damaged (its payload cannot be read).",
                code=ErrorCode.DECRYPT_DAMAGED,
            ) from exc


def encrypt_submission(
    xml: bytes,
    media: list[tuple[str, bytes]],
    *,
    form_id: str,
    version: str,
    instance_id: str,
    public_key: str | rsa.RSAPublicKey,
) -> Sealed:
    """Encrypt a submission (its XML and its media files, in this order) for ``public_key``."""
    key_obj = load_public_key(public_key) if isinstance(public_key, str) else public_key
    aes_key = os.urandom(32)
    wrapped = base64.b64encode(key_obj.encrypt(aes_key, _oaep())).decode("ascii")
    ivs = _ivs(instance_id, aes_key)
    plain = [*media, (SUBMISSION_XML, xml)]
    files = [(f"{name}.enc", _aes_encrypt(aes_key, next(ivs), data)) for name, data in plain]
    digest = hashlib.md5(_signature_source(form_id, version, wrapped, instance_id, plain))  # noqa: S324
    signature = base64.b64encode(key_obj.encrypt(digest.digest(), _oaep())).decode("ascii")
    manifest = _manifest(form_id, version, wrapped, [n for n, _ in files], signature, instance_id)
    return Sealed(instance_id, form_id, version, manifest, files)


def _escape(text: str) -> str:
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )


def _manifest(
    form_id: str, version: str, wrapped: str, names: list[str], signature: str, instance_id: str
) -> bytes:
    attrs = f' id="{_escape(form_id)}"'
    if version:
        attrs += f' version="{_escape(version)}"'
    media = "".join(f"<media><file>{_escape(n)}</file></media>" for n in names[:-1])
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<data xmlns="{ODK_NS}" xmlns:orx="{ORX_NS}" encrypted="yes"{attrs}>'
        f"<base64EncryptedKey>{wrapped}</base64EncryptedKey>"
        f"<encryptedXmlFile>{_escape(names[-1])}</encryptedXmlFile>"
        f"{media}"
        f"<base64EncryptedElementSignature>{signature}</base64EncryptedElementSignature>"
        f"<orx:meta><orx:instanceID>{_escape(instance_id)}</orx:instanceID></orx:meta>"
        "</data>"
    ).encode()


def _local(element: Element) -> str:
    return element.tag.rsplit("}", 1)[-1] if isinstance(element.tag, str) else ""


def _child(root: Element, name: str) -> Element | None:
    """The first child named ``name`` (any namespace: Collect's or Enketo's)."""
    return next((c for c in root if _local(c) == name), None)


def _text(element: Element | None) -> str:
    return (element.text or "").strip() if element is not None else ""


def _manifest_names(root: Element) -> list[str]:
    """The files a manifest names: its media in order, then the encrypted XML."""
    media = [_text(_child(m, "file")) for m in root if _local(m) == "media"]
    return [*media, _text(_child(root, "encryptedXmlFile"))]


def manifest_files(manifest: bytes) -> list[str] | None:
    """The files an encrypted submission's manifest names (media in order, then the XML's),
    or None when ``manifest`` is not a readable encrypted manifest."""
    try:
        root = fromstring(manifest)
    except Exception:  # noqa: BLE001 - any parse error: not a manifest
        return None
    if root.get("encrypted") != "yes" or _child(root, "encryptedXmlFile") is None:
        return None
    return _manifest_names(root)


def decrypt_submission(
    sealed: Sealed, private_key: rsa.RSAPrivateKey
) -> tuple[bytes, list[tuple[str, bytes]]]:
    """The submission XML and media files (original names) of ``sealed``.

    DecryptionError (``DECRYPT_WRONG_KEY``) when the key is not the one the submission was
    encrypted for; ``DECRYPT_DAMAGED`` when the parts or the signature do not match.
    """
    damaged = ErrorCode.DECRYPT_DAMAGED
    try:
        root = fromstring(sealed.manifest)
    except Exception as exc:  # noqa: BLE001 - any parse error: damaged
        raise DecryptionError(
            f"The encrypted submission {sealed.instance_id} has an unreadable manifest.",
            code=damaged,
        ) from exc
    wrapped_el = _child(root, "base64EncryptedKey")
    xml_el = _child(root, "encryptedXmlFile")
    if root.get("encrypted") != "yes" or wrapped_el is None or xml_el is None:
        raise DecryptionError(
            f"The encrypted submission {sealed.instance_id} has an incomplete manifest.",
            code=damaged,
        )
    wrapped = (wrapped_el.text or "").strip()
    try:
        aes_key = private_key.decrypt(base64.b64decode(wrapped), _oaep())
    except (ValueError, InvalidKey, binascii.Error) as exc:
        raise DecryptionError(
            f"This private key does not open the encrypted submission {sealed.instance_id}: "
            "it is not the key of its form; nothing was changed."
        ) from exc
    names = _manifest_names(root)
    parts = dict(sealed.files)
    ivs = _ivs(sealed.instance_id, aes_key)
    plain: list[tuple[str, bytes]] = []
    for name in names:
        if name not in parts or not name.endswith(".enc"):
            raise DecryptionError(
                f"The encrypted submission {sealed.instance_id} lacks its file {name}.",
                code=damaged,
            )
        try:
            plain.append((name[: -len(".enc")], _aes_decrypt(aes_key, next(ivs), parts[name])))
        except ValueError as exc:
            raise DecryptionError(
                f"The file {name} of the encrypted submission {sealed.instance_id} is damaged.",
                code=damaged,
            ) from exc
    signature_el = _child(root, "base64EncryptedElementSignature")
    if signature_el is not None and (signature_el.text or "").strip():
        expected = hashlib.md5(  # noqa: S324
            _signature_source(
                root.get("id") or "",
                root.get("version") or "",
                wrapped,
                sealed.instance_id,
                plain,
            )
        ).digest()
        try:
            signed = private_key.decrypt(base64.b64decode(signature_el.text.strip()), _oaep())
        except (ValueError, binascii.Error) as exc:
            raise DecryptionError(
                f"The signature of the encrypted submission {sealed.instance_id} is damaged.",
                code=damaged,
            ) from exc
        if signed != expected:
            raise DecryptionError(
                f"The encrypted submission {sealed.instance_id} does not match its signature "
                "(a file was changed or damaged).",
                code=damaged,
            )
    return plain[-1][1], plain[:-1]


def xform_public_key(xform: str) -> str | None:
    """The ``base64RsaPublicKey`` of an XForm's submission element, if it has one."""
    try:
        root = fromstring(xform.encode("utf-8") if isinstance(xform, str) else xform)
    except Exception:  # noqa: BLE001 - not readable: no key known
        return None
    for element in root.iter():
        if element.tag.rsplit("}", 1)[-1] == "submission":
            key = element.get("base64RsaPublicKey")
            if key:
                return key.strip()
    return None


def key_fits(private_key: rsa.RSAPrivateKey, public_key: str | None) -> bool:
    """Whether ``private_key`` is the private half of the base64 ``public_key``."""
    if not public_key:
        return False
    try:
        return load_public_key(public_key).public_numbers() == (
            private_key.public_key().public_numbers()
        )
    except EncryptionError:
        return False
