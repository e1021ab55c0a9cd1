"""Web pages and RSS/Atom feeds -> reports.

A URL is fetched once. HTML or plain text becomes one report (trafilatura for HTML); a feed (told by
its content type, or by feedparser finding entries in an XML body) becomes one ``Entry`` per item,
whose link is fetched and extracted in turn. An entry's title and published date fill in what its
page does not state.
"""
from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from typing import Any, Iterator

from tallylog.ingest.build import assemble, build_from_text
from tallylog.ingest.decode import decode_bytes
from tallylog.ingest.errors import Rejected
from tallylog.ingest.html import looks_like_html, parse_html
from tallylog.ingest.sources import _finish
from tallylog.model import IngestError, Report
from tallylog.sources.fetch import CONTENT_KINDS, FetchError, Fetcher, FetchResult


@dataclass(slots=True)
class Entry:
    """A document a source points at: its URL, and what the source says of it."""

    url: str
    title: str | None = None
    published: date | None = None
    source: str | None = None  # the feed or file it came from
    meta: dict[str, Any] = field(default_factory=dict)


def decode(result: FetchResult) -> str:
    """The body as text: the declared charset when it decodes, else ingest's detection."""
    if result.charset:
        try:
            return result.content.decode(result.charset)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_bytes(result.content)


def is_feed(result: FetchResult) -> bool:
    """An RSS/Atom feed: by content type, or (for XML or untyped bodies) by feedparser's verdict."""
    ctype = result.content_type
    if ctype in CONTENT_KINDS["html"] or ctype in CONTENT_KINDS["text"]:
        head = result.content[:512].lstrip().lower()
        if not (head.startswith(b"<?xml") or head.startswith(b"<rss") or head.startswith(b"<feed")):
            return False
    if ctype in ("application/rss+xml", "application/atom+xml", "application/rdf+xml"):
        return True
    return bool(parse_feed(result.content).get("version"))


def parse_feed(content: bytes) -> Any:
    import feedparser

    return feedparser.parse(content)


def _entry_date(item: Any) -> date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = item.get(key)
        if value:
            try:
                return datetime.fromtimestamp(calendar.timegm(value), tz=timezone.utc).date()
            except (OverflowError, ValueError, TypeError):
                continue
    return None


def feed_entries(result: FetchResult) -> tuple[list[Entry], list[IngestError]]:
    """The feed's items with a link, in feed order; items without one become errors."""
    parsed = parse_feed(result.content)
    entries: list[Entry] = []
    errors: list[IngestError] = []
    for n, item in enumerate(parsed.get("entries") or [], start=1):
        link = (item.get("link") or "").strip()
        title = (item.get("title") or "").strip() or None
        if not link:
            errors.append(IngestError(f"{result.url}#entry {n}", "feed entry has no link; nothing to fetch"))
            continue
        entries.append(Entry(url=link, title=title, published=_entry_date(item), source=result.url,
                             meta={"feed": result.url, "entry_id": item.get("id")} if item.get("id") else
                             {"feed": result.url}))
    return entries, errors


def report_from_result(result: FetchResult, entry: Entry | None = None) -> Report:
    """A fetched page -> a gated report (raises ``Rejected``). The entry fills a missing title or date."""
    text = decode(result)
    if not text.strip():
        raise Rejected("empty response; nothing to read")
    url = result.final_url
    source = entry.url if entry is not None else result.url
    if result.content_type in CONTENT_KINDS["html"] or looks_like_html(text):
        doc = parse_html(text, url=url)
        title = doc.title or (entry.title if entry else None)
        published = doc.published or (entry.published if entry else None)
        built = assemble(title, doc.paragraphs, source=source, published=published, outlet=doc.outlet, url=url)
    else:
        built = build_from_text(text, source=source, title=entry.title if entry else None,
                                published=entry.published if entry else None, url=url)
    report = _finish(built)
    if entry is not None and entry.meta:
        report.meta = dict(entry.meta)
    return report


def fetch_entry(fetcher: Fetcher, entry: Entry) -> Report | IngestError:
    """Fetch one entry's page and extract it; every failure is an ``IngestError`` naming the URL."""
    try:
        result = fetcher.fetch(entry.url, kinds=("html", "text"))
        return report_from_result(result, entry)
    except FetchError as exc:
        return IngestError(entry.url, exc.reason)
    except Rejected as exc:
        return IngestError(entry.url, exc.reason)
    except Exception as exc:  # noqa: BLE001 - one bad page must not stop a batch
        return IngestError(entry.url, f"could not be read ({type(exc).__name__}: {exc})")


def iter_url(fetcher: Fetcher, url: str) -> Iterator[Report | IngestError]:
    """A page URL -> one report; a feed URL -> one report (or error) per entry."""
    try:
        result = fetcher.fetch(url)
        if is_feed(result):
            entries, errors = feed_entries(result)
            yield from errors
            if not entries and not errors:
                yield IngestError(url, "feed has no entries")
            for entry in entries:
                yield fetch_entry(fetcher, entry)
            return
        yield report_from_result(result)
    except FetchError as exc:
        yield IngestError(url, exc.reason)
    except Rejected as exc:
        yield IngestError(url, exc.reason)
    except Exception as exc:  # noqa: BLE001
        yield IngestError(url, f"could not be read ({type(exc).__name__}: {exc})")
