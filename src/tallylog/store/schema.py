"""The ledger's tables, as SQLAlchemy Core metadata shared by the code and the Alembic migrations.

One schema runs on SQLite and PostgreSQL: JSON columns are ``JSON`` on SQLite and ``JSONB`` on
PostgreSQL, dates are ``DATE``, timestamps are naive UTC. The migrations in ``migrations/versions``
create exactly these tables; a change here needs a new migration.
"""
from __future__ import annotations

from sqlalchemy import (
    JSON, BigInteger, Boolean, Column, Date, DateTime, Float, ForeignKey, Index, Integer, MetaData, String,
    Table, Text, UniqueConstraint,
)
from sqlalchemy.dialects.postgresql import JSONB

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING)

#: JSON on SQLite, JSONB on PostgreSQL.
Json = JSON().with_variant(JSONB(), "postgresql")
#: Integer keys: 64-bit on PostgreSQL, SQLite's rowid alias on SQLite (so AUTOINCREMENT-free inserts stay fast).
Key = BigInteger().with_variant(Integer(), "sqlite")

outlets = Table(
    "outlets", metadata,
    Column("name", String(200), primary_key=True),
    Column("domain", String(255)),
    Column("first_seen", DateTime, nullable=False),
)

reports = Table(
    "reports", metadata,
    Column("id", String(40), primary_key=True),  # Report.id: hash of the normalised text
    Column("source", Text),
    Column("url", Text, unique=True),  # unique when not null (NULLs never collide)
    Column("title", Text),
    Column("published", Date),
    Column("outlet", String(200)),
    Column("language", String(16)),
    Column("text_sha256", String(64), nullable=False),
    Column("fingerprint", String(16)),  # near-duplicate fingerprint, e.g. a 64-bit simhash as 16 hex digits
    Column("source_group", String(64)),  # copies/syndications of one story share it
    Column("ingested_at", DateTime, nullable=False),
    Index(None, "published"),
    Index(None, "published", "id"),  # the reports of a window of days, from the index alone (migration 0004)
    Index(None, "source_group"),
    Index(None, "fingerprint"),
)

mentions = Table(
    "mentions", metadata,
    Column("id", Key, primary_key=True, autoincrement=True),
    Column("report_id", String(40), ForeignKey("reports.id", ondelete="CASCADE"), nullable=False),
    Column("ordinal", Integer, nullable=False),  # position of the event in its report's extraction
    Column("event_key", String(80)),  # Event.id as the extractor gave it
    Column("event_type", String(80), nullable=False),
    Column("sub_event_type", String(80), nullable=False),
    Column("kind", String(40), nullable=False),
    Column("date", Date),
    Column("date_end", Date),
    Column("date_precision", String(16), nullable=False),
    Column("date_text", Text),
    Column("place_name", Text),
    Column("place_text", Text),
    Column("place_feature", String(40)),
    Column("country", String(2)),
    Column("admin1", Text),
    Column("latitude", Float),
    Column("longitude", Float),
    Column("geo_precision", Integer),
    Column("gazetteer_id", String(80)),
    Column("actor1", Text),
    Column("actor2", Text),
    Column("weapons", Json, nullable=False),
    Column("quantity", Integer),
    Column("outcome", String(40)),
    Column("fatalities", Integer),
    Column("injured", Integer),
    Column("status", String(16), nullable=False),
    Column("attribution", Json, nullable=False),
    Column("evidence", Json, nullable=False),
    UniqueConstraint("report_id", "ordinal"),
    Index(None, "date"),
    Index(None, "country", "date"),
    # undated mentions of the reports published in a window, tested for place in the index (migration 0004)
    Index(None, "report_id", "date_end", "latitude", "longitude", "country"),
)

claims = Table(
    "claims", metadata,
    Column("id", Key, primary_key=True, autoincrement=True),
    Column("report_id", String(40), ForeignKey("reports.id", ondelete="CASCADE"), nullable=False),
    Column("ordinal", Integer, nullable=False),  # position of the claim in its report's extraction
    Column("value", BigInteger, nullable=False),
    Column("qualifier", String(16), nullable=False),
    Column("unit", String(80), nullable=False),
    Column("noun", Text),  # what is counted as the report words it, "drone strikes" (migration 0005)
    Column("since", Date),
    Column("since_text", Text),
    Column("since_partial", String(16)),
    Column("as_of", Date),
    Column("region", Json, nullable=False),
    Column("target", Text),
    Column("actor", Text),
    Column("speaker", Text),
    Column("via", Text),
    Column("locations", Json, nullable=False),
    Column("weapons", Json, nullable=False),
    Column("evidence", Json, nullable=False),
    Column("is_ordinal", Boolean, nullable=False),  # Claim.ordinal: "the 118th attack"
    Column("part_of", Integer),  # ordinal of the total this breakdown belongs to, in the same report
    Column("notes", Json, nullable=False),
    Column("series_key", String(200)),  # claims counting the same series share it; set by callers
    UniqueConstraint("report_id", "ordinal"),
    Index(None, "series_key", "as_of"),
    Index(None, "as_of"),
)

