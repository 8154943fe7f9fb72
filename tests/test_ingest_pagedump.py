"""Page dumps: the seed aggregator page, text-browser dumps of other sites, the line rules."""

from __future__ import annotations

import json
import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bench.extraction import page_counts
from ingest.page_segments import is_boilerplate, is_credit, segments_from_text, wrap_width
from ingest.pagedump import looks_like_page_dump, parse_page_dump, resolve_date
from ingest.pipeline import import_paths, parse_input

FIX = Path(__file__).parent / "fixtures" / "ingest"
SEED = FIX / "aggregator-iran-proxies.txt"
CAPTURED = datetime(2025, 8, 2, 12, 0, tzinfo=UTC)


def fold(text: str) -> str:
    """Quotes folded, so a title is compared for its words, not its apostrophe style."""
    return text.replace("‘", "'").replace("’", "'").replace("“", '"').replace("”", '"')


@pytest.fixture(scope="module")
def seed() -> list:  # type: ignore[type-arg]
    return parse_page_dump(SEED.read_text(encoding="utf-8"), str(SEED), captured=CAPTURED)


def test_seed_is_four_articles_with_titles_and_outlets(seed: list) -> None:  # type: ignore[type-arg]
    got = [(fold(d.title), d.outlet, d.role) for d in seed]
    assert got == [
        (
            "'Nothing has changed': Iran tries to rearm proxy groups as US talks stall",
            "CNN",
            "main",
        ),
        (
            "Portugal & Spain Declare State of Emergency due to Intensive Heatwave",
            "Sada Elbalad",
            "related",
        ),
        ("Global Events Mark Marine Protected Areas Day 2025", "Sada Elbalad", "related"),
        (
            "Armed resistance 'will not be abandoned' until Palestinian state is established: "
            "Hamas - War on Gaza",
            "Al-Ahram Weekly",
            "related",
        ),
    ]
    assert len({d.page_id for d in seed}) == 1 and seed[0].page_id


BOILERPLATE = [
    "logo",
    "Try Our AI Features",
    "Explore what Daily8",
    "Comments",
    "No comments yet",
    "Related Articles",
    "DOWNLOAD THE APP",
    "Download the App",
    "Follow us on",
    "Short link",
    "read more",
    "Orange background",
    "app-store",
    "See - Sada Elbalad",
    "time2 hours ago",
    "Gold prices rise",  # the first headline of a trailing "read more" list
    "WWE Evolution Results",  # ... and the last one
    "Getty Images",
    "/Reuters",
    "Salwan Georges",
    "CNN —",
]


def test_no_boilerplate_caption_or_credit_in_any_body(seed: list) -> None:  # type: ignore[type-arg]
    for d in seed:
        for junk in BOILERPLATE:
            assert junk not in d.body, (d.title, junk)
        for caption in d.captions:
            assert caption[:40] not in d.body
        assert d.title not in d.body  # the repeated title lines are collapsed into the title


def test_main_article_keeps_its_captions_apart(seed: list) -> None:  # type: ignore[type-arg]
    main = seed[0]
    # Five photos in the dump, each a caption line over a credit line (the fifth credit is
    # glued to the next heading); each is stored once, with its credit.
    assert len(main.captions) == 5
    assert (
        main.captions[0] == "Smoke rises in north Tehran on June 23, 2025. (Elyas/AFP/Getty Images)"
    )
    assert main.captions[1].endswith("(Houthi Media Center/Reuters)")
    assert main.captions[4].endswith("(Salwan Georges/The)")
    assert all(not d.captions for d in seed[1:])


def test_headings_are_offsets_of_their_own_paragraphs(seed: list) -> None:  # type: ignore[type-arg]
    main = seed[0]
    heads = [main.body[a:b] for a, b in main.headings]
    assert heads == ["Yemen", "Iraq", "Lebanon", "Syria", "Trump in 'no rush' to talk"]
    paragraphs = main.body.split("\n\n")
    for h in heads:
        assert h in paragraphs
    assert paragraphs[0].startswith("Iran's armed proxies are ramping up pressure")
    assert paragraphs[-1].endswith("Knights said.")


