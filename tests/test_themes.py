"""What a happening is done to (analysis.themes), read from real spaCy parses of real
sentences, and how the linker uses it with the sentences' other words.

The sentences are from the article-extraction benchmark's pages (MIT, see
tests/fixtures/ingest/extraction-benchmark.LICENSE): news of 18-20 November 2019, where
the same words told different happenings inside one loose story.
"""

from __future__ import annotations

from typing import Any

import pytest

from analysis.choice import decide
from analysis.features import EventFeatures, MentionFeatures
from analysis.linking import LEDE_SENTENCES, score
from analysis.story_words import sentence_words
from analysis.themes import theme

LETTER = (
    "In December 2015, shortly before voting began in the Republican presidential primary, "
    "Trump released a letter from his longtime physician Dr. Harold Bornstein."
)
TRANSCRIPT = (
    "Once Trump released the transcript of his July 25th call with Ukrainian president "
    "Zelensky, the nation learned that the whistleblower was no such thing."
)
STATEMENT = (
    "In a statement released November 5, the day the proposals were due to NASA, it said "
    "it submitted a proposal."
)
TASK_ORDER = (
    "Clarke said NASA is developing a new task order that should be released sometime soon "
    "for the companies to bid on."
)
MISSILE = "The administration was pulling out of the warped missile agreement with Russia."
TRADE = "A phase one trade deal between the United States and China was supposed to be limited."


def _trigger(doc: Any, word: str) -> Any:
    return next(t for t in doc if t.text == word)


@pytest.mark.parametrize(
    ("sentence", "word", "expected"),
    [
        (LETTER, "released", "letter"),  # a verb's object
        (TRANSCRIPT, "released", "transcript"),
        (STATEMENT, "released", "statement"),  # a participle is done to its noun
        (TASK_ORDER, "released", "order task"),  # so is a passive relative clause
        (MISSILE, "agreement", "missile"),  # a noun's compound words
        (TRADE, "deal", "trade"),
    ],
)
def test_a_theme_is_what_the_happening_is_done_to(
    nlp: Any, sentence: str, word: str, expected: str
) -> None:
    assert theme(_trigger(nlp(sentence), word)) == expected


def test_no_theme_from_names_support_verbs_or_nothing(nlp: Any) -> None:
    # A named party is an entity (compared as actor / target), never a theme.
    doc = nlp("Israel attacked Iran on Friday.")
    assert theme(_trigger(doc, "attacked")) == ""
    # "take place": the object of a support verb is the happening itself.
    doc = nlp("The signing will take place in farm country.")
    assert theme(_trigger(doc, "take")) == ""
    doc = nlp("The protests began peacefully in June.")
    assert theme(_trigger(doc, "protests")) == ""


def _m(text: str, lemma: str, **kw: Any) -> MentionFeatures:
    base: dict[str, Any] = {
        "id": 100,
        "article_id": 2,
        "type": "other",
        "lemma": lemma,
        "story": 7,
        "published": "2019-11-19",
        "words": sentence_words(text, lemma),
    }
    base.update(kw)
    return MentionFeatures(**base)


def _event(*mentions: MentionFeatures) -> EventFeatures:
    ev = EventFeatures(id=1)
    for m in mentions:
        ev.add(m)
    return ev


def test_deep_in_two_articles_the_word_alone_needs_more_said_in_common() -> None:
    # One story (Trump's impeachment), the word alone, told in paragraphs 17 and 24: "agree
    # to a meeting" and "the warped missile agreement" are two happenings.
    deep = LEDE_SENTENCES + 12
    ev = _event(
        _m(
            "Sondland told visiting Ukraine officials they would need to deliver before the "
            "administration would reach an agreement on a meeting Zelenskiy wanted.",
            "agreement",
            id=1,
            article_id=1,
            sentence=deep,
        )
    )
    later = _m(MISSILE, "agreement", sentence=deep + 7)
    assert score(later, ev) is None
    # The same word told in the articles' ledes: the story's happening, and the word is
    # enough inside a story, as before.
    ev_lede = _event(
        _m(
            "Officials said the administration would honour the agreement.",
            "agreement",
            id=1,
            article_id=1,
            sentence=1,
        )
    )
    assert decide(_m(MISSILE, "agreement", sentence=0), [ev_lede])[0] == 1


