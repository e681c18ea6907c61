"""Benchmark of the per-keystroke save: ``Store.save_answers``, durable (WAL, synchronous=FULL).

Run:  uv run python benchmarks/bench_save.py [--iterations 500] [--data-dir DIR]

The interview has a realistic answers dict: ~60 fields and a repeat of 5 household members.
Each iteration changes one answer (as typing does) and saves the whole dict. By default the
database is in a fresh folder of the system temp dir; pass --data-dir to measure a particular
disk (e.g. the laptop's data dir or a USB key). The time is mostly the fsync of the WAL.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from surveyor.interviews.record import Interview
from surveyor.store import Store

FORM_HASH = "md5:benchmark"


def realistic_answers() -> dict:
    answers: dict = {}
    for i in range(50):
        answers[f"q{i:02d}"] = f"réponse à la question {i}, un peu de texte libre"
    answers.update(
        {
            "commune": "Saint-Étienne",
            "quartier": "Tarentaize-Beaubrun",
            "rue": "rue de la République",
            "numero": "12 bis",
            "logement_type": "appartement",
            "nb_pieces": "3",
            "statut_occupation": "locataire_hlm",
            "remarques": "Personne très disponible, revenir en soirée pour le voisin du 3e. " * 3,
            "gps": "45.4397 4.3872 512 10",
            "consent": "yes",
        }
    )
    answers["membres"] = [
        {
            "prenom": name,
            "age": str(age),
            "sexe": sex,
            "activite": activity,
            "lien": link,
            "scolarise": "no" if age > 18 else "yes",
        }
        for name, age, sex, activity, link in [
            ("Fatima", 44, "f", "emploi", "ref"),
            ("Karim", 46, "m", "chomage", "conjoint"),
            ("Inès", 17, "f", "etudes", "enfant"),
            ("Yanis", 12, "m", "etudes", "enfant"),
            ("Louise", 78, "f", "retraite", "parent"),
        ]
    ]
    return answers


def run(data_dir: Path, iterations: int) -> list[float]:
    with Store.open(data_dir) as store:
        store.save_form(
            form_id="bench",
            version="1",
            title="Benchmark",
            content_hash=FORM_HASH,
            source_name="bench.xlsx",
            source_bytes=b"",
            xform="<h:html/>",
        )
        interview = store.create_interview(
            Interview.new(form_id="bench", form_version="1", form_hash=FORM_HASH)
        )
        answers = realistic_answers()
        for _ in range(20):  # warm up
            store.save_answers(interview.instance_id, answers)
        times = []
        for n in range(iterations):
            answers["remarques"] = answers["remarques"][:200] + str(n)
            start = time.perf_counter()
            store.save_answers(interview.instance_id, answers, position=f"/data/q{n % 50:02d}")
            times.append(time.perf_counter() - start)
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--iterations", type=int, default=500)
    parser.add_argument("--data-dir", type=Path, default=None)
    args = parser.parse_args(argv)
    if args.data_dir:
        times = run(args.data_dir, args.iterations)
        where = args.data_dir
    else:
        with tempfile.TemporaryDirectory(prefix="surveyor-bench-") as tmp:
            times = run(Path(tmp), args.iterations)
            where = Path(tmp)
    times_ms = sorted(t * 1000 for t in times)
    p99 = times_ms[min(len(times_ms) - 1, int(len(times_ms) * 0.99))]
    size = len(str(realistic_answers()).encode())
    print(
        f"command: uv run python benchmarks/bench_save.py {' '.join(argv or sys.argv[1:])}".rstrip()
    )
    print(f"database: {where}/surveyor.db")
    print(f"save_answers, ~60 fields + repeat of 5 (~{size} bytes of answers), durable:")
    print(
        f"  {len(times_ms)} iterations: median {statistics.median(times_ms):.2f} ms, "
        f"p99 {p99:.2f} ms, max {times_ms[-1]:.2f} ms"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
