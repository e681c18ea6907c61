"""Copy the screenshots the offline guide shows into surveyor/ui/help/img/, scaled to 640 px.

Run after refreshing docs/screenshots/: `uv run python packaging/make_help_images.py`."""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parent.parent
SHOTS = REPO / "docs" / "screenshots"
OUT = REPO / "surveyor" / "ui" / "help" / "img"
NAMES = (
    "welcome",
    "home",
    "interview_text",
    "interview_finalize_errors",
    "interview_review_1366_default",
    "handin_done",
    "coordinator_import",
    "coordinator_conflicts",
    "coordinator_overview",
    "results_choice_1366x768",
)


def main() -> int:
    from surveyor.ui.qt import QApplication
    from surveyor.ui.qt import QImage
    from surveyor.ui.qt import Qt

    _app = QApplication.instance() or QApplication(sys.argv[:1])
    OUT.mkdir(parents=True, exist_ok=True)
    for language in ("fr", "en"):
        for name in NAMES:
            image = QImage(str(SHOTS / language / f"{name}.png"))
            if image.isNull():
                print(f"missing: {language}/{name}.png", file=sys.stderr)
                return 1
            small = image.scaledToWidth(640, Qt.SmoothTransformation)
            small.save(str(OUT / f"{name}_{language}.png"), "PNG", 9)
    print(f"wrote {len(NAMES) * 2} images to {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
