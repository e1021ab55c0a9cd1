"""GDELT 2.0 event exports -> the articles they cite.

``gdelt:PATH_OR_URL`` names a GDELT 2.0 *export* file (tab-separated, no header, 61 columns, plain or
zipped: ``20240129120000.export.CSV.zip``) or a file *list* (``lastupdate.txt`` or
``masterfilelist.txt``: lines of ``SIZE MD5 URL``). Options go after ``#`` (never sent to a server)::

    gdelt:http://127.0.0.1:8765/lastupdate.txt#country=IZ,SY&files=2&roots=18,19,20&mentions=yes

The *mentions* file of the same 15 minutes (``20240129120000.mentions.CSV.zip``, 16 columns) lists every
article that mentioned an event, not only the first one GDELT saw (SOURCEURL). When a file list names it,
or it lies beside a local export, its web mentions (MentionType 1) of the events the export kept are
fetched too, each carrying the event's GDELT coding and the mention's own fields (``meta['gdelt_mention']``).
``mentions=no`` reads exports only.

``country``: ActionGeo_CountryCode values to keep (FIPS 10-4, e.g. IZ Iraq, SY Syria); ``roots``:
CAMEO EventRootCodes to keep (default 18 assault, 19 fight, 20 unconventional mass violence);
``files``: from a list, how many of the newest export files to read (default 1).

Rows are filtered, their SOURCEURLs de-duplicated (one article often yields many events: the first row
wins and the others' GLOBALEVENTIDs are kept in ``meta['other_event_ids']``), and each article is
fetched and extracted. GDELT's own fields go into ``Report.meta`` (see ``META_COLUMNS``) so that
GDELT's coding can be compared with tallylog's later.

Column layout relied on (0-based, GDELT 2.0 Event Codebook): 0 GLOBALEVENTID, 1 SQLDATE (YYYYMMDD),
26 EventCode, 27 EventBaseCode, 28 EventRootCode, 29 QuadClass, 30 GoldsteinScale, 31 NumMentions,
32 NumSources, 33 NumArticles, 34 AvgTone, 52 ActionGeo_FullName, 53 ActionGeo_CountryCode,
54 ActionGeo_ADM1Code, 56 ActionGeo_Lat, 57 ActionGeo_Long, 59 DATEADDED, 60 SOURCEURL; plus
6 Actor1Name and 16 Actor2Name. The full list is ``COLUMNS``.
"""
from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Iterable, Iterator
from urllib.parse import parse_qs, urljoin

from tallylog.model import IngestError
from tallylog.sources.fetch import FetchError, Fetcher
from tallylog.sources.web import Entry

PREFIX = "gdelt:"

COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
    "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
)
assert len(COLUMNS) == 61
INDEX = {name: i for i, name in enumerate(COLUMNS)}

#: GDELT fields kept in ``Report.meta['gdelt']``; numbers are converted, empty values dropped
META_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone", "Actor1Name", "Actor2Name",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code",
    "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID", "DATEADDED",
)
#: GDELT 2.0 mentions file, 16 columns (GDELT 2.0 Event Codebook, "Mentions table")
MENTION_COLUMNS = (
    "GLOBALEVENTID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName",
    "MentionIdentifier", "SentenceID", "Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset",
    "InRawText", "Confidence", "MentionDocLen", "MentionDocTone", "MentionDocTranslationInfo", "Extras",
)
assert len(MENTION_COLUMNS) == 16
MENTION_INDEX = {name: i for i, name in enumerate(MENTION_COLUMNS)}
#: mention fields kept in ``Report.meta['gdelt_mention']``
MENTION_META = ("MentionTimeDate", "MentionSourceName", "SentenceID", "Confidence", "MentionDocTone",
                "MentionDocTranslationInfo")
WEB_MENTION = "1"  # MentionType 1: a web page (MentionIdentifier is its URL)

