"""The `tallylog` command as a user runs it: a real subprocess, real files, the JSON contract checked."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path


from tallylog.output import validate

REPO = Path(__file__).resolve().parents[1]
SEED_PLACES = {
    # the eleven places the seed lists as targeted, and the country each is in
    "Ain al-Assad": "IQ", "Kharab al-Jir": "SY", "al-Shaddadi": "SY", "Harir": "IQ", "al-Tanf": "SY",
    "Rmelan": "SY", "al-Malikiyah": "SY", "Conoco": "SY", "al-Omar": "SY", "Erbil airport": "IQ",
    "Green Village": "SY",
}


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    exe = Path(sys.executable).with_name("tallylog")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "tallylog.cli"]
    return subprocess.run(cmd + list(args), input=stdin, capture_output=True, text=True, timeout=300,
                          env={**os.environ, "COLUMNS": "200"})


def lines(proc: subprocess.CompletedProcess) -> list[dict]:
    return [json.loads(x) for x in proc.stdout.splitlines() if x.strip()]


def test_seed_acceptance(shared):
    seed = shared / "seeds" / "000_ba4eb026513ee872.txt"
    proc = run("extract", str(seed), "--published", "2024-01-04", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    [doc] = lines(proc)
    validate(doc)
    claims = doc["claims"]
    total = next(c for c in claims if c["value"] == 118)
    assert total["qualifier"] == "at_least" and total["unit"] == "attacks"
    assert total["since"] == "2023-10-17"
    assert set(total["region"]) == {"IQ", "SY"}
    assert "military official" in total["speaker"] and total["via"] == "Al Mayadeen"
    assert total["actor"] == "Islamic Resistance in Iraq"
    assert set(total["weapons"]) == {"drone", "rocket"}
    found = {loc["text"]: loc for loc in total["locations"]}
    for name, country in SEED_PLACES.items():
        loc = next((v for k, v in found.items() if name.lower() in k.lower()), None)
        assert loc is not None, f"{name} missing from {sorted(found)}"
        assert loc["country"] == country and loc["latitude"] is not None, loc
    injured = next(c for c in claims if c["unit"] == "injured")
    assert injured["value"] == 70 and injured["qualifier"] == "more_than"
    # nothing from the newsletter, donation, disclaimer and copyright paragraphs
    text = seed.read_text(encoding="utf-8")
    boiler = [text.index(s) for s in ("Daily Newsletter", "Donation Drive", "Disclaimer:", "fair use")]
    for item in claims + doc["events"]:
        for ev in item["evidence"]:
            assert not any(w in ev["text"] for w in ("Newsletter", "Donation", "Disclaimer", "copyright")), ev
    assert boiler  # the seed does carry them


def test_seed_without_publication_date_says_the_year_is_unknown(shared):
    seed = shared / "seeds" / "000_ba4eb026513ee872.txt"
    [doc] = lines(run("extract", str(seed), "--format", "json"))
    total = next(c for c in doc["claims"] if c["value"] == 118)
    assert total["since"] is None and total["since_partial"] == "--10-17"
    assert any("year" in n and "unknown" in n for n in total["notes"])
    assert doc["document"]["published"] is None


def test_sample_corpus_runs_and_validates():
    proc = run("extract", "--sample", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    docs = lines(proc)
    assert len(docs) >= 5
    for d in docs:
        validate(d)
    assert sum(len(d["claims"]) for d in docs) >= 3
    assert sum(len(d["events"]) for d in docs) >= 3


def test_table_output_does_not_read_article_text_as_markup(tmp_path):
    f = tmp_path / "hostile.txt"
    f.write_text("Blast [bold red]kills[/] five\n\nA roadside bomb [link=http://x]killed[/link] five soldiers "
                 "in Kabul on Monday, police said. <script>alert(1)</script>\n", encoding="utf-8")
    proc = run("extract", str(f), "--published", "2024-03-05", "--format", "table")
    assert proc.returncode == 0, proc.stderr
    assert "[bold red]kills[/]" in proc.stdout.replace("\n", "") or "[bold red]" in proc.stdout


def test_batch_with_bad_files_reports_each_and_keeps_going(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Drone strike\n\nA drone strike hit a base near Erbil on Tuesday, officials said.\n", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 100)
    proc = run("extract", str(tmp_path), "--format", "json", "--published", "2024-01-10")
    assert proc.returncode == 0
    assert len(lines(proc)) == 1
    err = proc.stderr.splitlines()
    assert any("empty.txt" in e for e in err) and any("binary.txt" in e for e in err)
    assert "Traceback" not in proc.stderr


def test_exit_code_2_when_nothing_could_be_read(tmp_path):
    (tmp_path / "empty.txt").write_text("   \n", encoding="utf-8")
    proc = run("extract", str(tmp_path / "empty.txt"), "--format", "json")
    assert proc.returncode == 2
    assert "empty.txt" in proc.stderr and "Traceback" not in proc.stderr


def test_bad_published_option_is_advice_not_a_traceback(tmp_path):
    proc = run("extract", "-", "--published", "04/01/2024", "--format", "json", stdin="Some text.")
    assert proc.returncode == 2
    assert "YYYY-MM-DD" in proc.stderr and "Traceback" not in proc.stderr


def test_stdin_is_read():
    proc = run("extract", "-", "--published", "2024-01-30", "--format", "json",
               stdin="Tally\n\nMilitias have attacked US forces at least 165 times since October 17, a Pentagon "
                     "spokesperson said.\n")
    [doc] = lines(proc)
    assert doc["document"]["source"].startswith("-")
    assert [(c["value"], c["since"]) for c in doc["claims"]] == [(165, "2023-10-17")]


def test_places_command_lists_resolutions(tmp_path):
    f = tmp_path / "p.txt"
    f.write_text("Rockets hit\n\nRockets struck near the Erbil airport and in Baghdad on Friday.\n", encoding="utf-8")
    proc = run("places", str(f), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    [doc] = lines(proc)
    keys = {"text", "start", "end", "name", "country", "admin1", "latitude", "longitude", "gazetteer_id", "feature"}
    assert all(keys <= set(p) for p in doc["places"])
    assert {p["country"] for p in doc["places"]} == {"IQ"}
    text = f.read_text(encoding="utf-8")
    assert all(text[p["start"]:p["end"]] == p["text"] for p in doc["places"])


def test_schema_command_prints_the_contract():
    proc = run("schema")
    assert json.loads(proc.stdout)["$id"] == "tallylog/extract/v1"


def test_eval_command_prints_figures(shared):
    proc = run("eval", str(REPO / "eval" / "gold" / "dev.jsonl"), "--shared", str(shared), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    assert result["documents"] >= 40


def test_eval_command_names_a_bad_gold_file(tmp_path, shared):
    bad = tmp_path / "gold.jsonl"
    bad.write_text('{"id": "x"\n', encoding="utf-8")
    proc = run("eval", str(bad), "--shared", str(shared))
    assert proc.returncode == 2 and "gold.jsonl" in proc.stderr and "Traceback" not in proc.stderr
