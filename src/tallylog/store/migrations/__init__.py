"""Alembic migrations of the ledger schema (run by ``Ledger.open``: ``upgrade head``)."""
