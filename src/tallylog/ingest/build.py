"""Assemble a ``Report`` from a title, paragraphs and metadata: boilerplate, title line, language."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from tallylog.ingest.boilerplate import boilerplate_rule, remove_boilerplate
from tallylog.ingest.html import parse_html
from tallylog.ingest.language import Language, detect_language
from tallylog.ingest.text import split_paragraphs, split_title, starts_with, strip_hashtags
from tallylog.model import Report


@dataclass(slots=True)
class Built:
    """A report and the language verdict behind ``Report.language``."""

    report: Report
    language: Language


def assemble(title: str | None, paragraphs: list[str], *, source: str | None, published: date | None,
             outlet: str | None, url: str | None) -> Built:
    """Clean the paragraphs, put the title first when the body does not already open with it."""
    title = strip_hashtags(" ".join(title.split())) if title else None
    kept, removed = remove_boilerplate(paragraphs)
    kept = [strip_hashtags(p) for p in kept]
    body = "\n\n".join(kept)
    if title and not (body and starts_with(body, title)):
        text = f"{title}\n\n{body}" if body else title
    else:
        text = body
    language = detect_language(body or text)
    report = Report(text=text, source=source, title=title, published=published, outlet=outlet, url=url,
                    language=language.code, removed=removed)
    return Built(report, language)


def build_from_text(text: str, *, source: str | None = None, title: str | None = None,
                    published: date | None = None, outlet: str | None = None,
                    url: str | None = None) -> Built:
    """Plain text: a given title is put first; otherwise a leading headline line is detected."""
    if title is None:
        title, body = split_title(text)
        if title is not None and boilerplate_rule(title):
            title, body = None, text
    else:
        body = text
    return assemble(title, split_paragraphs(body), source=source, published=published, outlet=outlet, url=url)


def build_from_html(html: str, *, source: str | None = None, published: date | None = None,
                    url: str | None = None, title: str | None = None, outlet: str | None = None) -> Built:
    """HTML: arguments given here win over the page's own metadata."""
    doc = parse_html(html, url=url)
    return assemble(
        title if title is not None else doc.title,
        doc.paragraphs,
        source=source,
        published=published if published is not None else doc.published,
        outlet=outlet if outlet is not None else doc.outlet,
        url=url if url is not None else doc.url,
    )
