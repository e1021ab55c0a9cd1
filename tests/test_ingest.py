"""Tests for tallylog.ingest: sources, titles, dates, ids, boilerplate, language and bad input."""
from __future__ import annotations

import io
import json
import os
import re
from datetime import date
from pathlib import Path

import pytest

from tallylog.ingest import iter_reports, report_from_html, report_from_text
from tallylog.ingest.boilerplate import boilerplate_rule, load_rules
from tallylog.model import IngestError, Report, report_id

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures" / "ingest"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEED = SHARED / "seeds" / "000_ba4eb026513ee872.txt"

EVENT = "A drone struck a base in eastern Syria on Thursday, wounding four soldiers, officials said."
BODY = (EVENT + "\n\nThe officials said the drone was launched from across the border and that no group had "
        "claimed the attack, the latest of several on the base this month.\n")


def one(sources, **kwargs) -> Report | IngestError:
    items = list(iter_reports(sources, **kwargs))
    assert len(items) == 1, items
    return items[0]


def reports(items) -> list[Report]:
    return [i for i in items if isinstance(i, Report)]


def errors(items) -> list[IngestError]:
    return [i for i in items if isinstance(i, IngestError)]


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


# ------------------------------------------------------------------------------------------ input types

def test_plain_text_file(tmp_path):
    path = write(tmp_path, "a.txt", "Drone hits base in Syria\n\n" + BODY)
    r = one([str(path)])
    assert isinstance(r, Report)
    assert r.title == "Drone hits base in Syria"
    assert r.text.startswith("Drone hits base in Syria\n\n")
    assert EVENT in r.text
    assert r.source == str(path)
    assert r.language == "en"
    assert r.id == report_id(r.text)


def test_html_file_metadata():
    path = FIXTURES / "outlets" / "news_site.html"
    r = one([str(path)])
    assert isinstance(r, Report)
    assert r.title == "Shelling kills three in border village"
    assert r.outlet == "The Daily Example"
    assert r.published == date(2024, 2, 11)
    assert r.url == "https://daily.example.org/world/shelling-kills-three"
    assert r.text.startswith(r.title + "\n\n")
    assert r.text.count(r.title) == 1  # the page's own <h1> is not doubled
    assert "<" not in r.text and "cookies" not in r.text.lower()
    paragraphs = r.text.split("\n\n")
    assert len(paragraphs) >= 3  # paragraph breaks kept as blank lines
    assert any("killing three civilians" in p for p in paragraphs)


def test_report_from_html_string_keeps_paragraphs_and_title():
    html = ("<html><head><title>Port attack</title></head><body><article>"
            "<p>Two drones hit the port on Monday, port officials said, and one worker was injured.</p>"
            "<p>The port reopened on Tuesday after the damage to a warehouse was assessed by engineers.</p>"
            "</article></body></html>")
    r = report_from_html(html, source="x.html")
    assert r.title == "Port attack"
    assert r.text.split("\n\n")[0] == "Port attack"
    assert "Two drones hit the port" in r.text and "The port reopened" in r.text
    assert "\n\nThe port reopened" in r.text


def test_jsonl_file_fields_and_per_line_errors():
    items = list(iter_reports([str(FIXTURES / "feed.jsonl")]))
    sources = [i.source for i in items]
    assert all(re.search(r"feed\.jsonl#line \d+$", s) for s in sources)
    good = reports(items)
    bad = errors(items)
    assert [r.source.rsplit("#", 1)[1] for r in good] == ["line 1", "line 7"]
    first = good[0]
    assert first.title == "Gunmen kill two police at checkpoint"
    assert first.published == date(2024, 1, 8)
    assert first.url == "https://example.org/a" and first.outlet == "Example News"
    assert first.text.startswith(first.title + "\n\n")
    html_record = good[1]
    assert html_record.outlet == "Example Times" and html_record.published == date(2024, 1, 9)
    assert "shot down a drone" in html_record.text
    by_line = {e.source.rsplit("#", 1)[1]: e.reason for e in bad}
    assert "not valid JSON" in by_line["line 2"]
    assert "not an object" in by_line["line 3"]
    assert '"text" or "html"' in by_line["line 4"]
    assert "'text' must be a string" in by_line["line 5"]
    assert "line 6" not in by_line  # blank line skipped
    assert "not an ISO date" in by_line["line 8"]
    assert "not English" in by_line["line 9"]
    assert "'title' must be a string" in by_line["line 10"]


