"""Live sources against real HTTP servers on loopback: pages, feeds, GDELT exports, politeness and polling."""
from __future__ import annotations

import io
import threading
import time
import zipfile
from datetime import date
from email.utils import format_datetime
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from typer.testing import CliRunner

from tallylog.cli import app
from tallylog.model import IngestError, Report
from tallylog.sources import Fetcher, FetchError, is_remote, iter_remote
from tallylog.sources.fetch import USER_AGENT, retry_after_seconds
from tallylog.sources.gdelt import COLUMNS, INDEX, MENTION_COLUMNS, MENTION_INDEX, parse_spec
from tallylog.sources.state import SourceState
from tallylog.sources.watch import Watcher, parse_interval
from tallylog.store import Ledger

PLACES = ["Erbil", "Kirkuk", "Mosul", "Basra", "Tikrit", "Ramadi", "Baiji", "Samarra"]


def article(n: int, *, title: bool = True, dated: bool = True) -> str:
    """An English news page (n varies the place and figures so every page is a different report)."""
    place = PLACES[n % len(PLACES)]
    head = f"<title>Drone attack near {place} wounds {n + 1} soldiers</title>" if title else ""
    meta = f'<meta property="article:published_time" content="2024-01-{10 + n:02d}T08:00:00Z">' if dated else ""
    return f"""<!doctype html><html lang="en"><head>{head}{meta}</head><body><article>
<p>A drone attack struck a military base near {place} on Monday, wounding {n + 1} soldiers, officials said.</p>
<p>The attack was the latest in a series of strikes on bases in the region, according to a statement from the
defence ministry. No group immediately claimed responsibility for the attack near {place}.</p>
<p>Security forces said they had closed the roads around the base while investigators examined the debris of
the drone, which came down inside the perimeter after the explosion.</p>
</article></body></html>"""


def rss(base: str, items: list[int]) -> str:
    entries = "".join(
        f"<item><title>Feed title {n}</title><link>{base}/bare/{n}.html</link>"
        f"<pubDate>{format_datetime(datetime(2024, 2, n % 28 + 1, 9, tzinfo=timezone.utc), usegmt=True)}</pubDate>"
        f"<guid>{base}/bare/{n}.html</guid></item>" for n in items)
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Test wire</title>{entries}</channel></rss>'


def gdelt_row(event_id: int, root: str, url: str, country: str = "IZ") -> str:
    row = [""] * len(COLUMNS)
    row[INDEX["GLOBALEVENTID"]] = str(event_id)
    row[INDEX["SQLDATE"]] = "20240129"
    row[INDEX["EventRootCode"]] = root
    row[INDEX["EventCode"]] = root + "3"
    row[INDEX["EventBaseCode"]] = root + "3"
    row[INDEX["NumMentions"]] = "7"
    row[INDEX["ActionGeo_CountryCode"]] = country
    row[INDEX["ActionGeo_Lat"]] = "36.19"
    row[INDEX["ActionGeo_Long"]] = "44.01"
    row[INDEX["SOURCEURL"]] = url
    return "\t".join(row)


