"""A polite HTTP fetcher for news pages, feeds and GDELT files.

What it does for every request:

* sends ``User-Agent: tallylog/<version> (+https://example.org/tallylog)``;
* respects robots.txt (parsed with ``urllib.robotparser``, fetched once per host and cached);
* waits so that two requests to one host are at least ``min_interval`` seconds apart;
* follows at most ``max_redirects`` redirects, checking robots.txt and the rate limit at every hop;
* retries connection failures, 5xx and 429 with exponential back-off, honouring ``Retry-After``;
* streams the body and stops at ``max_bytes``;
* checks the content type against what the caller accepts.

Every failure is a ``FetchError`` whose message says what happened and what to do; ``transient``
tells a poller whether trying again later may help.
"""
from __future__ import annotations

import email.utils
import threading
import time
from dataclasses import dataclass, field
from typing import Callable, Iterable
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpx



def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("tallylog")
    except PackageNotFoundError:
        return "0"


_VERSION = _version()
USER_AGENT = f"tallylog/{_VERSION} (+https://example.org/tallylog)"
ROBOTS_AGENT = "tallylog"

#: content types by what they are; a caller names the kinds it accepts
CONTENT_KINDS: dict[str, frozenset[str]] = {
    "html": frozenset({"text/html", "application/xhtml+xml"}),
    "text": frozenset({"text/plain"}),
    "feed": frozenset({"application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml",
                       "text/xml", "application/feed+json"}),
    "data": frozenset({"application/zip", "application/x-zip-compressed", "text/csv", "text/tab-separated-values",
                       "application/octet-stream", "text/plain"}),
}
PAGE_KINDS = ("html", "text", "feed")
RETRY_STATUS = frozenset({429, 500, 502, 503, 504})
REDIRECT_STATUS = frozenset({301, 302, 303, 307, 308})


class FetchError(Exception):
    """A URL that could not be fetched; ``reason`` is written for the user (what happened; what to do)."""

    def __init__(self, url: str, reason: str, *, transient: bool = False, status: int | None = None) -> None:
        super().__init__(reason)
        self.url = url
        self.reason = reason
        self.transient = transient
        self.status = status


@dataclass(slots=True)
class FetchResult:
    """A fetched document: its bytes and what the server said about them."""

    url: str  # as requested
    final_url: str  # after redirects
    status: int
    content: bytes = b""
    content_type: str | None = None  # media type only, lower case
    charset: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    redirects: list[str] = field(default_factory=list)

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def media_type(header: str | None) -> tuple[str | None, str | None]:
    """``text/html; charset=UTF-8`` -> (``text/html``, ``utf-8``)."""
    if not header:
        return None, None
    parts = [p.strip() for p in header.split(";")]
    charset = None
    for p in parts[1:]:
        if p.lower().startswith("charset="):
            charset = p.split("=", 1)[1].strip().strip('"').lower() or None
    return (parts[0].lower() or None), charset


def retry_after_seconds(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta-seconds or an HTTP date); None if unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when is None:
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