_INTS = frozenset({"GLOBALEVENTID", "SentenceID", "Confidence", "QuadClass", "NumMentions", "NumSources", "NumArticles", "ActionGeo_Type"})
_FLOATS = frozenset({"GoldsteinScale", "AvgTone", "MentionDocTone", "ActionGeo_Lat", "ActionGeo_Long"})
#: CAMEO root codes of violence: 18 assault, 19 fight, 20 unconventional mass violence
VIOLENT_ROOTS = frozenset({"18", "19", "20"})


class GdeltError(Exception):
    """A GDELT file that cannot be read; the message is advice for the user."""


@dataclass(slots=True)
class GdeltSpec:
    """What a ``gdelt:`` input asks for."""

    target: str  # a path or an http(s) URL
    countries: frozenset[str] = frozenset()
    roots: frozenset[str] = VIOLENT_ROOTS
    files: int = 1
    mentions: bool = True
    label: str = ""

    @property
    def remote(self) -> bool:
        return self.target.startswith(("http://", "https://"))


def parse_spec(spec: str) -> GdeltSpec:
    """``gdelt:TARGET[#country=IZ,SY&roots=18,19&files=2]`` -> ``GdeltSpec`` (raises ``GdeltError``)."""
    body = spec[len(PREFIX):] if spec.startswith(PREFIX) else spec
    target, _, options = body.partition("#")
    if not target:
        raise GdeltError("no file named; write gdelt:PATH or gdelt:URL (an export file or lastupdate.txt)")
    opts = parse_qs(options)
    unknown = set(opts) - {"country", "roots", "files", "mentions"}
    if unknown:
        raise GdeltError(f"unknown option(s) {', '.join(sorted(unknown))}; "
                         "use country=, roots=, files= or mentions=")

    def _list(key: str) -> frozenset[str]:
        return frozenset(v.strip().upper() for raw in opts.get(key, []) for v in raw.split(",") if v.strip())

    files = 1
    if "files" in opts:
        try:
            files = max(1, int(opts["files"][-1]))
        except ValueError:
            raise GdeltError("files= takes a number, e.g. files=4") from None
    mentions = True
    if "mentions" in opts:
        flag = opts["mentions"][-1].strip().lower()
        if flag not in {"yes", "no", "1", "0", "true", "false"}:
            raise GdeltError("mentions= takes yes or no, e.g. mentions=no")
        mentions = flag in {"yes", "1", "true"}
    roots = _list("roots") or VIOLENT_ROOTS
    return GdeltSpec(target=target, countries=_list("country"), roots=roots, files=files, mentions=mentions,
                     label=spec)


def _value(name: str, raw: str) -> Any:
    if name in _INTS:
        try:
            return int(raw)
        except ValueError:
            return raw
    if name in _FLOATS:
        try:
            return float(raw)
        except ValueError:
            return raw
    return raw


def row_meta(row: list[str]) -> dict[str, Any]:
    """GDELT's own fields of one export row, for ``Report.meta['gdelt']``."""
    return {name: _value(name, row[INDEX[name]]) for name in META_COLUMNS if row[INDEX[name]] != ""}


def _sqldate(raw: str) -> date | None:
    try:
        return date(int(raw[:4]), int(raw[4:6]), int(raw[6:8]))
    except (ValueError, IndexError):
        return None


def export_lines(data: bytes, name: str = "") -> Iterator[str]:
    """The text lines of an export file, unzipping it when it is a zip archive."""
    if data[:4] == b"PK\x03\x04":
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                members = [m for m in zf.namelist() if not m.endswith("/")]
                if not members:
                    raise GdeltError("the zip archive is empty")
                data = zf.read(members[0])
        except zipfile.BadZipFile as exc:
            raise GdeltError(f"not a readable zip archive ({exc}); download it again") from None
    text = data.decode("utf-8", "replace")
    yield from text.splitlines()


