"""The dashboard served by the real app: built assets that need no network, and a run in Debian's Chromium
(headless, driven by Playwright) against a ledger filled by ``tallylog run --sample``."""
from __future__ import annotations

import json
import re
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tallylog.store import Ledger

STATIC = Path(__file__).resolve().parents[1] / "src" / "tallylog" / "serve" / "static"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SVG_NAMESPACES = {"http://www.w3.org/2000/svg", "http://www.w3.org/1999/xlink", "http://www.w3.org/1999/xhtml"}
URL = re.compile(r"https?://[^\s\"'<>)\\]+")


def test_built_assets_reference_nothing_outside() -> None:
    for name in ("index.html", "app.js", "app.css", "countries-50m.json"):
        assert (STATIC / name).is_file(), f"{name} is not built: cd web && npm ci && npm run build"
    for name in ("index.html", "app.js", "app.css"):
        text = (STATIC / name).read_text(encoding="utf-8")
        assert set(URL.findall(text)) <= SVG_NAMESPACES, name
        assert not re.search(r"(?:src|href)\s*=\s*[\"']?//", text), name  # no protocol-relative URLs either
    page = (STATIC / "index.html").read_text(encoding="utf-8")
    assert re.findall(r'(?:src|href)="([^"]+)"', page) == ["data:,", "static/app.css", "#main", "static/app.js"]
    basemap = json.loads((STATIC / "countries-50m.json").read_text(encoding="utf-8"))
    assert basemap["type"] == "Topology" and len(basemap["objects"]["countries"]["geometries"]) > 200
    licences = {p.name for p in (STATIC / "licenses").iterdir()}
    assert {"leaflet.LICENSE.txt", "leaflet.markercluster.LICENSE.txt", "topojson-client.LICENSE.txt",
            "world-atlas.LICENSE.txt", "README.md"} <= licences