def test_an_event_told_only_with_a_recurring_word_needs_anchors_whatever_joins_it() -> None:
    # Real news, 19-20 November 2019, one story: "the administration would agree to a
    # meeting" first, then "the Trump administration ... pulling out of the warped missile
    # agreement": their sentences share "Trump" and "administration", but an event told
    # only as "agree" (a kind a story tells many times) is joined on who or when, not on
    # the word, from either side.
    deep = LEDE_SENTENCES + 12
    agree = _m(
        "Sondland told Ukraine officials they would need to deliver before the Trump "
        "administration would agree to a meeting Zelenskiy wanted with Trump.",
        "agree",
        type="agree",
        id=1,
        article_id=1,
        sentence=deep,
    )
    missile = _m(
        "The Trump administration fulfilled their agendas, pulling out of the warped "
        "missile agreement with Russia.",
        "agreement",
        type="agree",
        sentence=deep + 7,
    )
    assert score(missile, _event(agree)) is None
    # the other way round as before: "agree" joins no one's agreement on the word alone
    assert score(agree, _event(missile)) is None
    # an event told as "the agreement" takes another "agreement" of the story as before
    other = _m(
        "The Trump administration said the missile agreement with Russia was dead.",
        "agreement",
        type="agree",
        id=3,
        article_id=3,
        sentence=deep,
    )
    assert decide(missile, [_event(other)])[0] == 1


def test_a_deal_recurs_in_a_story() -> None:
    # Real news, 18-20 November 2019, one loose China story: Alibaba's share sale and the
    # US-China trade deal, each told in its article's lede with the word "deal".
    alibaba = _m(
        "The deal could eventually raise up to $12.9bn if a green shoe option is exercised.",
        "deal",
        type="agree",
        id=1,
        article_id=1,
        sentence=1,
    )
    trade = _m(
        "Trump recognizes that making such concessions for a skinny trade deal is not good.",
        "deal",
        type="agree",
        sentence=2,
    )
    assert score(trade, _event(alibaba)) is None


def test_deep_reports_join_when_their_sentences_tell_more_of_it() -> None:
    deep = LEDE_SENTENCES + 10
    ev = _event(
        _m(
            "Sondland is entangled in efforts to get Ukraine to investigate Joe Biden and "
            "Democrats in the 2016 election.",
            "election",
            type="election",
            id=1,
            article_id=1,
            sentence=deep,
        )
    )
    later = _m(
        "During the later hearing, Volker said that he does not think that raising 2016 "
        "elections or Vice President Biden are things that one should pursue.",
        "election",
        type="election",
        sentence=deep + 5,
    )
    assert decide(later, [ev])[0] == 1  # "2016" and "Biden" in common


def test_deep_reports_done_to_different_things_stay_apart() -> None:
    # "a statement released" and "a task order ... released": two releases, though their
    # sentences share "NASA" and "companies".
    deep = LEDE_SENTENCES + 10
    ev = _event(
        _m(
            STATEMENT + " NASA companies",
            "release",
            id=1,
            article_id=1,
            sentence=deep,
            theme=frozenset({"statement"}),
        )
    )
    later = _m(TASK_ORDER + " NASA", "release", sentence=deep, theme=frozenset({"order", "task"}))
    assert score(later, ev) is None


