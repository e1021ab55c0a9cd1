"""The HTML report (self-contained, escaped, opens offline in Chromium) and the PNG timeline plot."""
from __future__ import annotations

import json
import re
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from tallylog.report import STATIC_DIR, safe_json
from tallylog.report.plot import period_start, plot_counts
from tallylog.store import Ledger

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
HOSTILE_OUTLET = "Evening <img src=x onerror=alert(1)> Post"
HOSTILE_TEXT = ("A drone struck the US base at Erbil airport in northern Iraq on Sunday "
                "<script>alert('xss')</script></script><img src=x onerror=alert(2)>, a US defense official said. "
                "No one was hurt in the attack, the official said.")
SVG_NAMESPACES = {"http://www.w3.org/2000/svg", "http://www.w3.org/1999/xlink", "http://www.w3.org/1999/xhtml"}
URL = re.compile(r"https?://[^\s\"'<>)\\]+")
DATA_BLOCK = re.compile(r'<script type="application/json" id="tallylog-data">(.*?)</script>', re.S)


def tallylog(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tallylog.cli", *args], capture_output=True, text=True, check=True,
                          timeout=600)


def build_ledger(folder: Path) -> Path:
    """A SQLite ledger with the bundled sample corpus and one report full of markup."""
    db = folder / "ledger.db"
    tallylog("run", "--sample", "--db", str(db), "-q")
    hostile = folder / "hostile.jsonl"
    hostile.write_text(json.dumps({"url": "https://example.org/hostile/1", "outlet": HOSTILE_OUTLET,
                                   "published": "2024-01-22", "title": "Drone hits base <script>alert(3)</script>",
                                   "text": HOSTILE_TEXT}) + "\n", encoding="utf-8")
    tallylog("run", str(hostile), "--db", str(db), "-q")
    return db


@pytest.fixture(scope="module")
def ledger_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not (STATIC_DIR / "app.js").is_file():
        pytest.skip(f"the dashboard is not built into {STATIC_DIR}")
    return build_ledger(tmp_path_factory.mktemp("report-ledger"))


