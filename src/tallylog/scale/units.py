"""Work units: the client's cheap pass over the inputs, and the worker's ingest of one unit.

The client walks the inputs exactly as :func:`tallylog.ingest.iter_reports` does (same order, same
errors for missing files, empty folders and oversized files) but does no parsing: it reads raw bytes
(one JSONL line, or one whole .txt/.html file) and ships them. Workers turn each unit into a
``Report`` or an ``IngestError`` with the same gate as local ingest, so a Dask run reads the same reports.
Standard input is ingested on the client (it cannot be re-read elsewhere) and shipped as ready reports.
"""
from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import BinaryIO, Literal, TextIO

from tallylog.ingest.decode import decode_bytes
from tallylog.ingest.errors import Rejected
from tallylog.ingest.html import looks_like_html
from tallylog.ingest.sources import STDIN, _from_document, _iter_jsonl_lines, _kind_for, _too_large, _walk
from tallylog.model import IngestError, Report

UnitKind = Literal["jsonl", "document", "report", "error"]


@dataclass(slots=True)
class Unit:
    """One document to ingest: a raw JSONL line, a raw file, a ready report (stdin) or an error to pass on."""

    kind: UnitKind
    label: str
    payload: bytes | Report | IngestError | None = None
    lineno: int = 1
    doc_kind: str = "text"  # for "document": text, html or other (sniffed on the worker)


def _file_units(path: Path, label: str, max_bytes: int) -> Iterator[Unit]:
    kind = _kind_for(path)
    try:
        if kind == "jsonl":
            with path.open("rb") as fh:
                for lineno, raw in enumerate(fh, start=1):
                    yield Unit("jsonl", f"{label}", raw, lineno=lineno)
            return
        size = path.stat().st_size
        if size > max_bytes:
            raise _too_large(size, max_bytes)
        yield Unit("document", label, path.read_bytes(), doc_kind=kind)
    except Rejected as exc:
        yield Unit("error", label, IngestError(label, exc.reason))
    except PermissionError:
        yield Unit("error", label, IngestError(label, "cannot be read (permission denied); check the file's permissions"))
    except IsADirectoryError:
        yield Unit("error", label, IngestError(label, "is a directory that cannot be read"))
    except OSError as exc:
        yield Unit("error", label, IngestError(label, f"cannot be read ({exc.strerror or exc})"))


def iter_units(sources: Iterable[str], *, published: date | None = None, max_bytes: int = 10_000_000,
               stdin: TextIO | BinaryIO | None = None) -> Iterator[Unit]:
    """Work units from files, folders and ``-``, lazily and in the order local ingest reads them."""
    import os

    from tallylog.ingest import iter_reports

    for source in sources:
        try:
            if source == STDIN:
                for item in iter_reports([STDIN], published=published, max_bytes=max_bytes,
                                         stdin=stdin if stdin is not None else sys.stdin):
                    kind: UnitKind = "error" if isinstance(item, IngestError) else "report"
                    yield Unit(kind, STDIN, item)
                continue
            path = Path(source)
            if path.is_dir():
                if not os.access(path, os.R_OK | os.X_OK):
                    yield Unit("error", source, IngestError(source, "folder cannot be read (permission denied)"))
                    continue
                found = False
                for sub in _walk(path):
                    found = True
                    yield from _file_units(sub, str(sub), max_bytes)
                if not found:
                    yield Unit("error", source, IngestError(source, "folder has no .txt, .html or .jsonl files"))
            elif path.exists():
                yield from _file_units(path, source, max_bytes)
            elif path.is_symlink():
                yield Unit("error", source, IngestError(source, "broken link; the file it points to does not exist"))
            else:
                yield Unit("error", source, IngestError(source, "no such file or folder; check the path"))
        except Exception as exc:  # noqa: BLE001 - a source must never stop the run
            yield Unit("error", source, IngestError(source, f"could not be read ({type(exc).__name__}: {exc})"))


def ingest_unit(unit: Unit, *, published: date | None, max_bytes: int) -> Report | IngestError | None:
    """A unit -> its report or error (``None`` for a blank JSONL line). Runs on a worker."""
    if unit.kind in ("report", "error"):
        return unit.payload  # type: ignore[return-value]
    if unit.kind == "jsonl":
        items = list(_iter_jsonl_lines([unit.payload], label=unit.label, published=published,  # type: ignore[list-item]
                                       max_bytes=max_bytes, first_lineno=unit.lineno))
        return items[0] if items else None
    label, data = unit.label, unit.payload
    try:
        if not data:
            raise Rejected("empty file; nothing to read")
        text = decode_bytes(data)  # type: ignore[arg-type]
        kind = unit.doc_kind
        if kind == "other":
            kind = "html" if looks_like_html(text) else "text"
        return _from_document(text, kind=kind, source=label, published=published)
    except Rejected as exc:
        return IngestError(label, exc.reason)
    except Exception as exc:  # noqa: BLE001 - one bad document never spoils a batch
        return IngestError(label, f"could not be read ({type(exc).__name__}: {exc})")