def test_related_bodies_lose_their_trailers(seed: list) -> None:  # type: ignore[type-arg]
    assert seed[1].body.endswith("surpassing the average for the past 19 years.")
    assert seed[2].body.endswith("amid global environmental challenges.")
    assert seed[3].body.endswith("to reach a ceasefire deal.")


def test_relative_dates_resolve_against_the_capture_time(seed: list) -> None:  # type: ignore[type-arg]
    # The main article shows no date at all: it stays unknown rather than guessed.
    assert seed[0].published_at is None and seed[0].date_precision is None
    assert [(d.published_at, d.date_precision) for d in seed[1:]] == [
        ("2025-08-02T10:00:00+00:00", "hour"),
        ("2025-08-02T10:00:00+00:00", "hour"),
        ("2025-08-02T09:00:00+00:00", "hour"),
    ]


def test_relative_dates_fall_back_to_the_file_mtime(
    tmp_path: Path, conn: sqlite3.Connection
) -> None:
    page = tmp_path / "page.txt"
    page.write_bytes(SEED.read_bytes())
    stamp = datetime(2025, 7, 1, 18, 30, tzinfo=UTC).timestamp()
    os.utime(page, (stamp, stamp))
    (res,) = import_paths(conn, [page])
    assert res.error is None and res.added == 4
    rows = conn.execute(
        "SELECT published_at FROM articles WHERE role = 'related' ORDER BY id"
    ).fetchall()
    assert [datetime.fromisoformat(r[0]).timestamp() for r in rows] == [
        stamp - 2 * 3600,
        stamp - 2 * 3600,
        stamp - 3 * 3600,
    ]


@pytest.mark.parametrize(
    ("text", "iso", "precision"),
    [
        ("3 days ago", "2025-07-30", "day"),
        ("time an hour ago", "2025-08-02T11:00:00+00:00", "hour"),
        ("2 weeks ago", "2025-07-19", "week"),
        ("5 months ago", "2025-03", "month"),
        ("a year ago", "2024", "year"),
        ("Updated 10:04 AM EDT, Sat July 19, 2025", "2025-07-19T10:04:00-04:00", "time"),
        ("Published 19 July 2025", "2025-07-19", "day"),
        ("nothing here", None, None),
    ],
)
def test_resolve_date(text: str, iso: str | None, precision: str | None) -> None:
    assert resolve_date(text, CAPTURED) == (iso, precision)


def test_importing_the_page_twice_adds_nothing(tmp_path: Path, conn: sqlite3.Connection) -> None:
    (first,) = import_paths(conn, [SEED])
    copy = tmp_path / "same-page-again.txt"
    copy.write_bytes(SEED.read_bytes())
    (second,) = import_paths(conn, [copy])
    assert (first.added, first.skipped) == (4, 0)
    assert (second.added, second.skipped) == (0, 4)
    stored = conn.execute("SELECT captions, headings FROM articles WHERE role = 'main'").fetchone()
    assert len(json.loads(stored[0])) == 5 and len(json.loads(stored[1])) == 5


# --- other sites, dumped by w3m and lynx (article-extraction benchmark pages) -----------

TRUTH = json.loads((FIX / "extraction-truth.json").read_text(encoding="utf-8"))


def f1(true: str, pred: str) -> float:
    tp, fp, fn = page_counts(true, pred)
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


@pytest.mark.parametrize(
    "name",
    [
        "page-1ee91d1fce65.w3m.txt",
        "page-1ee91d1fce65.lynx.txt",
        "page-aadb38e527d5.w3m.txt",
        "page-3cb5e2f46626.w3m.txt",
    ],
)
def test_dumps_of_other_sites_give_the_article_body(name: str) -> None:
    page = name.split(".")[0].removeprefix("page-")
    drafts = parse_page_dump((FIX / name).read_text(encoding="utf-8"), name)
    main = [d for d in drafts if d.role in (None, "main")]
    assert len(main) == 1
    assert f1(TRUTH[page]["articleBody"], main[0].body) >= 0.9
    assert "Share" not in main[0].body.split("\n\n")[0]


