"""Child process of the concurrency tests.

Usage: python concurrent_child.py DATA_DIR WHAT [N]. Prints "READY" once imported, waits for a
line on stdin (so several children start at the same moment), then:

- ``open``: opens the store (a first start on a fresh data dir) and closes it;
- ``write``: opens the store and creates N interviews, one transaction each.

Prints "DONE" and exits 0, or lets the error end the process (exit 1, traceback on stderr).
"""

from __future__ import annotations

import os
import sys

from surveyor.interviews.record import Interview
from surveyor.store import Store

FORM_HASH = "md5:concurrency-test"


def main() -> None:
    data_dir, what = sys.argv[1], sys.argv[2]
    count = int(sys.argv[3]) if len(sys.argv) > 3 else 0
    print("READY", flush=True)
    sys.stdin.readline()
    with Store.open(data_dir) as store:
        if what == "write":
            store.save_form(
                form_id="concurrency",
                version="1",
                title="Concurrency test",
                content_hash=FORM_HASH,
                source_name="c.xlsx",
                source_bytes=b"",
                xform="<h:html/>",
            )
            for n in range(count):
                interview = Interview.new(
                    form_id="concurrency", form_version="1", form_hash=FORM_HASH
                )
                interview.interviewer = f"pid {os.getpid()}"
                store.create_interview(interview)
                store.save_answers(interview.instance_id, {"n": str(n)})
    print("DONE", flush=True)


if __name__ == "__main__":
    main()
