"""Child process of the kill test: saves answers in a loop, printing "ACK <n>" after each save.

Usage: python kill_child.py DATA_DIR. Prints "READY" once imported, waits for a line on stdin,
then opens the store and continues counting from what is already stored.
"""

from __future__ import annotations

import sys

from surveyor.interviews.record import Interview
from surveyor.store import InterviewNotFound
from surveyor.store import Store

FORM_HASH = "md5:kill-test"
IDS = ("uuid:00000000-0000-4000-8000-00000000000a", "uuid:00000000-0000-4000-8000-00000000000b")


def answers_for(n: int) -> dict:
    """Answers that grow with n; the kill test recomputes them to detect torn writes."""
    return {
        "n": str(n),
        "text": "x" * n,
        "members": [{"first": f"m{k}", "age": str(n % 90)} for k in range(n % 5 + 1)],
    }


def main() -> None:
    print("READY", flush=True)
    sys.stdin.readline()
    store = Store.open(sys.argv[1])
    store.save_form(
        form_id="kill",
        version="1",
        title="Kill test",
        content_hash=FORM_HASH,
        source_name="kill.xlsx",
        source_bytes=b"",
        xform="<h:html/>",
    )
    n = 0
    for instance_id in IDS:
        try:
            n = max(n, int(store.get_interview(instance_id).answers.get("n", "0")))
        except InterviewNotFound:
            interview = Interview.new(form_id="kill", form_version="1", form_hash=FORM_HASH)
            interview.instance_id = instance_id
            store.create_interview(interview)
    while True:
        n += 1
        store.save_answers(IDS[n % 2], answers_for(n), position=str(n))
        sys.stdout.write(f"ACK {n}\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
