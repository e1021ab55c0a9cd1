"""Live sources: web pages, RSS/Atom feeds and GDELT 2.0 exports, beside the files ``tallylog.ingest`` reads.

    from tallylog.sources import Fetcher, iter_remote
    with Fetcher() as fetcher:
        for item in iter_remote(["https://example.org/feed.xml", "gdelt:lastupdate.txt"], fetcher):
            ...  # a Report, or an IngestError to show the user

``iter_inputs`` mixes both kinds in the order given (what ``tallylog run`` uses); ``Watcher`` polls
feeds and ingests only what is new (``tallylog watch``). Nothing here raises for a bad source: each
becomes an ``IngestError`` with advice.
"""
from __future__ import annotations

from datetime import date
from typing import Any, Iterable, Iterator

from tallylog.model import IngestError, Report
from tallylog.sources.fetch import USER_AGENT, FetchError, Fetcher, FetchResult
from tallylog.sources.gdelt import PREFIX as GDELT_PREFIX, GdeltError, gdelt_entries, parse_spec
from tallylog.sources.web import Entry, fetch_entry, iter_url

REMOTE_PREFIXES = ("http://", "https://", GDELT_PREFIX)


def is_remote(source: str) -> bool:
    """Whether an input names a live source (an http(s) URL or ``gdelt:...``) rather than a file."""
    return source.startswith(REMOTE_PREFIXES)


def iter_gdelt(spec: str, fetcher: Fetcher) -> Iterator[Report | IngestError]:
    """Reports from the articles a ``gdelt:`` input cites (GDELT's fields in ``Report.meta``)."""
    try:
        parsed = parse_spec(spec)
    except GdeltError as exc:
        yield IngestError(spec, str(exc))
        return
    for item in gdelt_entries(parsed, fetcher, max_bytes=max(fetcher.max_bytes, 200_000_000)):
        yield item if isinstance(item, IngestError) else fetch_entry(fetcher, item)


def iter_remote(sources: Iterable[str], fetcher: Fetcher) -> Iterator[Report | IngestError]:
    """Reports from URLs (pages or feeds) and ``gdelt:`` inputs, in order."""
    for source in sources:
        if source.startswith(GDELT_PREFIX):
            yield from iter_gdelt(source, fetcher)
        else:
            yield from iter_url(fetcher, source)


def iter_inputs(inputs: list[str], *, published: date | None = None, max_bytes: int = 10_000_000, stdin: Any = None,
                fetcher: Fetcher | None = None, state: Any = None) -> Iterator[Report | IngestError]:
    """Files, folders, stdin and live sources, in the order given.

    ``published`` overrides every report's date. ``state`` (a ``SourceState``), when given, keeps each
    fetched article's URL, report id and source fields (e.g. GDELT's) in the ledger.
    """
    from tallylog.run import iter_items

    own = fetcher is None
    fetcher = fetcher or Fetcher(max_bytes=max_bytes)
    try:
        local: list[str] = []
        for source in list(inputs) + [None]:  # type: ignore[list-item]
            if source is not None and not is_remote(source):
                local.append(source)
                continue
            if local:
                yield from iter_items(local, published=published, max_bytes=max_bytes, stdin=stdin)
                local = []
            if source is None:
                break
            for item in iter_remote([source], fetcher):
                if isinstance(item, Report):
                    if published is not None:
                        item.published = published
                    if state is not None:
                        state.record([{"url": item.source or item.url, "source": source, "status": "fetched",
                                       "report_id": item.id, "meta": item.meta}])
                yield item
    finally:
        if own:
            fetcher.close()


__all__ = ["Entry", "FetchError", "FetchResult", "Fetcher", "USER_AGENT", "is_remote", "iter_inputs",
           "iter_remote", "iter_gdelt"]