# -- in the browser ---------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def ledger_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from test_report import build_ledger

    return build_ledger(tmp_path_factory.mktemp("dashboard-ledger"))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(ledger_db: Path) -> Iterator[str]:
    uvicorn = pytest.importorskip("uvicorn")
    from tallylog.serve.app import create_app

    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(create_app(str(ledger_db)), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    for _ in range(200):
        if srv.started:
            break
        time.sleep(0.05)
    assert srv.started, "the app did not start"
    yield f"http://127.0.0.1:{port}/"
    srv.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is absent (Debian's chromium package; .ci/run installs it)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


class Visit:
    """A page on the dashboard that records every request leaving loopback (aborted) and every dialog."""

    def __init__(self, browser: object, base: str, width: int, height: int) -> None:
        self.base, self.outside, self.dialogs, self.errors = base, [], [], []
        self.page = browser.new_page(viewport={"width": width, "height": height})
        self.page.route("**/*", self._route)
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

    def _route(self, route: object) -> None:
        url = route.request.url
        if url.startswith(self.base) or url.startswith("data:"):
            route.continue_()
        else:
            self.outside.append(url)
            route.abort()

    def open(self) -> object:
        self.page.goto(self.base)
        self.ready()
        return self.page

    def ready(self) -> None:
        self.page.wait_for_selector("body[data-state=ready]", timeout=20000)

    def data(self, key: str) -> str | None:
        return self.page.locator("body").get_attribute(f"data-{key}")

    def close(self) -> None:
        self.page.close()
        assert self.outside == [], f"requests left the machine: {self.outside}"
        assert self.dialogs == [], f"a dialog fired: {self.dialogs}"
        assert self.errors == [], f"script errors: {self.errors}"


def _mapped(incidents: list[dict]) -> int:
    return sum(1 for i in incidents if i.get("latitude") is not None and i.get("longitude") is not None)


def test_map_timeline_filters_and_panel(browser: object, server: str, ledger_db: Path, tmp_path: Path) -> None:
    with Ledger.open(ledger_db) as ledger:
        everything = list(ledger.incidents())
        days = ledger.counts("day")
        country, n_country = max(((k, n) for k, n in ledger.counts("country") if k), key=lambda kn: kn[1])
        in_country = list(ledger.incidents(country=country))
        opened = next(i for i in ledger.incidents(with_sources=True)
                      if i["latitude"] is not None and any(s["evidence"] for s in i["sources"]))
        sentence = next(ev["text"] for s in opened["sources"] for ev in s["evidence"] or [])
        attack_points = sum(1 for c in ledger.claims(unit="attacks") if c.get("as_of"))
    assert 0 < n_country < len(everything)

    visit = Visit(browser, server, 1280, 800)
    page = visit.open()
    # map: one marker per incident with coordinates (some in clusters), over the Natural Earth outlines
    assert visit.data("incidents") == str(len(everything))
    assert visit.data("mapped") == str(_mapped(everything))
    assert page.locator("#map .leaflet-marker-icon").count() > 0
    assert page.locator("#map svg path").count() > 100
    # timeline: a bar per day with incidents, the claims of attack counts as points
    assert page.locator("#timeline svg rect.bar").count() == len(days)
    assert page.locator("#timeline svg path.cum-line").count() == 1
    assert page.locator("#timeline svg circle.claim").count() == attack_points
    page.screenshot(path=str(tmp_path / "dashboard-1280.png"))

    # a filter drives map, timeline and table together
    before = page.locator("#map .leaflet-marker-icon").count()
    page.fill("#f-country", country)
    page.click("#apply")
    page.wait_for_function(f"document.body.dataset.incidents === '{len(in_country)}'")
    visit.ready()
    assert visit.data("mapped") == str(_mapped(in_country))
    assert page.locator("#incident-table tbody tr").count() == len(in_country)
    with Ledger.open(ledger_db) as ledger:
        assert page.locator("#timeline svg rect.bar").count() == len(ledger.counts("day", country=country))
    assert f"country={country}" in page.url
    assert page.locator("#map .leaflet-marker-icon").count() != before or len(in_country) != len(everything)
    page.click("#clear-filters")
    page.wait_for_function(f"document.body.dataset.incidents === '{len(everything)}'")

    # the incident panel: fields, and each source's evidence sentence highlighted
    page.click(f"button.link[data-id='{opened['id']}']")
    page.wait_for_selector("#panel-title")
    assert page.locator("#panel").get_attribute("data-id") == opened["id"]
    marks = page.locator("#panel-body mark").all_inner_texts()
    assert sentence in marks
    assert page.evaluate("document.activeElement.id") == "panel-title"
    page.keyboard.press("Escape")
    assert page.locator("#panel").is_hidden()

    # a marker opens its incident too
    icon = page.locator("#map .tl-marker").first
    if icon.count() == 0:
        page.locator("#map .marker-cluster").first.click()
        page.wait_for_selector("#map .tl-marker")
    marker_id = icon.get_attribute("data-id")
    icon.click()
    page.wait_for_function(f"document.getElementById('panel').dataset.id === '{marker_id}'")
    visit.close()


def test_hostile_report_renders_as_text(browser: object, server: str, ledger_db: Path) -> None:
    from test_report import HOSTILE_OUTLET

    with Ledger.open(ledger_db) as ledger:
        hostile = next(i for i in ledger.incidents(with_sources=True)
                       if any(s["outlet"] == HOSTILE_OUTLET for s in i["sources"]))
    visit = Visit(browser, server, 1280, 800)
    page = visit.open()
    page.click(f"button.link[data-id='{hostile['id']}']")
    page.wait_for_selector("#panel-title")
    body = page.locator("#panel-body")
    assert "<script>alert('xss')</script>" in body.inner_text()
    assert HOSTILE_OUTLET in body.inner_text()
    assert body.locator("script, img").count() == 0
    assert page.locator("img[src='x']").count() == 0
    page.wait_for_timeout(300)  # an onerror handler would have fired by now
    visit.close()


def test_phone_viewport_and_keyboard(browser: object, server: str, tmp_path: Path) -> None:
    visit = Visit(browser, server, 390, 844)
    page = visit.open()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    box = page.locator("#map").bounding_box()
    assert box and box["width"] <= 390 and box["height"] >= 200
    # every control is a labelled, real form control or button
    unlabelled = page.evaluate("""[...document.querySelectorAll('#filters input, #filters select, .colour-by input')]
        .filter((el) => el.labels.length === 0).map((el) => el.id || el.name)""")
    assert unlabelled == []
    # keyboard: Tab reaches the filters, Enter in a field applies them
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    page.focus("#f-grade")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "f-type"
    page.fill("#f-type", "no such type")
    page.keyboard.press("Enter")
    page.wait_for_function("document.body.dataset.incidents === '0'")
    page.click("#clear-filters")
    page.wait_for_function("document.body.dataset.incidents !== '0' && document.body.dataset.state === 'ready'")
    # the panel covers the phone's screen and closes back to where it was opened from
    button = page.locator("#incident-table button.link").first
    button.focus()
    page.keyboard.press("Enter")
    page.wait_for_selector("#panel-title")
    panel = page.locator("#panel").bounding_box()
    assert panel and panel["width"] <= 390 and panel["height"] >= 800
    page.screenshot(path=str(tmp_path / "dashboard-phone-panel.png"))
    page.click("#panel-close")
    assert page.evaluate("document.activeElement.dataset.id") == button.get_attribute("data-id")
    page.screenshot(path=str(tmp_path / "dashboard-phone.png"), full_page=True)
    visit.close()