def test_folder_recursive_sorted_skips_other_extensions():
    items = list(iter_reports([str(FIXTURES / "folder")]))
    assert not errors(items)
    sources = [r.source for r in items]
    assert sources == sorted(sources)
    assert [Path(s.split("#")[0]).name for s in sources] == ["a.txt", "b.html", "c.jsonl"]
    assert not any(s.endswith(".md") for s in sources)


def test_explicit_file_with_other_extension_read_as_text(tmp_path):
    path = write(tmp_path, "story.md", BODY)
    r = one([str(path)])
    assert isinstance(r, Report) and EVENT in r.text


def test_empty_folder_is_an_error(tmp_path):
    write(tmp_path, "d/readme.md", "nothing here")
    e = one([str(tmp_path / "d")])
    assert isinstance(e, IngestError) and ".txt" in e.reason


def test_stdin_text():
    r = one(["-"], stdin=io.StringIO("Drone hits base\n\n" + BODY))
    assert isinstance(r, Report)
    assert r.source == "-" and r.title == "Drone hits base"


def test_stdin_binary_html():
    html = "<html><body><h1>Base attacked</h1><p>" + EVENT + "</p><p>" + EVENT.replace("four", "six") + "</p></body></html>"
    r = one(["-"], stdin=io.BytesIO(html.encode("utf-8")))
    assert isinstance(r, Report)
    assert "<" not in r.text and EVENT in r.text


def test_stdin_jsonl():
    lines = "\n".join(json.dumps({"text": t}) for t in (EVENT, "Rockets hit an airport on Monday, officials said."))
    items = list(iter_reports(["-"], stdin=io.StringIO(lines + "\n")))
    assert [i.source for i in items] == ["-#line 1", "-#line 2"]
    assert all(isinstance(i, Report) for i in items)


def test_stdin_jsonl_with_a_bad_line_keeps_the_good_ones():
    data = (FIXTURES / "feed.jsonl").read_bytes()
    items = list(iter_reports(["-"], stdin=io.BytesIO(data)))
    assert [r.source for r in reports(items)] == ["-#line 1", "-#line 7"]
    assert "-#line 2" in [e.source for e in errors(items)]