def test_dump_headings_and_title_on_another_site() -> None:
    (d,) = parse_page_dump((FIX / "page-1ee91d1fce65.w3m.txt").read_text(), "x")
    assert d.title == "Russia and Syria: U.S.-backed Syrian Forces Blocking Refugee Return"
    heads = [d.body[a:b] for a, b in d.headings]
    assert "The al-Tanf base" in heads and "The Rukban camp" in heads


# --- the line rules on their own --------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Elyas/AFP/Getty Images",
        "Houthi Media Center/Reuters",
        "Safin Hamid/AFP/Getty Images",
        "Photo: Jane Doe",
        "Image credit: NASA",
        "Jupiterimages, Getty Images/Creatas RF",
    ],
)
def test_credits(line: str) -> None:
    assert is_credit(line)


@pytest.mark.parametrize(
    "line",
    [
        "Iraq",
        "Trump in 'no rush' to talk",
        "The attacks, which sank the two vessels, appear to show an escalation of force.",
        "Source: Russian Defense Ministry",
    ],
)
def test_not_credits(line: str) -> None:
    assert not is_credit(line)


@pytest.mark.parametrize(
    "line",
    [
        "logo",
        "Try Our AI Features",
        "No comments yet...",
        "DOWNLOAD THE APP",
        "Follow us on:",
        "Short link:",
        "Share this story",
        "Advertisement",
        "© 2025 Example Media. All rights reserved.",
    ],
)
def test_boilerplate_lines(line: str) -> None:
    assert is_boilerplate(line)


def test_a_credit_glued_to_a_heading_is_split() -> None:
    segs = segments_from_text(
        "A caption about a photo.\nSalwan Georges/TheTrump in 'no rush' to talk\n"
    )
    assert [s.text for s in segs] == [
        "A caption about a photo.",
        "Salwan Georges/The",
        "Trump in 'no rush' to talk",
    ]


def test_hard_wrapped_paragraphs_are_rejoined() -> None:
    wrapped = (FIX / "page-aadb38e527d5.w3m.txt").read_text()
    assert wrap_width(wrapped.splitlines()) in range(70, 81)
    assert wrap_width(SEED.read_text().splitlines()) is None
    text = (
        "The first paragraph is long enough that the dumper wrapped it at the column\n"
        "limit, and it goes on for a while longer than one line in the output here.\n"
        "\n"
        "Short line\n"
        "Another short line\n"
    ) * 4
    segs = segments_from_text(text)
    assert segs[0].text.startswith("The first paragraph") and segs[0].text.endswith("output here.")
    assert [s.text for s in segs[1:3]] == ["Short line", "Another short line"]


def test_plain_text_is_not_a_page_dump() -> None:
    text = "A headline about a storm\n\nThe storm hit the coast on Monday.\nPower was cut.\n"
    assert not looks_like_page_dump(text)
    (d,) = parse_input(text.encode(), "story.txt")
    assert d.title == "A headline about a storm"
    assert looks_like_page_dump(SEED.read_text())


def test_an_authors_name_glued_to_the_first_sentence_is_the_byline(
    seed: list, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[type-arg]
    # The seed's Sada Elbalad article opens "Rana Atef Portugal declared a state of
    # emergency ...": the dump glued the author to the sentence, and the tagger read "Rana
    # Atef Portugal" as one person, who declared the emergency.
    import ingest.page_units as page_units

    heatwave = seed[1]
    assert heatwave.byline == "Rana Atef"
    assert heatwave.body.startswith("Portugal declared a state of emergency")
    # A first name before a country, an office, a sentence opening with a country: text.
    for text in (
        "Steve Israel said on Monday that the bill would pass.",
        "Foreign Minister Israel Katz said on Monday that talks would go on.",
        "Portugal declared a state of emergency on Sunday.",
    ):
        assert page_units.glued_byline(text) is None, text
    monkeypatch.setattr(page_units, "GLUED_BYLINE", False)
    again = parse_page_dump(SEED.read_text(encoding="utf-8"), str(SEED), captured=CAPTURED)
    assert again[1].body.startswith("Rana Atef Portugal") and again[1].byline is None