def test_the_event_screen_says_what_a_cross_article_link_rests_on() -> None:
    from analysis.reasons import link_reasons

    first = _m(TRADE, "deal", id=1, article_id=1, sentence=0, theme=frozenset({"trade"}))
    other = _m(
        "China wants a trade deal with the United States that rolls back tariffs.",
        "deal",
        sentence=2,
        theme=frozenset({"trade"}),
    )
    reasons = link_reasons(other, [first])
    assert reasons[:2] == ["same story", "“deal”"]
    assert "about trade" in reasons
    assert "both in the lede" in reasons
    # participants or a time in common say it already; the word alone does not
    bare = link_reasons(_m("China and the United States reached a deal.", "deal"), [first])
    assert bare[:2] == ["same story", "“deal”"] and "more words in common" in bare[-1]


QESHM = (
    "Qeshm island governor Heydar Alishbandi told AFP that a total of 10 people had been "
    "killed and that the death toll was not expected to rise further."
)
CHINA = "On Saturday, more than a dozen people were killed by a quake in eastern China."


def test_a_trigger_as_written_is_no_word_two_sentences_share(monkeypatch: Any) -> None:
    """ECB+ (CC BY 3.0), two reports of Iran's Qeshm quake, one story: the governor's
    "10 people had been killed" (undated, deep in its report) and, deep in another,
    another quake: "more than a dozen people were killed by a quake in eastern China".
    Beside their trigger they share only "people": the word alone is not enough so deep
    in. Counting "killed" as a second shared word had joined them."""
    from analysis import story_words

    def pair() -> tuple[MentionFeatures, EventFeatures]:
        qeshm = _m(
            QESHM,
            "kill",
            id=1,
            article_id=1,
            type="kill",
            story=46,
            sentence=6,
            published="2005-11-28",
            modality="reported",
            words=story_words.sentence_words(QESHM, "kill", "killed"),
        )
        china = _m(
            CHINA,
            "kill",
            type="kill",
            story=46,
            sentence=8,
            published="2005-11-27",
            date="2005-11-26",
            precision="day",
            modality="asserted",
            words=story_words.sentence_words(CHINA, "kill", "killed"),
        )
        return china, _event(qeshm)

    assert score(*pair()) is None
    monkeypatch.setattr(story_words, "TRIGGER_FORM_OUT", False)
    assert score(*pair()) is not None


def test_deep_words_in_common_are_counted_one_sentence_at_a_time() -> None:
    # ECB+ 16_7ecbplus (CC BY 3.0, tests/fixtures/events/ecbplus.LICENSEDATA.TXT): the
    # arrest of the deputy's killer, told in four sentences; 16_5ecbplus, paragraphs on:
    # witnesses detained. The detaining shares "deputy" with one of the arrest's sentences
    # and "shooting" with another, words every report of the killing uses: no sentence of
    # the arrest says more of it, and the detaining is no arrest of Orozco.
    arrest = [
        "Before he was fatally shot, Los Angeles County Sheriff's Deputy Jerry Ortiz was "
        'looking for a man considered to be a "career criminal" and was hoping to arrest him '
        "on suspicion of attempted murder, officials said Saturday.",
        "Orozco was arrested around midnight Friday by a sheriff's SWAT team, three houses "
        "from the scene of the fatal shooting.",
        "A handgun was recovered during the arrest, Peavy said.",
        "Baca praised the work of his investigators, but the arrest seemed to do little to "
        "quell his anger.",
    ]
    ev = _event(
        *(
            _m(text, "arrest", type="seize", id=i, article_id=1, sentence=s)
            for i, (text, s) in enumerate(zip(arrest, (2, 4, 14, 21), strict=True), start=1)
        )
    )
    detained = _m(
        "Patrol deputies detained as many as nine potential witnesses and others in an "
        "effort to learn details of the shooting.",
        "detain",
        type="seize",
        sentence=28,
    )
    assert score(detained, ev) is None
    # One sentence of the arrest's that says two more words of it in common still joins.
    said_more = _m(
        "Patrol deputies detained Orozco three houses from the scene of the shooting.",
        "detain",
        type="seize",
        sentence=28,
    )
    assert score(said_more, ev) is not None
