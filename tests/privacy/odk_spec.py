"""ODK's encryption of submissions written here from the ODK XForms specification
("Encryption", getodk/xforms-spec ``_sections/100-encryption.md``) and the manifest ODK Collect
writes, with the ``cryptography`` package only: nothing of Surveyor's own encryption code
(``surveyor/encryption``) is used, so the tests check Surveyor against an independent reading.

- :func:`spec_decrypt` opens a manifest and its ``.enc`` files (checks what Surveyor sends);
- :func:`spec_encrypt` makes them as ODK Collect does (what Surveyor must open, e.g. the
  encrypted submissions the ODK Central stand-in serves).
"""

from __future__ import annotations

import base64
import hashlib
import os
import xml.etree.ElementTree as ET
from xml.sax.saxutils import escape
from xml.sax.saxutils import quoteattr

from cryptography.hazmat.decrepit.ciphers.modes import CFB
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives import padding as sympadding
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import padding
from cryptography.hazmat.primitives.ciphers import Cipher
from cryptography.hazmat.primitives.ciphers import algorithms

ORX = "{http://openrosa.org/xforms}"
COLLECT_NS = "http://www.opendatakit.org/xforms/encrypted"  # ODK Collect's EncryptionUtils
ENKETO_NS = "http://opendatakit.org/submissions"  # Enketo's encryptor


def spec_oaep():
    # Java's RSA/NONE/OAEPWithSHA256AndMGF1Padding: OAEP over SHA-256, MGF1 over SHA-1.
    return padding.OAEP(mgf=padding.MGF1(hashes.SHA1()), algorithm=hashes.SHA256(), label=None)


def _ivs(instance_id: str, key: bytes):
    """The specification's IVs: md5(instanceID + key), one more byte incremented per file."""
    seed = bytearray(hashlib.md5(instance_id.encode("utf-8") + key).digest())
    counter = 0
    while True:
        seed[counter % 16] = (seed[counter % 16] + 1) % 256
        counter += 1
        yield bytes(seed)


def _signature_lines(form_id, version, wrapped, instance_id, plain) -> bytes:
    lines = [form_id]
    if version:
        lines.append(version)
    lines += [wrapped, instance_id]
    lines += [f"{n}::{hashlib.md5(d).hexdigest()}" for n, d in plain]
    return ("\n".join(lines) + "\n").encode("utf-8")


def spec_decrypt(manifest: bytes, files: dict[str, bytes], private_key):
    """The specification's steps, one by one: unwrap the key, derive each IV, decrypt the
    media then the XML, check the signature. Returns (xml, {media name: bytes})."""
    root = ET.fromstring(manifest)
    ns = root.tag[: root.tag.index("}") + 1]
    assert root.tag == f"{ns}data" and ns.strip("{}") in (COLLECT_NS, ENKETO_NS)
    instance_id = root.find(f"{ORX}meta/{ORX}instanceID").text
    wrapped = root.find(f"{ns}base64EncryptedKey").text
    key = private_key.decrypt(base64.b64decode(wrapped), spec_oaep())
    assert len(key) == 32  # AES-256
    ivs = _ivs(instance_id, key)
    order = [m.find(f"{ns}file").text for m in root.findall(f"{ns}media")]
    order.append(root.find(f"{ns}encryptedXmlFile").text)
    plain = []
    for name in order:
        dec = Cipher(algorithms.AES(key), CFB(next(ivs))).decryptor()
        padded = dec.update(files[name]) + dec.finalize()
        unpad = sympadding.PKCS7(128).unpadder()
        plain.append((name.removesuffix(".enc"), unpad.update(padded) + unpad.finalize()))
    digest = hashlib.md5(
        _signature_lines(root.get("id"), root.get("version"), wrapped, instance_id, plain)
    ).digest()
    signature = root.find(f"{ns}base64EncryptedElementSignature").text
    assert private_key.decrypt(base64.b64decode(signature), spec_oaep()) == digest
    return plain[-1][1], dict(plain[:-1])


def spec_encrypt(
    xml: bytes,
    media: list[tuple[str, bytes]],
    *,
    form_id: str,
    version: str | None,
    instance_id: str,
    public_key_text: str,
    namespace: str = COLLECT_NS,
) -> tuple[bytes, dict[str, bytes]]:
    """A submission encrypted as ODK Collect does it: (the manifest, {name.enc: bytes}).

    The public key is the form's ``base64RsaPublicKey`` (base64 DER SubjectPublicKeyInfo).
    The manifest has Collect's element order and namespace (Enketo's with ``namespace``):
    the wrapped key, ``orx:meta/orx:instanceID``, one ``media/file`` per attachment, the
    encrypted XML's name, the element signature."""
    public_key = serialization.load_der_public_key(base64.b64decode(public_key_text))
    key = os.urandom(32)
    wrapped = base64.b64encode(public_key.encrypt(key, spec_oaep())).decode("ascii")
    ivs = _ivs(instance_id, key)
    plain = [*media, ("submission.xml", xml)]
    files = {}
    for name, data in plain:  # the media first, the submission's XML last
        pad = sympadding.PKCS7(128).padder()
        enc = Cipher(algorithms.AES(key), CFB(next(ivs))).encryptor()
        files[f"{name}.enc"] = enc.update(pad.update(data) + pad.finalize()) + enc.finalize()
    digest = hashlib.md5(_signature_lines(form_id, version, wrapped, instance_id, plain)).digest()
    signature = base64.b64encode(public_key.encrypt(digest, spec_oaep())).decode("ascii")
    version_attr = f" version={quoteattr(version)}" if version else ""
    media_lines = "".join(
        f"<media><file>{escape(name)}.enc</file></media>\n" for name, _data in media
    )
    manifest = (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>"
        f'<data xmlns="{namespace}" id={quoteattr(form_id)}{version_attr} encrypted="yes">'
        f"<base64EncryptedKey>{wrapped}</base64EncryptedKey>"
        '<orx:meta xmlns:orx="http://openrosa.org/xforms">'
        f"<orx:instanceID>{escape(instance_id)}</orx:instanceID></orx:meta>\n"
        f"{media_lines}"
        "<encryptedXmlFile>submission.xml.enc</encryptedXmlFile>"
        f"<base64EncryptedElementSignature>{signature}</base64EncryptedElementSignature>"
        "</data>"
    )
    return manifest.encode("utf-8"), files
