"""resolve indexes: the candidate look-ups of incremental resolution bounded by time, whatever the ledger's size

A new mention is compared with the incidents near it in place and time. ``(date, latitude, longitude)`` lets a
look-up by a date window and a bounding box test the box inside the index and read only the rows in it.
``(date_precision, date, latitude, longitude, country)`` finds the incidents dated by a week, month, year or
range whose span may reach an undated mention's window, testing the place in the index, without walking every
incident of the days around it. ``mentions (report_id, date_end, latitude, longitude, country)`` answers, from
the index alone, which undated mentions of the reports published in such a window lie in a place, and
``reports (published, id)`` gives those reports' ids without reading their rows.

Revision ID: 0004_resolve_indexes
Revises: 0003_list_indexes
Create Date: 2026-11-25 19:40:00.000000
"""
from __future__ import annotations

from alembic import op

revision = '0004_resolve_indexes'
down_revision = '0003_list_indexes'
branch_labels = None
depends_on = None

INDEXES = [
    ('incidents', 'ix_incidents_date_latitude_longitude', ['date', 'latitude', 'longitude']),
    ('incidents', 'ix_incidents_date_precision_date_latitude_longitude_country',
     ['date_precision', 'date', 'latitude', 'longitude', 'country']),
    ('mentions', 'ix_mentions_report_id_date_end_latitude_longitude_country',
     ['report_id', 'date_end', 'latitude', 'longitude', 'country']),
    ('reports', 'ix_reports_published_id', ['published', 'id']),
]


def upgrade() -> None:
    for table, name, columns in INDEXES:
        op.create_index(name, table, columns, unique=False)
    if op.get_context().dialect.name == 'sqlite':
        op.execute('ANALYZE incidents')
        op.execute('ANALYZE mentions')
        op.execute('ANALYZE reports')


def downgrade() -> None:
    for table, name, _ in reversed(INDEXES):
        op.drop_index(name, table_name=table)