def _host(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


class Fetcher:
    """Fetches URLs politely (see the module docstring). One instance per job; safe to reuse across polls."""

    def __init__(self, *, connect_timeout: float = 10.0, read_timeout: float = 30.0, retries: int = 3,
                 backoff: float = 1.0, max_backoff: float = 60.0, max_retry_after: float = 120.0,
                 min_interval: float = 1.0, max_bytes: int = 10_000_000, max_redirects: int = 5,
                 respect_robots: bool = True, user_agent: str = USER_AGENT,
                 sleep: Callable[[float], None] = time.sleep, transport: httpx.BaseTransport | None = None) -> None:
        self.retries = retries
        self.backoff = backoff
        self.max_backoff = max_backoff
        self.max_retry_after = max_retry_after
        self.min_interval = min_interval
        self.max_bytes = max_bytes
        self.max_redirects = max_redirects
        self.respect_robots = respect_robots
        self.user_agent = user_agent
        self._sleep = sleep
        self._last: dict[str, float] = {}
        self._interval: dict[str, float] = {}  # hosts whose robots.txt sets a longer Crawl-delay
        self.max_crawl_delay = 30.0
        self._robots: dict[str, RobotFileParser | None] = {}
        self._lock = threading.Lock()
        self.client = httpx.Client(
            timeout=httpx.Timeout(read_timeout, connect=connect_timeout),
            headers={"User-Agent": user_agent, "Accept-Encoding": "gzip, deflate"},
            follow_redirects=False, transport=transport,
        )

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> "Fetcher":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- politeness --------------------------------------------------------------------------------
    def _wait_turn(self, url: str) -> None:
        host = _host(url)
        with self._lock:
            last = self._last.get(host)
            now = time.monotonic()
            gap = self._interval.get(host, self.min_interval)
            if last is not None and now - last < gap:
                self._sleep(gap - (now - last))
            self._last[host] = time.monotonic()

    def robots(self, url: str) -> RobotFileParser | None:
        """The host's parsed robots.txt (None: none to obey, e.g. 404), fetched once per host."""
        host = _host(url)
        if host in self._robots:
            return self._robots[host]
        robots_url = host + "/robots.txt"
        try:
            result = self._get(robots_url, kinds=None, etag=None, last_modified=None, check_robots=False,
                               limit=512_000)
        except FetchError as exc:
            if exc.status is not None and 400 <= exc.status < 500:
                self._robots[host] = None  # RFC 9309: robots.txt unavailable -> no rules
                return None
            raise FetchError(url, f"robots.txt of {host} could not be read ({exc.reason.split(';')[0]}); "
                                  "tallylog does not crawl a site whose rules it cannot read: try again later",
                             transient=True) from None
        parser = RobotFileParser(robots_url)
        parser.parse(result.content.decode("utf-8", "replace").splitlines())
        self._robots[host] = parser
        return parser

    def allowed(self, url: str) -> tuple[bool, float | None]:
        """Whether robots.txt lets tallylog fetch ``url``, and the host's Crawl-delay if it sets one."""
        if not self.respect_robots:
            return True, None
        parser = self.robots(url)
        if parser is None:
            return True, None
        ok = parser.can_fetch(ROBOTS_AGENT, url) and parser.can_fetch(self.user_agent, url)
        delay = parser.crawl_delay(ROBOTS_AGENT)
        return ok, float(delay) if delay is not None else None

    # -- fetching ----------------------------------------------------------------------------------
    def fetch(self, url: str, *, kinds: Iterable[str] | None = PAGE_KINDS, etag: str | None = None,
              last_modified: str | None = None) -> FetchResult:
        """GET ``url``; raises ``FetchError``. ``etag``/``last_modified`` make it conditional (304 -> not_modified)."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise FetchError(url, "not an http(s) URL; give a full address such as https://example.org/news/1")
        return self._get(url, kinds=kinds, etag=etag, last_modified=last_modified, check_robots=True,
                         limit=self.max_bytes)

    def _get(self, url: str, *, kinds: Iterable[str] | None, etag: str | None, last_modified: str | None,
             check_robots: bool, limit: int) -> FetchResult:
        current = url
        redirects: list[str] = []
        while True:
            if check_robots:
                ok, delay = self.allowed(current)
                if not ok:
                    raise FetchError(url, f"disallowed by robots.txt ({current}); the site asks crawlers not to "
                                          "fetch it: skip it, or fetch it by hand if you have permission")
                if delay:
                    self._interval[_host(current)] = min(max(delay, self.min_interval), self.max_crawl_delay)
            result = self._get_once(url, current, etag=etag, last_modified=last_modified, limit=limit)
            if isinstance(result, str):  # a redirect
                redirects.append(current)
                if len(redirects) > self.max_redirects:
                    raise FetchError(url, f"too many redirects (more than {self.max_redirects}); "
                                          "the site may be looping: open it in a browser to check")
                current = result
                continue
            result.redirects = redirects
            break
        if result.not_modified:
            return result
        if kinds is not None:
            accepted = frozenset().union(*(CONTENT_KINDS[k] for k in kinds))
            if result.content_type and result.content_type not in accepted:
                raise FetchError(url, f"unsupported content type ({result.content_type}); tallylog reads HTML, "
                                      "plain text and RSS/Atom feeds: give the article's own page")
        return result

    def _get_once(self, url: str, current: str, *, etag: str | None, last_modified: str | None,
                  limit: int) -> FetchResult | str:
        """One URL, retried on transient failures; a redirect comes back as the next URL (str)."""
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        attempt = 0
        while True:
            wait = min(self.max_backoff, self.backoff * (2 ** attempt))
            self._wait_turn(current)
            try:
                with self.client.stream("GET", current, headers=headers) as resp:
                    status = resp.status_code
                    if status in REDIRECT_STATUS and resp.headers.get("location"):
                        return urljoin(current, resp.headers["location"])
                    if status in RETRY_STATUS:
                        after = retry_after_seconds(resp.headers.get("retry-after"))
                        if after is not None:
                            if after > self.max_retry_after:
                                raise FetchError(url, f"server busy (HTTP {status}), asks to wait {after:.0f} s; "
                                                      "try again later", transient=True, status=status)
                            wait = after
                        if attempt >= self.retries:
                            raise FetchError(url, f"server error (HTTP {status}) after {attempt + 1} attempts; "
                                                  "the site is failing or overloaded: try again later",
                                             transient=True, status=status)
                        attempt += 1
                        self._sleep(wait)
                        continue
                    if status == 304:
                        return self._result(url, current, resp, b"")
                    if status >= 400:
                        raise FetchError(url, f"HTTP {status} {resp.reason_phrase}; "
                                              + ("the page is gone or the address is wrong: check the URL"
                                                 if status in (404, 410) else
                                                 "the server refused the request: check the URL or access rights"),
                                         status=status)
                    return self._result(url, current, resp, self._read(url, resp, limit))
            except httpx.TimeoutException as exc:
                kind = "connecting" if isinstance(exc, httpx.ConnectTimeout) else "waiting for the response"
                if isinstance(exc, httpx.ConnectTimeout) and attempt < self.retries:
                    attempt += 1
                    self._sleep(wait)
                    continue
                raise FetchError(url, f"timed out {kind} ({type(exc).__name__}); the server is slow or "
                                      "unreachable: try again later or raise the timeout", transient=True) from None
            except (httpx.ConnectError, httpx.RemoteProtocolError, httpx.ReadError) as exc:
                if attempt < self.retries:
                    attempt += 1
                    self._sleep(wait)
                    continue
                raise FetchError(url, f"connection failed ({type(exc).__name__}: {exc}) after {attempt + 1} "
                                      "attempts; check the address and the network", transient=True) from None
            except httpx.HTTPError as exc:
                raise FetchError(url, f"request failed ({type(exc).__name__}: {exc}); check the URL") from None

    def _read(self, url: str, resp: httpx.Response, limit: int) -> bytes:
        declared = resp.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > limit:
            raise FetchError(url, f"response too large ({int(declared):,} bytes declared, limit {limit:,}); "
                                  "not a news page, or raise the limit (--max-bytes)")
        chunks: list[bytes] = []
        size = 0
        for chunk in resp.iter_bytes():
            size += len(chunk)
            if size > limit:
                raise FetchError(url, f"response too large (over the limit of {limit:,} bytes; stopped reading); "
                                      "not a news page, or raise the limit (--max-bytes)")
            chunks.append(chunk)
        return b"".join(chunks)

    @staticmethod
    def _result(url: str, current: str, resp: httpx.Response, content: bytes) -> FetchResult:
        ctype, charset = media_type(resp.headers.get("content-type"))
        return FetchResult(url=url, final_url=current, status=resp.status_code, content=content,
                           content_type=ctype, charset=charset, etag=resp.headers.get("etag"),
                           last_modified=resp.headers.get("last-modified"))
