"""The Dask engine writes the ledger a local run writes, streaming the input in bounded chunks."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import DateTime, select

pytest.importorskip("distributed")

from tallylog.cli import sample_corpus  # noqa: E402
from tallylog.run import LedgerRun, iter_items  # noqa: E402
from tallylog.scale import dask_client, iter_units, run_dask  # noqa: E402
from tallylog.scale.engine import DaskLedgerRun  # noqa: E402
from tallylog.store import Ledger, schema  # noqa: E402

VOA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "voa" / "voa_stories.jsonl"


def table_rows(ledger: Ledger) -> dict[str, list[tuple]]:
    """Every table's rows, sorted, timestamps left out."""
    out = {}
    with ledger.engine.connect() as conn:
        for table in schema.metadata.sorted_tables:
            cols = [c for c in table.c if not isinstance(c.type, DateTime)]
            rows = [tuple(json.dumps(v, sort_keys=True, default=str) for v in r)
                    for r in conn.execute(select(*cols))]
            out[table.name] = sorted(rows)
    return out


@pytest.fixture(scope="module")
def client():
    # real worker processes, as a production run uses (two workers, one thread each)
    with dask_client(workers=2, processes=True) as c:
        yield c


def local_and_dask(tmp_path: Path, client, inputs: list[str], **kw):
    local = Ledger.open(tmp_path / "local.db")
    s_local = LedgerRun(local).run(iter_items(inputs), batch_size=7)
    dask = Ledger.open(tmp_path / "dask.db")
    s_dask = run_dask(dask, inputs, client=client, batch_size=7, **kw)
    return local, s_local, dask, s_dask


def assert_same_ledger(local: Ledger, dask: Ledger) -> None:
    a, b = table_rows(local), table_rows(dask)
    assert set(a) == set(b)
    for name in a:
        assert a[name] == b[name], f"table {name} differs"


def test_sample_corpus_same_ledger_as_local(tmp_path, client):
    local, s_local, dask, s_dask = local_and_dask(tmp_path, client, [str(sample_corpus())], chunk=3, in_flight=2)
    assert s_dask.read == s_local.read > 0
    assert (s_dask.events, s_dask.claims, s_dask.incidents_new) == (s_local.events, s_local.claims,
                                                                    s_local.incidents_new)
    assert table_rows(local)["incidents"], "the sample corpus gives incidents"
    assert_same_ledger(local, dask)


def test_voa_same_ledger_as_local(tmp_path, client):
    if not VOA.is_file():
        pytest.skip(f"{VOA} is absent: the shared development data is not beside this checkout")
    inputs = [str(sample_corpus()), str(VOA)]
    local, s_local, dask, s_dask = local_and_dask(tmp_path, client, inputs)
    assert s_dask.read == s_local.read > 80
    assert_same_ledger(local, dask)


def test_bad_inputs_and_reruns_counted_as_locally(tmp_path, client):
    feed = tmp_path / "feed.jsonl"
    good = {"text": "Gunmen killed three soldiers at a checkpoint near Mosul on Monday, police said.",
            "published": "2024-03-05", "url": "https://example.org/a"}
    feed.write_text(json.dumps(good) + "\n\nnot json\n" + json.dumps({"title": "no text"}) + "\n"
                    + json.dumps(good) + "\n", encoding="utf-8")
    empty = tmp_path / "empty"
    empty.mkdir()
    inputs = [str(feed), str(empty), str(tmp_path / "missing.txt")]
    local, s_local, dask, s_dask = local_and_dask(tmp_path, client, inputs)
    assert s_dask.skipped == s_local.skipped and sum(s_dask.skipped.values()) == 4
    assert s_dask.duplicates == s_local.duplicates == 1
    assert_same_ledger(local, dask)
    again = run_dask(dask, inputs, client=client)
    assert again.duplicates == again.read == 2


def test_input_is_streamed_in_bounded_chunks(tmp_path, client):
    chunk, in_flight = 2, 2
    pulled = resolved = 0
    widest = 0

    def counting(units):
        nonlocal pulled, widest
        for u in units:
            pulled += 1
            widest = max(widest, pulled - resolved)
            yield u

    def on_item(_item) -> None:
        nonlocal resolved
        resolved += 1

    ledger = Ledger.open(tmp_path / "bounded.db")
    job = DaskLedgerRun(ledger)
    summary = job.run_dask(client, counting(iter_units([str(sample_corpus())])), chunk=chunk, in_flight=in_flight,
                           on_item=on_item)
    assert summary.read == resolved > 2 * chunk * in_flight
    # never more than the chunks in flight plus the one being cut are outside the ledger
    assert widest <= chunk * (in_flight + 1)


def test_cli_run_on_a_given_scheduler(tmp_path, client):
    from typer.testing import CliRunner

    from tallylog.cli import app

    db = tmp_path / "cli.db"
    address = client.scheduler.address
    res = CliRunner().invoke(app, ["run", "--sample", "--db", str(db), "-q", "--engine", "dask",
                                   "--scheduler", address])
    assert res.exit_code == 0, res.output
    local = Ledger.open(tmp_path / "local.db")
    LedgerRun(local).run(iter_items([str(sample_corpus())]))
    assert_same_ledger(local, Ledger.open(db))
    bad = CliRunner().invoke(app, ["run", "--sample", "--db", str(tmp_path / "x.db"), "--engine", "spark"])
    assert bad.exit_code == 2