incidents = Table(
    "incidents", metadata,
    Column("id", String(16), primary_key=True),  # "inc_" + 12 hex, never changes
    Column("created_at", DateTime, nullable=False),
    Column("updated_at", DateTime, nullable=False),
    Column("event_type", String(80)),
    Column("sub_event_type", String(80)),
    Column("kind", String(40)),
    Column("date", Date),
    Column("date_precision", String(16)),
    Column("country", String(2)),
    Column("admin1", Text),
    Column("place_name", Text),
    Column("latitude", Float),
    Column("longitude", Float),
    Column("geo_precision", Integer),
    Column("actor1", Text),
    Column("actor2", Text),
    Column("weapons", Json, nullable=False),
    Column("fatalities_best", Integer),
    Column("fatalities_low", Integer),
    Column("fatalities_high", Integer),
    Column("injured_best", Integer),
    Column("injured_low", Integer),
    Column("injured_high", Integer),
    Column("grade", String(16)),
    Column("conflicts", Json, nullable=False),
    Column("candidates", Json, nullable=False),  # {field: [{"value": v, "mentions": [id, ...]}, ...]}
    Column("n_sources", Integer, nullable=False),
    Column("n_mentions", Integer, nullable=False),
    # the list's order is (date, id): with the id in the index a page is read in order, with no sort, and
    # stops at LIMIT; weapons lets SQLite test a weapon filter in the index before it reads the row
    Index(None, "date", "id", "weapons"),
    Index(None, "country", "date", "id"),
    Index(None, "latitude", "longitude"),
    # (column, date): equality lookups, and date-ordered listings that stop at LIMIT without a sort
    Index(None, "grade", "date", "id"),
    Index(None, "event_type", "date"),
    Index(None, "sub_event_type", "date"),
    Index(None, "kind", "date"),
    Index(None, "actor1", "date"),
    Index(None, "actor2", "date"),
    Index(None, "updated_at", "id"),
    # incremental resolution's candidate look-ups (migration 0004): a date window tested against a bounding
    # box inside the index; incidents dated by a span (week, month, year, range) by their first day
    Index(None, "date", "latitude", "longitude"),
    Index(None, "date_precision", "date", "latitude", "longitude", "country"),
)

#: One row per (incident, weapon): lets weapon filters and per-weapon counts use an index on both databases.
incident_weapons = Table(
    "incident_weapons", metadata,
    Column("incident_id", String(16), ForeignKey("incidents.id", ondelete="CASCADE"), primary_key=True),
    Column("weapon", String(40), primary_key=True),
    Index(None, "weapon"),
)

incident_mentions = Table(
    "incident_mentions", metadata,
    Column("mention_id", Key, ForeignKey("mentions.id", ondelete="CASCADE"), primary_key=True),  # one incident each
    Column("incident_id", String(16), ForeignKey("incidents.id", ondelete="CASCADE"), nullable=False),
    Index(None, "incident_id"),
)

places = Table(
    "places", metadata,
    Column("gazetteer_id", String(80), primary_key=True),
    Column("name", Text),
    Column("country", String(2)),
    Column("admin1", Text),
    Column("feature", String(40)),
    Column("latitude", Float),
    Column("longitude", Float),
)

#: What live sources have seen (``tallylog.sources``): one row per polled feed (its ETag/Last-Modified) and per
#: fetched entry URL (done, failed for good, or pending a retry), so polling survives restarts without repeats.
source_state = Table(
    "source_state", metadata,
    Column("kind", String(8), primary_key=True),  # "feed" or "entry"
    Column("url", Text, primary_key=True),
    Column("source", Text),  # the feed (or gdelt: input) an entry came from
    Column("status", String(16), nullable=False),  # feed: "polled"; entry: "done", "failed", "pending"
    Column("attempts", Integer, nullable=False),
    Column("reason", Text),  # why an entry failed or is pending
    Column("etag", Text),
    Column("last_modified", Text),
    Column("report_id", String(40)),
    Column("meta", Json, nullable=False),  # e.g. GDELT's fields for the article
    Column("updated_at", DateTime, nullable=False),
    Index(None, "kind", "status"),
    Index(None, "source"),
)

TABLES = ("reports", "mentions", "claims", "incidents", "incident_mentions", "incident_weapons", "outlets", "places")