class Site:
    """A loopback web site whose pages, feed and behaviours tests can change; records every request."""

    def __init__(self) -> None:
        self.feed_items = [1, 2, 3]
        self.hits: dict[str, int] = {}
        self.agents: list[str] = []
        self.gdelt = b""
        self.gdelt_mentions = b""
        site = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def _send(self, status: int, body: bytes = b"", ctype: str = "text/html; charset=utf-8",
                      headers: dict[str, str] | None = None, length: bool = True) -> None:
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                for k, v in (headers or {}).items():
                    self.send_header(k, v)
                if length:
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if body:
                    try:
                        self.wfile.write(body)
                    except (BrokenPipeError, ConnectionResetError):
                        pass

            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                path = self.path
                site.hits[path] = site.hits.get(path, 0) + 1
                site.agents.append(self.headers.get("User-Agent", ""))
                n = site.hits[path]
                base = f"http://127.0.0.1:{self.server.server_address[1]}"
                if path == "/robots.txt":
                    return self._send(200, b"User-agent: *\nDisallow: /private/\n", "text/plain")
                if path.startswith("/news/"):
                    return self._send(200, article(int(path.split("/")[-1].split(".")[0])).encode())
                if path == "/bare/99.html" and n == 1:
                    return self._send(503, b"try later")
                if path.startswith("/bare/"):
                    k = int(path.split("/")[-1].split(".")[0])
                    return self._send(200, article(k + 20, title=False, dated=False).encode())
                if path.startswith("/private/"):
                    return self._send(200, article(5).encode())
                if path == "/feed.xml":
                    body = rss(base, site.feed_items).encode()
                    etag = f'"v{len(site.feed_items)}"'
                    if self.headers.get("If-None-Match") == etag:
                        return self._send(304, headers={"ETag": etag})
                    return self._send(200, body, "application/rss+xml", {"ETag": etag})
                if path == "/slow.html":
                    time.sleep(1.5)
                    return self._send(200, article(6).encode())
                if path == "/flaky.html":
                    return self._send(500, b"oops") if n == 1 else self._send(200, article(7).encode())
                if path == "/busy.html":
                    return (self._send(429, b"slow down", headers={"Retry-After": "1"}) if n == 1
                            else self._send(200, article(8).encode()))
                if path == "/moved":
                    return self._send(301, headers={"Location": "/news/9.html"})
                if path == "/loop":
                    return self._send(302, headers={"Location": "/loop"})
                if path == "/big.html":
                    return self._send(200, b"<p>" + b"x" * 300_000 + b"</p>", length=False)
                if path == "/data.bin":
                    return self._send(200, b"\x00\x01", "image/png")
                if path == "/gdelt/20240129120000.export.CSV.zip":
                    return self._send(200, site.gdelt, "application/zip")
                if path == "/gdelt/20240129120000.mentions.CSV.zip":
                    return (self._send(200, site.gdelt_mentions, "application/zip") if site.gdelt_mentions
                            else self._send(404, b"not here"))
                if path == "/gdelt/lastupdate.txt":
                    return self._send(200, (f"123 abc {base}/gdelt/20240129120000.export.CSV.zip\n"
                                            f"456 def {base}/gdelt/20240129120000.mentions.CSV.zip\n").encode(),
                                      "text/plain")
                return self._send(404, b"not here")

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> "Site":
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def site():
    with Site() as s:
        yield s


@pytest.fixture
def fetcher():
    f = Fetcher(min_interval=0.0, backoff=0.05, connect_timeout=2.0, read_timeout=0.5, max_bytes=100_000)
    yield f
    f.close()


def _reports(items):
    return [i for i in items if isinstance(i, Report)], [i for i in items if isinstance(i, IngestError)]


# -- fetching --------------------------------------------------------------------------------------
def test_page_url_becomes_a_report_with_user_agent(site, fetcher):
    reports, errors = _reports(list(iter_remote([f"{site.base}/news/1.html"], fetcher)))
    assert not errors and len(reports) == 1
    r = reports[0]
    assert r.url == f"{site.base}/news/1.html" and "drone attack" in r.text.lower()
    assert r.title and "Kirkuk" in r.title and r.published == date(2024, 1, 11)
    assert site.agents and all(a == USER_AGENT for a in site.agents) and USER_AGENT.startswith("tallylog/")


def test_slow_response_times_out_and_the_batch_goes_on(site, fetcher):
    items = list(iter_remote([f"{site.base}/slow.html", f"{site.base}/news/2.html"], fetcher))
    reports, errors = _reports(items)
    assert len(errors) == 1 and errors[0].source.endswith("/slow.html") and "timed out" in errors[0].reason
    assert len(reports) == 1 and reports[0].url.endswith("/news/2.html")


def test_server_error_is_retried(site, fetcher):
    reports, errors = _reports(list(iter_remote([f"{site.base}/flaky.html"], fetcher)))
    assert not errors and len(reports) == 1 and site.hits["/flaky.html"] == 2