@pytest.fixture(scope="module")
def report_file(ledger_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("report") / "report.html"
    tallylog("report", "--db", str(ledger_db), "--out", str(out), "--title", "Test <b>report</b>")
    return out


def embedded(page: str) -> dict:
    blocks = DATA_BLOCK.findall(page)
    assert len(blocks) == 1
    return json.loads(blocks[0])


def test_safe_json_cannot_close_the_script_element() -> None:
    value = {"text": "</script><script>alert(1)</script><!-- & \u2028", "n": [1, 2]}
    text = safe_json(value)
    assert "</" not in text and "<!--" not in text and "<" not in text
    assert json.loads(text) == value


def test_report_is_self_contained(report_file: Path, ledger_db: Path) -> None:
    page = report_file.read_text(encoding="utf-8")
    outside = DATA_BLOCK.sub("", page)
    # no resource is loaded from anywhere: no src/href to a file or URL, no stylesheet link, no CSS import
    assert not re.search(r"<script[^>]*\ssrc=", outside)
    assert not re.search(r"<link[^>]*stylesheet", outside)
    assert "@import" not in outside
    assert set(URL.findall(outside)) <= SVG_NAMESPACES
    # the basemap and every incident of the ledger travel in the page
    data = embedded(page)
    with Ledger.open(ledger_db) as ledger:
        assert len(data["incidents"]) == ledger.stats()["incidents"]
    assert data["basemap"]["type"] == "Topology" and data["basemap"]["objects"]["countries"]["geometries"]
    assert data["reconcile"] and data["series"]


def test_report_escapes_hostile_text(report_file: Path) -> None:
    page = report_file.read_text(encoding="utf-8")
    for raw in ("<script>alert('xss')", "<img src=x onerror", "<script>alert(3)", "<b>report</b>"):
        assert raw not in page
    assert page.count("</script>") == 2  # the data block and the inlined script: nothing from the ledger
    data = embedded(page)
    texts = [ev["text"] for inc in data["incidents"] for s in inc["sources"] for ev in s["evidence"] or []]
    assert any("<script>alert('xss')</script>" in t for t in texts)  # kept verbatim, as data
    assert "&lt;b&gt;report&lt;/b&gt;" in page  # the title, escaped in <title>


def test_report_filters(ledger_db: Path, tmp_path: Path) -> None:
    with Ledger.open(ledger_db) as ledger:
        country, n = max(((k, n) for k, n in ledger.counts("country") if k), key=lambda kn: kn[1])
    out = tmp_path / "one-country.html"
    tallylog("report", "--db", str(ledger_db), "--country", country, "--out", str(out))
    data = embedded(out.read_text(encoding="utf-8"))
    assert len(data["incidents"]) == n
    assert {inc["country"] for inc in data["incidents"]} == {country}
    assert data["filters"] == {"country": country}


def test_report_opens_offline_in_chromium(report_file: Path, tmp_path: Path) -> None:
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is absent (Debian's chromium package; .ci/run installs it)")
    sync_api = pytest.importorskip("playwright.sync_api")
    data = embedded(report_file.read_text(encoding="utf-8"))
    with_coords = [i for i in data["incidents"] if i.get("latitude") is not None]
    hostile = next(i for i in data["incidents"] if any(s["outlet"] == HOSTILE_OUTLET for s in i["sources"]))
    requested: list[str] = []
    dialogs: list[str] = []
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            page.route("**/*", lambda route: (requested.append(route.request.url), route.abort())
                       if not route.request.url.startswith(("file:", "data:")) else route.continue_())
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            page.goto(report_file.as_uri())
            page.wait_for_selector("body[data-state=ready]", timeout=20000)
            assert page.locator("body").get_attribute("data-mapped") == str(len(with_coords))
            assert page.locator("#map .leaflet-marker-icon").count() > 0
            assert page.locator("#map path.leaflet-interactive, #map svg path").count() > 100  # the basemap
            assert page.locator("#timeline svg rect.bar").count() > 0
            assert page.locator("#reconcile tbody tr").count() == len(data["reconcile"])
            page.click(f"button.link[data-id='{hostile['id']}']")
            mark = page.locator("#panel-body mark").first
            mark.wait_for()
            assert "<script>alert('xss')</script>" in mark.inner_text()
            assert page.locator("#panel-body script, #panel-body img").count() == 0
            page.screenshot(path=str(tmp_path / "report.png"))
        finally:
            browser.close()
    assert requested == [] and dialogs == []


def png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n" and head[12:16] == b"IHDR"
    return struct.unpack(">II", head[16:24])


def test_plot_command_writes_a_png(ledger_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "timeline.png"
    tallylog("plot", "--db", str(ledger_db), "--by", "day", "--series", "--out", str(out))
    width, height = png_size(out)
    assert 800 <= width <= 2000 and 500 <= height <= 2000
    assert out.stat().st_size > 10_000
    plain = tmp_path / "weeks.png"
    tallylog("plot", "--db", str(ledger_db), "--by", "week", "--out", str(plain))
    w2, h2 = png_size(plain)
    assert w2 == width and h2 < height  # one panel without --series


@pytest.mark.parametrize("by,rows", [
    ("day", [("2024-01-02", 3), ("2024-01-05", 1), (None, 2)]),
    ("week", [("2024-01-01", 4), ("2024-01-15", 2)]),
    ("month", [("2023-12", 5), ("2024-01", 7)]),
    ("month", []),
])
def test_plot_counts(by: str, rows: list, tmp_path: Path) -> None:
    series = [{"label": "attacks since 2023-10-17", "points": [{"as_of": "2024-01-10", "value": 40}]}]
    out = plot_counts(rows, by, tmp_path / f"{by}.png", series=series)
    assert png_size(out)[0] > 500


def test_period_start() -> None:
    assert period_start("2024-02", "month").isoformat() == "2024-02-01"
    assert period_start("2024-02-05", "week").isoformat() == "2024-02-05"
    assert period_start(None, "day") is None and period_start("undated", "day") is None
    with pytest.raises(ValueError):
        plot_counts([], "year", "x.png")