def _tsv_rows(lines: Iterable[str], width: int, what: str, label: str,
              errors: list[IngestError]) -> Iterator[tuple[int, list[str]]]:
    """The non-blank rows of a tab-separated GDELT file with ``width`` columns; a row of another width is
    reported in ``errors`` (naming ``what`` the file should be) and skipped."""
    for lineno, row in enumerate(csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE), start=1):
        if not row or (len(row) == 1 and not row[0].strip()):
            continue
        if len(row) != width:
            errors.append(IngestError(f"{label}#line {lineno}", f"has {len(row)} columns, not the {width} of {what}"))
            continue
        yield lineno, row


def select_rows(lines: Iterable[str], spec: GdeltSpec, *, label: str,
                events: dict[int | str, dict[str, Any]] | None = None) -> tuple[list[Entry], list[IngestError]]:
    """Rows of the wanted root codes (and countries), one ``Entry`` per distinct SOURCEURL.

    ``events``, when given, receives the GDELT coding of every kept event by GLOBALEVENTID, for the
    mentions file of the same period."""
    entries: dict[str, Entry] = {}
    errors: list[IngestError] = []
    export = "a GDELT 2.0 export; is this a GDELT 1.0 or a mentions/GKG file?"
    for lineno, row in _tsv_rows(lines, len(COLUMNS), export, label, errors):
        if row[INDEX["EventRootCode"]].strip() not in spec.roots:
            continue
        if spec.countries and row[INDEX["ActionGeo_CountryCode"]].strip().upper() not in spec.countries:
            continue
        url = row[INDEX["SOURCEURL"]].strip()
        if events is not None:
            events[_value("GLOBALEVENTID", row[0])] = row_meta(row)
        if not url.startswith(("http://", "https://")):
            errors.append(IngestError(f"{label}#line {lineno}", "SOURCEURL is not a web address; skipped"))
            continue
        if url in entries:
            entries[url].meta.setdefault("other_event_ids", []).append(_value("GLOBALEVENTID", row[0]))
            continue
        entries[url] = Entry(url=url, published=_sqldate(row[INDEX["SQLDATE"]]), source=label,
                             meta={"gdelt": row_meta(row), "gdelt_file": label})
    return list(entries.values()), errors


def select_mentions(lines: Iterable[str], events: dict[int | str, dict[str, Any]], seen: set[str], *,
                    label: str) -> tuple[list[Entry], list[IngestError]]:
    """Web mentions of the ``events`` kept from the export, one ``Entry`` per URL not in ``seen``.

    Mentions of events the export did not keep (other root codes or countries, or events first seen in an
    earlier period that this run did not read) are skipped."""
    entries: dict[str, Entry] = {}
    errors: list[IngestError] = []
    for _lineno, row in _tsv_rows(lines, len(MENTION_COLUMNS), "a GDELT 2.0 mentions file; skipped", label, errors):
        event = events.get(_value("GLOBALEVENTID", row[0]))
        if event is None or row[MENTION_INDEX["MentionType"]].strip() != WEB_MENTION:
            continue
        url = row[MENTION_INDEX["MentionIdentifier"]].strip()
        if not url.startswith(("http://", "https://")):
            continue
        if url in seen:
            continue
        if url in entries:
            entries[url].meta.setdefault("other_event_ids", []).append(event["GLOBALEVENTID"])
            continue
        mention = {name: _value(name, row[MENTION_INDEX[name]]) for name in MENTION_META
                   if row[MENTION_INDEX[name]] != ""}
        entries[url] = Entry(url=url, published=_sqldate(row[MENTION_INDEX["MentionTimeDate"]]), source=label,
                             meta={"gdelt": dict(event), "gdelt_mention": mention, "gdelt_file": label})
    seen.update(entries)
    return list(entries.values()), errors


def _mentions_name(export: str) -> str | None:
    """The mentions file of the same period as an export file (same timestamp, same folder, same case)."""
    i = export.lower().rfind(".export.")
    if i < 0:
        return None
    return f"{export[:i]}.mentions.{export[i + len('.export.'):]}"


