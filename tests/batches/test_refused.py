"""A damaged or suspicious batch is refused whole, with a reason; the others still merge."""

from __future__ import annotations

import hashlib
import json
import struct
import zipfile
import zlib
from pathlib import Path

import pytest

from surveyor.batches import BatchError
from surveyor.batches import BatchReader
from surveyor.batches import BatchWriter
from surveyor.batches import hand_in
from surveyor.batches import merge_batches
from surveyor.batches.format import parts_digest
from tests.batches.conftest import snapshot


@pytest.fixture
def good(tmp_path, make_laptop):
    """A real batch of two interviews (with a photo), and a second, independent good one."""
    amina = make_laptop("Amina")
    first = amina.fill(1)
    amina.store.add_attachment(
        first.instance_id, "photo.jpg", b"\xff\xd8" + b"jpeg" * 50, "image/jpeg"
    )
    amina.fill(2)
    path = hand_in(
        amina.store, tmp_path / "good.zip", device_id=amina.device_id, interviewer="Amina"
    ).path
    bruno = make_laptop("Bruno")
    bruno.fill(3)
    other = hand_in(
        bruno.store, tmp_path / "other.zip", device_id=bruno.device_id, interviewer="Bruno"
    ).path
    return path, other


def members(path: Path) -> list[tuple[zipfile.ZipInfo, bytes]]:
    with zipfile.ZipFile(path) as z:
        return [(info, z.read(info)) for info in z.infolist()]


def rewrite(path: Path, target: Path, change) -> Path:
    """Copy a batch member by member through ``change(name, data) -> [(name, data)...]``."""
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in members(path):
            for name, new in change(info.filename, data):
                z.writestr(name, new)
    return target


def with_manifest(path: Path, target: Path, edit) -> Path:
    def change(name, data):
        if name == "manifest.json":
            manifest = json.loads(data)
            edit(manifest)
            data = json.dumps(manifest).encode()
        return [(name, data)]

    return rewrite(path, target, change)


def first_interview(path: Path) -> str:
    return next(n for n in zipfile.ZipFile(path).namelist() if n.startswith("interviews/"))


def relist(manifest, name, data):
    """Give the part ``name`` the checksum of ``data`` (a consistent but altered batch)."""
    for part in manifest["parts"]:
        if part["path"] == name:
            part["sha256"] = hashlib.sha256(data).hexdigest()
            part["size"] = len(data)
    manifest["parts_sha256"] = parts_digest(manifest["parts"])


