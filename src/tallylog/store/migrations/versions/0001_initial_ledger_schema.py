"""initial ledger schema

Revision ID: 0001
Revises:
Create Date: 2026-11-25 17:36:10.777238
"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('incidents',
    sa.Column('id', sa.String(length=16), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('event_type', sa.String(length=80), nullable=True),
    sa.Column('sub_event_type', sa.String(length=80), nullable=True),
    sa.Column('kind', sa.String(length=40), nullable=True),
    sa.Column('date', sa.Date(), nullable=True),
    sa.Column('date_precision', sa.String(length=16), nullable=True),
    sa.Column('country', sa.String(length=2), nullable=True),
    sa.Column('admin1', sa.Text(), nullable=True),
    sa.Column('place_name', sa.Text(), nullable=True),
    sa.Column('latitude', sa.Float(), nullable=True),
    sa.Column('longitude', sa.Float(), nullable=True),
    sa.Column('geo_precision', sa.Integer(), nullable=True),
    sa.Column('actor1', sa.Text(), nullable=True),
    sa.Column('actor2', sa.Text(), nullable=True),
    sa.Column('weapons', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('fatalities_best', sa.Integer(), nullable=True),
    sa.Column('fatalities_low', sa.Integer(), nullable=True),
    sa.Column('fatalities_high', sa.Integer(), nullable=True),
    sa.Column('injured_best', sa.Integer(), nullable=True),
    sa.Column('injured_low', sa.Integer(), nullable=True),
    sa.Column('injured_high', sa.Integer(), nullable=True),
    sa.Column('grade', sa.String(length=16), nullable=True),
    sa.Column('conflicts', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('candidates', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('n_sources', sa.Integer(), nullable=False),
    sa.Column('n_mentions', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_incidents'))
    )
    with op.batch_alter_table('incidents', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_incidents_actor1_date'), ['actor1', 'date'], unique=False)
        batch_op.create_index(batch_op.f('ix_incidents_actor2_date'), ['actor2', 'date'], unique=False)
        batch_op.create_index(batch_op.f('ix_incidents_country_date'), ['country', 'date'], unique=False)
        batch_op.create_index(batch_op.f('ix_incidents_date'), ['date'], unique=False)
        batch_op.create_index(batch_op.f('ix_incidents_event_type_date'), ['event_type', 'date'], unique=False)
        batch_op.create_index(batch_op.f('ix_incidents_grade_date'), ['grade', 'date'], unique=False)
        batch_op.create_index(batch_op.f('ix_incidents_kind_date'), ['kind', 'date'], unique=False)
        batch_op.create_index(batch_op.f('ix_incidents_latitude_longitude'), ['latitude', 'longitude'], unique=False)
        batch_op.create_index(batch_op.f('ix_incidents_sub_event_type_date'), ['sub_event_type', 'date'], unique=False)
        batch_op.create_index(batch_op.f('ix_incidents_updated_at'), ['updated_at'], unique=False)

    op.create_table('outlets',
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('domain', sa.String(length=255), nullable=True),
    sa.Column('first_seen', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('name', name=op.f('pk_outlets'))
    )
    op.create_table('places',
    sa.Column('gazetteer_id', sa.String(length=80), nullable=False),
    sa.Column('name', sa.Text(), nullable=True),
    sa.Column('country', sa.String(length=2), nullable=True),
    sa.Column('admin1', sa.Text(), nullable=True),
    sa.Column('feature', sa.String(length=40), nullable=True),
    sa.Column('latitude', sa.Float(), nullable=True),
    sa.Column('longitude', sa.Float(), nullable=True),
    sa.PrimaryKeyConstraint('gazetteer_id', name=op.f('pk_places'))
    )
    op.create_table('reports',
    sa.Column('id', sa.String(length=40), nullable=False),
    sa.Column('source', sa.Text(), nullable=True),
    sa.Column('url', sa.Text(), nullable=True),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('published', sa.Date(), nullable=True),
    sa.Column('outlet', sa.String(length=200), nullable=True),
    sa.Column('language', sa.String(length=16), nullable=True),
    sa.Column('text_sha256', sa.String(length=64), nullable=False),
    sa.Column('fingerprint', sa.String(length=16), nullable=True),
    sa.Column('source_group', sa.String(length=64), nullable=True),
    sa.Column('ingested_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reports')),
    sa.UniqueConstraint('url', name=op.f('uq_reports_url'))
    )
    with op.batch_alter_table('reports', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_reports_fingerprint'), ['fingerprint'], unique=False)
        batch_op.create_index(batch_op.f('ix_reports_published'), ['published'], unique=False)
        batch_op.create_index(batch_op.f('ix_reports_source_group'), ['source_group'], unique=False)

    op.create_table('claims',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('report_id', sa.String(length=40), nullable=False),
    sa.Column('ordinal', sa.Integer(), nullable=False),
    sa.Column('value', sa.BigInteger(), nullable=False),
    sa.Column('qualifier', sa.String(length=16), nullable=False),
    sa.Column('unit', sa.String(length=80), nullable=False),
    sa.Column('since', sa.Date(), nullable=True),
    sa.Column('since_text', sa.Text(), nullable=True),
    sa.Column('since_partial', sa.String(length=16), nullable=True),
    sa.Column('as_of', sa.Date(), nullable=True),
    sa.Column('region', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('target', sa.Text(), nullable=True),
    sa.Column('actor', sa.Text(), nullable=True),
    sa.Column('speaker', sa.Text(), nullable=True),
    sa.Column('via', sa.Text(), nullable=True),
    sa.Column('locations', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('weapons', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('evidence', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('is_ordinal', sa.Boolean(), nullable=False),
    sa.Column('part_of', sa.Integer(), nullable=True),
    sa.Column('notes', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('series_key', sa.String(length=200), nullable=True),
    sa.ForeignKeyConstraint(['report_id'], ['reports.id'], name=op.f('fk_claims_report_id_reports'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_claims')),
    sa.UniqueConstraint('report_id', 'ordinal', name=op.f('uq_claims_report_id_ordinal'))
    )
    with op.batch_alter_table('claims', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_claims_as_of'), ['as_of'], unique=False)
        batch_op.create_index(batch_op.f('ix_claims_series_key_as_of'), ['series_key', 'as_of'], unique=False)

    op.create_table('incident_weapons',
    sa.Column('incident_id', sa.String(length=16), nullable=False),
    sa.Column('weapon', sa.String(length=40), nullable=False),
    sa.ForeignKeyConstraint(['incident_id'], ['incidents.id'], name=op.f('fk_incident_weapons_incident_id_incidents'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('incident_id', 'weapon', name=op.f('pk_incident_weapons'))
    )
    with op.batch_alter_table('incident_weapons', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_incident_weapons_weapon'), ['weapon'], unique=False)

    op.create_table('mentions',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('report_id', sa.String(length=40), nullable=False),
    sa.Column('ordinal', sa.Integer(), nullable=False),
    sa.Column('event_key', sa.String(length=80), nullable=True),
    sa.Column('event_type', sa.String(length=80), nullable=False),
    sa.Column('sub_event_type', sa.String(length=80), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('date', sa.Date(), nullable=True),
    sa.Column('date_end', sa.Date(), nullable=True),
    sa.Column('date_precision', sa.String(length=16), nullable=False),
    sa.Column('date_text', sa.Text(), nullable=True),
    sa.Column('place_name', sa.Text(), nullable=True),
    sa.Column('place_text', sa.Text(), nullable=True),
    sa.Column('place_feature', sa.String(length=40), nullable=True),
    sa.Column('country', sa.String(length=2), nullable=True),
    sa.Column('admin1', sa.Text(), nullable=True),
    sa.Column('latitude', sa.Float(), nullable=True),
    sa.Column('longitude', sa.Float(), nullable=True),
    sa.Column('geo_precision', sa.Integer(), nullable=True),
    sa.Column('gazetteer_id', sa.String(length=80), nullable=True),
    sa.Column('actor1', sa.Text(), nullable=True),
    sa.Column('actor2', sa.Text(), nullable=True),
    sa.Column('weapons', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('quantity', sa.Integer(), nullable=True),
    sa.Column('outcome', sa.String(length=40), nullable=True),
    sa.Column('fatalities', sa.Integer(), nullable=True),
    sa.Column('injured', sa.Integer(), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('attribution', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('evidence', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.ForeignKeyConstraint(['report_id'], ['reports.id'], name=op.f('fk_mentions_report_id_reports'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mentions')),
    sa.UniqueConstraint('report_id', 'ordinal', name=op.f('uq_mentions_report_id_ordinal'))
    )
    with op.batch_alter_table('mentions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_mentions_country_date'), ['country', 'date'], unique=False)
        batch_op.create_index(batch_op.f('ix_mentions_date'), ['date'], unique=False)

    op.create_table('incident_mentions',
    sa.Column('mention_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('incident_id', sa.String(length=16), nullable=False),
    sa.ForeignKeyConstraint(['incident_id'], ['incidents.id'], name=op.f('fk_incident_mentions_incident_id_incidents'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['mention_id'], ['mentions.id'], name=op.f('fk_incident_mentions_mention_id_mentions'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('mention_id', name=op.f('pk_incident_mentions'))
    )
    with op.batch_alter_table('incident_mentions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_incident_mentions_incident_id'), ['incident_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('incident_mentions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_incident_mentions_incident_id'))

    op.drop_table('incident_mentions')
    with op.batch_alter_table('mentions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_mentions_date'))
        batch_op.drop_index(batch_op.f('ix_mentions_country_date'))

    op.drop_table('mentions')
    with op.batch_alter_table('incident_weapons', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_incident_weapons_weapon'))

    op.drop_table('incident_weapons')
    with op.batch_alter_table('claims', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_claims_series_key_as_of'))
        batch_op.drop_index(batch_op.f('ix_claims_as_of'))

    op.drop_table('claims')
    with op.batch_alter_table('reports', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_reports_source_group'))
        batch_op.drop_index(batch_op.f('ix_reports_published'))
        batch_op.drop_index(batch_op.f('ix_reports_fingerprint'))

    op.drop_table('reports')
    op.drop_table('places')
    op.drop_table('outlets')
    with op.batch_alter_table('incidents', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_incidents_updated_at'))
        batch_op.drop_index(batch_op.f('ix_incidents_sub_event_type_date'))
        batch_op.drop_index(batch_op.f('ix_incidents_latitude_longitude'))
        batch_op.drop_index(batch_op.f('ix_incidents_kind_date'))
        batch_op.drop_index(batch_op.f('ix_incidents_grade_date'))
        batch_op.drop_index(batch_op.f('ix_incidents_event_type_date'))
        batch_op.drop_index(batch_op.f('ix_incidents_date'))
        batch_op.drop_index(batch_op.f('ix_incidents_country_date'))
        batch_op.drop_index(batch_op.f('ix_incidents_actor2_date'))
        batch_op.drop_index(batch_op.f('ix_incidents_actor1_date'))

    op.drop_table('incidents')
