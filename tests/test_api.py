"""The HTTP API as a client sees it: the real app under uvicorn on a loopback port, over a ledger written by
`tallylog run --sample` (SQLite always; PostgreSQL too when TALLYLOG_TEST_PG_URL is set), driven with httpx."""
from __future__ import annotations

import csv
import io
import json
import os
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import httpx
import pytest
from pgtools import create_database, drop_database

uvicorn = pytest.importorskip("uvicorn")

from tallylog.serve import create_app  # noqa: E402

PG_URL = os.environ.get("TALLYLOG_TEST_PG_URL")
TOKEN = "test-operator-token-" + uuid.uuid4().hex
XSS_SCRIPT = "<script>alert(1)</script>"
XSS_IMG = "<img src=x onerror=alert(1)>"


def tallylog(*args: str) -> subprocess.CompletedProcess:
    exe = Path(sys.executable).with_name("tallylog")
    return subprocess.run([str(exe), *args], capture_output=True, text=True, timeout=600)


@contextmanager
def serve(app) -> Iterator[httpx.Client]:
    """The app under uvicorn on a free loopback port (its socket bound here, so no port race)."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the API server did not start")
        time.sleep(0.02)
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=120) as client:
            yield client
    finally:
        server.should_exit = True
        thread.join(timeout=30)
        sock.close()


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def sample_db(request, tmp_path_factory) -> Iterator[str]:
    """A ledger filled by `tallylog run --sample`."""
    name = None
    if request.param == "sqlite":
        url = str(tmp_path_factory.mktemp("api") / "ledger.db")
    else:
        if not PG_URL:
            pytest.skip("TALLYLOG_TEST_PG_URL is not set (.ci/run starts PostgreSQL and sets it)")
        url, name = create_database("tl_api_")
    done = tallylog("run", "--sample", "--quiet", "--db", url)
    assert done.returncode == 0, done.stderr
    yield url
    if name:
        drop_database(name)


@pytest.fixture(scope="module")
def api(sample_db) -> Iterator[httpx.Client]:
    """A read client on the sample ledger (the server has a token; read tests never write)."""
    with serve(create_app(sample_db, token=TOKEN)) as client:
        yield client


@pytest.fixture(scope="module")
def everything(api) -> list[dict]:
    body = api.get("/api/incidents", params={"limit": 1000}).json()
    assert body["next"] is None
    return body["items"]


# -- reads ---------------------------------------------------------------------------------------------


def test_health_and_openapi(api):
    r = api.get("/healthz")
    assert r.status_code == 200 and r.json()["status"] == "ok"
    spec = api.get("/openapi.json").json()
    for path in ("/api/incidents", "/api/incidents/{incident_id}", "/api/claims", "/api/series", "/api/reconcile",
                 "/api/counts", "/api/export.csv", "/api/export.geojson", "/api/export.acled.csv", "/api/reports"):
        assert path in spec["paths"], path
    # the docs pages load scripts from a CDN: they are off
    assert api.get("/docs").status_code == 404 and api.get("/redoc").status_code == 404


def test_incident_list_shape_and_sources(api, everything):
    assert len(everything) >= 10
    ids = [i["id"] for i in everything]
    assert len(set(ids)) == len(ids)
    first = everything[0]
    for key in ("id", "date", "country", "event_type", "grade", "weapons", "n_sources", "sources"):
        assert key in first
    assert any(s.get("outlet") or s.get("url") for i in everything for s in i["sources"])
    bare = api.get("/api/incidents", params={"limit": 3, "sources": "false"}).json()["items"]
    assert bare and all("sources" not in i for i in bare)


def test_incident_list_leaves_the_merge_details_to_full(api, sample_db, everything):
    """The list leaves out conflicts and candidates unless full=true; otherwise it gives what the ledger has."""
    from tallylog.serve.responses import LedgerJSON
    from tallylog.store import Ledger

    assert all("conflicts" not in i and "candidates" not in i for i in everything)
    full = api.get("/api/incidents", params={"limit": 1000, "full": "true"}).json()["items"]
    assert [i["id"] for i in full] == [i["id"] for i in everything]
    assert all(isinstance(i["candidates"], dict) and isinstance(i["conflicts"], list) for i in full)
    assert all({k: v for k, v in f.items() if k not in ("conflicts", "candidates")} == e
               for f, e in zip(full, everything))
    for order in ("date", "-date", "updated", "id"):
        with Ledger.open(sample_db) as ledger:
            expected = json.loads(LedgerJSON(list(ledger.incidents(order=order, with_sources=True))).body)
        got = api.get("/api/incidents", params={"limit": 1000, "full": "true", "sort": order}).json()["items"]
        assert got == expected, order
    for weapon in {w for i in everything for w in i["weapons"]}:
        got = api.get("/api/incidents", params={"weapon": weapon, "limit": 1000}).json()["items"]
        assert [i["id"] for i in got] == [i["id"] for i in everything if weapon in i["weapons"]]
    one = everything[0]
    detail = api.get(f"/api/incidents/{one['id']}").json()
    assert all(detail[k] == v for k, v in one.items() if k != "sources")


def test_pagination_walks_every_incident_once(api, everything):
    seen, url, params = [], "/api/incidents", {"limit": 4}
    for _ in range(len(everything)):
        body = api.get(url, params=params).json()
        assert body["limit"] == 4 and len(body["items"]) <= 4
        seen.extend(i["id"] for i in body["items"])
        if body["next"] is None:
            break
        url, params = body["next"], None  # the next page's URL carries the query on
    assert seen == [i["id"] for i in everything]
    past = api.get("/api/incidents", params={"offset": len(everything) + 5}).json()
    assert past["items"] == [] and past["next"] is None


def test_keyset_pages_follow_the_cursor(api, everything):
    """A page's ``cursor`` continues after its last row: pages read with ``after`` put together are the list,
    in every order and with a filter, and their ``next`` carries the cursor on (not an offset)."""
    for sort in ("-date", "date", "-updated", "id"):
        for extra in ({}, {"country": everything[0]["country"] or "IQ"}):
            whole = api.get("/api/incidents", params={"limit": 1000, "sort": sort, **extra}).json()["items"]
            body = api.get("/api/incidents", params={"limit": 3, "sort": sort, **extra}).json()
            seen = [i["id"] for i in body["items"]]
            if body["cursor"] is None:
                assert seen == [] == whole
                continue
            url, params = "/api/incidents", {"limit": 3, "sort": sort, "after": body["cursor"], **extra}
            for _ in range(len(whole)):
                body = api.get(url, params=params).json()
                seen += [i["id"] for i in body["items"]]
                if body["next"] is None:
                    break
                assert "after=" in body["next"] and "offset=" not in body["next"]
                url, params = body["next"], None
            assert seen == [i["id"] for i in whole], (sort, extra)
    first = api.get("/api/incidents", params={"limit": 2}).json()
    both = api.get("/api/incidents", params={"limit": 2, "offset": 2, "after": first["cursor"]})
    assert both.status_code == 422 and both.json()["errors"][0]["parameter"] == "after"
    other_order = api.get("/api/incidents", params={"limit": 2, "sort": "id", "after": first["cursor"]})
    assert other_order.status_code == 422 and "sort" in other_order.json()["detail"]


def test_filters_and_sort(api, everything):
    countries = {i["country"] for i in everything if i["country"]}
    assert countries
    for cc in sorted(countries)[:3]:
        got = api.get("/api/incidents", params={"country": cc.lower(), "limit": 1000}).json()["items"]
        assert got and all(i["country"] == cc for i in got)
        assert len(got) == sum(1 for i in everything if i["country"] == cc)
    dated = sorted(date.fromisoformat(i["date"]) for i in everything if i["date"])
    assert dated
    mid = dated[len(dated) // 2].isoformat()
    since = api.get("/api/incidents", params={"since": mid, "limit": 1000}).json()["items"]
    until = api.get("/api/incidents", params={"until": mid, "limit": 1000}).json()["items"]
    assert since and all(i["date"] >= mid for i in since)
    assert until and all(i["date"] <= mid for i in until)
    newest = api.get("/api/incidents", params={"sort": "-date", "limit": 1000}).json()["items"]
    keys = [i["date"] for i in newest if i["date"]]
    assert keys == sorted(keys, reverse=True)
    weapons = {w for i in everything for w in i["weapons"] or []}
    for w in sorted(weapons)[:2]:
        got = api.get("/api/incidents", params={"weapon": w, "limit": 1000}).json()["items"]
        assert got and all(w in i["weapons"] for i in got)
    grade = everything[0]["grade"]
    got = api.get("/api/incidents", params={"grade": grade, "limit": 1000}).json()["items"]
    assert got and all(i["grade"] == grade for i in got)
    actor = next(i["actor1"] for i in everything if i["actor1"])
    got = api.get("/api/incidents", params={"actor": actor, "limit": 1000}).json()["items"]
    assert got and all(actor in (i["actor1"], i["actor2"]) for i in got)
    etype = everything[0]["sub_event_type"]
    got = api.get("/api/incidents", params={"type": etype, "limit": 1000}).json()["items"]
    assert got and all(etype in (i["event_type"], i["sub_event_type"], i["kind"]) for i in got)


def test_incident_page(api, everything):
    richest = max(everything, key=lambda i: i["n_mentions"])
    r = api.get(f"/api/incidents/{richest['id']}")
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/json")
    inc = r.json()
    assert inc["id"] == richest["id"] and inc["grade"] == richest["grade"]
    assert len(inc["mentions"]) == richest["n_mentions"] >= 2
    assert "conflicts" in inc and isinstance(inc["candidates"], dict)
    assert len({s["report_id"] for s in inc["sources"]}) == len(inc["sources"]) >= 2
    for s in inc["sources"]:
        assert {"outlet", "url", "published"} <= set(s)
        assert s["evidence"] and all(isinstance(e["text"], str) and e["end"] > e["start"] for e in s["evidence"])


@pytest.mark.parametrize("bad", ["inc_000000000000", "nope", "inc_' OR '1'='1", "x" * 300, "%00"])
def test_unknown_incident_is_404_with_a_message(api, bad):
    r = api.get("/api/incidents/" + bad)
    assert r.status_code == 404
    assert "no incident" in r.json()["detail"]


def test_claims_series_reconcile(api):
    claims = api.get("/api/claims", params={"limit": 1000}).json()["items"]
    assert claims and all("value" in c and "unit" in c for c in claims)
    attacks = api.get("/api/claims", params={"unit": "attacks", "limit": 1000}).json()["items"]
    assert attacks and all(c["unit"] == "attacks" for c in attacks)
    two = api.get("/api/claims", params={"limit": 2}).json()
    assert len(two["items"]) == 2 and two["next"]
    series = api.get("/api/series").json()["items"]
    assert series and sum(len(s["points"]) for s in series) == len(claims)
    assert all(s["label"] and s["key"] for s in series)
    rec = api.get("/api/reconcile").json()["items"]
    assert len(rec) == len(claims)
    assert all(r["gap"] == r["claimed"] - r["ledger_total"] for r in rec)


def test_counts(api, everything):
    by_country = api.get("/api/counts", params={"by": "country"}).json()
    assert by_country["by"] == "country"
    got = {row["key"]: row["incidents"] for row in by_country["items"]}
    for cc in {i["country"] for i in everything}:
        assert got.get(cc) == sum(1 for i in everything if i["country"] == cc)
    for by in ("day", "week", "month", "actor", "weapon"):
        r = api.get("/api/counts", params={"by": by})
        assert r.status_code == 200 and r.json()["items"], by
    months = api.get("/api/counts", params={"by": "month"}).json()["items"]
    assert sum(m["incidents"] for m in months) == sum(1 for i in everything if i["date"])
    cc = everything[0]["country"]
    only = api.get("/api/counts", params={"by": "country", "country": cc}).json()["items"]
    assert [row["key"] for row in only] == [cc]


def test_exports_stream_with_filters(api, everything):
    r = api.get("/api/export.csv")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert [row["id"] for row in rows] == [i["id"] for i in everything]
    cc = everything[0]["country"]
    some = list(csv.DictReader(io.StringIO(api.get("/api/export.csv", params={"country": cc}).text)))
    assert some and all(row["country"] == cc for row in some)
    geo = api.get("/api/export.geojson").json()
    assert geo["type"] == "FeatureCollection"
    assert len(geo["features"]) == sum(1 for i in everything if i["latitude"] is not None)
    acled = list(csv.DictReader(io.StringIO(api.get("/api/export.acled.csv").text)))
    assert len(acled) == len(everything) and "event_id_cnty" in acled[0]
    assert any(row["source"] for row in acled)
    with api.stream("GET", "/api/export.csv", params={"limit": 2}) as s:
        assert len(b"".join(s.iter_bytes()).decode().strip().splitlines()) == 3


def test_concurrent_reads_agree(api, everything):
    """Reads from many threads at once (the server runs them in its thread pool) all succeed and agree."""
    ids = [i["id"] for i in everything]

    def one(k: int) -> tuple[int, str | None]:
        if k % 2:
            r = api.get(f"/api/incidents/{ids[k % len(ids)]}")
            return r.status_code, r.json().get("id")
        r = api.get("/api/incidents", params={"limit": 5, "offset": k % len(ids)})
        return r.status_code, (r.json()["items"] or [{}])[0].get("id")

    with ThreadPoolExecutor(16) as pool:
        results = list(pool.map(one, range(120)))
    assert all(code == 200 for code, _ in results)
    assert all(got == ids[k % len(ids)] for k, (_, got) in enumerate(results))


BAD_QUERIES = [
    ("/api/incidents", {"limit": "100000000000000000000000"}, "limit"),
    ("/api/incidents", {"limit": "0"}, "limit"),
    ("/api/incidents", {"limit": "abc"}, "limit"),
    ("/api/incidents", {"limit": "1.5"}, "limit"),
    ("/api/incidents", {"offset": "-1"}, "offset"),
    ("/api/incidents", {"offset": "9" * 40}, "offset"),
    ("/api/incidents", {"sort": "date; DROP TABLE incidents"}, "sort"),
    ("/api/incidents", {"sort": "bogus"}, "sort"),
    ("/api/incidents", {"since": "2024-13-01"}, "since"),
    ("/api/incidents", {"since": "yesterday"}, "since"),
    ("/api/incidents", {"until": "01/02/2024"}, "until"),
    ("/api/incidents", {"since": "2024-02-01", "until": "2024-01-01"}, "until"),
    ("/api/incidents", {"country": "IRQ"}, "country"),
    ("/api/incidents", {"country": "1'"}, "country"),
    ("/api/incidents", {"weapon": "banana"}, "weapon"),
    ("/api/incidents", {"grade": "A' OR 1=1 --"}, "grade"),
    ("/api/incidents", {"actor": "a\x00b"}, "actor"),
    ("/api/incidents", {"actor": "x" * 5000}, "actor"),
    ("/api/incidents", {"sources": "maybe"}, "sources"),
    ("/api/incidents", {"full": "maybe"}, "full"),
    ("/api/incidents", {"after": "not-a-cursor"}, "after"),
    ("/api/incidents", {"after": "x" * 5000}, "after"),
    ("/api/counts", {"by": "planet"}, "by"),
    ("/api/counts", {"by": "month", "since": "2024-1-1"}, "since"),
    ("/api/claims", {"unit": "bananas"}, "unit"),
    ("/api/claims", {"since": "not-a-date"}, "since"),
    ("/api/series", {"unit": "'; DELETE FROM claims; --"}, "unit"),
    ("/api/export.csv", {"country": "Iraq"}, "country"),
    ("/api/export.geojson", {"limit": "-5"}, "limit"),
]


@pytest.mark.parametrize("path,params,name", BAD_QUERIES)
def test_bad_input_is_a_clear_422(api, path, params, name):
    r = api.get(path, params=params)
    assert r.status_code == 422, r.text
    body = r.json()
    assert name in body["detail"]
    assert any(e["parameter"] == name and e["reason"] for e in body["errors"])
    if "since" in params and name == "since" or "until" in params and name == "until" and "/" in params["until"]:
        assert "YYYY-MM-DD" in body["detail"]


@pytest.mark.parametrize("actor", ["' OR '1'='1", "x'); DROP TABLE incidents; --", "Robert\"; --", "%' --"])
def test_injection_looking_strings_are_plain_values(api, everything, actor):
    r = api.get("/api/incidents", params={"actor": actor})
    assert r.status_code == 200 and r.json()["items"] == []
    assert len(api.get("/api/incidents", params={"limit": 1000}).json()["items"]) == len(everything)


# -- writes, auth, limits, untrusted text -------------------------------------------------------------

ARTICLE = ("A drone struck a base housing US troops in Erbil on Sunday, wounding three service members, "
           "a US defense official said on Monday. ")


@pytest.fixture(scope="module")
def writable(tmp_path_factory) -> Iterator[httpx.Client]:
    """A server with a token on an empty SQLite ledger, its body limit small enough to test."""
    db = tmp_path_factory.mktemp("api-write") / "ledger.db"
    with serve(create_app(str(db), token=TOKEN, max_body_bytes=50_000)) as client:
        yield client


AUTH = {"Authorization": f"Bearer {TOKEN}"}


def test_ingest_is_disabled_without_a_configured_token(tmp_path):
    with serve(create_app(str(tmp_path / "l.db"))) as client:
        for headers in ({}, AUTH):
            r = client.post("/api/reports", json={"text": ARTICLE}, headers=headers)
            assert r.status_code == 403 and "ingest is disabled" in r.json()["detail"]
        assert client.get("/api/incidents").json()["items"] == []


@pytest.mark.parametrize("headers,status", [
    ({}, 401),
    ({"Authorization": "Basic dXNlcjpwYXNz"}, 401),
    ({"Authorization": "Bearer"}, 401),
    ({"Authorization": "Bearer wrong"}, 403),
    ({"Authorization": f"Bearer {TOKEN}x"}, 403),
    ({"Authorization": f"Bearer {TOKEN[:-1]}"}, 403),
])
def test_ingest_refuses_missing_or_wrong_tokens(writable, headers, status):
    before = len(writable.get("/api/claims", params={"limit": 1000}).json()["items"])
    r = writable.post("/api/reports", json={"text": ARTICLE + "At least 40 attacks since October 17."},
                      headers=headers)
    assert r.status_code == status
    if status == 401:
        assert r.headers.get("www-authenticate", "").startswith("Bearer")
    assert len(writable.get("/api/claims", params={"limit": 1000}).json()["items"]) == before


def test_ingest_with_the_token_creates_and_is_idempotent(writable):
    report = {"text": ARTICLE + "Officials said at least 52 attacks had hit US forces since October 17.",
              "title": "Drone strikes base in Erbil", "url": "https://example.org/api-test/erbil",
              "published": "2024-01-29", "outlet": "Example Wire"}
    r = writable.post("/api/reports", json=report, headers=AUTH)
    assert r.status_code == 201, r.text
    out = r.json()
    assert out["created"] == 1
    made = out["results"][0]
    assert made["status"] == "created" and made["report_id"].startswith("r_") and made["events"] >= 1
    for iid in made["incident_ids"]:
        inc = writable.get(f"/api/incidents/{iid}").json()
        assert any(s["url"] == report["url"] and s["outlet"] == "Example Wire" for s in inc["sources"])
    again = writable.post("/api/reports", json=report, headers=AUTH)
    assert again.status_code == 200 and again.json()["results"][0]["status"] == "duplicate"


def test_batch_ingest_reports_each_item(writable):
    batch = {"reports": [
        {"text": "Militants fired rockets at a base in Syria on Tuesday, wounding two soldiers, officials said.",
         "published": "2024-02-06", "url": "https://example.org/api-test/syria-1"},
        {"text": "Un article en français sur la météo de la semaine prochaine à Paris et ailleurs en France."},
    ]}
    r = writable.post("/api/reports", json=batch, headers=AUTH)
    assert r.status_code in (200, 201), r.text
    statuses = [x["status"] for x in r.json()["results"]]
    assert statuses[1] == "rejected" and "English" in r.json()["results"][1]["reason"]
    assert statuses[0] in ("created", "duplicate")


@pytest.mark.parametrize("body,status,name", [
    (b'{"text": "unterminated', 400, None),
    (b"[1, 2, 3]", 422, "body"),
    (b'"just a string"', 422, "body"),
    (b'{"text": 5}', 422, "body.text"),
    (b'{"title": "no text"}', 422, "body"),
    (b'{"text": "A report.", "published": "last Tuesday"}', 422, "body.published"),
    (b'{"reports": []}', 422, "reports"),
    (b'{"reports": "x"}', 422, "reports"),
    (b'{"reports": [{"text": "fine"}, 7]}', 422, "reports[1]"),
    (b"\xff\xfe\x00garbage", 400, None),
])
def test_bad_ingest_bodies_are_4xx(writable, body, status, name):
    r = writable.post("/api/reports", content=body, headers={**AUTH, "Content-Type": "application/json"})
    assert r.status_code == status, r.text
    if name:
        assert any(e["parameter"] == name for e in r.json()["errors"])


def test_oversized_bodies_are_413(writable):
    big = {"text": ARTICLE * 1000}
    r = writable.post("/api/reports", json=big, headers=AUTH)
    assert r.status_code == 413 and "limit" in r.json()["detail"]

    def chunks() -> Iterator[bytes]:  # no Content-Length: counted as it arrives
        yield b'{"text": "'
        for _ in range(100):
            yield b"x" * 1000
        yield b'"}'

    r = writable.post("/api/reports", content=chunks(), headers=AUTH)
    assert r.status_code == 413


def test_article_text_stays_data_never_markup(writable):
    text = (f"A rocket hit a base near Baghdad on Wednesday, killing one soldier, officials said. "
            f"{XSS_SCRIPT} The statement added: {XSS_IMG} and nothing more.")
    report = {"text": text, "title": f"Rocket attack {XSS_SCRIPT}", "outlet": f"Wire {XSS_IMG}",
              "url": "https://example.org/api-test/xss", "published": "2024-02-07"}
    r = writable.post("/api/reports", json=report, headers=AUTH)
    assert r.status_code == 201, r.text
    made = r.json()["results"][0]
    assert made["title"] == report["title"]  # plain string data, as sent
    assert made["incident_ids"]
    inc = writable.get(f"/api/incidents/{made['incident_ids'][0]}")
    assert inc.headers["content-type"].startswith("application/json")
    assert inc.headers.get("x-content-type-options") == "nosniff"
    sources = inc.json()["sources"]
    assert any(s["outlet"] == report["outlet"] and s["title"] == report["title"] for s in sources)
    listed = writable.get("/api/incidents", params={"limit": 1000}).json()["items"]
    assert any(s.get("outlet") == report["outlet"] for i in listed for s in i["sources"])
    # every HTML page the app returns: the dashboard page, and error pages for odd paths
    for path in ("/", f"/{XSS_SCRIPT}", f"/api/incidents/{XSS_IMG}", f"/static/{XSS_SCRIPT}",
                 f"/api/incidents?actor={XSS_SCRIPT}"):
        page = writable.get(path)
        kind = page.headers.get("content-type", "")
        assert page.headers.get("x-content-type-options") == "nosniff", path
        if kind.startswith("text/html"):
            assert "<script>alert" not in page.text and "onerror=alert" not in page.text, path
        else:  # JSON may carry the string as data; a browser must never take it for a page
            assert kind.startswith("application/json"), (path, kind)


def test_dashboard_files_or_a_not_built_page(tmp_path):
    empty = tmp_path / "no-dashboard"
    with serve(create_app(str(tmp_path / "a.db"), static_dir=empty)) as client:
        r = client.get("/")
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
        assert "not built" in r.text
        assert client.get("/static/app.js").status_code == 404
    built = tmp_path / "static"
    built.mkdir()
    (built / "index.html").write_text("<!doctype html><title>dash</title><script src='/static/app.js'></script>")
    (built / "app.js").write_text("console.log('dashboard');")
    with serve(create_app(str(tmp_path / "b.db"), static_dir=built)) as client:
        r = client.get("/")
        assert r.status_code == 200 and "<title>dash</title>" in r.text
        js = client.get("/static/app.js")
        assert js.status_code == 200 and "dashboard" in js.text
        assert client.get("/static/../../a.db").status_code == 404


def test_serve_command_starts_and_answers(tmp_path):
    """`tallylog serve` (the CLI) on a free port: healthz answers, ingest follows the token variable."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    exe = Path(sys.executable).with_name("tallylog")
    env = {**os.environ, "API_TEST_TOKEN": TOKEN}
    proc = subprocess.Popen([str(exe), "serve", "--db", str(tmp_path / "c.db"), "--port", str(port),
                             "--token-env", "API_TEST_TOKEN", "--log-level", "warning"],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=2)
                break
            except httpx.TransportError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(proc.stderr.read().decode()) from None
                time.sleep(0.1)
        assert r.status_code == 200
        r = httpx.post(f"http://127.0.0.1:{port}/api/reports", json={"text": ARTICLE}, headers={"Authorization": "Bearer x"})
        assert r.status_code == 403 and "wrong token" in r.json()["detail"]
    finally:
        proc.terminate()
        proc.wait(timeout=30)