def test_stdin_jsonl_over_limit_is_streamed():
    lines = "".join(json.dumps({"text": EVENT.replace("four", str(n))}) + "\n" for n in range(50))
    items = list(iter_reports(["-"], stdin=io.BytesIO(lines.encode()), max_bytes=len(lines) // 3))
    assert len(reports(items)) == 50 and not errors(items)
    assert items[-1].source == "-#line 50"


def test_stdin_text_over_limit_is_rejected():
    e = one(["-"], stdin=io.StringIO(BODY * 10), max_bytes=100)
    assert isinstance(e, IngestError) and "limit" in e.reason


# ------------------------------------------------------------------------------------------ titles

@pytest.mark.parametrize("text, title", [
    ("Drone hits base in Syria\n\n" + BODY, "Drone hits base in Syria"),
    ("\n\n  Drone hits base in Syria  \n\n" + BODY, "Drone hits base in Syria"),
    ("Drone hits base in Syria\n" + BODY, "Drone hits base in Syria"),  # followed directly by body text
    ("Is the war spreading to Iraq?\n\n" + BODY, "Is the war spreading to Iraq?"),
    (BODY, None),  # first line is a full sentence
    ("Drone hits base in Syria", None),  # nothing follows it
    ("A drone struck a base in eastern Syria on\nThursday, wounding four soldiers.\n", None),  # wrapped line
    ("Subscribe to our newsletter\n\n" + BODY, None),  # boilerplate, not a headline
])
def test_title_detection(text, title):
    r = report_from_text(text)
    assert r.title == title
    if title:
        assert r.text.split("\n")[0] == title


def test_given_title_is_put_first_once():
    r = report_from_text(BODY, title="Drone hits base")
    assert r.text.startswith("Drone hits base\n\n" + EVENT)
    r2 = report_from_text("Drone hits base\n\n" + BODY, title="Drone hits base")
    assert r2.text.count("Drone hits base") == 1


# ------------------------------------------------------------------------------------------ published

def test_published_override_beats_metadata():
    items = list(iter_reports([str(FIXTURES / "feed.jsonl"), str(FIXTURES / "outlets" / "news_site.html")],
                              published=date(2020, 5, 1)))
    good = reports(items)
    assert len(good) == 4  # the bad "published" value on line 8 no longer matters
    assert {r.published for r in good} == {date(2020, 5, 1)}


def test_published_from_metadata_and_unknown(tmp_path):
    html = one([str(FIXTURES / "outlets" / "wire_photo.html")])
    assert html.published == date(2023, 11, 21)
    path = write(tmp_path, "p.jsonl", json.dumps({"text": EVENT, "published": "2025-03-14 20:30:26Z"}) + "\n")
    assert one([str(path)]).published == date(2025, 3, 14)
    txt = one([str(write(tmp_path, "plain.txt", BODY))])
    assert txt.published is None  # never from the clock or the file's mtime


# ------------------------------------------------------------------------------------------ ids

def test_stable_ids():
    a = report_from_text("Drone hits base\n\n" + BODY)
    b = report_from_text("  Drone   hits base\n\n\n" + BODY.replace(". ", ".  ").replace("\n\n", "\n \n") + "\n\n")
    c = report_from_text("Drone hits base\n\n" + BODY.replace("four", "five"))
    assert a.id == b.id
    assert a.id != c.id
    assert a.id.startswith("r_")


# ------------------------------------------------------------------------------------------ boilerplate

def test_seed_boilerplate():
    if not SEED.exists():
        pytest.skip(f"shared seed article not found at {SEED}")
    raw = SEED.read_text(encoding="utf-8")
    r = one([str(SEED)])
    assert isinstance(r, Report)
    assert r.title and r.title.startswith("118 Operations")
    lowered = r.text.lower()
    for gone in ("newsletter", "donation", "share button", "disclaimer", "copyright", "fair use",
                 "media inquiries", "featured image", "articles by", "note to readers", "translate website"):
        assert gone not in lowered, gone
    assert not re.search(r"^\s*\*+\s*$", r.text, re.MULTILINE)
    # Every paragraph of the original is either kept verbatim or recorded as removed.
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", raw) if p.strip()]
    kept = r.text.split("\n\n")
    assert len(kept) + len(r.removed) == len(paragraphs)
    # Every paragraph that reports an attack, a weapon or a casualty survives.
    for p in paragraphs:
        if re.search(r"attack|drone|rocket|strike|injur|troops|operations", p, re.I) and not re.match(
                r"(note to readers|disclaimer|click)", p, re.I):
            assert p in kept, p[:80]
    assert "at least 118 attacks since October 17" in r.text


@pytest.mark.parametrize("name, gone, kept", [
    ("wire_style.txt",
     ["By Jane Doe", "Reporting by", "Related:", "Our Standards", "Example Photo"],
     ["wounding four service members", "launched from Iraq", "12th on the base"]),
    ("newsletter_style.txt",
     ["Thanks for reading", "Leave a comment", "freelance journalist", "Photo credit"],
     ["killing two guards", "14 rockets were fired", "burned until morning"]),
    ("news_site.html",
     ["Read more", "newsletter", "Advertisement", "All rights reserved"],
     ["killing three civilians", "heaviest bombardment", "returned fire"]),
    ("wire_photo.html",
     ["All rights reserved", "press@example.org"],
     ["intercepted two of them", "declined to comment on the attack"]),
])
def test_outlet_boilerplate(name, gone, kept):
    r = one([str(FIXTURES / "outlets" / name)])
    assert isinstance(r, Report)
    for g in gone:
        assert g not in r.text, g
    for k in kept:
        assert k in r.text, k
    assert r.removed  # what was dropped is recorded
    for removed in r.removed:
        assert removed not in r.text.split("\n\n")


def test_event_paragraph_with_boilerplate_words_survives():
    para = ("The group claimed the attack in a post that urged readers to subscribe to our Telegram channel "
            "and click here for video; at least 3 soldiers were killed.")
    r = report_from_text("Base attacked\n\n" + para + "\n\nSubscribe to our Telegram channel.\n")
    assert para in r.text
    assert r.removed == ["Subscribe to our Telegram channel."]


@pytest.mark.parametrize("paragraph", [
    "Copyright 2024 The Associated Press. All rights reserved. This material may not be published, broadcast, "
    "rewritten or redistributed.",
    "© 2023 Example Media Group",
    "(Reporting by Jane Doe; Editing by John Roe)",
    "***",
    "- - -",
    "Follow us on Facebook and X for the latest updates.",
    "Click here to sign up for breaking news alerts.",
    "We use cookies to give you the best browsing experience. By continuing you accept our cookie policy.",
    "Read more: Ceasefire talks resume in Cairo",
    "Photo: Example Agency",
    "Please consider making a donation to support independent journalism.",
    "The views expressed in this article are the author's own and do not necessarily reflect the editorial "
    "stance of this site.",
])
def test_boilerplate_shapes(paragraph):
    assert boilerplate_rule(paragraph) is not None


@pytest.mark.parametrize("paragraph", [
    "Militants killed 12 villagers on Sunday, according to a statement shared on social media.",
    "The drone attack was announced in the group's newsletter on Friday.",
    "Reporters said the strike, which was filmed and shared widely online, destroyed a bridge.",
    "The ministry said it would donate tents to families displaced by the shelling.",
    "He said the United States would not be drawn into a wider war in the region.",
    "By Thursday, 12 more people had died of their wounds.",
])
def test_news_paragraphs_are_not_boilerplate(paragraph):
    assert boilerplate_rule(paragraph) is None


def test_rules_come_from_data_file():
    rules = load_rules()
    assert rules.forms and rules.leads and rules.cue.pattern and rules.guard.pattern


# ------------------------------------------------------------------------------------------ bad input

def test_empty_file(tmp_path):
    e = one([str(write(tmp_path, "empty.txt", b""))])
    assert isinstance(e, IngestError) and "empty" in e.reason


def test_whitespace_only(tmp_path):
    e = one([str(write(tmp_path, "ws.txt", " \n\t\n  \n"))])
    assert isinstance(e, IngestError) and "whitespace" in e.reason


def test_boilerplate_only(tmp_path):
    e = one([str(write(tmp_path, "bp.txt", "Subscribe to our newsletter.\n\nFollow us on Twitter.\n"))])
    assert isinstance(e, IngestError) and "boilerplate" in e.reason


@pytest.mark.parametrize("content", [
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
    bytes(range(256)) * 8,
    os.urandom(4096),
])
def test_binary_file(tmp_path, content):
    path = write(tmp_path, "file.bin", content)
    e = one([str(path)])
    assert isinstance(e, IngestError)
    assert e.source == str(path)
    assert "not text" in e.reason and ".txt" in e.reason


def test_other_encodings_decode(tmp_path):
    text = "Drone hits café\n\n" + BODY
    for enc, name in (("utf-16", "u16.txt"), ("utf-8-sig", "bom.txt"), ("cp1252", "latin.txt")):
        r = one([str(write(tmp_path, name, text.encode(enc)))])
        assert isinstance(r, Report), (enc, r)
        assert r.title == "Drone hits café"


def test_non_english_file():
    e = one([str(FIXTURES / "french.txt")])
    assert isinstance(e, IngestError)
    assert re.search(r"not English \(detected 'fr', confidence \d\.\d\d\)", e.reason)


def test_short_text_counts_as_english():
    r = report_from_text("Drone hits base")
    assert r.language == "en"
    r2 = one(["-"], stdin=io.StringIO("Rockets hit Erbil airport"))
    assert isinstance(r2, Report) and r2.language == "en"


def test_too_large_file_not_read_whole(tmp_path, monkeypatch):
    path = tmp_path / "big.txt"
    with path.open("wb") as fh:  # sparse 20 MB file
        fh.truncate(20_000_000)

    def refuse(*args, **kwargs):  # reading the file at all would be a bug
        raise AssertionError("file was read")

    monkeypatch.setattr(Path, "read_bytes", refuse)
    e = one([str(path)])
    assert isinstance(e, IngestError)
    assert "20.0 MB" in e.reason and "10.0 MB" in e.reason


def test_max_bytes_option(tmp_path):
    path = write(tmp_path, "a.txt", BODY)
    assert isinstance(one([str(path)], max_bytes=50), IngestError)
    assert isinstance(one([str(path)], max_bytes=10_000), Report)


def test_malformed_html_still_yields_text(tmp_path):
    path = write(tmp_path, "broken.html", "<html><body><div><p>" + EVENT + "<p>Second <b>paragraph about the "
                 "attack</i> here.</div></span><td>")
    r = one([str(path)])
    assert isinstance(r, Report)
    assert EVENT in r.text and "<" not in r.text


def test_html_without_text_is_an_error(tmp_path):
    path = write(tmp_path, "nothing.html", "<html><head><script>var x = 1;</script></head><body> </body></html>")
    e = one([str(path)])
    assert isinstance(e, IngestError) and "no article text" in e.reason


def test_nonexistent_path():
    e = one(["/nonexistent/dir/report.txt"])
    assert isinstance(e, IngestError) and "no such file" in e.reason


def test_unreadable_file(tmp_path, monkeypatch):
    path = write(tmp_path, "secret.txt", BODY)

    def denied(self, *args, **kwargs):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", denied)
    e = one([str(path)])
    assert isinstance(e, IngestError) and "permission denied" in e.reason


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can read files without permission")
def test_unreadable_file_by_mode(tmp_path):
    path = write(tmp_path, "secret.txt", BODY)
    path.chmod(0)
    try:
        e = one([str(path)])
    finally:
        path.chmod(0o644)
    assert isinstance(e, IngestError) and "permission denied" in e.reason


def test_batch_continues_after_errors(tmp_path):
    good = write(tmp_path, "good.txt", BODY)
    items = list(iter_reports(["/missing.txt", str(write(tmp_path, "e.txt", "")), str(good)]))
    assert [type(i).__name__ for i in items] == ["IngestError", "IngestError", "Report"]


def test_jsonl_streams_line_by_line(tmp_path):
    path = write(tmp_path, "many.jsonl", "".join(json.dumps({"text": EVENT}) + "\n" for _ in range(5)))
    it = iter_reports([str(path)])
    first = next(it)  # produced before the rest of the file is consumed
    assert isinstance(first, Report) and first.source.endswith("#line 1")
    assert len(list(it)) == 4


def test_error_messages_name_source_and_read_like_advice(tmp_path):
    path = write(tmp_path, "file.bin", b"\x00\x01\x02\x03")
    e = one([str(path)])
    assert str(e) == f"{path}: not text (binary data); tallylog reads .txt, .html and .jsonl"


def test_plain_english_prose_needs_no_model_and_other_languages_still_ask_it():
    from tallylog.ingest.language import _plainly_english, detect_language

    english = ("The army said on Tuesday that its forces had repelled an attack on a base in the north of the "
               "country, and that the attackers fled towards the border. The ministry gave no toll, but "
               "residents said at least four people were killed in the fighting, which lasted for hours.")
    assert _plainly_english(english) and detect_language(english).english
    # function words of other languages, and a few English ones quoted in them, do not make English prose
    german = ("Die Regierung teilte am Dienstag mit, dass die Sicherheitskräfte einen Angriff auf einen "
              "Stützpunkt im Norden des Landes abgewehrt hätten. Die Angreifer seien in Richtung der Grenze "
              "geflohen, so das Ministerium in einer Erklärung, die the Guardian und the Times zitierten. ") * 2
    assert not _plainly_english(german)
    assert detect_language(german).code == "de" and not detect_language(german).english
    assert not _plainly_english("The attack. The base. The toll.")  # too short to judge without the model


def test_cue_gate_agrees_with_the_whole_cue_pattern():
    rules = load_rules()
    assert rules.cue_words is not None  # most cues begin words: they are tried only where they can
    sentences = ["Sign up for our newsletter to get the news delivered to your inbox.",
                 "Send us your tips at tips@example.org or write to us on Signal.",
                 "Contact: press [email protected]", "Follow us on X and share this article.",
                 "Gunmen killed 12 people in Kalat on Tuesday, police said.", "Thank you.", "",
                 "Our journalism depends on donations from readers like you.", "İstanbul ſubscribe NOW"]
    for s in sentences:
        assert rules.cued(s) == (rules.cue.search(s) is not None), s


def test_hashtags_on_names_are_read_as_names():
    from tallylog.ingest.text import strip_hashtags
    assert strip_hashtags("Missile strike on #Kherson, #breaking") == "Missile strike on Kherson, #breaking"
    # camel-case tags and tags inside words are left alone
    assert strip_hashtags("#UkraineWar #SaintMarc C#Net") == "#UkraineWar #SaintMarc C#Net"


def test_a_post_with_a_hashtag_place_is_placed():
    from tallylog.pipeline import extract
    events = extract("Junta airstrike on a monastery sheltering displaced people in #Kanbalu township yesterday. "
                     "9 killed, per the local rescue team.", published="2025-11-03").events
    assert events and (events[0].location.text or "") == "Kanbalu"


def test_boilerplate_sentences_read_one_at_a_time_are_those_of_a_whole_split():
    import random

    from tallylog.ingest.boilerplate import _SENTENCE_END, _iter_sentences, split_sentences

    rng = random.Random(1)
    alphabet = list("aB. !?\"”)(\n1’")
    texts = ["Sign up for our newsletter. Gunmen killed two people. (AP) Read more!", "", "  ", "One. Two? “Three”"]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30))) for _ in range(5000)]
    for text in texts:
        whole = [s for s in _SENTENCE_END.split(text) if s.strip()]
        assert list(_iter_sentences(text)) == whole == split_sentences(text), text
