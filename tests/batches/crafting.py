"""Batches crafted from a real one: consistent (checksums right) but with edited content."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable
from pathlib import Path

from surveyor.batches import BatchWriter


def records(path: Path) -> list[dict]:
    """The interview records of a batch, in member order."""
    with zipfile.ZipFile(path) as z:
        return [
            json.loads(z.read(n))
            for n in z.namelist()
            if n.startswith("interviews/") and n.endswith(".json")
        ]


def recraft(
    path: Path,
    target: Path,
    *,
    record: Callable[[dict], dict | list[dict] | None] | None = None,
    form: Callable[[dict, bytes | None], tuple[dict, bytes | None]] | None = None,
    batch_id: str | None = None,
) -> Path:
    """Write ``target`` from the batch ``path``, each interview record through ``record``
    (return None to drop it, a list to write several) and each form definition (with its
    XLSForm bytes) through ``form``; the manifest and checksums are made anew."""
    with zipfile.ZipFile(path) as z:
        manifest = json.loads(z.read("manifest.json"))
        writer = BatchWriter(
            target,
            device_id=manifest["device"]["device_id"],
            device_label=manifest["device"]["label"],
            interviewer=manifest["interviewer"],
            batch_id=batch_id,
        )
        with writer:
            for part in manifest["parts"]:
                if part["kind"] == "form":
                    definition = json.loads(z.read(part["path"]))
                    source = (
                        z.read(definition["source_part"]) if definition["source_part"] else None
                    )
                    if form is not None:
                        definition, source = form(definition, source)
                    writer.add_form(
                        content_hash=definition["content_hash"],
                        form_id=definition["form_id"],
                        version=definition["version"],
                        title=definition["title"],
                        source_name=definition["source_name"],
                        source_bytes=source,
                        xform=definition["xform"],
                        media={m["filename"]: z.read(m["part"]) for m in definition["media"]},
                    )
            for part in manifest["parts"]:
                if part["kind"] != "interview":
                    continue
                data = json.loads(z.read(part["path"]))
                stem = part["path"].removeprefix("interviews/").removesuffix(".json")
                files = {
                    a["filename"]: z.read(f"attachments/{stem}/{a['filename']}")
                    for a in data.get("attachments", [])
                }
                out = record(data) if record is not None else data
                for item in out if isinstance(out, list) else [out] if out else []:
                    writer.add_interview(item, files if item is data else {})
    return target
