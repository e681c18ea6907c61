"""Sync with an OpenRosa server: send interviews, fetch forms, download submissions.

- :mod:`surveyor.sync.transport`: one interview per request, and what the answer means;
- :mod:`surveyor.sync.sender`: :func:`send_pending` / :func:`send_until_done`, the lock, the
  backoff policy;
- :mod:`surveyor.sync.forms`: :func:`fetch_forms` (form list, XForms, media);
- :mod:`surveyor.sync.download`: :func:`download_submissions` for the coordinator;
- :mod:`surveyor.sync.passes`: one pass as the app makes it (:func:`send_pass`: send, then
  fetch and save new forms; :func:`check_connection`; :func:`download_pass`) and the pieces
  the CLI shares with it;
- :mod:`surveyor.sync.config`: where the password and the server address come from (the
  app's settings, :mod:`surveyor.settings`).

The core never imports Qt: the app's background worker calls these from its own thread
(see docs/sync.md).
"""
