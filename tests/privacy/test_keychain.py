"""The private key kept in the OS keychain (``keyring``): tested with a keyring backend of
the test's own (a dict), set for the test only, since the machine's keychain is not ours."""

from __future__ import annotations

import pytest

from surveyor.encryption.keys import KEYRING_SERVICE
from surveyor.encryption.keys import load_from_keychain
from surveyor.encryption.keys import public_text_of
from surveyor.encryption.keys import save_to_keychain
from surveyor.errors import EncryptionError
from surveyor.errors import ErrorCode


def test_the_private_key_is_kept_in_and_read_from_the_keychain(dict_keyring, private_key):
    save_to_keychain(private_key, "association")
    assert (KEYRING_SERVICE, "association") in dict_keyring.items
    again = load_from_keychain("association")
    assert public_text_of(again) == public_text_of(private_key)


def test_no_key_in_the_keychain_is_a_clear_error(dict_keyring):
    with pytest.raises(EncryptionError) as caught:
        load_from_keychain("absente")
    assert caught.value.code is ErrorCode.KEY_NOT_FOUND
    assert "absente" in str(caught.value)
