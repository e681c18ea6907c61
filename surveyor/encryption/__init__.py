"""Encryption of submissions in ODK's format, and the coordinator's keys.

``odk``: encrypt a finalized interview's submission for its form's public key (the ODK XForms
specification's encryption section), and decrypt it with the private key. ``keys``: make a
key pair, keep the private key in a passphrase-protected file or the OS keychain, put the
public key into an XLSForm. Plain Python over the ``cryptography`` package; nothing here
touches the store.
"""

from surveyor.encryption.odk import SUBMISSION_XML
from surveyor.encryption.odk import Sealed
from surveyor.encryption.odk import decrypt_submission
from surveyor.encryption.odk import encrypt_submission
from surveyor.encryption.odk import load_public_key

__all__ = [
    "SUBMISSION_XML",
    "Sealed",
    "decrypt_submission",
    "encrypt_submission",
    "load_public_key",
]
