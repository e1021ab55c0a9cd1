"""Finding the text a gold document was annotated on, and turning it into a ``Report``.

A gold ``source`` is relative to the shared data folder: ``data/voa/voa_stories.jsonl#8008152``
selects the JSONL record whose ``id`` (or ``doc_id``, as in WikiEvents) is ``8008152``; a plain
path names a text file. ``sample:PATH`` is relative to the package's sample corpus and ``repo:PATH`` to
the repository (texts written for the project's own evaluation sets, under ``eval/``). A record's text is ``title + "\\n\\n" + text`` when it has a title.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from tallylog.evaluate.gold import GoldDoc
from tallylog.model import Report

_REPO_ROOT = Path(__file__).resolve().parents[3]


class SourceError(RuntimeError):
    """A shared folder or a gold document's text that cannot be found."""


@dataclass(slots=True, frozen=True)
class SourceText:
    """The raw parts of an annotated document, before ingest."""

    body: str
    title: str | None = None
    url: str | None = None

    @property
    def full_text(self) -> str:
        """The document text as annotated (evidence strings are substrings of it)."""
        return f"{self.title}\n\n{self.body}" if self.title else self.body


def find_shared_root(shared_root: str | Path | None = None) -> Path:
    """The shared data folder: the argument, else $TALLYLOG_SHARED, else ``../shared`` beside the
    current directory, else ``shared`` beside the repository. Raises ``SourceError`` if none exists."""
    if shared_root is not None:
        candidates = [(Path(shared_root), "given")]
    elif os.environ.get("TALLYLOG_SHARED"):
        candidates = [(Path(os.environ["TALLYLOG_SHARED"]), "$TALLYLOG_SHARED")]
    else:
        candidates = [(Path.cwd().parent / "shared", "beside the current directory"),
                      (_REPO_ROOT.parent / "shared", "beside the repository")]
    for path, _ in candidates:
        if path.is_dir():
            return path.resolve()
    tried = "; ".join(f"{p} ({why})" for p, why in candidates)
    raise SourceError(f"shared data folder not found; tried: {tried}. "
                      "Pass --shared DIR or set TALLYLOG_SHARED.")


@lru_cache(maxsize=16)
def _jsonl_index(path: Path, mtime: float) -> dict[str, dict[str, Any]]:
    """Records of a JSONL file by their ``id`` / ``doc_id`` (cached per file version)."""
    index: dict[str, dict[str, Any]] = {}
    with path.open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise SourceError(f"{path}:{number}: not valid JSON ({exc.msg})") from None
            for key in ("id", "doc_id", "url"):
                if key in record:
                    index.setdefault(str(record[key]), record)
    return index


def read_source(source: str, shared_root: Path) -> SourceText:
    """The text a gold ``source`` names, or ``SourceError`` saying what is missing."""
    rel, _, record_id = source.partition("#")
    if rel.startswith("sample:"):
        # the sample corpus bundled with the package (records selected by id or url)
        from importlib import resources

        path = Path(str(resources.files("tallylog").joinpath("data", "sample"))) / rel[len("sample:"):]
    elif rel.startswith("repo:"):
        path = _REPO_ROOT / rel[len("repo:"):]
    else:
        path = shared_root / rel
    if not path.is_file():
        raise SourceError(f"source {source!r}: file {path} not found")
    if not record_id:
        try:
            return SourceText(body=path.read_text(encoding="utf-8"))
        except UnicodeDecodeError as exc:
            raise SourceError(f"source {source!r}: {path} is not UTF-8 text ({exc.reason})") from None
    record = _jsonl_index(path.resolve(), path.stat().st_mtime).get(record_id)
    if record is None:
        raise SourceError(f"source {source!r}: no record with id or doc_id {record_id!r} in {path}")
    body = record.get("text")
    if not isinstance(body, str):
        raise SourceError(f"source {source!r}: the record has no text field")
    title = record.get("title") if isinstance(record.get("title"), str) else None
    url = record.get("url") if isinstance(record.get("url"), str) else None
    return SourceText(body=body, title=title or None, url=url)


def build_report(src: SourceText, *, source: str | None, published: date | None) -> Report:
    """A ``Report`` through ingest's ``report_from_text``; built directly (headline as first line)
    while ingest does not provide it."""
    try:
        from tallylog.ingest import report_from_text
    except ImportError:
        return Report(text=src.full_text, source=source, title=src.title, published=published, url=src.url)
    return report_from_text(src.body, source=source, title=src.title, published=published, url=src.url)


def load_text(doc: GoldDoc, shared_root: str | Path | None = None) -> Report:
    """The ``Report`` a gold document was annotated on; raises ``SourceError`` if it is missing."""
    own = doc.source.startswith(("sample:", "repo:"))
    root = Path(".") if own else find_shared_root(shared_root)
    src = read_source(doc.source, root)
    return build_report(src, source=doc.source, published=doc.published)