# -- several processes over one ledger ------------------------------------------------------------------

LOCK_HOLDER = """
import json, sys, time
from tallylog.serve.locks import IngestLock
from tallylog.store import Ledger
led = Ledger.open(sys.argv[1], migrate=False)
lock, spans = IngestLock(led.engine), []
print("ready", flush=True)
sys.stdin.readline()  # both start together
for _ in range(6):
    with lock:
        start = time.monotonic()
        time.sleep(0.03)
        spans.append((start, time.monotonic()))
print(json.dumps(spans), flush=True)
led.close()
"""


@pytest.fixture(params=["sqlite", "postgresql"])
def shared_ledger(request, tmp_path) -> Iterator[str]:
    """An empty, migrated ledger of each kind for several processes to share."""
    name = None
    if request.param == "sqlite":
        url = str(tmp_path / "shared.db")
    else:
        if not PG_URL:
            pytest.skip("TALLYLOG_TEST_PG_URL is not set (.ci/run starts PostgreSQL and sets it)")
        url, name = create_database("tl_api_")
    from tallylog.store import Ledger

    Ledger.open(url).close()
    yield url
    if name:
        drop_database(name)


def test_the_ingest_lock_holds_across_processes(shared_ledger):
    """Two processes taking the ingest lock of one ledger in a loop never hold it at the same time."""
    procs = [subprocess.Popen([sys.executable, "-c", LOCK_HOLDER, shared_ledger], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    try:
        for p in procs:
            assert p.stdout.readline().strip() == "ready", p.stderr.read()
        for p in procs:
            p.stdin.write("go\n")
            p.stdin.flush()
        spans = sorted(s for p in procs for s in json.loads(p.stdout.readline()))
    finally:
        for p in procs:
            p.kill() if p.poll() is None else None
            p.wait(timeout=30)
    assert len(spans) == 12
    assert all(a_end <= b_start for (_, a_end), (b_start, _) in zip(spans, spans[1:])), spans


def _post_concurrently(clients: list[httpx.Client], body: dict, n: int) -> list[httpx.Response]:
    with ThreadPoolExecutor(n) as pool:
        return list(pool.map(lambda k: clients[k % len(clients)].post("/api/reports", json=body, headers=AUTH),
                             range(n)))


def test_two_servers_on_one_ledger_ingest_one_at_a_time(tmp_path):
    """Two apps (as two worker processes: each its own engine and thread lock) on one SQLite file, sent the
    same report at once: exactly one stores it, the others find it there; nothing fails on the other's write."""
    db = str(tmp_path / "two.db")
    report = {"text": ARTICLE, "url": "https://example.org/api-test/two-servers", "published": "2024-01-29"}
    with serve(create_app(db, token=TOKEN)) as one, serve(create_app(db, token=TOKEN)) as two:
        answers = _post_concurrently([one, two], report, 8)
        statuses = [r.json()["results"][0]["status"] if r.status_code in (200, 201) else r.text for r in answers]
        assert sorted(statuses) == ["created"] + ["duplicate"] * 7, statuses
        made = [r.json()["results"][0] for r in answers if r.status_code == 201][0]
        assert made["incident_ids"]
        listed = {i["id"] for i in two.get("/api/incidents", params={"limit": 1000}).json()["items"]}
        assert set(made["incident_ids"]) <= listed


def test_serve_with_workers_shares_one_ledger(tmp_path):
    """`tallylog serve --workers 2`: both processes answer reads; concurrent ingests of one report store it once."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    exe = Path(sys.executable).with_name("tallylog")
    env = {**os.environ, "API_TEST_TOKEN": TOKEN}
    proc = subprocess.Popen([str(exe), "serve", "--db", str(tmp_path / "w.db"), "--port", str(port), "--workers", "2",
                             "--token-env", "API_TEST_TOKEN", "--log-level", "warning"],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                raise AssertionError(proc.stderr.read().decode())
            time.sleep(0.2)
        report = {"text": ARTICLE, "url": "https://example.org/api-test/workers", "published": "2024-01-29"}
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=120) as client:
            answers = _post_concurrently([client], report, 6)
            assert all(r.status_code in (200, 201) for r in answers), [r.text for r in answers]
            statuses = sorted(r.json()["results"][0]["status"] for r in answers)
            assert statuses == ["created"] + ["duplicate"] * 5
            body = client.get("/api/incidents", params={"limit": 10}).json()
            assert body["items"] and body["cursor"]
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_a_ledger_that_cannot_answer_gives_503(tmp_path):
    """A list query the database refuses (here: its table is gone) is a 503 with a message, not a 500."""
    import sqlite3

    db = tmp_path / "broken.db"
    with serve(create_app(str(db))) as client:
        assert client.get("/api/incidents").status_code == 200
        with sqlite3.connect(db) as conn:
            conn.execute("DROP TABLE incidents")
        for params in ({}, {"sort": "-date", "after": "WyItZGF0ZSIsbnVsbCwiaW5jXzEiXQ"}):
            r = client.get("/api/incidents", params=params)
            assert r.status_code == 503 and "could not answer" in r.json()["detail"], r.text