def truncated(good, tmp):
    data = good.read_bytes()
    (tmp / "bad.zip").write_bytes(data[: len(data) * 2 // 3])
    return tmp / "bad.zip", "not a complete ZIP file"


def flipped_byte(good, tmp):
    data = bytearray(good.read_bytes())
    with zipfile.ZipFile(good) as z:
        info = z.getinfo(first_interview(good))
    # the middle of the member's compressed data
    name_len, extra_len = struct.unpack(
        "<HH", data[info.header_offset + 26 : info.header_offset + 30]
    )
    start = info.header_offset + 30 + name_len + extra_len
    data[start + info.compress_size // 2] ^= 0x40
    (tmp / "bad.zip").write_bytes(bytes(data))
    return tmp / "bad.zip", "damaged"


def bad_part_checksum(good, tmp):
    name = first_interview(good)

    def change(n, data):
        return [(n, data.replace(b"Rue des Tilleuls", b"Rue des Platanes") if n == name else data)]

    return rewrite(good, tmp / "bad.zip", change), "does not match its checksum"


def bad_manifest_checksum(good, tmp):
    def edit(manifest):
        manifest["parts"][0]["size"] += 0  # unchanged list...
        manifest["parts_sha256"] = "0" * 64  # ...but a wrong digest

    return with_manifest(good, tmp / "bad.zip", edit), "part list of its manifest.json"


def newer_format(good, tmp):
    # (version 2 is a batch carrying fieldwork, docs/batch-format.md: 3 is the newer one)
    return with_manifest(good, tmp / "bad.zip", lambda m: m.update(format_version=3)), (
        "batch format version 3"
    )


def boolean_format_version(good, tmp):
    return with_manifest(good, tmp / "bad.zip", lambda m: m.update(format_version=True)), (
        "malformed format_version True"
    )


def escaping_member(good, tmp):
    def change(n, data):
        return [(n, data)] + ([("../evil", b"owned")] if n == "manifest.json" else [])

    return rewrite(good, tmp / "bad.zip", change), "'../evil' would be written outside"


def absolute_member(good, tmp):
    def change(n, data):
        return [(n, data)] + ([("/etc/evil", b"owned")] if n == "manifest.json" else [])

    return rewrite(good, tmp / "bad.zip", change), "is an absolute path"


def drive_member(good, tmp):
    def change(n, data):
        return [(n, data)] + ([("C:/evil", b"owned")] if n == "manifest.json" else [])

    return rewrite(good, tmp / "bad.zip", change), "is an absolute path"


def symlink_member(good, tmp):
    target = tmp / "bad.zip"
    with zipfile.ZipFile(target, "w") as z:
        for info, data in members(good):
            z.writestr(info, data)
        link = zipfile.ZipInfo("attachments/x/link")
        link.create_system = 3
        link.external_attr = (0o120777) << 16
        z.writestr(link, "/etc/passwd")
    return target, "symbolic link"


def malformed_json(good, tmp):
    name = first_interview(good)
    broken = b'{"instance_id": "uuid:'

    def change(n, data):
        if n == name:
            return [(n, broken)]
        if n == "manifest.json":
            manifest = json.loads(data)
            relist(manifest, name, broken)
            return [(n, json.dumps(manifest).encode())]
        return [(n, data)]

    return rewrite(good, tmp / "bad.zip", change), f"{name} is not valid JSON"


def unlisted_member(good, tmp):
    def change(n, data):
        return [(n, data)] + ([("attachments/x/extra.jpg", b"x")] if n == "manifest.json" else [])

    return rewrite(good, tmp / "bad.zip", change), "not listed in its manifest"


def missing_form(good, tmp):
    """A batch whose interviews use a form that is neither in it nor in the database."""
    with zipfile.ZipFile(good) as z:
        record = json.loads(z.read(first_interview(good)))
    record["form_hash"] = "md5:" + "f" * 32
    record["attachments"] = []
    target = tmp / "bad.zip"
    with BatchWriter(target, device_id="d") as writer:
        writer.add_interview(record)
    return target, "form definition md5:ffffffffffffffffffffffffffffffff"


def _zip_bomb(tmp: Path) -> Path:
    """A batch whose interview member inflates to 1 GiB of zeros (built from a 1 MiB block)."""
    mib = 1024 * 1024
    zeros = bytes(mib)
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    head = c.compress(zeros) + c.flush(zlib.Z_FULL_FLUSH)
    block = c.compress(zeros) + c.flush(zlib.Z_FULL_FLUSH)  # the same bytes every time now
    tail = c.flush()
    compressed = head + block * 1023 + tail
    # it is a real deflate stream of zeros (check the start without inflating it all)
    assert zlib.decompressobj(-15).decompress(compressed, 3 * mib) == bytes(3 * mib)
    crc = 0
    for _ in range(1024):
        crc = zlib.crc32(zeros, crc)
    name = b"interviews/00000000-0000-4000-8000-000000000000.json"
    size = 1024 * mib
    manifest = json.dumps(
        {
            "format": "surveyor-batch",
            "format_version": 1,
            "batch_id": "bomb",
            "device": {"device_id": "d", "label": ""},
            "interviewer": "",
            "parts": [
                {"path": name.decode(), "kind": "interview", "size": size, "sha256": "0" * 64}
            ],
            "parts_sha256": "",
        }
    ).encode()
    out = bytearray()
    central = bytearray()
    for member, data, method, usize, mcrc in (
        (name, compressed, 8, size, crc),
        (b"manifest.json", manifest, 0, len(manifest), zlib.crc32(manifest)),
    ):
        offset = len(out)
        out += struct.pack(
            "<IHHHHHIIIHH",
            0x04034B50,
            20,
            0,
            method,
            0,
            0x21,
            mcrc,
            len(data),
            usize,
            len(member),
            0,
        )
        out += member + data
        central += struct.pack(
            "<IHHHHHHIIIHHHHHII",
            0x02014B50,
            20,
            20,
            0,
            method,
            0,
            0x21,
            mcrc,
            len(data),
            usize,
            len(member),
            0,
            0,
            0,
            0,
            0,
            offset,
        )
        central += member
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 2, 2, len(central), len(out), 0)
    path = tmp / "bomb.zip"
    path.write_bytes(bytes(out + central + end))
    return path


def zip_bomb(good, tmp):
    return _zip_bomb(tmp), "is too large"


DAMAGES = [
    truncated,
    flipped_byte,
    bad_part_checksum,
    bad_manifest_checksum,
    newer_format,
    boolean_format_version,
    escaping_member,
    absolute_member,
    drive_member,
    symlink_member,
    malformed_json,
    unlisted_member,
    missing_form,
    zip_bomb,
]


@pytest.mark.parametrize("damage", DAMAGES, ids=[d.__name__ for d in DAMAGES])
def test_a_damaged_batch_is_refused_whole_and_the_others_still_merge(
    damage, good, tmp_path, coordinator
):
    good_path, other = good
    bad_dir = tmp_path / "bad"
    bad_dir.mkdir()
    bad, reason = damage(good_path, bad_dir)
    before = snapshot(coordinator)

    report = merge_batches(coordinator, [bad])
    assert [b.status for b in report.batches] == ["refused"]
    refused = report.batches[0]
    assert reason in refused.reason
    message = str(refused.error)
    assert message.startswith(f"The batch {bad} was refused: ") and message.endswith(
        "nothing of it was imported."
    )
    assert "\n" not in message
    assert snapshot(coordinator) == before

    # in one call with a good batch: the good one merges, the bad one is listed as refused
    report = merge_batches(coordinator, [bad, other])
    assert [b.status for b in report.batches] == ["refused", "merged"]
    assert report.new == 1 and not report.ok and "REFUSED" in str(report)
    assert snapshot(coordinator)["interviews"] == before["interviews"] + 1


def test_the_bomb_is_refused_without_inflating_it(tmp_path, monkeypatch):
    """Refused from the ZIP headers: the member is never opened (how fast: benchmarks/
    bench_targets.py)."""
    import resource

    bomb = _zip_bomb(tmp_path)
    assert bomb.stat().st_size < 2 * 1024 * 1024
    opened = []
    real_open = zipfile.ZipFile.open

    def recording_open(self, name, *args, **kwargs):
        opened.append(getattr(name, "filename", name))
        return real_open(self, name, *args, **kwargs)

    monkeypatch.setattr(zipfile.ZipFile, "open", recording_open)
    with pytest.raises(BatchError, match="too large"):
        BatchReader(bomb).open()
    assert not [name for name in opened if name.startswith("interviews/")], opened
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss < 1024 * 1024  # KiB: < 1 GiB


def test_a_lying_size_in_the_zip_headers_is_caught_while_reading(tmp_path, coordinator, good):
    """Headers that claim a small size for a big member: reading stops at the claimed size."""
    good_path, _ = good
    name = first_interview(good_path)
    data = bytearray(good_path.read_bytes())
    with zipfile.ZipFile(good_path) as z:
        info = z.getinfo(name)
    # shrink the uncompressed size in the local header and the central directory
    for pos in (info.header_offset + 22,):
        struct.pack_into("<I", data, pos, 10)
    central = data.rfind(b"PK\x01\x02", 0, data.rfind(name.encode()) + 1)
    struct.pack_into("<I", data, central + 24, 10)
    bad = tmp_path / "lying.zip"
    bad.write_bytes(bytes(data))
    before = snapshot(coordinator)
    report = merge_batches(coordinator, [bad])
    assert report.batches[0].status == "refused"
    assert snapshot(coordinator) == before
