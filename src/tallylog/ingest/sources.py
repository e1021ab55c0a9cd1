"""Walk sources (files, folders, JSONL, stdin) and turn each document into a Report or an IngestError.

Everything streams: folders are walked lazily, JSONL is read line by line, and a file is read whole
only after its size has been checked against the limit.
"""
from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import BinaryIO, TextIO

from tallylog.ingest.build import Built, build_from_html, build_from_text
from tallylog.ingest.dates import parse_published
from tallylog.ingest.decode import decode_bytes
from tallylog.ingest.errors import Rejected
from tallylog.ingest.html import looks_like_html
from tallylog.model import IngestError, Report

TEXT_SUFFIXES = frozenset({".txt", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
STDIN = "-"
_STRING_FIELDS = ("url", "title", "outlet")


def _size(n: int) -> str:
    """A byte count for people: 20.0 MB, 512 KB, 300 bytes."""
    if n >= 1_000_000:
        return f"{n / 1_000_000:.1f} MB"
    if n >= 1_000:
        return f"{n / 1_000:.0f} KB"
    return f"{n} bytes"


def _too_large(size: int, limit: int) -> Rejected:
    return Rejected(f"file is {_size(size)} ({size:,} bytes), over the limit of {_size(limit)} ({limit:,} bytes); "
                    "split it into smaller files or raise the limit (--max-bytes)")


def _finish(built: Built) -> Report:
    """Gate a built report: it must have article text and be English."""
    report, language = built.report, built.language
    body_empty = not report.text.strip() or (report.title is not None and report.text.strip() == report.title)
    if body_empty:
        if report.removed:
            raise Rejected(f"no article text left after removing {len(report.removed)} boilerplate paragraph(s)")
        raise Rejected("no article text found")
    if not language.english:
        raise Rejected(f"not English (detected {language.code!r}, confidence {language.confidence:.2f}); "
                       "tallylog reads English news only")
    return report


def _from_document(text: str, *, kind: str, source: str, published: date | None) -> Report:
    """A decoded whole document (text or HTML) -> Report, raising Rejected when it is unusable."""
    if not text:
        raise Rejected("empty file; nothing to read")
    if not text.strip():
        raise Rejected("contains only whitespace; nothing to read")
    if kind == "html":
        return _finish(build_from_html(text, source=source, published=published))
    return _finish(build_from_text(text, source=source, published=published))


def _record_report(line: str, *, source: str, published: date | None) -> Report:
    """One JSONL line -> Report, raising Rejected with a message for that line."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise Rejected(f"not valid JSON ({exc.msg} at character {exc.pos + 1}); each line must be one JSON object") from None
    if not isinstance(record, dict):
        raise Rejected(f"a JSON {type(record).__name__}, not an object; each line must be one JSON object "
                       'such as {"text": "..."}')
    text, html = record.get("text"), record.get("html")
    for key, value in (("text", text), ("html", html)):
        if value is not None and not isinstance(value, str):
            raise Rejected(f"field {key!r} must be a string, got {type(value).__name__}")
    if not (text and text.strip()) and not (html and html.strip()):
        if text is None and html is None:
            raise Rejected('no "text" or "html" field; each line needs one of them')
        raise Rejected('"text"/"html" is empty; nothing to read')
    meta: dict[str, str | None] = {}
    for key in _STRING_FIELDS:
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            raise Rejected(f"field {key!r} must be a string, got {type(value).__name__}")
        meta[key] = value.strip() or None if isinstance(value, str) else None
    if published is None:
        try:
            published = parse_published(record.get("published"))
        except ValueError as exc:
            raise Rejected(f'field "published": {exc}; fix it, drop it, or pass --published') from None
    if text and text.strip():
        built = build_from_text(text, source=source, title=meta["title"], published=published,
                                outlet=meta["outlet"], url=meta["url"])
    else:
        built = build_from_html(html or "", source=source, published=published, url=meta["url"],
                                title=meta["title"], outlet=meta["outlet"])
    return _finish(built)


def _iter_jsonl_lines(lines: Iterable[bytes | str], *, label: str, published: date | None, max_bytes: int,
                      first_lineno: int = 1) -> Iterator[Report | IngestError]:
    """Reports from JSONL lines, one error per bad line; blank lines are skipped."""
    for lineno, raw in enumerate(lines, start=first_lineno):
        source = f"{label}#line {lineno}"
        try:
            if len(raw) > max_bytes:
                raise _too_large(len(raw), max_bytes)
            if isinstance(raw, bytes):
                try:
                    line = raw.decode("utf-8-sig" if lineno == 1 else "utf-8")
                except UnicodeDecodeError:
                    raise Rejected("not UTF-8 text; JSONL must be UTF-8") from None
            else:
                line = raw
            if not line.strip():
                continue
            yield _record_report(line, source=source, published=published)
        except Rejected as exc:
            yield IngestError(source, exc.reason)
        except Exception as exc:  # noqa: BLE001 - one bad record must not stop a batch
            yield IngestError(source, f"could not be read ({type(exc).__name__}: {exc})")


def _kind_for(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in TEXT_SUFFIXES:
        return "text"
    return "other"


def _read_file(path: Path, *, label: str, published: date | None, max_bytes: int) -> Iterator[Report | IngestError]:
    """One file -> its report(s) or error(s)."""
    kind = _kind_for(path)
    try:
        if kind == "jsonl":
            with path.open("rb") as fh:
                yield from _iter_jsonl_lines(fh, label=label, published=published, max_bytes=max_bytes)
            return
        size = path.stat().st_size
        if size > max_bytes:
            raise _too_large(size, max_bytes)
        data = path.read_bytes()
        if not data:
            raise Rejected("empty file; nothing to read")
        text = decode_bytes(data)
        if kind == "other":
            kind = "html" if looks_like_html(text) else "text"
        yield _from_document(text, kind=kind, source=label, published=published)
    except Rejected as exc:
        yield IngestError(label, exc.reason)
    except PermissionError:
        yield IngestError(label, "cannot be read (permission denied); check the file's permissions")
    except IsADirectoryError:
        yield IngestError(label, "is a directory that cannot be read")
    except OSError as exc:
        yield IngestError(label, f"cannot be read ({exc.strerror or exc})")


def _walk(folder: Path) -> Iterator[Path]:
    """Files under a folder with a known extension, sorted, hidden entries skipped, lazily."""
    for root, dirs, files in os.walk(folder, onerror=None):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and Path(name).suffix.lower() in KNOWN_SUFFIXES:
                yield Path(root) / name


def _read_folder(folder: Path, *, label: str, published: date | None,
                 max_bytes: int) -> Iterator[Report | IngestError]:
    if not os.access(folder, os.R_OK | os.X_OK):
        yield IngestError(label, "folder cannot be read (permission denied)")
        return
    found = False
    for path in _walk(folder):
        found = True
        yield from _read_file(path, label=str(path), published=published, max_bytes=max_bytes)
    if not found:
        yield IngestError(label, "folder has no .txt, .html or .jsonl files")


def _read_stdin(stream: TextIO | BinaryIO, *, published: date | None,
                max_bytes: int) -> Iterator[Report | IngestError]:
    """stdin: JSONL when its lines are JSON objects, HTML when it looks like HTML, else text.

    JSONL means: the first line and at least half of the lines are JSON objects (so one bad line
    gives an error for that line, not a misreading of the whole input).

    Input larger than ``max_bytes`` is accepted only as JSONL, which is then streamed.
    """
    binary = getattr(stream, "buffer", stream)
    try:
        head = binary.read(max_bytes + 1)
    except OSError as exc:
        yield IngestError(STDIN, f"cannot be read ({exc.strerror or exc})")
        return
    if isinstance(head, str):
        text: str = head
        more = len(head) > max_bytes
        rest_lines: Iterable[bytes | str] = stream  # type: ignore[assignment]
    else:
        if not head:
            yield IngestError(STDIN, "empty input; nothing to read")
            return
        more = len(head) > max_bytes
        try:
            text = head.decode("utf-8") if more else decode_bytes(head)
        except UnicodeDecodeError:
            text = head.decode("utf-8", errors="replace")
        except Rejected:
            yield IngestError(STDIN, "not text (binary data); stdin takes plain text, HTML or JSONL")
            return
        rest_lines = binary
    lines = text.splitlines(keepends=True)
    if more:
        if not _is_json_object(lines[0] if lines else ""):
            yield IngestError(STDIN, f"input is over the limit of {_size(max_bytes)} ({max_bytes:,} bytes); "
                                     "save it to smaller files, or send JSONL (one report a line)")
            return
        # The last line read may be cut short; join it with the rest of its line from the stream.
        tail = lines.pop() if lines and not lines[-1].endswith("\n") else ""
        rest = _join_first(tail, rest_lines)
        yield from _iter_jsonl_lines(lines, label=STDIN, published=published, max_bytes=max_bytes)
        yield from _iter_jsonl_lines(rest, label=STDIN, published=published, max_bytes=max_bytes,
                                     first_lineno=len(lines) + 1)
        return
    content = [ln for ln in lines if ln.strip()]
    if content and _is_json_object(content[0]) and 2 * sum(map(_is_json_object, content)) >= len(content):
        yield from _iter_jsonl_lines(lines, label=STDIN, published=published, max_bytes=max_bytes)
        return
    try:
        kind = "html" if looks_like_html(text) else "text"
        yield _from_document(text, kind=kind, source=STDIN, published=published)
    except Rejected as exc:
        yield IngestError(STDIN, exc.reason.replace("empty file", "empty input"))


def _join_first(tail: str, stream: Iterable[bytes | str]) -> Iterator[str | bytes]:
    """The rest of a stream line by line, ``tail`` prepended to its first line."""
    it = iter(stream)
    if tail:
        first = next(it, b"")
        yield tail + (first.decode("utf-8", errors="replace") if isinstance(first, bytes) else first)
    yield from it


def _is_json_object(line: str) -> bool:
    s = line.strip()
    if not (s.startswith("{") and s.endswith("}")):
        return False
    try:
        return isinstance(json.loads(s), dict)
    except json.JSONDecodeError:
        return False


def iter_reports(sources: Iterable[str], *, published: date | None = None, max_bytes: int = 10_000_000,
                 stdin: TextIO | BinaryIO | None = None) -> Iterator[Report | IngestError]:
    """Reports from files, folders (recursive, sorted), JSONL files and ``-`` (stdin), in order.

    ``published`` overrides every date found in the sources. Each bad source (or bad JSONL line)
    yields one ``IngestError``; no exception escapes.
    """
    for source in sources:
        try:
            if source == STDIN:
                yield from _read_stdin(stdin if stdin is not None else sys.stdin, published=published,
                                       max_bytes=max_bytes)
                continue
            path = Path(source)
            if path.is_dir():
                yield from _read_folder(path, label=source, published=published, max_bytes=max_bytes)
            elif path.exists():
                yield from _read_file(path, label=source, published=published, max_bytes=max_bytes)
            elif path.is_symlink():
                yield IngestError(source, "broken link; the file it points to does not exist")
            else:
                yield IngestError(source, "no such file or folder; check the path")
        except Exception as exc:  # noqa: BLE001 - a source must never stop the batch
            yield IngestError(source, f"could not be read ({type(exc).__name__}: {exc})")


__all__ = ["iter_reports"]
