"""HTML to paragraphs and metadata, through trafilatura (with an lxml fallback for fragments)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from tallylog.ingest.dates import parse_published
from tallylog.ingest.text import normalise_newlines

_LOOKS_HTML = re.compile(
    r"<(?:!doctype\s+html|html|head|body|article|main|section|p|div|span|br|h[1-6]|title|meta|a\s|table|ul|li)\b",
    re.IGNORECASE,
)
_TAG = re.compile(r"<[^>]{0,2000}>")
_DROP_TAGS = ("script", "style", "noscript", "template", "nav", "footer", "header", "aside", "form", "button",
              "svg", "iframe", "select")
_BLOCK_TAGS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "blockquote", "section",
               "article", "main", "pre", "dd", "dt", "figcaption", "table", "ul", "ol", "body")
_DATE_PARAMS = {"extensive_search": False, "original_date": True}


@dataclass(slots=True)
class HtmlDocument:
    """What ingest keeps from an HTML page."""

    paragraphs: list[str]
    title: str | None = None
    published: date | None = None
    outlet: str | None = None
    url: str | None = None


def looks_like_html(text: str) -> bool:
    """Heuristic for stdin and unknown extensions: does the text open with (or contain) HTML markup?"""
    head = text[:4096]
    if re.match(r"\s*<(?:!doctype|html|\?xml)", head, re.IGNORECASE):
        return True
    return len(_LOOKS_HTML.findall(head)) >= 2


def _lines_to_paragraphs(text: str | None) -> list[str]:
    if not text:
        return []
    text = normalise_newlines(text)
    return [re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in text.split("\n") if line.strip()]


def _fallback_paragraphs(html: str) -> list[str]:
    """Visible text of a page trafilatura gives up on (short or broken markup), block by block."""
    try:
        import lxml.html
        from lxml import etree

        root = lxml.html.document_fromstring(html)
        etree.strip_elements(root, *_DROP_TAGS, etree.Comment, with_tail=False)
        for el in root.iter(*_BLOCK_TAGS):
            el.tail = "\n" + (el.tail or "")
            el.text = "\n" + (el.text or "")
        text = root.text_content()
    except Exception:  # noqa: BLE001 - markup too broken for lxml: strip tags by hand
        text = _TAG.sub("\n", html)
    return _lines_to_paragraphs(text)


def parse_html(html: str, url: str | None = None) -> HtmlDocument:
    """Main text (one paragraph a line from trafilatura), title, date, site name and URL of a page."""
    import trafilatura

    doc = None
    try:
        doc = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=False,
            date_extraction_params=_DATE_PARAMS,
        )
    except Exception:  # noqa: BLE001 - trafilatura may choke on broken markup; fall back below
        doc = None
    paragraphs = _lines_to_paragraphs(getattr(doc, "text", None)) if doc is not None else []
    if not paragraphs:
        paragraphs = _fallback_paragraphs(html)
    title = outlet = page_url = None
    published = None
    if doc is not None:
        title = (doc.title or "").strip() or None
        outlet = (doc.sitename or "").strip() or None
        page_url = (doc.url or "").strip() or None
        published = _safe_date(doc.date)
    else:
        title, outlet, page_url, published = _metadata_only(html)
    return HtmlDocument(paragraphs, title, published, outlet, url or page_url)


def _metadata_only(html: str) -> tuple[str | None, str | None, str | None, date | None]:
    """Title, site name, URL and date from the page head when the body gave trafilatura nothing."""
    try:
        from trafilatura.metadata import extract_metadata

        meta = extract_metadata(html, date_config=_DATE_PARAMS)
    except Exception:  # noqa: BLE001
        return None, None, None, None
    return (
        (meta.title or "").strip() or None,
        (meta.sitename or "").strip() or None,
        (meta.url or "").strip() or None,
        _safe_date(meta.date),
    )


def _safe_date(value: object) -> date | None:
    """Page metadata date, or None when the page states none we can read."""
    try:
        return parse_published(value)
    except ValueError:
        return None
