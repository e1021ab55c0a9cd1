"""source_state: what live sources (feeds, GDELT, pages) have seen

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26 10:00:00.000000
"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('source_state',
    sa.Column('kind', sa.String(length=8), nullable=False),
    sa.Column('url', sa.Text(), nullable=False),
    sa.Column('source', sa.Text(), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.Column('etag', sa.Text(), nullable=True),
    sa.Column('last_modified', sa.Text(), nullable=True),
    sa.Column('report_id', sa.String(length=40), nullable=True),
    sa.Column('meta', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('kind', 'url', name=op.f('pk_source_state'))
    )
    with op.batch_alter_table('source_state', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_source_state_kind_status'), ['kind', 'status'], unique=False)
        batch_op.create_index(batch_op.f('ix_source_state_source'), ['source'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('source_state', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_source_state_source'))
        batch_op.drop_index(batch_op.f('ix_source_state_kind_status'))

    op.drop_table('source_state')
