"""Event titles a reader can read, from real spaCy parses of real sentences.

Each mention is turned into the row :func:`store.events.event_summary_input` returns
(participants with labels, the sentence around the trigger, the story title) and
titled by :func:`ingest.linking.summarise`, as the linker does after every change.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from analysis.clauses import capital, subject_head
from analysis.events import extract_events, mentions_from_ents
from analysis.linking import names_agree
from analysis.referents import PRONOUNS, PRONOUNS_POSS
from analysis.shown_dates import format_when
from analysis.title_cut import headline
from analysis.title_words import MAX_WORDS
from analysis.titles import title
from analysis.verb_agreement import agree, is_plural, third_person
from ingest.event_summary import summarise, voice

ROOT = Path(__file__).parent.parent
FIX = Path(__file__).parent / "fixtures" / "events"
REF = date(2025, 7, 23)


def _rows(nlp: Any, text: str, story: str | None = None) -> list[dict[str, Any]]:
    """The summary rows of every event mention of ``text`` (store shape)."""
    doc = nlp(text)
    mentions = mentions_from_ents(doc)
    rows = []
    for k, em in enumerate(extract_events(doc, mentions, REF)):
        names = [
            [m["entity"]["name"], m["label"], m["end"]]
            for m in mentions
            if m["entity"]
            and em["start"] <= m["start"]
            and m["end"] <= em["trigger_start"]
            and m["label"] in ("PERSON", "ORG", "GPE", "NORP")
        ]
        row = {
            "id": k,
            "type": em["type"],
            "lemma": em["lemma"],
            "trigger": em["trigger"],
            "date": em["date"],
            "date_precision": em["date_precision"],
            "salience": em["salience"],
            "trigger_start": em["trigger_start"],
            "trigger_end": em["trigger_end"],
            "sentence_start": em["start"],
            "sentence_text": text[em["start"] : em["end"]],
            "location_id": None,
            "location_name": None,
            "story_title": story,
            "sentence_subject": json.dumps(names[0]) if names else None,
            "gist": em["gist"],
            "modality": em["modality"],
        }
        for role in ("actor", "target"):
            entity = em[role]
            row[f"{role}_id"] = None
            row[f"{role}_name"] = entity["name"] if entity else None
            row[f"{role}_label"] = entity["label"] if entity else None
        rows.append(row)
    return rows


def _title_of(nlp: Any, text: str, trigger: str, nth: int = 0) -> str:
    """The title of the event one mention of ``text`` (by trigger word, the ``nth`` of
    them) would start."""
    rows = [r for r in _rows(nlp, text) if r["trigger"] == trigger]
    assert len(rows) > nth, f"no mention {trigger!r} in {text!r}"
    return str(summarise(rows[nth : nth + 1])["title"])


def _gists(nlp: Any, text: str, day: str, trigger: str | None = None) -> list[str]:
    """The gists of the mentions of ``text`` (those with ``trigger``, if given), as the
    whole analysis (``Analyzer``, with its article-wide steps) tells them on ``day``."""
    from analysis.analyzer import Analyzer

    found = Analyzer(nlp=nlp).analyse_texts([(text, day)])[0]["event_mentions"]
    return [e["gist"] for e in found if trigger is None or e["trigger"] == trigger]


# ------------------------------------------------------------------ real sentences


def test_houthis_attack_the_magic_seas(nlp: Any) -> None:
    text = "Houthi rebels attacked the Magic Seas in the Red Sea on Sunday."
    got = _title_of(nlp, text, "attacked")
    assert re.match(r"(Houthis|Houthi rebels) attack\b", got), got
    assert "Magic Seas" in got
    # Place and date are shown beside the title, not in it.
    assert "Red Sea" not in got and "Sunday" not in got


def test_hamas_attack_keeps_its_roles(nlp: Any) -> None:
    got = _title_of(nlp, "Hamas attacked Israel on 7 October 2023.", "attacked")
    assert got == "Hamas attacks Israel"


def test_roles_come_as_one_pair_from_the_text(nlp: Any) -> None:
    # Israel acts most often and Hamas is a target once: counted separately the title
    # would read "Israel attacks Hamas", which no sentence says.
    text = (
        "Hamas attacked Israel on 7 October 2023. Israel retaliated. Israel struck back. "
        "The war on Hamas began."
    )
    rows = _rows(nlp, text)
    actors = [r["actor_name"] for r in rows if r["actor_name"]]
    targets = [r["target_name"] for r in rows if r["target_name"]]
    assert actors.count("Israel") > actors.count("Hamas") and "Hamas" in targets
    got = str(summarise(rows)["title"])
    assert not re.search(r"Israel\b.*\bHamas", got), got
    _row, pair = voice(rows, "attack")
    assert pair[1] != "Hamas" or pair[0] != "Israel"


def test_a_participant_less_mention_gets_more_than_a_word(nlp: Any) -> None:
    got = _title_of(nlp, "The talks collapsed.", "talks")
    assert len(got.split()) > 1 and "talks" in got.lower(), got


def test_agreement_singular_and_plural(nlp: Any) -> None:
    assert _title_of(nlp, "Iran attacked Israel last month.", "attacked") == "Iran attacks Israel"
    got = _title_of(nlp, "Protesters attacked the embassy in Kabul.", "attacked")
    assert got.startswith("Protesters attack "), got
    got = _title_of(nlp, "The Houthis seized the Galaxy Leader in November.", "seized")
    assert got.startswith(("The Houthis seize ", "Houthis seize ")), got


def test_actor_never_equals_target_by_name_agreement(nlp: Any) -> None:
    # "Israeli" acting on "Israel" is one side, not an actor and its target.
    rows = _rows(nlp, "Israel attacked Iran in June.")
    rows = [{**rows[0], "actor_name": "Israeli", "actor_label": "NORP", "target_name": "Israel"}]
    _row, (actor, target) = voice(rows, "attack")
    assert actor == "Israel" and target is None
    got = str(summarise(rows)["title"])
    assert len(re.findall(r"\bIsrael", got)) == 1, got


def test_the_speaker_of_a_quote_does_not_do_what_it_tells(nlp: Any) -> None:
    # ECB+ 22 (real, 7 December 2010): "she" inside the quote is not ADA Fairman, who
    # speaks it; the title was "ADA Fairman shoots the ones"
    text = (
        "“She returned like a grim reaper,” says ADA Fairman, “and she only shot the ones "
        "that she held responsible for her suspension.”"
    )
    rows = [r for r in _rows(nlp, text) if r["trigger"] == "shot"]
    assert rows and rows[0]["actor_name"] is None
    assert "Fairman" not in _title_of(nlp, text, "shot")


def test_a_clause_without_its_subject_takes_the_sentence_s_first_name(nlp: Any) -> None:
    text = (
        "Hamas said on Saturday it would keep its weapons, rejecting recent comments by "
        "Steve Witkoff."
    )
    got = _title_of(nlp, text, "rejecting")
    assert got.startswith("Hamas rejects recent comments"), got


def test_story_headline_when_the_sentence_says_nothing(nlp: Any) -> None:
    # The story's headline tells of the mention's own word: it is the title.
    got = title("meet", "talks", story="Iran and the E3 resume nuclear talks")
    assert got == "Iran and the E3 resume nuclear talks"
    # Else it is what the mention was reported in, not a label ("Hit: Iran tries ...").
    got = title("attack", "hit", story="Iran tries to rearm proxy groups", lemma_is_verb=True)
    assert got == "Attack reported in “Iran tries to rearm proxy…”", got
    assert len(title("meet", "talks").split()) > 1


# ------------------------------------------------------------------ headlines, not fragments
# Real sentences of the bundled GM samples whose titles read as broken fragments.


def _titles_of(nlp: Any, text: str, trigger: str) -> list[str]:
    """The titles of every mention of ``text`` with that trigger word, in order."""
    return [str(summarise([r])["title"]) for r in _rows(nlp, text) if r["trigger"] == trigger]


def _reads_as_headline(got: str) -> None:
    if got.startswith("“"):  # the text's own words, quoted: a word or "…" opens them
        assert got.endswith("”") and (got[1:2].isupper() or got[1:2] == "…"), got
        assert len(got.split()) <= MAX_WORDS, got
        return
    assert got[:1].isalnum() and not got[:1].islower(), got
    assert len(got.split()) <= MAX_WORDS, got


def test_the_subject_is_the_head_of_its_noun_phrase(nlp: Any) -> None:
    text = (
        "The United States automobile manufacturing firm General Motors announced on "
        "Wednesday that most of its bondholders did not exchange GM's US$27 billion debt "
        "for a ten percent share in the company's stock."
    )
    got = _title_of(nlp, text, "announced")
    # Not "States automobile manufacturing firm General Motors announce on Wednesday".
    assert got.startswith("General Motors announces"), got
    assert "Wednesday" not in got
    _reads_as_headline(got)


def test_no_title_starts_with_punctuation_or_an_adverb(nlp: Any) -> None:
    text = (
        "While the GM equity today is largely uninvestable, we increasingly believe GM may "
        "emerge substantially stronger from a bankruptcy - provided the Chapter 11 process "
        "is not overly drawn out - particularly given the scope of targeted dealer cuts."
    )
    for got in _titles_of(nlp, text, "targeted") + _titles_of(nlp, text, "bankruptcy"):
        assert not got.lower().startswith(("particularly", "-")), got
        _reads_as_headline(got)


def test_a_modifier_named_first_is_not_the_one_who_acts(nlp: Any) -> None:
    text = (
        "This was the largest bankruptcy filing for a U.S. manufacturing company, and with "
        "declared assets of $82.29 billion and a debt of $172.81 billion, and the fourth "
        "largest bankruptcy filing in recent U.S. history."
    )
    # "declared assets" describes the assets: no declaration event, so no title at all
    assert not [r for r in _rows(nlp, text) if r["trigger"] == "declared"]
    for row in _rows(nlp, text):
        got = _title_of(nlp, text, row["trigger"])
        assert not got.startswith(("U.S.", "United States")), got
        _reads_as_headline(got)


def test_a_relative_clause_is_not_a_title(nlp: Any) -> None:
    text = (
        "\"That's why they're going to have to file for bankruptcy,\" said a university "
        "professor from the University of Michigan who specializes in bankruptcy."
    )
    for got in _titles_of(nlp, text, "bankruptcy"):
        assert not got.startswith("Specializes"), got
        _reads_as_headline(got)


def test_a_passive_reads_as_a_passive(nlp: Any) -> None:
    text = (
        "The maxim is a widely-repeated mis-quotation of what Charles Erwin Wilson once "
        "testified before the U.S. Senate when nominated for the position of Secretary of "
        "Defense."
    )
    got = _title_of(nlp, text, "nominated")
    assert got.startswith("Charles Erwin Wilson nominated"), got


def test_a_bare_participle_with_a_subject_is_a_headline_passive(nlp: Any, monkeypatch: Any) -> None:
    """Real headline and quote (Express.co.uk, and a Taliban tweet quoted by Al Jazeera,
    November 2019, from the article-extraction benchmark's pages): Hong Kong is
    threatened, the helicopter destroyed; neither does it to anyone."""
    import analysis.passives as passives
    import analysis.verb_forms as verb_forms

    headline_ = "Hong Kong 'threatened with Chinese military intervention'"
    quote = (
        '"US Chinook helicopter shot down and completely destroyed last night while trying '
        'to raid Mujahideen (Taliban) position in Pangram area of Sarkh, Logar," Taliban '
        "spokesman Zabihullah Mujahid said in a tweet."
    )
    threatened = next(r for r in _rows(nlp, headline_) if r["trigger"] == "threatened")
    assert threatened["actor_name"] is None
    assert (threatened["target_name"] or "").startswith("Hong Kong")
    assert "threatened with" in _title_of(nlp, headline_, "threatened")
    assert _title_of(nlp, quote, "destroyed") == "US Chinook helicopter destroyed"
    # "shot", tagged a past tense, is joined to the bare participle: shot, not shooting
    shot = next(r for r in _rows(nlp, quote) if r["trigger"] == "shot")
    assert shot["actor_name"] is None
    # "down" is the verb's particle though the parse makes it an adverb
    assert _title_of(nlp, quote, "shot") == "US Chinook helicopter shot down"
    monkeypatch.setattr(passives, "PAST_WITH_PARTICIPLE", False)
    assert _title_of(nlp, quote, "shot") == "US Chinook helicopter shoots down"
    monkeypatch.setattr(verb_forms, "ADVERB_PARTICLES", False)
    assert _title_of(nlp, quote, "shot") == "US Chinook helicopter shoots"
    # no particle, no passive: "The car crashed and overturned" is the car's doing
    monkeypatch.setattr(passives, "PAST_WITH_PARTICIPLE", True)
    assert (
        _title_of(nlp, "The car crashed and overturned on the highway.", "crashed") == "Car crashes"
    )
    monkeypatch.setattr(passives, "PARTICIPLE_PASSIVE", False)
    assert _title_of(nlp, quote, "destroyed") == "US Chinook helicopter destroys"


def test_what_there_is_is_what_was_said(nlp: Any, monkeypatch: Any) -> None:
    """Wikinews (bundled samples, real): an existential clause says what there was;
    a modal one keeps its "there could be"."""
    import analysis.gist_clause as gist_clause

    glitch = (
        "Airbus has confirmed that there was a software glitch on its Airbus A400M military"
        " transplort plane's maiden flight."
    )
    charges = "Airbus has warned there could be additional charges to come."
    assert _title_of(nlp, glitch, "confirmed") == "Airbus confirms software glitch"
    assert _title_of(nlp, charges, "warned") == "Airbus warns there could be additional charges"
    monkeypatch.setattr(gist_clause, "THERE_IS", False)
    assert _title_of(nlp, glitch, "confirmed").startswith("“")  # the sentence, quoted


def test_a_reported_pronoun_for_the_reporter_stays_and_no_infinitive_dangles(
    nlp: Any, monkeypatch: Any
) -> None:
    """Real sentences (Al Jazeera and the Associated Press, November 2019, from the
    article-extraction benchmark's pages): the title names NASA's scientists once, and an
    infinitive whose object has no room is left out, not left hanging ("to establish")."""
    import analysis.gist_clause as gist_clause
    import analysis.gist_object as gist_object

    nasa = (
        "Today that mission scope may well have expanded to Jupiter’s moon Europa, as "
        "NASA’s scientists have confirmed that they have detected water vapour above that "
        "moon’s icy crust."
    )
    puc = (
        "Consumer advocates are urging the PUC to establish backup power requirements and "
        "make the companies provide detailed information about the location of outages."
    )
    assert (
        _title_of(nlp, nasa, "confirmed") == "NASA’s scientists confirm they detected water vapour"
    )
    assert _title_of(nlp, puc, "urging") == "Consumer advocates urge PUC"
    monkeypatch.setattr(gist_clause, "REPORTED_PRONOUN_STAYS", False)
    monkeypatch.setattr(gist_object, "INFINITIVE_WHOLE", False)
    monkeypatch.setattr(gist_clause, "SAME_PARTY_TWICE", False)  # (the net under both)
    assert _title_of(nlp, nasa, "confirmed").count("NASA") == 2
    assert _title_of(nlp, puc, "urging").endswith("to establish")


def test_a_hyphenated_first_word_is_capitalised_unless_a_name() -> None:
    assert capital("intra-Afghan peace negotiations") == "Intra-Afghan peace negotiations"
    assert capital("iPhone sales") == "iPhone sales"


def test_a_tariff_is_on_its_target() -> None:
    assert title("economic", "tariff", "Donald Trump", "China") == "Donald Trump tariff on China"
    assert title("economic", "sanction", None, "Iran") == "Sanction on Iran"


def test_an_accusation_is_no_seizure(nlp: Any, monkeypatch: Any) -> None:
    # ECB+ 32 (real, 32_3ecb): "accuse" is of the charge's type, whose noun ("Seizure")
    # would tell another happening; the verb's own noun is said (title_words.NOUN_OF_VERB)
    text = (
        "Court records also indicate a previous arrest in which Mr. Gomes was accused of "
        "assault and battery on his sister after she accused him of stealing her guitar."
    )
    assert _title_of(nlp, text, "accused", 1) == "Accusation of Gomes"
    assert title("seize", "charge", None, "Gomes") == "Charge of Gomes"
    monkeypatch.setattr("analysis.title_verbs.NOUN_OF_VERB", {})
    assert _title_of(nlp, text, "accused", 1) == "Seizure of Gomes"


def test_two_events_of_one_sentence_do_not_share_its_clause(nlp: Any, monkeypatch: Any) -> None:
    """The bundled CNN article: the attack is "Attack on a Greek-owned ship", the killing
    it caused "Attack kills four crew members" (gist.NOUN_OWN_PHRASE)."""
    import analysis.gist as gist

    text = (
        "An attack on a Greek-owned ship last week killed four crew members, injured others "
        "and left 11 people missing, the European Union naval operation Aspides told CNN."
    )
    assert _title_of(nlp, text, "attack") == "Attack on a Greek-owned ship"
    assert _title_of(nlp, text, "killed") == "Attack kills four crew members"
    monkeypatch.setattr(gist, "NOUN_OWN_PHRASE", False)
    assert _title_of(nlp, text, "attack") == _title_of(nlp, text, "killed")


def test_amid_an_ing_word_tells_what_the_noun_does(nlp: Any, monkeypatch: Any) -> None:
    """Real sentence (CNN Business, 18 November 2019, from the article-extraction
    benchmark's pages): the protests worsen; the index does nothing to them."""
    import analysis.gist as gist

    text = (
        "Hong Kong stocks have been trying to claw back some losses after last week, when "
        "the index recorded its worst stretch since early August amid worsening protests in "
        "the city."
    )
    assert _title_of(nlp, text, "protests") == "Protests worsen"
    monkeypatch.setattr(gist, "CIRCUMSTANCE_PARTICIPLE", False)
    assert _title_of(nlp, text, "protests") == "Index worsens protests"


@pytest.mark.parametrize(
    ("text", "trigger", "subject"),
    [
        # ECB+ (CC BY 3.0): five outlets' one sentence
        (
            "The heist near the upscale Place Vendome is the latest to hit France after a "
            "spate of high-profile robberies in the southern resort of Cannes.",
            "hit",
            "Heist",
        ),
    ],
)
def test_the_latest_to_hit_stands_for_the_copulas_subject(
    nlp: Any, monkeypatch: pytest.MonkeyPatch, text: str, trigger: str, subject: str
) -> None:
    """ "X is the latest to hit France": the heist hits France, not "Latest"."""
    from analysis import clause_subject

    got = _title_of(nlp, text, trigger)
    assert got.startswith(subject), got
    monkeypatch.setattr(clause_subject, "ADJECTIVE_STANDS_FOR_SUBJECT", False)
    assert not _title_of(nlp, text, trigger).startswith(subject)


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # ECB+ (CC BY 3.0)
        (
            "The disturbing evidence was made public at the trial of the two men accused of "
            "killing Zurana Horton from a Brownsville rooftop in 2011.",
            "killing",
            "Killing of Zurana Horton",
        ),
        (
            "A man suspected of shooting three people, killing one, at a suburban Detroit "
            "accounting firm from which he was fired last week was arrested after a high - "
            "speed chase a few hours after the attack this morning, authorities said.",
            "shooting",
            "Shooting of three people",
        ),
    ],
)
def test_a_gerund_done_to_someone_with_no_doer_named_is_told_as_a_noun(
    nlp: Any, monkeypatch: pytest.MonkeyPatch, text: str, trigger: str, expected: str
) -> None:
    """Not a quote cut around the trigger ("…men accused of killing Zurana Horton from
    a…")."""
    from analysis import gist

    assert _title_of(nlp, text, trigger) == expected
    monkeypatch.setattr(gist, "GERUND_OF", False)
    assert _title_of(nlp, text, trigger) != expected


def test_a_long_clause_is_cut_where_a_phrase_ends(nlp: Any) -> None:
    got = _title_of(nlp, "Three Democrats voted with thirty-one Republicans against it.", "voted")
    assert got == "Three Democrats vote with thirty-one Republicans", got


def test_a_negated_noun_reads_no(nlp: Any) -> None:
    text = (
        "U.S. President Barack Obama's administration said it would not give more financial "
        "aid to the firm unless 90% of GM's bondholders would agree on compromises."
    )
    got = _title_of(nlp, text, "aid")
    # not "Not give more ...": the clause's subject ("it", the administration) is named
    assert not got.startswith("Not") and "aid" in got, got
    assert "not" in got.lower().split() or got.startswith("No "), got


@pytest.mark.parametrize(
    ("drafted", "expected"),
    [
        ("- particularly given the scope", "Given the scope"),
        ("'Hamas attacks Israel", "Hamas attacks Israel"),
        ("and Iran attacks Israel", "Iran attacks Israel"),
        ("iPhone released", "iPhone released"),
        ("$14 billion bailout package deal", "$14 billion bailout package deal"),
        # Cut before a preposition, never inside a name.
        (
            "Three Democrats vote with thirty-one Republicans in the Senate against it",
            "Three Democrats vote with thirty-one Republicans",
        ),
        (
            "A #13 billion contract to supply the United Kingdom's Royal Air Force",
            "A #13 billion contract to supply",
        ),
    ],
)
def test_headline(drafted: str, expected: str) -> None:
    assert headline(drafted) == expected


def test_a_headline_keeps_its_trigger() -> None:
    drafted = "Massive 9.0 magnitude earthquake and tsunami hit the country in Japan"
    got = headline(drafted, keep="hit")
    assert got == "Massive 9.0 magnitude earthquake and tsunami hit the country"  # not "... hit"
    # A time phrase at the end goes first: the date is shown beside the title.
    drafted = "Massive 9.0 magnitude earthquake and tsunami hit the country a week ago"
    got = headline(drafted, keep="hit")
    assert got == "Massive 9.0 magnitude earthquake and tsunami hit the country"


@pytest.mark.parametrize(
    ("before", "head"),
    [
        ("United States automobile company General Motors", "General Motors"),
        ("American automobile manufacturer General Motors", "General Motors"),
        ("Apple CEO Steve Jobs", "Apple CEO Steve Jobs"),
        ("Israel and Iran", "Israel and Iran"),
        ("Houthi rebels", "Houthi rebels"),
        ("2 million copies of Tiger", "2 million copies of Tiger"),
        ("The European Commission", "The European Commission"),
    ],
)
def test_subject_head(before: str, head: str) -> None:
    assert subject_head(before) == head
    assert capital("iPod owners") == "iPod owners"


# ------------------------------------------------------------------ agreement and roles
# Sentences of the bundled samples (tests/fixtures/events/title-sentences.jsonl): the
# subject sits outside the trigger's stretch of words (relative clauses, infinitives,
# passives, "and" lists), so the title comes from the parse (analysis.gist).


def _title_cases() -> list[dict[str, Any]]:
    with (FIX / "title-sentences.jsonl").open() as f:
        return [json.loads(line) for line in f if line.strip()]


@pytest.mark.parametrize("case", _title_cases(), ids=lambda c: c["starts"][:30])
def test_titles_of_real_sentences_agree_and_keep_their_roles(
    nlp: Any, case: dict[str, Any]
) -> None:
    got = _title_of(nlp, case["text"], case["trigger"], case.get("nth", 0))
    assert got.startswith(case["starts"]), (got, case["why"])
    first = got.split()[0]
    assert first.lower() not in PRONOUNS or first == "US", got  # "US" is the country


def test_a_speaker_s_pronoun_is_never_the_title_s_subject(nlp: Any) -> None:
    # A sample sentence (the CNN page): "we" is no one the title can name, and "Bomb the
    # hell out of ..." is a fragment; the title quotes the speaker's words instead of
    # labelling the story's headline ("Bombing: Iran tries to rearm proxy groups"). (The
    # sample's "we haven't hit the crescendo yet" served here until a crescendo reached
    # stopped being a blow: analysis.senses.)
    text = (
        "We're in no rush… we bombed the hell out of their various places, if they want to "
        "negotiate, we are here,' Trump said Wednesday."
    )
    story = "Iran tries to rearm proxy groups"
    rows = [r for r in _rows(nlp, text, story=story) if r["trigger"] == "bombed"]
    got = str(summarise(rows)["title"])
    assert got == "“We bombed the hell out of their various…”", got


def test_a_store_analysed_before_gists_titles_from_the_words(nlp: Any) -> None:
    # Rows of a store analysed before schema 8 have no gist (None): the words around the
    # trigger still give a title, as before.
    rows = _rows(nlp, "Hamas attacked Israel on 7 October 2023.")
    assert rows[0]["gist"] == "Hamas attacks Israel"
    legacy = [{**r, "gist": None} for r in rows]
    assert summarise(legacy)["title"] == "Hamas attacks Israel"


# ------------------------------------------------------------------ the property


def _sample_texts() -> list[str]:
    texts = [(FIX / name).read_text() for name in sorted(p.name for p in FIX.glob("*.txt"))]
    with (ROOT / "ingest" / "samples" / "wikinews-gum.jsonl").open() as f:
        texts += [json.loads(line)["body"] for _, line in zip(range(4), f, strict=False)]
    return texts


SINGLE_WORDS = {"Event", "Sale", "Talks", "Attack", "Statement", "Agreement", "Vote", "War"}


def test_no_title_is_a_single_word_on_real_articles(nlp: Any) -> None:
    seen = 0
    for text in _sample_texts():
        for row in _rows(nlp, text, story=None):
            got = str(summarise([row])["title"])
            seen += 1
            assert len(got.split()) >= 2 and got not in SINGLE_WORDS, (got, row["sentence_text"])
            # Never a bare pronoun ("Them to produce ..."), never a possessive with no owner.
            first = got.split()[0]
            assert first.lower() not in PRONOUNS | PRONOUNS_POSS or first == "US", got
            actor, target = row["actor_name"], row["target_name"]
            if actor and target and not names_agree(actor, target):
                # Roles as in the text: the actor is named before the target.
                assert actor in got and target in got, got
                assert got.index(actor) < got.index(target), got
    assert seen > 50


# ------------------------------------------------------------------ pure pieces


@pytest.mark.parametrize(
    ("name", "label", "plural"),
    [
        ("Houthis", "NORP", True),
        ("Houthi rebels", None, True),
        ("Israel and Iran", None, True),
        ("Palestinians", "ORG", True),
        ("Al-Qassam Brigades", "ORG", True),
        ("Iran", "GPE", False),
        ("United States", "GPE", False),
        ("Hamas", "ORG", False),
        ("Reuters", "ORG", False),
        ("Steve Jobs", "PERSON", False),
    ],
)
def test_is_plural(name: str, label: str | None, plural: bool) -> None:
    assert is_plural(name, label) is plural


@pytest.mark.parametrize(
    ("name", "sentence", "plural"),
    [
        # a people's singular demonym is the name the store keeps for "Somalis"
        ("Somali", "Of the 23 pirates arrested, 12 are reported to be Somali.", True),
        ("Kurds", "Kurds attacked the town.", True),
        ("Chinese", "Chinese protested.", True),
        ("Taliban", "The Taliban attacked a convoy.", True),
        ("Klitschko", "Klitschko led the crowd.", False),
    ],
)
def test_a_people_tagged_name_alone_is_one(name: str, sentence: str, plural: bool) -> None:
    assert is_plural(name, "NORP", sentence=sentence) is plural


def test_forms() -> None:
    assert third_person("carry") == "carries" and third_person("go") == "goes"
    assert agree("protest against", plural=False) == "protests against"
    assert agree("protest against", plural=True) == "protest against"
    assert title("attack", "attack", "Hamas", "Israel") == "Hamas attacks Israel"
    assert title("attack", "attack", "Houthi", "Magic Seas", actor_label="NORP") == (
        "Houthis attack Magic Seas"
    )
    assert title("seize", "intercept", "Syria", "Iran", lemma_is_verb=True) == (
        "Syria intercepts Iran"
    )
    assert title("meet", "talks", "Iran", "United States") == "Talks between Iran and United States"
    assert title("attack", "attack", None, "Israel") == "Attack on Israel"
    assert title("seize", "seizure", "Yemen", "Yemen") == "Seizure by Yemen"
    # what befalls one party, and a gathering, are "of" it: it did not do them to anyone
    assert title("economic", "bankruptcy", "General Motors") == "Bankruptcy of General Motors"
    assert title("meet", "meeting", "G7") == "Meeting of G7"
    assert format_when("2023-10-07", "day") == "7 October 2023"
    assert format_when("2025-06", "month") == "June 2025"
    assert format_when("2025-07-14", "week") == "week of 14 July 2025"


# ------------------------------------------------------------------ the store's rows


def test_summary_rows_carry_the_sentence_and_the_story(store: Path) -> None:
    from store import open_store
    from store.events import SENTENCE_WINDOW, event_summary_input

    conn = open_store(store)
    event_id = conn.execute("SELECT id FROM events").fetchone()[0]
    story = conn.execute("INSERT INTO stories(title) VALUES ('Hamas keeps its arms')").lastrowid
    conn.execute("UPDATE articles SET story_id = ? WHERE outlet = 'CNN'", (story,))
    rows = event_summary_input(conn, event_id)
    assert len(rows) == 2
    for row in rows:
        at = row["trigger_start"] - row["sentence_start"]
        assert row["sentence_text"][at : at + len("attack")] == "attack"
        assert len(row["sentence_text"]) <= 2 * SENTENCE_WINDOW + len("attack")
        assert (row["actor_label"], row["target_label"]) == ("ORG", "GPE")
    assert {r["story_title"] for r in rows} == {"Hamas keeps its arms", None}
    assert summarise(rows)["title"] == "Hamas attacks Israel"
    conn.close()


def test_a_mention_told_as_fact_speaks_for_its_event_before_a_conditional_one() -> None:
    # The extraction benchmark's aid to Ukraine (MIT pages): "whether Trump withheld US
    # military aid" and "U.S. military aid ... was being stalled" are one event; its
    # title is the fact, not the question.
    from ingest.event_summary import _voice

    base = {"type": "aid", "actor_name": "Trump", "actor_label": "PERSON", "target_name": None}
    rows = [
        {**base, "id": 1, "modality": "asserted", "gist": "Whether Trump withholds US aid"},
        {**base, "id": 2, "modality": "asserted", "gist": "U.S. military aid stalled"},
    ]
    sides = {"Trump": ("Trump", "PERSON")}
    row, pair = _voice(rows, "aid", sides)
    assert row["id"] == 2 and pair == ("Trump", None)
    # with no fact told, the conditional one still speaks
    assert _voice(rows[:1], "aid", sides)[0]["id"] == 1


def test_who_did_it_comes_from_mentions_told_as_fact() -> None:
    # The extraction benchmark's trade story (MIT pages): "if US President Donald Trump
    # agrees to Beijing's demands" names who might; "the United States and China had
    # reached a 'historic' Phase 1 trade agreement" who did.
    from ingest.event_summary import _voice

    base = {"type": "agree", "target_name": None, "target_label": None}
    trump = {"actor_name": "Donald Trump", "actor_label": "PERSON"}
    us = {"actor_name": "United States", "actor_label": "GPE", "target_name": "China"}
    rows = [
        {**base, **trump, "id": 1, "modality": "hypothetical", "gist": "If Trump agrees"},
        {**base, **trump, "id": 2, "modality": "hypothetical", "gist": "Whether Trump agrees"},
        {**base, **us, "id": 3, "modality": "asserted", "gist": "US and China reach agreement"},
    ]
    sides = {"Donald Trump": ("Donald Trump", "PERSON"), "United States": ("United States", "GPE")}
    sides["China"] = ("China", "GPE")
    row, pair = _voice(rows, "agree", sides)
    assert row["id"] == 3 and pair == ("United States", "China")


def test_a_page_link_glued_to_a_sentence_does_not_speak_for_its_event() -> None:
    from ingest.event_summary import _voice

    base = {"type": "protest", "actor_name": None, "target_name": None, "modality": "asserted"}
    rows = [
        {
            **base,
            "id": 1,
            "actor_name": "Hong Kong",
            "actor_label": "GPE",
            "sentence_text": "SEE MORE: Hong Kong protests: 800 students under siege",
        },
        {**base, "id": 2, "sentence_text": "The protests began peacefully in June."},
    ]
    assert _voice(rows, "protest", {"Hong Kong": ("Hong Kong", "GPE")})[0]["id"] == 2


# ------------------------------------------------------------------ misparses
# Titles the parse misread: a gerund given an object, a conjunct with no "and", an active
# verb's subject lent to a passive with its agent (ECB+ and the wikinews sample).


def _mentions_of(nlp: Any, text: str, trigger: str) -> list[dict[str, Any]]:
    doc = nlp(text)
    return [e for e in extract_events(doc, mentions_from_ents(doc), REF) if e["trigger"] == trigger]


def test_a_gerund_given_an_object_is_a_participle(nlp: Any) -> None:
    # wikinews sample: "collapsing" parsed as a gerund whose object is "banks"
    text = (
        "Charities, such as Cats Protection, today said that they have lost much of their"
        " funds in collapsing banks."
    )
    (em,) = _mentions_of(nlp, text, "collapsing")
    assert em["gist"] == "Banks collapse"


def test_a_conjunct_with_no_and_shares_no_subject(nlp: Any) -> None:
    # ECB+: "killed" hangs on "denounced" with no "and": a participle of "workers"
    text = (
        'The Greek prime minister has denounced what he called the "murder" of three bank'
        " workers killed when the building they were in was torched during protests in Athens"
        " against harsh new austerity measures."
    )
    (em,) = _mentions_of(nlp, text, "killed")
    assert not em["gist"].startswith("Greek prime minister")
    assert em["actor"] is None


def test_a_passive_with_its_agent_borrows_no_active_subject(nlp: Any) -> None:
    # ECB+: the parser made "shot" the verb of "Anger"; "killed by police" is passive
    text = (
        "Anger over the death of a Brooklyn teenager shot and killed by police fueled a riot on"
        " the streets of East Flatbush Monday."
    )
    (em,) = _mentions_of(nlp, text, "killed")
    assert em["gist"] == "Police kill"


def test_a_conjunct_whose_and_the_parser_hung_elsewhere_keeps_its_subject(nlp: Any) -> None:
    # wikinews sample: the "and" before "recently launched" hangs on "Dubai" (a guard for
    # the test above: the subject is shared)
    text = (
        "The airline already offers flights to New York, Boston, Chicago, Los Angeles, Dubai,"
        " and recently launched 3 new U.S. routes to San Francisco, Orlando, and Washington."
    )
    (em,) = _mentions_of(nlp, text, "launched")
    assert em["gist"].startswith("Airline launches")


def test_a_participle_joined_to_a_passive_is_passive(nlp: Any) -> None:
    # ECB+ 19 (real, 19_6ecbplus): Gray was shot and killed; he did not kill
    text = (
        "Sixteen-year-old Kimani Gray was shot and killed on Saturday night after pointing a"
        " gun at two plainclothes officers who approached him, police said."
    )
    (em,) = _mentions_of(nlp, text, "killed")
    assert em["gist"].startswith("Kimani Gray killed")


@pytest.mark.parametrize(
    ("draft", "trigger", "want", "before"),
    [
        # SpaceNews, 19 November 2019 (real pages): the cut fell after "the" and the
        # title ended on its verb
        (
            "NASA’s Commercial Orbital Transportation Services effort funds the development"
            " of SpaceX’s cargo capability",
            "funded",
            "NASA’s Commercial Orbital Transportation Services effort funds the development",
            "NASA’s Commercial Orbital Transportation Services effort funds",
        ),
    ],
)
def test_a_long_title_is_not_cut_after_an_article_or_preposition(
    monkeypatch: Any, draft: str, trigger: str, want: str, before: str
) -> None:
    from analysis import title_cut

    assert headline(draft, trigger) == want
    monkeypatch.setattr(title_cut, "FINISH_PHRASE", False)
    assert headline(draft, trigger) == before


#: CNN, 2 August 2025 (the bundled aggregator page): two sentences each telling two
#: happenings; each happening's title must tell it, not the other one.
_KORNET = (
    "Last month, the Syrian interior ministry said in a statement that it had foiled an "
    "attempt to smuggle anti-tank Kornet missiles, the same type used by Hezbollah to "
    "target Israeli tanks in southern Lebanon."
)
_SHIPMENTS = (
    "Proxies in Iraq are suspected of disrupting oil production in the Kurdish region, and "
    "shipments of hundreds of rockets bound for Hezbollah in Lebanon have been intercepted "
    "by Syrian forces over the past months."
)


def test_two_happenings_of_one_sentence_get_two_titles(nlp: Any, monkeypatch: Any) -> None:
    from analysis import clause_subject, gist, phrase_tokens

    foiled = _title_of(nlp, _KORNET, "foiled")
    smuggle = _title_of(nlp, _KORNET, "smuggle")
    assert foiled == "Syrian interior ministry foils an attempt"
    assert "smuggle" in smuggle and smuggle != foiled
    # the agent of a passive is who does what it is used to do
    assert _title_of(nlp, _KORNET, "target") == "Hezbollah targets Israeli tanks"
    # a passive subject tells its own happening; a quantity keeps what it is of
    assert _title_of(nlp, _SHIPMENTS, "shipments") == "Shipments of hundreds of rockets"
    assert _title_of(nlp, _SHIPMENTS, "intercepted").startswith("Syrian forces intercept")
    # each switch off brings its fault back
    monkeypatch.setattr(gist, "TRIGGER_KEPT", False)
    assert _title_of(nlp, _KORNET, "smuggle") == foiled
    monkeypatch.setattr(clause_subject, "PURPOSE_OF_AGENT", False)
    assert _title_of(nlp, _KORNET, "target") == "Hezbollah uses the same type"
    monkeypatch.setattr(phrase_tokens, "QUANTITY_OF", False)
    assert _title_of(nlp, _SHIPMENTS, "shipments") == "Shipments of hundreds"
    monkeypatch.setattr(gist, "PASSIVE_OWN_PHRASE", False)
    assert _title_of(nlp, _SHIPMENTS, "shipments") == _title_of(nlp, _SHIPMENTS, "intercepted")


def test_an_object_them_is_not_its_verbs_subject(nlp: Any, monkeypatch: Any) -> None:
    from analysis import gist_clause, referents

    # Wikinews (bundled sample), on mortgage-backed securities
    text = "Such firms can then repackage these loans and sell them as mortgage-backed securities."
    got = _title_of(nlp, text, "sell")
    assert "Such firms can sell Such firms" not in got and got.count("firms") <= 1, got
    monkeypatch.setattr(referents, "OBJECT_NOT_ITS_SUBJECT", False)
    monkeypatch.setattr(gist_clause, "SAME_PARTY_TWICE", False)  # (the net under both)
    assert _title_of(nlp, text, "sell").count("firms") == 2


def test_a_named_persons_surname_agrees_as_one(nlp: Any, monkeypatch: Any) -> None:
    from analysis import phrases

    # Wikinews (bundled sample): the tagger reads the second "Jobs" as a plural noun
    text = (
        "Apple CEO Steve Jobs opened the keynote. Jobs then moved on to talk about a very "
        "anticipated announcement - Podcasting."
    )
    assert _title_of(nlp, text, "announcement").startswith("Jobs moves on")
    monkeypatch.setattr(phrases, "SURNAME_IS_ONE", False)
    assert _title_of(nlp, text, "announcement").startswith("Jobs move on")


#: Titles one switch makes: (module, switch, text, trigger, title with it, title without).
SWITCHED_TITLES = [
    pytest.param(
        # ECB+ 32 (real, 32_7ecb): the parse reads "kidnapping" as a gerund with
        # "charges" for its object
        "misreads",
        "CHARGE_KIND",
        "Gary Gomes, 35, will face murder and kidnapping charges after police found the "
        "bodies of two women -- 68 and 48-years-old -- inside an Independent Street apartment.",
        "kidnapping",
        "Kidnapping charges",
        "Kidnapping of charges",
        id="a charge's kind is no gerund",
    ),
    pytest.param(
        # Wikinews (bundled sample, CC BY 2.5), "Chrysler files for bankruptcy"
        "verb_forms",
        "ADVERB_PARTICLES",
        "The American auto company Chrysler filed for bankruptcy Thursday, however a deal "
        "with European auto maker Fiat went through.",
        "deal",
        "Deal goes through",
        "Deal goes",
        id="a deal goes through",
    ),
    pytest.param(
        # ECB+ 19 (real, 19_3ecb): the parse reads "Greece" as the riots' apposition and
        # "eight days of the worst riots" as the subject of "has seen"
        "misreads",
        "CONTACT_CLAUSE",
        "Athens was calm Sunday after eight days of the worst riots Greece has seen in "
        "decades, sparked by the police killing of a teenager.",
        "riots",
        "Worst riots Greece has seen in decades",
        "Eight days of Greece sees",
        id="a relative clause with no that",
    ),
    pytest.param(
        # MEANTIME (CC BY 4.0, see fixtures/stories/meantime.LICENSE.txt), the bundled samples
        "titles",
        "PLAN_AS_TO",
        "Fiat announced on Friday that it intends to purchase the six percent of automaker "
        "Chrysler that the US government currently owns, which would give the Italian "
        "company a 52 percent majority stake in Chrysler.",
        "purchase",
        "Fiat to purchase Chrysler",
        "Fiat purchases Chrysler",
        id="a plan reads as one",
    ),
    pytest.param(
        # Financial Times (the article-extraction benchmark's pages, MIT), on Alibaba
        "phrases",
        "AMOUNT_WHOLE",
        "The deal could eventually raise up to $12.9bn if a “green shoe” option is "
        "exercised, allowing underwriters to buy up to an additional 15 per cent of shares "
        "at the offering price.",
        "buy",
        "Underwriters buy up to 15 per cent",
        "Underwriters buy up to cent",
        id="an amount cut down keeps its number",
    ),
    pytest.param(
        # Wikinews (bundled sample): "Motorola" is the maker of the phone, not the phone
        "entity_index",
        "APPOS_NAME_WHOLE",
        "Apple also announced an iTunes-compatible cell phone, the Motorola ROKR E1, which "
        "will be available exclusively from Cingular Wireless in the United States.",
        "announced",
        "Apple announces an iTunes-compatible cell phone",
        "Apple announces Motorola",
        id="a name in apposition the tagger cut short is no participant",
    ),
    pytest.param(
        # Wikinews (bundled sample)
        "phrase_tokens",
        "HYPHEN_WHOLE",
        "Global stock markets fell today, in a mass sell-off stemming from the sub-prime "
        "mortgage crisis in the United States.",
        "fell",
        "Global stock markets fall in a mass sell-off",
        "Global stock markets fall in off",
        id="a hyphenated word is kept whole",
    ),
    pytest.param(
        # 9to5Mac (the article-extraction benchmark's pages, MIT)
        "phrase_tokens",
        "ADJECTIVE_OF",
        "How do you shop for a tech-savvy person who buys the latest of everything before "
        "the holidays arrive?",
        "buys",
        "Tech-savvy person buys the latest of everything",
        "Tech-savvy person buys the latest",
        id="an adjective standing for a noun keeps its of",
    ),
    pytest.param(
        # ECB+ 32 (real): the participle as written (it was "found to beat to death":
        # the "to" of "to death" read as an infinitive's)
        "gist_object",
        "SMALL_CLAUSE",
        "The family's border collie, named Fenn, was also found beaten to death in the "
        "backyard of the house.",
        "death",
        "Family's border collie found beaten to death",
        "Family's border collie found",
        id="a participle complement is told as written",
    ),
    pytest.param(
        # ECB+ 32 (real): the parse hangs "charged" on the hearing
        "subjects",
        "PERSON_PARTICIPLE",
        "A preliminary hearing for John Jenkin, 23, charged with the murders of his mum "
        "Alice McMeekin, 58, and sister Katie Jenkin, 20, took place at Preston Crown Court "
        "this morning.",
        "charged",
        "John Jenkin charged with the murders",
        "Preliminary hearing charged with the murders",
        id="who is charged is the person named in the phrase",
    ),
    pytest.param(
        # a real page (the article-extraction benchmark's, MIT)
        "control",
        "GERUND_OBJECT",
        "In a joint statement published Oct. 25, the Russian and Syrian defense ministries "
        "accused U.S. forces in southern Syria’s al-Tanf of controlling “bandit formations” "
        "and disrupting a United Nations plan to return people in the Rubkan refugee camp to "
        "their homes.",
        "disrupting",
        "U.S. disrupts a United Nations plan",
        "Russian defense ministries disrupt a United Nations plan",
        id="who is accused of doing it does it",
    ),
    pytest.param(
        # ECB+ 20 (real, undated store): a distance is where the quake struck, not what
        "gist_object",
        "DISTANCE_IS_WHERE",
        "Five people were injured by the quake, which struck seven km (4 miles) east of Dargahan.",
        "struck",
        "Quake strikes seven km east of Dargahan",
        "Quake strikes seven km",
        id="a distance with its direction is where",
    ),
    pytest.param(
        # ECB+ 28 (real, undated store): the time set for a meeting does not meet
        "shared_subjects",
        "CIRCUMSTANCE_NO_SUBJECT",
        "The G-man would scrawl a time to meet Woodward on page 20 of the newspaper.",
        "meet",
        "“…a time to meet Woodward on page 20…”",
        "Time meets Woodward",
        id="a time to meet is no one who meets",
    ),
    pytest.param(
        # ECB+ 9 (real, undated store): a headline's "to be consulted" is to come
        "infinitives",
        "HEADLINE_PLAN",
        "Government wildlife experts to be consulted on development.",
        "consulted",
        "Government wildlife experts to be consulted on development",
        "Government wildlife experts consulted on development",
        id="a headline's to-infinitive is a future",
    ),
    pytest.param(
        # ECB+ 35 (real, undated store): the parse joined "Jackson" to "game", so the
        # arrest had "football" for subject and no one arrested (it joined another arrest)
        "misreads",
        "STRANDED_SUBJECT",
        "Of course, football is the ultimate team game and fellow Charger Vincent Jackson was "
        "arrested last month for DUI as well.",
        "arrested",
        "Vincent Jackson arrested for DUI",
        "Football arrested for DUI",
        id="a joined verb's own auxiliary follows its subject",
    ),
    pytest.param(
        # ECB+ 31 (real, 31_5ecbplus): the parse joined "Bluejays" to "leader" and hung
        # "defeated" on "scored" with no subject: McDermott's
        "misreads",
        "STRANDED_FINITE",
        "Doug McDermott scored 23 points to become Creighton's all-time scoring leader and "
        "the top-seeded Bluejays defeated Drake 65-53 on Friday in the quarterfinals of the "
        "Missouri Valley Conference tournament.",
        "defeated",
        "Top-seeded Bluejays defeat Drake",
        "Doug McDermott defeats Drake",
        id="a finite verb with no subject of its own has the noun before it",
    ),
    pytest.param(
        # ECB+ 35 (real, 35_4ecbplus): "for the second time" loses no word of its count
        "gist_object",
        "OCCASION_WHOLE",
        "For the second time in less than a month, a member of the San Diego Chargers has "
        "been arrested on suspicion of drunk driving.",
        "arrested",
        "Member arrested for the second time",
        "Member arrested for the time",
        id="an occasion is told whole or not at all",
    ),
    pytest.param(
        # a bundled sample (Wikinews): "of course" before the auxiliary is no subject
        "misreads",
        "STRANDED_SUBJECT",
        "The drink was mildly popular for the last few months, but of course has become a "
        "great deal more popular since getting all this publicity.",
        "deal",
        "Drink becomes a great deal",
        "Drink becomes a great deal",
        id="a noun in a phrase before the auxiliary is no subject",
    ),
    pytest.param(
        # ECB+ 4 (real, undated store): three reports' release that never was (she had a
        # heart attack) was titled "Ms Page released"
        "infinitives",
        "SET_TO_COME",
        "Ms Page had been admitted to hospital originally for treatment for pneumonia and was "
        "set to be released and sent home on 2 December when she suffered a heart attack.",
        "released",
        "Ms Page to be released",
        "Ms Page released",
        id="what was set to be done is to come",
    ),
    pytest.param(
        # ECB+ 19 (real): the elections the opposition calls for were titled as held
        "infinitives",
        "ASKED_TO_COME",
        "So far, Prime Minister Costas Karamanlis has rejected calls by opposition leaders to "
        "hold early elections, but his party holds only a one-seat majority in parliament.",
        "elections",
        "Costas Karamanlis to hold early elections",
        "Costas Karamanlis holds early elections",
        id="what one is called on to do is to come",
    ),
    pytest.param(
        # ECB+ 33 (real): two participles the parse made the sentence's verbs, before its
        # own "was revealed", tell of the noun before them (she was shot; no count of 13)
        "misreads",
        "REDUCED_BEFORE_VERB",
        "Video of Brooklyn Mother of 13 Zurana Horton shot and killed in a gang shooting was "
        "revealed Thursday, according to the N. Y. Daily News.",
        "shot",
        "Zurana Horton shot",
        "Video of Brooklyn Mother shoots",
        id="participles before the sentence's verb tell of the noun before them",
    ),
    pytest.param(
        # ECB+ 8 (real): a noun that says where of its own is told by its own phrase,
        # not by the phrase it completes
        "gist_fallback",
        "OWN_PLACE",
        "Three people have suffocated to death as a result of a fire in Marfin Bank during "
        "ongoing battles between anti-measure protesters and police in Athens.",
        "fire",
        "Fire in Marfin Bank",
        "Result of a fire",
        id="a noun with a place of its own is told by its own phrase",
    ),
    pytest.param(
        # ECB+ 28 (real): "shot and killed his father": the first verb tells the object
        # the parse gives the second
        "gist_object",
        "SHARED_OBJECT_TOLD",
        "Later that year, Mr. LaRue shot and killed his father in a duck-hunting accident "
        "in Canada.",
        "shot",
        "LaRue shoots his father",
        "LaRue shoots",
        id="a verb joined by and to one with an object tells that object",
    ),
    pytest.param(
        # ECB+ 30 (real, 30_7ecb): the parse hangs the list's "and" on "communications" and
        # makes "Asia" a second subject of "disrupted", the thing disrupted; the subject's
        # "and" with no partner is no word of the title
        "own_subject",
        "BETWEEN_PARTNER",
        "Internet and phone communications between Europe, the Middle East, and Asia have been"
        " seriously disrupted after submarine cables were severed.",
        "disrupted",
        "Internet and phone communications disrupted",
        "Asia disrupted",
        id="the last side of a between list is no subject",
    ),
    pytest.param(
        # ECB+ 12 (real, 12_16ecb): a preposition left without its object before "and"
        # takes the second verb's
        "misreads",
        "DANGLING_PREP_SHARED",
        "Later, the Tabar fired at and sank a Thai trawler that the Indian Navy said was a "
        "pirate `` mother vessel''.",
        "fired",
        "Tabar fires at a Thai trawler",
        "Tabar fires",
        id="a preposition before and takes the object of the verb after it",
    ),
    pytest.param(
        # (a sentence written for the test, of ECB+ 37's kind): a past form "and" joins to
        # a verb with an object is active, not a headline's passive ("Deputies arrested")
        "gist_object",
        "SHARED_OBJECT_TOLD",
        "Deputies arrested and charged Jose Luis Orozco on Monday.",
        "arrested",
        "Deputies arrest Jose Luis Orozco",
        "Deputies arrested",
        id="a past form joined to a verb with an object is active",
    ),
    pytest.param(
        # ECB+ 7 (real, 7_1ecbplus; its "signing" for singing): the tagger makes the
        # boxer a people (NORP), and a people took a plural verb
        "verb_agreement",
        "NORP_ALONE_IS_ONE",
        'After the fight, Klitschko led the crowd of 22, 000 in signing "Happy Birthday" to '
        "trainer Emanuel Steward, who turned 68 on Saturday.",
        "signing",
        "Klitschko signs Happy Birthday",
        "Klitschko sign Happy Birthday",
        id="a name tagged as a people with no article or plural ending is one",
    ),
    pytest.param(
        # ECB+ 19 (real, 19_11ecb): the sentence's first word, capitalised, is tagged a name
        "phrases",
        "COMMON_PLURAL_IS_PLURAL",
        "Pamphlets announced rallies in front of the Athens police headquarters on Monday "
        "and in parliament square on Thursday.",
        "rallies",
        "Pamphlets announce rallies",
        "Pamphlets announces rallies",
        id="a plural opening its sentence tagged as a name is plural",
    ),
    pytest.param(
        # ECB+ 2 (real, 2_5ecb): "comedians" tagged NNPS, lower-case
        "phrases",
        "COMMON_PLURAL_IS_PLURAL",
        "Typically, the program has been hosted by U.S. comedians, and in recent years, show "
        "organizers have experimented with a variety of hosting styles ranging from political "
        "satirist Jon Stewart, to edgy Chris Rock and popular Ellen DeGeneres.",
        "hosted",
        "U.S. comedians host the program",
        "U.S. comedians hosts the program",
        id="a lower-case plural tagged as a name is plural",
    ),
]


@pytest.mark.parametrize(("module", "switch", "text", "trigger", "on", "off"), SWITCHED_TITLES)
def test_a_switch_makes_its_title(
    nlp: Any, monkeypatch: Any, module: str, switch: str, text: str, trigger: str, on: str, off: str
) -> None:
    import importlib

    assert _title_of(nlp, text, trigger) == on
    monkeypatch.setattr(importlib.import_module(f"analysis.{module}"), switch, False)
    assert _title_of(nlp, text, trigger) == off


def test_a_quoted_its_reads_it_is(nlp: Any) -> None:
    # ECB+ 35 (real, 35_10ecbplus): the corpus writes "It’ s" with a space, which the tagger
    # reads as a verb "s" ("It ses"); the pronoun after the opening quote is no name
    text = (
        "“ It’ s disappointing to hear about the issue involving Jamal Williams, ” general "
        "manager A. J. Smith said in a statement released by the team."
    )
    assert _title_of(nlp, text, "statement") == "A. J. Smith says it is disappointing"


def test_a_clause_whose_subject_is_its_object_is_no_headline(nlp: Any, monkeypatch: Any) -> None:
    from analysis import gist_clause

    # Wikinews (bundled sample, wikinews-gum): the parser makes the second
    # "who's" a relative clause on "paper"
    text = "Who's buying the paper, who's selling the paper."
    assert "Paper sells the paper" not in _title_of(nlp, text, "selling")
    monkeypatch.setattr(gist_clause, "SUBJECT_NOT_OBJECT", False)
    assert _title_of(nlp, text, "selling") == "Paper sells the paper"


def test_a_which_clause_may_use_its_heads_word(nlp: Any) -> None:
    # PanARMENIAN.Net (the article-extraction benchmark's pages, MIT), on Amnesty's report
    text = (
        "Amnesty reported unlawful killings by Iranian security forces, which have used "
        "excessive and lethal force to crush largely peaceful protests in more than 100 "
        "cities."
    )
    assert _title_of(nlp, text, "protests") != "Peaceful protests"


def test_a_team_written_with_the_takes_a_plural_verb(nlp: Any, monkeypatch: Any) -> None:
    from analysis import phrases

    # ECB+ 25 (CC BY 3.0): the tagger reads "Saints" as a plural name, the sentence
    # writes it with "the": a team ("Saints signs DeShawn Wynn" before)
    saints = (
        "The Saints signed DeShawn Wynn on Tuesday and Joique Bell today off the "
        "Philadelphia Eagles' practice squad ."
    )
    assert _title_of(nlp, saints, "signed").startswith("Saints sign DeShawn Wynn")
    # ECB+ 31 (real, 31_5ecbplus): a seeding may stand between "the" and the team
    seeded = (
        "Doug McDermott scored 23 points to become Creighton's all-time scoring leader and "
        "the top-seeded Bluejays defeated Drake 65-53 on Friday in the quarterfinals of the "
        "Missouri Valley Conference tournament."
    )
    assert _title_of(nlp, seeded, "defeated").startswith("Top-seeded Bluejays defeat ")
    # An institution, a company named for brothers, an index: one thing each.
    archives = (
        "In the last week of November , the National Archives released more than 10,000 "
        "pages of documents from the Nixon presidency ."
    )
    assert _title_of(nlp, archives, "released").startswith("National Archives releases")
    lehman = "Lehman Brothers filed for bankruptcy."
    assert _title_of(nlp, lehman, "bankruptcy").startswith("Lehman Brothers files")
    dow = "The Dow Jones plunged 300 points."
    assert _title_of(nlp, dow, "plunged").startswith("Dow Jones plunges")
    monkeypatch.setattr(phrases, "THE_TEAM", False)
    assert _title_of(nlp, saints, "signed").startswith("Saints signs")


@pytest.mark.parametrize(
    ("text", "cut"),
    [
        ("Ford Motor Company agreed to buy the Bank of America headquarters in Charlotte", "Bank"),
        (
            # the gist of a Wikinews sentence (bundled sample)
            "Governor of Washington Chris Gregoire says Museum of Flight put a tremendous amount",
            "Museum",
        ),
    ],
)
def test_a_cut_never_falls_inside_a_name_with_of(text: str, cut: str, monkeypatch: Any) -> None:
    from analysis import title_cut

    got = headline(text)
    assert not got.endswith(cut) and not got.endswith(" of"), got
    monkeypatch.setattr(title_cut, "NAMES_WITH_OF", False)
    assert headline(text).endswith(cut)


def test_a_reported_perfect_keeps_its_have_and_a_made_up_lemma_its_word(
    nlp: Any, monkeypatch: Any
) -> None:
    from analysis import lemma_mends

    # Los Angeles Times and Alibaba news pages (the article-extraction benchmark, MIT)
    alden = (
        "Alden on Tuesday announced that it had become the largest shareholder of Tribune, "
        "the former owner of The Times, by acquiring the entire 25.2% stake."
    )
    assert (
        _title_of(nlp, alden, "announced")
        == "Alden announces it had become the largest shareholder"
    )
    weibo = (
        "Alibaba leaders have denied claims made in a viral Weibo post that said the Chinese "
        "e-commerce giant misreported its Singles Day sales."
    )
    assert _title_of(nlp, weibo, "sales").startswith("Chinese e-commerce giant misreports its")
    monkeypatch.setattr(lemma_mends, "_NO_E_AFTER", frozenset())
    assert "misreportes" in _title_of(nlp, weibo, "sales")


def test_a_peoples_adjective_as_target_keeps_its_noun(monkeypatch: Any) -> None:
    from analysis import demonyms

    # New York Times (the article-extraction benchmark's pages, MIT): the event's actor
    # and target are Trump and "Chinese" (of "Chinese goods"); its title is composed
    sentence = (
        "But Mr. Trump continues to give mixed signals about whether he actually wants a deal "
        "and if any of his tariffs on $360 billion worth of Chinese goods will ever be removed."
    )
    start = sentence.index("tariffs")
    args = {
        "target_label": "NORP",
        "actor_label": "PERSON",
        "sentence": sentence,
        "trigger": (start, start + len("tariffs")),
        "gist": "“If any of his tariffs on $360…”",
    }
    assert (
        title("economic", "tariff", "Trump", "Chinese", **args) == "Trump tariff on Chinese goods"
    )
    monkeypatch.setattr(demonyms, "DEMONYM_WITH_NOUN", False)
    assert title("economic", "tariff", "Trump", "Chinese", **args) == "Trump tariff on Chinese"


def test_a_name_told_in_the_possessive_is_named(nlp: Any) -> None:
    # Wikinews (bundled sample): the gist names the target, Steve Jobs, as "Jobs's"; a
    # title made of the names alone said "Apple releases Steve Jobs"
    text = (
        "Apple Inc. CEO Steve Jobs will take a medical leave. On its website, Apple released "
        "the text of Jobs's email, which reads: Team, At my request, the board of directors "
        "has granted me a medical leave of absence."
    )
    assert _title_of(nlp, text, "released") == "Apple releases the text of Jobs's email"


def test_who_issued_a_statement_made_it(nlp: Any) -> None:
    # Wikinews (bundled sample)
    text = (
        "U.S. Senator John Cornyn, Republican from Texas, issued a statement regarding the "
        "rejection of Johnson Space Center (JSC) in Houston, Texas as a location."
    )
    rows = [r for r in _rows(nlp, text) if r["trigger"] == "statement"]
    assert rows[0]["actor_name"] == "John Cornyn"


def test_a_plan_told_with_its_time_speaks_before_an_undated_mention(nlp: Any) -> None:
    # A bundled sample (MEANTIME, Boeing's 787, 9 July 2007): the lenient join inside the
    # article puts "the wonder of flight" with the first flight "expected to take place in
    # August"; the flight told with its time names the event, not the wonder.
    text = (
        "The first flight is expected to take place in August or September of this year. "
        "For, whenever such a milestone is reached in our industry, it always is a "
        "reflection of hard work by dedicated people inspired by the wonder of flight."
    )
    # In the article the wonder ranks first (a plan counts less towards salience); here
    # the two sentences stand alone, so they are put in that order.
    rows = sorted(
        (r for r in _rows(nlp, text) if r["trigger"] == "flight"),
        key=lambda r: r["modality"] != "asserted",
    )
    assert [r["modality"] for r in rows] == ["asserted", "hypothetical"]
    assert summarise(rows)["title"] == "First flight expected to take place"


@pytest.mark.parametrize(
    ("text", "trigger", "want"),
    [
        # the extraction benchmark's pages (MIT): a dateline opens the report
        (
            "HONOLULU, Hawaii (HawaiiNewsNow) - NASA scientists using a telescope atop "
            "Mauna Kea have confirmed the presence of water on the moon.",
            "confirmed",
            "NASA scientists confirm the presence",
        ),
        # an acronym with a comma or a parenthesis is the subject, not a dateline
        (
            "NASA, the space agency, announced a new mission.",
            "announced",
            "NASA announces a new mission",
        ),
        (
            "NASA (the space agency) announced a new mission.",
            "announced",
            "NASA announces a new mission",
        ),
    ],
)
def test_a_dateline_is_no_part_of_the_title(nlp: Any, text: str, trigger: str, want: str) -> None:
    assert _title_of(nlp, text, trigger) == want


@pytest.mark.parametrize("says_what", [True, False])
def test_a_bare_saying_shows_what_was_said(nlp: Any, monkeypatch: Any, says_what: bool) -> None:
    # the extraction benchmark's pages (MIT): "Scott Morrison says" tells nothing
    from analysis import titles

    monkeypatch.setattr(titles, "SAYS_WHAT", says_what)
    text = (
        "Australian Prime Minister Scott Morrison said in a statement, “We are profoundly "
        "pleased and relieved” at the hostages’ release."
    )
    want = "Scott Morrison says: “We are profoundly pleased and relieved”"
    assert _title_of(nlp, text, "statement") == (want if says_what else "Scott Morrison says")


@pytest.mark.parametrize("kept", [True, False])
def test_a_refusal_is_not_titled_as_the_deed(nlp: Any, monkeypatch: Any, kept: bool) -> None:
    # the extraction benchmark's pages (MIT): "the Taliban, who have long refused to
    # negotiate peace with Kabul"; the stored gist lost "with Kabul", and the title composed
    # from actor and target said the opposite: "Taliban negotiates with Kabul"
    from analysis import titles

    monkeypatch.setattr(titles, "NEGATION_KEPT", kept)
    text = (
        "He also said he hoped the swap would “pave the way” for unofficial direct talks "
        "between his government and the Taliban, who have long refused to negotiate peace "
        "with Kabul."
    )
    (row,) = [r for r in _rows(nlp, text) if r["trigger"] == "negotiate"]
    assert (row["actor_name"], row["modality"]) == ("Taliban", "negated")
    # as the store holds it (its entities name Kabul the target; its gist is cut)
    row.update(target_name="Kabul", target_label="GPE", gist="Taliban refuses to negotiate peace")
    got = summarise([row])["title"]
    assert got == (
        "Taliban refuses to negotiate peace" if kept else "Taliban negotiates with Kabul"
    )


def test_it_is_not_named_when_another_party_or_a_later_name_could_be_it(nlp: Any) -> None:
    # analysis.referents.named_above names "it" only when the clause above names one party
    # before it: with another party beside the subject, or the name after the pronoun (the
    # samples' "Three years after it was first due for delivery, Boeing has rolled out
    # the first [787]"), "it" is no one the title can say.
    struck = _title_of(nlp, "Israel struck Hamas after it attacked the border town.", "attacked")
    assert not struck.startswith(("Israel", "Hamas")), struck
    text = (
        "Three years after it was first due for delivery, Boeing has rolled out the first "
        "that is to be delivered to a customer."
    )
    assert not _title_of(nlp, text, "delivery").startswith("Boeing"), text


def test_two_capitals_name_what_they_are_the_initials_of(monkeypatch: Any) -> None:
    # The aggregator sample's "not enough that the US hits them" names the United States:
    # the title keeps the text's words (a quote) instead of "Hit by United States"; the
    # real pages' "China's ambassador accuses the UK and the US" names the United Kingdom.
    from analysis import agreement

    assert agreement.names_in("United States", "The US hits them")
    assert agreement.names_in("United Kingdom", "China’s ambassador accuses the UK and the US")
    assert not agreement.names_in("United Kingdom", "The US hits them")
    assert not agreement.names_in("Iran", "The US hits them")
    monkeypatch.setattr(agreement, "TWO_LETTER_INITIALS", False)
    assert not agreement.names_in("United States", "The US hits them")


def test_a_happening_told_as_fact_is_not_titled_by_a_mention_under_if(
    nlp: Any, monkeypatch: Any
) -> None:
    # The real pages' Beijing tariff article (extraction benchmark, MIT): the Phase 1 deal
    # is told as fact naming no one, and under "if" naming Trump; linked into one event
    # (with another article's "the United States and China had reached a 'historic' Phase
    # 1 trade agreement") it was titled "If Donald Trump agrees to roll back".
    import ingest.event_summary as event_summary

    text = (
        'A "phase one" trade deal between the United States and China was supposed to be a '
        "limited agreement that would allow leaders from both countries to claim an easy "
        "victory. But it may morph into something bigger if US President Donald Trump agrees "
        "to Beijing's demands to roll back existing tariffs on Chinese goods, people familiar "
        "with the talks say."
    )
    rows = [r for r in _rows(nlp, text) if r["trigger"] in ("agreement", "agrees")]
    rows.sort(key=lambda r: -r["salience"])
    assert {r["modality"] for r in rows} == {"asserted", "hypothetical"}
    assert not summarise(rows)["title"].startswith("If ")
    monkeypatch.setattr(event_summary, "FACT_OVER_IF", False)
    assert summarise(rows)["title"].startswith("If Donald Trump")


def test_a_title_never_names_one_party_as_both_subject_and_object(
    nlp: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # ECB+ 36 (CC BY 3.0, bench.ecb_articles): "she" (his sister) was read as Gomes, the
    # one she accused: "Gomes accuses Gomes" (analysis.gist_clause.SAME_PARTY_TWICE)
    import analysis.gist_clause as gist_clause

    text = (
        "Court records also indicate a previous arrest in which Mr. Gomes was accused of "
        "assault and battery on his sister after she accused him of stealing her guitar."
    )
    got = _title_of(nlp, text, "accused", 1)
    assert "Gomes accuses" not in got, got
    monkeypatch.setattr(gist_clause, "SAME_PARTY_TWICE", False)
    assert "Gomes accuses Gomes" in _title_of(nlp, text, "accused", 1)
    # a longer name is another party: "Apple Computer attacks Apple Corps"
    monkeypatch.setattr(gist_clause, "SAME_PARTY_TWICE", True)
    other = "Apple Computer attacked Apple Corps over the logo."
    assert _title_of(nlp, other, "attacked").startswith("Apple Computer attacks Apple Corps")


def test_a_gerund_before_a_happening_names_its_kind(
    nlp: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # ECB+ 19 (CC BY 3.0, bench.ecb_articles): "the shooting death of Kimani" is how he
    # died; "Death of Kimani shoots" was its title (analysis.gist.KIND_OF_HAPPENING).
    # "the fleeing vehicle" still flees.
    import analysis.gist as gist

    text = (
        "Following the shooting death of Kimani on Saturday, police officials said he "
        "flashed a gun at a pair of plainclothes cops."
    )
    assert not _title_of(nlp, text, "shooting").endswith("shoots")
    fleeing = "A cop patrolling on foot happened to see the fleeing vehicle."
    assert _title_of(nlp, fleeing, "fleeing") == "Vehicle flees"
    monkeypatch.setattr(gist, "KIND_OF_HAPPENING", False)
    assert _title_of(nlp, text, "shooting").endswith("shoots")


@pytest.mark.parametrize(
    ("text", "trigger", "wrong", "kept", "switch"),
    [
        # ECB+ 21 (real): the parser hangs "chased ... and arrested" on "the incident" as
        # a reduced relative; the incident arrested no one
        (
            "A police officer that was parked nearby and witnessed the incident chased after "
            "the car and arrested Vishwanand Subryan, 23, of Schenectady, several blocks away.",
            "arrested",
            "Incident",
            "Vishwanand Subryan",
            ("analysis.clause_subject", "ACL_HEAD_UNDERGOES"),
        ),
        # ECB+ 18 (bench.ecb_articles; written as done: the real "he did not introduce him
        # to Bernstein until this year" is quoted as not done, titles.NEGATED_QUOTE_STAYS):
        # "introduce" has no noun of its own kind; "Event of W. Mark Felt" said nothing
        (
            "Indeed, Woodward was so scrupulous about shielding Felt that he introduced him "
            "to Bernstein only this year, 36 years after they cracked the scandal.",
            "introduced",
            "Event",
            "introduced him to Bernstein",
            ("analysis.titles", "NO_BARE_EVENT"),
        ),
        # ECB+ 39 and 37 (real, bench.ecb_articles): the clause tells what the happening
        # led to or when, its own phrase names it (analysis.gist.NAMED_OVER_PREDICATE)
        (
            "The announcement of DeGeneres as host comes just a couple of days after the "
            "election of Cheryl Boone Isaacs.",
            "announcement",
            "Host comes",
            "Announcement of DeGeneres",
            ("analysis.gist", "NAMED_OVER_PREDICATE"),
        ),
        (
            '"We are especially devastated by the death of Madeline Kafoury and our hearts go '
            'out to her family."',
            "death",
            "Death devastates",
            "Death of Madeline Kafoury",
            ("analysis.gist", "NAMED_OVER_PREDICATE"),
        ),
        # ECB+ 12 (real, 12_11ecbplus): the purpose of a passive whose subject is a thing
        # is not that thing's deed (analysis.control.THING_PURPOSE)
        (
            "The course of INS Sukanya was altered to intercept boats targeting the merchant "
            "vessels.",
            "intercept",
            "Course of INS Sukanya intercepts",
            "Sukanya intercepts",
            ("analysis.control", "THING_PURPOSE"),
        ),
    ],
)
def test_a_title_that_would_misread_the_sentence_keeps_its_words(
    nlp: Any,
    monkeypatch: pytest.MonkeyPatch,
    text: str,
    trigger: str,
    wrong: str,
    kept: str,
    switch: tuple[str, str],
) -> None:
    import importlib

    got = _title_of(nlp, text, trigger)
    assert not got.startswith(wrong) and kept in got, got
    monkeypatch.setattr(importlib.import_module(switch[0]), switch[1], False)
    # (a happening that only "comes" is also told by what it came after: off, so the
    # switch's own effect shows)
    monkeypatch.setattr(importlib.import_module("analysis.gist_object"), "OCCURRENCE_WHERE", False)
    assert _title_of(nlp, text, trigger).startswith(wrong)


def test_an_event_its_voice_can_only_quote_takes_another_mentions_headline(
    nlp: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # ECB+ 25 (real, the undated store): two reports of the Kraft plant killings, the
    # more salient told as a witness tells it
    import ingest.event_summary as event_summary

    text = (
        "Two, she shot and killed there in the room. Police say two people have been killed "
        "and another wounded in a shooting at the Kraft Foods plant in Northeast "
        "Philadelphia."
    )
    rows = [r for r in _rows(nlp, text) if r["trigger"] == "killed"]
    rows.sort(key=lambda r: -r["salience"])
    assert rows[0]["gist"].startswith("“")  # the voice: the witness's words
    assert summarise(rows)["title"] == "Two people killed"
    monkeypatch.setattr(event_summary, "UNQUOTED_VOICE", False)
    assert summarise(rows)["title"].startswith("“Two, she shot")


def test_a_verb_that_is_a_noun_of_its_kind_names_it(monkeypatch: pytest.MonkeyPatch) -> None:
    import analysis.title_verbs as title_verbs

    # ECB+ 3 (real): "while she visited him in prison" was titled "Talks with Comeaux"
    assert title("meet", "visit", None, "Comeaux", lemma_is_verb=True) == "Visit to Comeaux"
    assert title("seize", "arrest", None, "Gomes", lemma_is_verb=True) == "Arrest of Gomes"
    # a verb with no noun of its kind keeps the kind's noun
    assert title("kill", "kill", None, "Kafoury", lemma_is_verb=True) == "Killing of Kafoury"
    monkeypatch.setattr(title_verbs, "VERB_AS_NOUN", False)
    assert title("meet", "visit", None, "Comeaux", lemma_is_verb=True) == "Talks with Comeaux"


def test_a_bare_object_is_told_with_what_the_deed_is_done_to(nlp: Any, monkeypatch: Any) -> None:
    """ECB+ 24 and 8 (real sentences: the Paris jewellery heist of 9 September 2013,
    24_4ecbplus; the Athens bank fire of 5 May 2010, 8_5ecbplus; the last one written):
    "set fire" alone does not say to what; a time after the object is no object."""
    import analysis.gist_object as gist_object

    heist = (
        "After Monday's robbery, the thieves set fire to the 4x4 vehicle in an adjacent side "
        "street and made off in a second car."
    )
    athens = (
        "Three people have died after rioters in Greece set fire to a bank in Athens during a "
        "nationwide strike against huge spending cuts aimed at rescuing the country's economy."
    )
    assert _title_of(nlp, heist, "fire") == "Thieves set fire to the 4x4 vehicle"
    assert _title_of(nlp, athens, "fire") == "Rioters set fire to a bank"
    assert _title_of(nlp, "Police sold the cars on Monday.", "sold") == "Police sell the cars"
    monkeypatch.setattr(gist_object, "BARE_OBJECT_PREP", False)
    assert _title_of(nlp, athens, "fire") == "Rioters set fire"


def test_set_on_fire_keeps_on_fire(nlp: Any, monkeypatch: Any) -> None:
    """ECB+ 8 (real, 8_3ecbplus): "set their bank" said nothing of the fire."""
    import analysis.gist_object as gist_object

    text = (
        "The three bank workers a man and two women died after demonstrators set their bank "
        "on fire along the main demonstration route in central Athens."
    )
    assert _title_of(nlp, text, "fire") == "Demonstrators set their bank on fire"
    monkeypatch.setattr(gist_object, "SET_ON_FIRE", False)
    assert _title_of(nlp, text, "fire") == "Demonstrators set their bank"


def test_what_a_relative_clause_or_a_contraction_tells(nlp: Any, monkeypatch: Any) -> None:
    """Wikinews and ECB+ sentences (real: the bundled Scientology and Taurus articles; cut
    from real ones: ECB+ 5's contract, 5_2ecb, and the bundled Chrysler article; "the house
    he lives in" is written): a subject's "'s" is "has"; a relative clause with no relative
    word has its noun for its object; a count's "over" is not said twice."""
    import analysis.gist_object as gist_object
    import analysis.phrase_tokens as phrase_tokens

    tool = (
        "Someone emailed me earlier today talking about a tool a group’s been using to attack "
        "the scientology website."
    )
    contract = (
        "King decided to fire O'Brien, who still has two years and $8 million left on the "
        "contract he signed when he was hired by the Sixers."
    )
    taurus = "The Taurus survived for four generations, selling over 7,500,000 units."
    assert _title_of(nlp, tool, "attack") == "Group uses a tool to attack the scientology website"
    assert _title_of(nlp, contract, "signed") == "O'Brien signs the contract"
    assert _title_of(nlp, taurus, "selling") == "Taurus sells over 7,500,000 units"
    # a name after a noun is the noun's name (the parse made a relative clause of it)
    chrysler = "The American auto company Chrysler filed for bankruptcy Thursday."
    assert _title_of(nlp, chrysler, "bankruptcy") == "Chrysler files for bankruptcy"
    assert _title_of(nlp, "The house he lives in was attacked.", "attacked") != (
        "He lives the house"
    )
    monkeypatch.setattr(gist_object, "ZERO_RELATIVE", False)
    assert _title_of(nlp, tool, "attack") == "Group uses to attack the scientology website"
    monkeypatch.setattr(phrase_tokens, "CONTRACTED_S", False)
    assert _title_of(nlp, tool, "attack") == "Group’s uses to attack the scientology website"


def test_only_a_court_convicts(nlp: Any, monkeypatch: Any) -> None:
    """ECB+ 16 (real, 16_10ecbplus; the second sentence written): the parse gave the
    charge's "by a felon" to "convicted"."""
    import analysis.gist_clause as gist_clause

    text = (
        "Along with murder, Orozco was convicted of one count of attempted murder involving "
        "the earlier shooting and two counts of possession of a firearm by a felon."
    )
    assert _title_of(nlp, text, "convicted") == (
        "Orozco convicted of one count of attempted murder"
    )
    assert _title_of(nlp, "Smith was convicted of murder by a jury.", "convicted") == (
        "Jury convicts Smith"
    )
    monkeypatch.setattr(gist_clause, "COURTS_JUDGE", False)
    assert _title_of(nlp, text, "convicted") == "Felon convicts Orozco"


def test_those_responsible_are_told(nlp: Any, monkeypatch: Any) -> None:
    """ECB+ 8 (real, 8_8ecbplus; the second sentence written): "those" with an adjective
    after it says who; with a participle it stays a clause's."""
    import analysis.phrases as phrases

    text = (
        "Papandreou expressed shock at the deaths and vowed to bring those responsible to justice."
    )
    assert _title_of(nlp, text, "vowed") == "Papandreou vows to bring those responsible to justice"
    clause = "Police arrested those involved in the attack."
    assert "involved involved" not in _title_of(nlp, clause, "attack")
    monkeypatch.setattr(phrases, "DEMONSTRATIVE_TOLD", False)
    assert _title_of(nlp, text, "vowed") != "Papandreou vows to bring those responsible to justice"


def test_words_in_capitals_for_the_house_style_are_titled_as_words(
    nlp: Any, monkeypatch: Any
) -> None:
    """ECB+ 14 (Wellington, July 2013: "A FIRE has badly damaged ..." and "A man has
    denied arson ..." are real sentences, 14_11ecbplus and 14_2ecbplus; the headline is
    that report's written in capitals, the last sentence written): a lede's opening words
    and a headline in capitals are titled in the case the article writes the words in
    elsewhere; abbreviations in the body stay."""
    import analysis.gist as gist

    text = (
        "WAITROSE FIRE: MAN DENIES ARSON\n\n"
        "A FIRE has badly damaged the Waitrose supermarket in Wellington's High Street.\n\n"
        "A man has denied arson following a fire at a Somerset supermarket. "
        "The US and NATO condemned the fire."
    )

    def told(trigger: str) -> str:
        return _gists(nlp, text, "2013-07-23", trigger)[0]

    assert told("damaged") == "Fire damages the Waitrose supermarket"
    assert told("DENIES") == "Man denies"
    assert told("condemned").startswith("US and NATO condemn")
    monkeypatch.setattr(gist, "HOUSE_STYLE_CASE", False)
    assert told("damaged") == "FIRE damages the Waitrose supermarket"


def test_a_part_of_the_people_keeps_its_article(nlp: Any, monkeypatch: Any) -> None:
    """ECB+ 18 (a real sentence, 18_2ecbplus, its quotation marks left out; the Troy office
    shooting of April 2007): a
    headline drops a subject's articles, but not the one after a part's "of" ("All three
    of people targeted" was no English); a leader "of the rebels" still drops it."""
    import analysis.phrase_text as phrase_text

    craft = (
        "I'm not positive all three of the people were targeted, but there appeared to be "
        "some purpose, Craft said."
    )
    assert _title_of(nlp, craft, "targeted") == "All three of the people targeted"
    assert _title_of(nlp, "The leader of the rebels was arrested.", "arrested") == (
        "Leader of rebels arrested"
    )
    monkeypatch.setattr(phrase_text, "PARTITIVE_THE", False)
    assert _title_of(nlp, craft, "targeted") == "All three of people targeted"


def test_a_gerund_told_of_a_noun_is_its_owners_deed(nlp: Any, monkeypatch: Any) -> None:
    """ECB+ 12 (real, 12_6ecbplus, its end cut): the possessor of a noun with a gerund
    after its preposition does what the gerund tells ("Attacking of merchant vessels" was
    the title); ECB+ 2 (real, 2_5ecbplus, cut at its colon): so does who has the
    experience."""
    import analysis.control as control

    pirates = (
        "The timely operation by Sukanya resulted, once again, in foiling the pirates' "
        "intention of attacking merchant vessels transiting this busy sea lane."
    )
    host = "DeGeneres has experience hosting the Academy Awards."
    assert _title_of(nlp, pirates, "attacking") == "Pirates attack merchant vessels"
    assert _title_of(nlp, host, "hosting") == "DeGeneres hosts Academy Awards"
    monkeypatch.setattr(control, "GERUND_OF_NOUN", False)
    assert _title_of(nlp, pirates, "attacking") != "Pirates attack merchant vessels"
    assert _title_of(nlp, host, "hosting") != "DeGeneres hosts Academy Awards"


def test_an_infinitive_told_of_an_adjective(nlp: Any, monkeypatch: Any) -> None:
    """ECB+ 6, 8 and 12 (real: 6_4ecb, its quotation marks cut; 8_11ecbplus; 12_4ecb, its
    end cut): the subject of "is due to", "was unable to", "have been reluctant to" does
    the infinitive, and the title keeps the adjective: not done, or not yet."""
    import analysis.control as control
    import analysis.modality as modality
    import analysis.verb_forms as verb_forms

    hardwicke = (
        "Twilight director Catherine Hardwicke was unable to reach a deal to direct the "
        "sequel and her departure has been the topic of various rumors."
    )
    greece = (
        "Greece's parliament is due to vote on the hefty cuts and reforms proposed by the "
        "government to address the country's financial crisis."
    )
    navies = (
        "Most foreign navies patrolling the Somali coast have been reluctant to detain suspects."
    )
    want = {
        (hardwicke, "deal"): ("Catherine Hardwicke unable to reach a deal", "negated"),
        (greece, "vote"): ("Greece's parliament due to vote on cuts", "hypothetical"),
        (navies, "detain"): ("Most foreign navies reluctant to detain suspects", "hypothetical"),
    }

    def told(text: str, word: str) -> tuple[str, str]:
        row = next(r for r in _rows(nlp, text) if r["trigger"] == word)
        return str(summarise([row])["title"]), row["modality"]

    assert {k: told(*k) for k in want} == want
    # ECB+ 7 (real, 7_6ecb): an adjective joined to another by "and"
    thompson = (
        "He was so thoroughly overmatched tonight and unwilling to fight Klitschko that "
        "he's clearly got nothing left as a top fighter."
    )
    assert told(thompson, "fight")[1] == "hypothetical"
    monkeypatch.setattr(verb_forms, "ADJECTIVE_TOLD", False)
    assert told(greece, "vote")[0] != want[(greece, "vote")][0]
    monkeypatch.setattr(verb_forms, "ADJECTIVE_TOLD", True)
    monkeypatch.setattr(modality, "ADJECTIVE_MODALITY", False)
    assert told(hardwicke, "deal")[1] != "negated"
    assert told(thompson, "fight")[1] != "hypothetical"
    monkeypatch.setattr(modality, "ADJECTIVE_MODALITY", True)
    monkeypatch.setattr(control, "ADJECTIVE_COMPLEMENT", False)
    assert told(navies, "detain")[0] != want[(navies, "detain")][0]


def test_what_one_is_glad_or_sad_to_hear_of_is_so(nlp: Any) -> None:
    """ECB+ 32 (real, 32_4ecbplus, its speaker cut): "sad to hear of the untimely death"
    tells a death that was; "ready to" tells one that is not yet (written)."""
    sad = (
        "The university's staff and students are extremely sad to hear of the untimely "
        "death of Katie Jenkin."
    )
    ready = "The university's staff and students are ready to hear of the death of Katie Jenkin."
    assert next(r for r in _rows(nlp, sad) if r["trigger"] == "death")["modality"] == "asserted"
    assert (
        next(r for r in _rows(nlp, ready) if r["trigger"] == "death")["modality"] == "hypothetical"
    )


def test_a_nouns_not_is_kept(nlp: Any, monkeypatch: Any) -> None:
    """ECB+ 18 (real, 18_7ecbplus): "Not guilty pleas" are no "Guilty pleas"."""
    import analysis.phrase_tokens as phrase_tokens

    text = (
        "Not guilty pleas were entered on LaCalamita's behalf to charges of first-degree "
        "murder, intent to murder, possession of a firearm in the commission of a felony "
        "and fleeing and eluding police."
    )
    assert _title_of(nlp, text, "murder") == "Not guilty pleas entered on LaCalamita's behalf"
    monkeypatch.setattr(phrase_tokens, "NOUN_NOT_KEPT", False)
    assert _title_of(nlp, text, "murder") == "Guilty pleas entered on LaCalamita's behalf"


def test_a_title_never_tells_the_opposite_of_its_sentence(nlp: Any, monkeypatch: Any) -> None:
    """ECB+ 16 and 3 (real: 16_9ecbplus, 3_9ecb): what was nearly done, or what a jury
    failed to do, is quoted when the headline clause would lose the "nearly" or the
    "failed"; a clause that keeps it stays ("None hit", written)."""
    import analysis.negated_gist as negated_gist

    orozco = (
        "Family members listened to testimony that included the defendant's violent past "
        "and the many times he escaped prosecution by using his gang's influence and power "
        "to intimidate victims - including two nearly killed when they were shot and "
        "stabbed in the back by Orozco, according to prosecutors."
    )
    jury = (
        "Nichols was spared capital punishment when the jury failed to reach a unanimous "
        "decision to condemn him to death row for the murders of a judge, a court "
        "reporter, a deputy and a federal agent."
    )
    wall = "She also fired through a wall at police officers but none were hit."

    def row(text: str, word: str) -> dict[str, Any]:
        return next(r for r in _rows(nlp, text) if r["trigger"] == word)

    assert row(orozco, "killed")["modality"] == "negated"
    assert row(orozco, "killed")["gist"].startswith("“")
    assert row(jury, "condemn")["gist"].startswith("“")
    assert row(wall, "hit")["gist"] == "None hit"
    monkeypatch.setattr(negated_gist, "NEGATION_KEPT", False)
    assert row(orozco, "killed")["gist"] == "Two killed"
    assert not row(jury, "condemn")["gist"].startswith("“")


def test_the_mention_naming_the_sides_speaks(nlp: Any, monkeypatch: Any) -> None:
    """ECB+ 16 (16_9ecbplus, real, "Deputy Jerry" written; the second mention's clause
    is another report's): of two mentions of one murder naming its victim, the one whose
    clause names him titles the event, not the more salient "2005 murder"; a mention
    told as not done speaks in its quote, not as "Sign by Gary Ross" (ECB+ 6,
    6_7ecbplus, real, its end cut)."""
    import ingest.event_summary as event_summary
    from analysis import titles

    murder = next(
        r
        for r in _rows(
            nlp,
            "Deputy Jerry Ortiz was assigned to track Orozco down the day before his June "
            "24, 2005 murder.",
        )
        if r["trigger"] == "murder"
    )
    murder.update(target_name="Jerry Ortiz", target_label="PERSON", target_id=1)
    named = {**murder, "id": 1, "gist": "Murdering of Jerry Ortiz", "salience": 0.5}
    assert summarise([murder, named])["title"] == "Murdering of Jerry Ortiz"
    monkeypatch.setattr(event_summary, "NAMING_GIST_SPEAKS", False)
    assert summarise([murder, named])["title"] == "2005 murder"

    ross = (
        "According to The Hollywood Reporter, he has yet to formally sign on, and "
        "negotiations might just be proceeding with some difficulty."
    )
    sign = next(r for r in _rows(nlp, ross) if r["trigger"] == "sign")
    sign.update(actor_name="Gary Ross", actor_label="PERSON", actor_id=2)
    assert sign["modality"] == "negated"
    assert summarise([sign])["title"].startswith("“")
    monkeypatch.setattr(titles, "NEGATED_QUOTE_STAYS", False)
    assert not summarise([sign])["title"].startswith("“")


def test_the_last_to_be_sentenced_is_who_the_sentence_is_about(nlp: Any, monkeypatch: Any) -> None:
    """ECB+ 28 (real: 28_5ecbplus; 28_2ecbplus with a written first sentence naming him):
    "the last (defendant) to be sentenced" tells of the copula's subject, also when the
    parser hung the second "was" on the first clause's verb or took "the first" for a
    second subject ("Last defendant sentenced", "Last sentenced" were the titles)."""
    import analysis.clause_subject as clause_subject

    defendant = (
        "Although the first to plead guilty in the coverup case, LaRue was the last "
        "defendant to be sentenced."
    )
    last = (
        "Fred LaRue died on Saturday. He was the first administration official to plead "
        "guilty to charges in the Watergate coverup and was the last to be sentenced."
    )
    assert _title_of(nlp, defendant, "sentenced") == "LaRue sentenced"
    assert _title_of(nlp, last, "sentenced") == "Fred LaRue sentenced"
    monkeypatch.setattr(clause_subject, "COMPLEMENT_NOUN", False)
    assert _title_of(nlp, defendant, "sentenced") != "LaRue sentenced"
    assert _title_of(nlp, last, "sentenced") != "Fred LaRue sentenced"


def test_a_possessor_on_its_own_and_the_writers_article(nlp: Any, monkeypatch: Any) -> None:
    """The extraction benchmark's latimes.com page on Gannett and GateHouse and its
    sfgate.com page on the Islanders (real sentences, cut as said): a possessor told as
    the gerund's doer loses its "'s"; "a" before a word the writer wrote next to it
    stays "a" ("a one-year contract", not "an one-year")."""
    import analysis.phrases as phrases

    firm = (
        "According to a 2018 survey, the firm's practice after acquiring a newspaper has been "
        "to consolidate copy editing."
    )
    assert _title_of(nlp, firm, "acquiring") == "Firm acquires a newspaper"
    maroon = (
        "Maroon, a St. Louis native, made his first trip back to the city since signing a "
        "one-year contract with the Lightning in the offseason."
    )
    assert _title_of(nlp, maroon, "signing") == (
        "Maroon signs a one-year contract with the Lightning"
    )
    monkeypatch.setattr(phrases, "POSSESSOR_ALONE", False)
    assert _title_of(nlp, firm, "acquiring") == "Firm's acquires a newspaper"


def test_a_relative_clauses_second_verb_is_active_and_shares_its_object(
    nlp: Any, monkeypatch: Any
) -> None:
    """ECB+ 28 (real, 28_3ecbplus; the sentence as written): the tagger's "killed" (VBN)
    after "whom Fred LaRue shot and" made LaRue the one killed, in the accident."""
    import analysis.misreads as misreads
    import analysis.passives as passives

    text = (
        "His father, Ike Parsons LaRue Sr., whom Fred LaRue shot and killed in a Canadian "
        "duck-hunting accident in 1957, was a first cousin of Sid Richardson."
    )
    assert _title_of(nlp, text, "killed") == "Fred LaRue kills LaRue Sr."
    monkeypatch.setattr(misreads, "RELATIVE_SHARED", False)
    assert _title_of(nlp, text, "killed") == "Fred LaRue kills in a Canadian duck-hunting accident"
    monkeypatch.setattr(passives, "ACTIVE_WITH_OBJECT", False)
    assert _title_of(nlp, text, "killed") == "Fred LaRue killed in a Canadian duck-hunting accident"


def test_a_pronoun_in_a_clause_is_its_telling_subjects_pronoun(nlp: Any, monkeypatch: Any) -> None:
    """ECB+ 16 (real, 16_10ecbplus; two sentences as written): the second "he" is the
    first, not Ortiz, the last person named before it (he is who was killed)."""
    from analysis import pronoun_cues

    text = (
        "He noted the 29-year-old gang member not only killed the deputy while hiding "
        "outside of the lawman's view behind a door, Orozco also allegedly tried to kill "
        "another man just a few days earlier by shooting that individual in the back twice, "
        "and had bragged about killing the officer.\n\nHe had also boasted prior to Ortiz's "
        "killing that he wanted to kill a cop, that he wanted to make a name for his gang, "
        "the judge added."
    )
    assert _title_of(nlp, text, "kill", nth=1) == "“He wanted to kill a cop”"
    monkeypatch.setattr(pronoun_cues, "MATRIX_PRONOUN_BINDS", False)
    assert _title_of(nlp, text, "kill", nth=1) == "Ortiz wants to kill a cop"


def test_the_former_is_no_one_a_title_can_name(nlp: Any, monkeypatch: Any) -> None:
    """ECB+ 8 (real, 8_6ecbplus): "the former" is the crowd, told before; not "Former
    attacks the bank magnate"."""
    from analysis import gist_clause

    text = (
        "Clashes broke out between the crowd and police when the former attacked the bank "
        "magnate accusing him of forcing the dead workers to scab on a general strike and "
        "locking them in the building despite them demanding to evacuate it since 12:00."
    )
    assert not _title_of(nlp, text, "attacked").startswith("Former")
    monkeypatch.setattr(gist_clause, "FORMER_IS_NO_NAME", False)
    assert _title_of(nlp, text, "attacked").startswith("Former attacks")


def test_an_amount_keeps_its_article_in_a_subject(nlp: Any, monkeypatch: Any) -> None:
    """ECB+ 18 (real, 18_6ecb): "about a dozen", not "about dozen"; the articles a
    headline drops still go ("Egypt, Qatar and United States", a sample's)."""
    from analysis import phrase_text

    text = (
        "In the office she and about a dozen coworkers had just fled, Benjamin David Banky, "
        "40, the CEO of TallGrass, lay dead."
    )
    assert _title_of(nlp, text, "fled").startswith("About a dozen coworkers flee")
    monkeypatch.setattr(phrase_text, "AMOUNT_ARTICLE", False)
    assert _title_of(nlp, text, "fled").startswith("About dozen coworkers flee")


def test_a_long_title_is_not_cut_after_a_word_before_a_noun(monkeypatch: Any) -> None:
    """Al-Ahram Weekly, 2 August 2025 (the bundled aggregator page): "Israeli airstrikes
    and ground operations have displaced nearly the entire population of Gaza"."""
    from analysis import title_cut

    draft = "Israeli airstrikes and ground operations displace the entire population of Gaza"
    assert headline(draft, "displace") == (
        "Israeli airstrikes and ground operations displace the entire population"
    )
    monkeypatch.setattr(title_cut, "PRENOUN_FINISHED", False)
    assert headline(draft, "displace") == (
        "Israeli airstrikes and ground operations displace the entire"
    )


def test_a_noun_trigger_is_titled_without_its_and_partners(nlp: Any, monkeypatch: Any) -> None:
    """ECB+ 3 (3_9ecbplus, Arcade Comeaux's escape, November 2009), a real sentence:
    each assault is its own happening, titled on its own."""
    from analysis import phrases

    convicted = (
        "He was in prison after being convicted of aggravated sexual assault of a child and "
        "aggravated assault with a deadly weapon."
    )

    assert _gists(nlp, convicted, "2009-11-30", "assault") == [
        "Aggravated sexual assault of a child",
        "Aggravated assault with a deadly weapon",
    ]
    monkeypatch.setattr(phrases, "TRIGGER_ALONE", False)
    assert _gists(nlp, convicted, "2009-11-30", "assault")[0] == "Assault of a child and assault"


def test_the_second_side_of_between_is_no_subject(nlp: Any, monkeypatch: Any) -> None:
    """The extraction benchmark's news.sky.com page (Mourinho to Tottenham, November
    2019), a real sentence: the parse hangs "Mourinho's representatives" on the verb as a
    second subject; it is the other side of "between" (own_subject.BETWEEN_PARTNER)."""
    from analysis import own_subject

    text = (
        "Negotiations between the London side and Mourinho's representatives intensified "
        "over the last few days, with talks continuing into Tuesday night."
    )

    def gist() -> str:
        return _gists(nlp, text, "2019-11-20", "Negotiations")[0]

    assert gist().startswith("Negotiations intensify")
    monkeypatch.setattr(own_subject, "BETWEEN_PARTNER", False)
    assert gist().startswith("Mourinho's representatives intensify")


@pytest.mark.parametrize(
    ("module", "switch", "text", "day", "trigger", "on", "off"),
    [
        pytest.param(
            "gist_clause",
            # The extraction benchmark's businessinsider.de page ("10 things in tech you
            # need to know today", 19 November 2019), real sentences: the company is the
            # one contacted, and the title says so
            "REPORTED_PASSIVE_KEEPS_IT",
            "The New York state attorney general is investigating WeWork amid layoffs. The "
            "company confirmed that it had been contacted by Attorney General Letitia James' "
            "office, which will reportedly focus on activities by WeWork's founder and former "
            "CEO, Adam Neumann.",
            "2019-11-19",
            "confirmed",
            "Company confirms office contacted it",
            "Company confirms office contacted",
            id="a reported passive keeps the reporter as its object",
        ),
        pytest.param(
            "gist_clause",
            # ECB+ 2 (real, 2_4ecb, on Hugh Jackman named Oscars host): "who hosted" is
            # Stewart's clause; DeGeneres, joined to him after it, hosted another year
            "ANTECEDENT_ALONE",
            "Jon Stewart, who hosted in 2008 and 2006, and Ellen DeGeneres, the 2007 host, "
            "were the latest in a line of funny emcees since 1990.",
            "2008-12-12",
            "hosted",
            "Jon Stewart hosts",
            "Jon Stewart and Ellen DeGeneres host",
            id="a relative clause is told of its antecedent alone",
        ),
        pytest.param(
            "gist_fallback",
            # ECB+ 6 (real, 6_2ecbplus): the subject of "fight" is "them", the object of
            # "have"; quoted alone the clause read "Them fight to the death"
            "LED_CLAUSE_KEEPS_ITS_VERB",
            "The alternative is to throw 24 directors into an arena and have them fight to "
            "the death.",
            "2012-04-25",
            "fight",
            "“…have them fight to the death”",
            "“Them fight to the death”",
            id="a clause led by its verb is quoted with it",
        ),
        pytest.param(
            # the extraction benchmark's pages (MIT; jpost.com on the stabbing of the son
            # of a former German president)
            "gist_fallback",
            "HYPHENED_WHOLE",
            "Police arrested a 57-year-old man suspect of committing the assassination.",
            "2019-11-18",
            "assassination",
            "“…man suspect of committing the assassination”",
            "“…year-old man suspect of committing the assassination”",
            id="a quote never opens inside a hyphened word",
        ),
        pytest.param(
            # the extraction benchmark's pages (MIT; wired.com on Instagram's business
            # accounts): the clausal subject was dropped without a mark, a misquote
            "gist_fallback",
            "SUBJECT_CLAUSE_KEPT",
            "Unsurprisingly, opening a business account is also a gateway to buying ads.",
            "2019-11-15",
            "buying",
            "“…account is also a gateway to buying ads”",
            "“Unsurprisingly, is also a gateway to buying ads”",
            id="a quote keeps its clause's subject",
        ),
        pytest.param(
            # the extraction benchmark's pages (MIT; bigbrandsystem.com): "let's" is "let
            # us", a clause led by its verb
            "gist_fallback",
            "LED_CLAUSE_KEEPS_ITS_VERB",
            "Before we dive in, let’s talk about the deep end for a moment.",
            "2018-08-22",
            "talk",
            "“…let’s talk about the deep end for…”",
            "“’s talk about the deep end for a…”",
            id="a quote of let's opens on let",
        ),
        pytest.param(
            # ECB+ 28 (real, 28_13ecb, cut at the comma): titled "Felt begins"
            "gist_object",
            "GERUND_OBJECT",
            "Felt was deputy associate director of the FBI in 1972 when he began supplying "
            "information to Bob Woodward.",
            "2008-12-19",
            "supplying",
            "Felt begins supplying information to Bob Woodward",
            "Felt begins",
            id="a gerund its verb governs is what the verb does",
        ),
    ],
)
def test_a_gist_switch_makes_its_gist(
    nlp: Any,
    monkeypatch: Any,
    module: str,
    switch: str,
    text: str,
    day: str,
    trigger: str,
    on: str,
    off: str,
) -> None:
    import importlib

    assert _gists(nlp, text, day, trigger) == [on]
    monkeypatch.setattr(importlib.import_module(f"analysis.{module}"), switch, False)
    assert _gists(nlp, text, day, trigger) == [off]


@pytest.mark.parametrize("told", [True, False])
def test_a_peoples_adjective_on_a_thing_leaves_the_title_to_the_clause(
    nlp: Any, monkeypatch: Any, told: bool
) -> None:
    # ECB+ 12 (real, 12_8ecb): whose boats, not whom; "Ibanez" (a name the tagger takes
    # for a people) is no people's adjective
    from analysis import demonyms, titles

    monkeypatch.setattr(titles, "PEOPLES_THING_TOLD", told)
    text = (
        "Just this month, Somali pirates captured two Yemeni fishing boats and 22 Yemeni "
        "fishermen in the Gulf of Aden, Yemen's official news agency SABA reported."
    )
    want = "Somali pirates capture two boats" if told else "Somalis capture Yemenis"
    assert _title_of(nlp, text, "captured") == want
    assert not demonyms.adjective_kept("Ibanez", "signing Ibanez if they lost out", "")


def test_a_judging_verb_with_no_object_is_a_headline_passive(nlp: Any, monkeypatch: Any) -> None:
    from analysis import passives

    # ECB+ 34 (real, 34_7ecbplus): a foundation's release on Regina Benjamin's nomination
    text = (
        "Nominee praised for her expertise, credentials, judgment and passionate commitment "
        "to health care equity and social justice."
    )
    assert _title_of(nlp, text, "praised").startswith("Nominee praised for her expertise")
    monkeypatch.setattr(passives, "JUDGING_VERBS", frozenset())
    assert _title_of(nlp, text, "praised").startswith("Nominee praises")


def test_that_hung_on_the_source_of_according_to_is_no_person(nlp: Any, monkeypatch: Any) -> None:
    from analysis import relative_pronouns

    # ECB+ 13 (real, 13_4ecbplus): the parser hangs "that was destroyed" on Palin, who
    # tells what burned; the offices were destroyed (not the records of the relative
    # clause between them)
    text = (
        "Instead it was, according to Sarah Palin, the offices where church records were "
        "stored, that was destroyed."
    )
    assert _title_of(nlp, text, "destroyed") == "Offices destroyed"
    monkeypatch.setattr(relative_pronouns, "a_source", lambda person: False)
    assert _title_of(nlp, text, "destroyed") == "Sarah Palin destroyed"


def test_a_participle_of_being_bound_for_something_is_no_active_verb(
    nlp: Any, monkeypatch: Any
) -> None:
    from analysis import passives

    # the extraction benchmark's cityam.com page (real): a link's headline, with no "is"
    text = "Read more: Alibaba poised to launch record-breaking $13.4bn Hong Kong listing"
    assert _title_of(nlp, text, "launch").startswith("Alibaba poised to launch")
    monkeypatch.setattr(passives, "BOUND_FOR", False)
    assert _title_of(nlp, text, "launch").startswith("Alibaba poises to launch")


def test_a_happening_that_only_occurred_is_told_by_where_or_after_what(
    nlp: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from analysis import gist_object

    # ECB+ 13_4ecbplus and 19_5ecb (CC BY 3.0, as the bench joins them): "Fire occurs"
    # and "Clashes come" were the titles; the place or what came before says which one
    fire = "This time the fire occurred at the Matanuska Maid Creamery."
    clashes = (
        "The clashes late on Saturday came after an evening candle-lit vigil to mark the"
        " shooting of 15-year-old Alexandros Grigoropoulos."
    )
    assert _title_of(nlp, fire, "fire") == "Fire at Matanuska Maid Creamery"
    assert _title_of(nlp, clashes, "clashes").startswith("Clashes after an evening")
    monkeypatch.setattr(gist_object, "OCCURRENCE_WHERE", False)
    assert _title_of(nlp, fire, "fire") == "Fire occurs"