def list_urls(text: str, base: str, files: int) -> list[str]:
    """The newest ``files`` export files named in a lastupdate/masterfilelist text."""
    return [export for export, _ in list_files(text, base, files)]


def list_files(text: str, base: str, files: int) -> list[tuple[str, str | None]]:
    """The newest ``files`` export files of a file list, each with its mentions file when listed."""
    exports: list[str] = []
    mentions: set[str] = set()
    for line in text.splitlines():
        parts = line.split()
        if not parts:
            continue
        url = urljoin(base, parts[-1])
        low = url.lower()
        if low.endswith((".export.csv.zip", ".export.csv")):
            exports.append(url)
        elif low.endswith((".mentions.csv.zip", ".mentions.csv")):
            mentions.add(url)
    chosen = exports[-files:]
    return [(export, m if (m := _mentions_name(export)) in mentions else None) for export in chosen]


def _read(target: str, fetcher: Fetcher | None, max_bytes: int) -> bytes:
    if target.startswith(("http://", "https://")):
        if fetcher is None:
            raise GdeltError("a fetcher is needed for remote files")
        return fetcher.fetch(target, kinds=("data",)).content
    path = Path(target).expanduser()
    if not path.exists():
        raise GdeltError("no such file; check the path")
    size = path.stat().st_size
    if size > max_bytes:
        raise GdeltError(f"file is {size:,} bytes, over the limit of {max_bytes:,}; raise the limit (--max-bytes)")
    return path.read_bytes()


def _is_list(target: str, data: bytes) -> bool:
    if data[:4] == b"PK\x03\x04":
        return False
    first = data[:2000].decode("utf-8", "replace").strip().splitlines()[:1]
    return bool(first) and "\t" not in first[0] and len(first[0].split()) == 3


def gdelt_entries(spec: GdeltSpec, fetcher: Fetcher | None, *,
                  max_bytes: int = 200_000_000) -> Iterator[Entry | IngestError]:
    """The articles a ``gdelt:`` input points at (no page is fetched here)."""
    try:
        data = _read(spec.target, fetcher, max_bytes)
        blobs: dict[str, bytes] = {}
        if _is_list(spec.target, data):
            pairs = list_files(data.decode("utf-8", "replace"), spec.target, spec.files)
            if not pairs:
                yield IngestError(spec.label, "the file list names no export file (*.export.CSV.zip)")
                return
        else:
            sibling = _mentions_name(spec.target)
            if sibling is not None and (spec.remote or not Path(sibling).expanduser().exists()):
                sibling = None  # a single remote export: its mentions file is not guessed at
            pairs = [(spec.target, sibling)]
            blobs[spec.target] = data
        events: dict[int | str, dict[str, Any]] = {}  # every kept event of this run, oldest file first
        seen: set[str] = set()
        for export, mentions in pairs:
            try:
                blob = blobs[export] if export in blobs else _read(export, fetcher, max_bytes)
                entries, errors = select_rows(export_lines(blob, export), spec, label=export, events=events)
            except FetchError as exc:
                yield IngestError(export, exc.reason)
                continue
            except GdeltError as exc:
                yield IngestError(export, str(exc))
                continue
            yield from errors
            seen.update(e.url for e in entries)
            yield from entries
            if not (spec.mentions and mentions):
                continue
            try:
                blob = _read(mentions, fetcher, max_bytes)
                more, errors = select_mentions(export_lines(blob, mentions), events, seen, label=mentions)
            except FetchError as exc:
                yield IngestError(mentions, exc.reason)
                continue
            except GdeltError as exc:
                yield IngestError(mentions, str(exc))
                continue
            yield from errors
            yield from more
    except FetchError as exc:
        yield IngestError(spec.label, exc.reason)
    except GdeltError as exc:
        yield IngestError(spec.label, str(exc))
    except Exception as exc:  # noqa: BLE001 - a source must never stop the batch
        yield IngestError(spec.label, f"could not be read ({type(exc).__name__}: {exc})")
