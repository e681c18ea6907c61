"""The campaign server: OpenRosa (ODK Collect, Surveyor) on Starlette, data through SQLAlchemy Core.

``surveyor serve`` runs it; ``surveyor server ...`` manages accounts and forms. See
``docs/server.md``.
"""
