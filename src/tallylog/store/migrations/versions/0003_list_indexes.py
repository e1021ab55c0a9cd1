"""list indexes: the incident list's filters and order (date, id) served by one index walk, no sort

The incident list orders by ``date, id`` (or ``updated_at, id``), newest first by default. Indexes on the date
alone left SQLite sorting every incident of the page's dates by id; these hold the id as well, so a page is
read in index order and the walk stops at LIMIT. ``(date, id, weapons)`` also answers a weapon filter from
the index (SQLite tests the row's ``weapons`` text there before it reads the row). Each new index starts with
the columns of the one it replaces, so every query the old one served, it serves.

Revision ID: 0003_list_indexes
Revises: 0002
Create Date: 2026-11-25 19:30:00.000000
"""
from __future__ import annotations

from alembic import op

revision = '0003_list_indexes'
down_revision = '0002'
branch_labels = None
depends_on = None

#: (old index, its columns) -> (new index, its columns); the new one extends the old one.
REPLACED = [
    (('ix_incidents_date', ['date']), ('ix_incidents_date_id_weapons', ['date', 'id', 'weapons'])),
    (('ix_incidents_country_date', ['country', 'date']), ('ix_incidents_country_date_id', ['country', 'date', 'id'])),
    (('ix_incidents_grade_date', ['grade', 'date']), ('ix_incidents_grade_date_id', ['grade', 'date', 'id'])),
    (('ix_incidents_updated_at', ['updated_at']), ('ix_incidents_updated_at_id', ['updated_at', 'id'])),
]


def upgrade() -> None:
    for (old, _), (new, columns) in REPLACED:
        op.create_index(new, 'incidents', columns, unique=False)
        op.drop_index(old, table_name='incidents')
    if op.get_context().dialect.name == 'sqlite':
        op.execute('ANALYZE incidents')  # the planner's row estimates for the new indexes


def downgrade() -> None:
    for (old, old_columns), (new, _) in reversed(REPLACED):
        op.create_index(old, 'incidents', old_columns, unique=False)
        op.drop_index(new, table_name='incidents')
