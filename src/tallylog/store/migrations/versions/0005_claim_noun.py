"""claim noun: what a count counts, as the report words it

``claims.unit`` is the class a ledger sums and reconciles by ("attacks"); ``claims.noun`` keeps the report's own
words beside it ("drone strikes", "shellings", "kidnapped"), so a count of one kind of act is not read as a
count of all of them. Claims stored before this revision have no noun (NULL).

Revision ID: 0005_claim_noun
Revises: 0004_resolve_indexes
Create Date: 2026-11-26 17:30:00.000000
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0005_claim_noun'
down_revision = '0004_resolve_indexes'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('claims', schema=None) as batch_op:
        batch_op.add_column(sa.Column('noun', sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('claims', schema=None) as batch_op:
        batch_op.drop_column('noun')