def test_429_waits_for_retry_after(site):
    waits: list[float] = []
    f = Fetcher(min_interval=0.0, backoff=0.05, read_timeout=2.0, sleep=waits.append)
    try:
        result = f.fetch(f"{site.base}/busy.html")
    finally:
        f.close()
    assert result.status == 200 and site.hits["/busy.html"] == 2
    assert 1.0 in waits  # the server's Retry-After, not the back-off
    assert retry_after_seconds("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0 and retry_after_seconds("7") == 7.0


def test_redirect_followed_and_loops_stopped(site, fetcher):
    result = fetcher.fetch(f"{site.base}/moved")
    assert result.final_url == f"{site.base}/news/9.html" and result.redirects == [f"{site.base}/moved"]
    with pytest.raises(FetchError, match="too many redirects"):
        fetcher.fetch(f"{site.base}/loop")
    assert site.hits["/loop"] == 6  # the first request and five redirects


def test_oversized_and_wrong_type_rejected(site, fetcher):
    with pytest.raises(FetchError, match="too large"):
        fetcher.fetch(f"{site.base}/big.html")
    with pytest.raises(FetchError, match="unsupported content type"):
        fetcher.fetch(f"{site.base}/data.bin")


def test_robots_disallow_skipped_with_reason(site, fetcher):
    reports, errors = _reports(list(iter_remote([f"{site.base}/private/a.html", f"{site.base}/news/3.html"],
                                                fetcher)))
    assert len(errors) == 1 and "robots.txt" in errors[0].reason and len(reports) == 1
    assert "/private/a.html" not in site.hits
    assert site.hits["/robots.txt"] == 1  # cached per host


def test_unreachable_host_is_an_error_not_a_traceback(fetcher):
    with Site() as gone:
        url = f"{gone.base}/news/1.html"
    f = Fetcher(min_interval=0.0, backoff=0.01, retries=1, connect_timeout=0.5)
    try:
        items = list(iter_remote([url, "ftp://example.invalid/x"], f))
    finally:
        f.close()
    assert len(items) == 2 and all(isinstance(i, IngestError) for i in items)


# -- feeds -----------------------------------------------------------------------------------------
def test_feed_entries_fetched_with_feed_title_and_date_as_fallback(site, fetcher):
    reports, errors = _reports(list(iter_remote([f"{site.base}/feed.xml"], fetcher)))
    assert not errors and len(reports) == 3
    by_url = {r.url: r for r in reports}
    r1 = by_url[f"{site.base}/bare/1.html"]
    assert r1.title == "Feed title 1" and r1.text.startswith("Feed title 1")
    assert r1.published == date(2024, 2, 2)


# -- GDELT -----------------------------------------------------------------------------------------
def _gdelt_zip(base: str) -> bytes:
    rows = [gdelt_row(1, "18", f"{base}/news/1.html"), gdelt_row(2, "14", f"{base}/news/2.html"),
            gdelt_row(3, "19", f"{base}/news/3.html", country="SY"), gdelt_row(4, "20", f"{base}/news/4.html"),
            gdelt_row(5, "04", f"{base}/news/5.html"), gdelt_row(6, "18", f"{base}/news/1.html")]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("20240129120000.export.CSV", "\n".join(rows) + "\n")
    return buf.getvalue()


def test_gdelt_export_only_violent_root_codes_fetched(site, fetcher, tmp_path):
    site.gdelt = _gdelt_zip(site.base)
    reports, errors = _reports(list(iter_remote([f"gdelt:{site.base}/gdelt/lastupdate.txt#mentions=no"], fetcher)))
    assert not errors
    assert sorted(r.url.rsplit("/", 1)[-1] for r in reports) == ["1.html", "3.html", "4.html"]
    assert "/news/2.html" not in site.hits and "/news/5.html" not in site.hits
    first = next(r for r in reports if r.url.endswith("/1.html"))
    g = first.meta["gdelt"]
    assert g["GLOBALEVENTID"] == 1 and g["EventRootCode"] == "18" and g["NumMentions"] == 7
    assert g["ActionGeo_Lat"] == pytest.approx(36.19) and first.meta["other_event_ids"] == [6]
    local = tmp_path / "20240129120000.export.CSV.zip"
    local.write_bytes(site.gdelt)
    reports, errors = _reports(list(iter_remote([f"gdelt:{local}#country=SY"], fetcher)))
    assert [r.meta["gdelt"]["GLOBALEVENTID"] for r in reports] == [3] and not errors


def gdelt_mention(event_id: int, url: str, kind: str = "1", source: str = "example.org") -> str:
    row = [""] * len(MENTION_COLUMNS)
    row[MENTION_INDEX["GLOBALEVENTID"]] = str(event_id)
    row[MENTION_INDEX["EventTimeDate"]] = "20240129120000"
    row[MENTION_INDEX["MentionTimeDate"]] = "20240130083000"
    row[MENTION_INDEX["MentionType"]] = kind
    row[MENTION_INDEX["MentionSourceName"]] = source
    row[MENTION_INDEX["MentionIdentifier"]] = url
    row[MENTION_INDEX["SentenceID"]] = "3"
    row[MENTION_INDEX["Confidence"]] = "80"
    return "\t".join(row)


def _zip(name: str, rows: list[str]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr(name, "\n".join(rows) + "\n")
    return buf.getvalue()


def test_gdelt_mentions_add_other_articles_of_kept_events(site, fetcher, tmp_path):
    site.gdelt = _gdelt_zip(site.base)
    b = site.base
    site.gdelt_mentions = _zip("20240129120000.mentions.CSV", [
        gdelt_mention(1, f"{b}/news/1.html"),        # the export's own SOURCEURL: not fetched twice
        gdelt_mention(1, f"{b}/news/7.html", source="wire.example"),  # a second article on event 1
        gdelt_mention(3, f"{b}/news/7.html"),        # the same article on another kept event
        gdelt_mention(2, f"{b}/news/8.html"),        # event 2 is root 14 (protest): not kept
        gdelt_mention(4, "Channel 4 evening bulletin", kind="2"),  # a broadcast, not a web page
        gdelt_mention(99, f"{b}/news/9.html"),       # an event this run never read
        "1\tshort row",
    ])
    reports, errors = _reports(list(iter_remote([f"gdelt:{b}/gdelt/lastupdate.txt"], fetcher)))
    assert sorted(r.url.rsplit("/", 1)[-1] for r in reports) == ["1.html", "3.html", "4.html", "7.html"]
    assert site.hits.get("/news/1.html") == 1 and "/news/8.html" not in site.hits and "/news/9.html" not in site.hits
    extra = next(r for r in reports if r.url.endswith("/7.html"))
    assert extra.meta["gdelt"]["GLOBALEVENTID"] == 1 and extra.meta["gdelt"]["EventRootCode"] == "18"
    assert extra.meta["gdelt_mention"]["MentionSourceName"] == "wire.example"
    assert extra.meta["gdelt_mention"]["Confidence"] == 80 and extra.meta["other_event_ids"] == [3]
    assert [e for e in errors if "16 of a GDELT 2.0 mentions file" in e.reason]
    # mentions=no reads the export alone; a local export picks up the mentions file beside it
    site.hits.clear()
    reports, _ = _reports(list(iter_remote([f"gdelt:{b}/gdelt/lastupdate.txt#mentions=no"], fetcher)))
    assert "/news/7.html" not in site.hits and len(reports) == 3
    (tmp_path / "20240129120000.export.CSV.zip").write_bytes(site.gdelt)
    (tmp_path / "20240129120000.mentions.CSV.zip").write_bytes(site.gdelt_mentions)
    reports, _ = _reports(list(iter_remote([f"gdelt:{tmp_path / '20240129120000.export.CSV.zip'}"], fetcher)))
    assert any(r.url.endswith("/7.html") for r in reports)


def test_gdelt_spec_and_bad_rows():
    spec = parse_spec("gdelt:x.zip#country=iz,sy&files=2")
    assert spec.countries == {"IZ", "SY"} and spec.files == 2 and spec.roots == {"18", "19", "20"}
    assert is_remote("gdelt:x") and is_remote("https://a/b") and not is_remote("notes/a.txt")
    with pytest.raises(Exception, match="unknown option"):
        parse_spec("gdelt:x#colour=red")
    assert parse_spec("gdelt:x").mentions and not parse_spec("gdelt:x#mentions=no").mentions
    with pytest.raises(Exception, match="yes or no"):
        parse_spec("gdelt:x#mentions=maybe")


# -- watch -----------------------------------------------------------------------------------------
def test_watch_ingests_only_new_entries_and_survives_restart(site, fetcher, tmp_path):
    db = tmp_path / "ledger.db"
    feed = f"{site.base}/feed.xml"
    ledger = Ledger.open(db)
    first = Watcher(ledger, [feed], fetcher).run(60, once=True)[0]
    assert first.new_entries == 3 and first.ingested == 3 and ledger.stats()["reports"] == 3
    second = Watcher(ledger, [feed], fetcher).poll()  # unchanged feed: ETag -> 304, nothing fetched
    assert second.not_modified == 1 and second.new_entries == 0
    site.feed_items = [1, 2, 3, 4]
    third = Watcher(ledger, [feed], fetcher).poll()
    assert third.new_entries == 1 and third.ingested == 1 and ledger.stats()["reports"] == 4
    assert site.hits["/bare/4.html"] == 1 and site.hits["/bare/1.html"] == 1
    ledger.close()
    # a restart with the feed's stored ETag lost: seen URLs alone prevent any repeat
    again = Ledger.open(db)
    with again.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE source_state SET etag = NULL WHERE kind = 'feed'")
    fourth = Watcher(again, [feed], fetcher).poll()
    assert fourth.new_entries == 0 and fourth.ingested == 0 and again.stats()["reports"] == 4
    assert SourceState(again).counts() == {"done": 4}
    again.close()


def test_watch_retries_transient_failures_next_poll(site, tmp_path):
    ledger = Ledger.open(tmp_path / "l.db")
    f = Fetcher(min_interval=0.0, backoff=0.01, retries=0, read_timeout=0.5)
    try:
        site.feed_items = [1, 99]
        w = Watcher(ledger, [f"{site.base}/feed.xml", f"{site.base}/flaky.html"], f)
        s1 = w.poll()
        # the entry's 503 is kept for the next poll; the watched page's 500 is logged; the rest is ingested
        assert s1.pending == 1 and s1.ingested == 1 and len(s1.errors) == 1
        s2 = w.poll()  # the feed answers 304, yet the pending entry is retried; the page is fetched again
        assert s2.not_modified == 1 and s2.ingested == 2 and s2.pending == 0
        assert ledger.stats()["reports"] == 3 and SourceState(ledger).counts() == {"done": 3}
    finally:
        f.close()
        ledger.close()


def test_cli_watch_once_twice_and_run_with_urls(site, tmp_path):
    db = str(tmp_path / "cli.db")
    runner = CliRunner()
    feed = f"{site.base}/feed.xml"
    r1 = runner.invoke(app, ["watch", feed, "--once", "--db", db, "--every", "1s", "--min-interval", "0"])
    assert r1.exit_code == 0, r1.output
    r2 = runner.invoke(app, ["watch", feed, "--once", "--db", db, "--min-interval", "0"])
    assert r2.exit_code == 0, r2.output
    led = Ledger.open(db)
    assert led.stats()["reports"] == 3 and site.hits["/bare/2.html"] == 1
    led.close()
    r3 = runner.invoke(app, ["run", f"{site.base}/news/4.html", f"{site.base}/private/x.html", "--db", db, "-q"])
    assert r3.exit_code == 0, r3.output
    assert "disallowed by robots.txt" in r3.output
    led = Ledger.open(db)
    assert led.stats()["reports"] == 4 and "/private/x.html" not in site.hits
    led.close()
    bad = runner.invoke(app, ["watch", feed, "--once", "--db", db, "--every", "soon"])
    assert bad.exit_code == 2


def test_parse_interval():
    assert parse_interval("15m") == 900 and parse_interval("30s") == 30 and parse_interval("2h") == 7200
    assert parse_interval("45") == 45
    with pytest.raises(ValueError):
        parse_interval("0m")
