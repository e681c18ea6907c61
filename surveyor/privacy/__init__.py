"""Privacy by design (issue 14, rights and records): which fields are personal, keyed
pseudonyms for exports, the campaign's privacy settings (retention), and the record of
processing. Plain Python over forms and files of the data dir; the store's side (erasure,
retention purge, consent times) is in ``surveyor/store/rights.py``."""
