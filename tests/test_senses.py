"""The sense of a trigger word decided from its arguments (analysis.senses). Real
sentences: ECB+ articles (bench.ecb_articles), the extraction benchmark's news pages, the
bundled samples (the CNN page, wikinews, MEANTIME).
"""

from __future__ import annotations

import importlib
from typing import Any

import pytest

from analysis.events import extract_events, mentions_from_ents


def _mentions(nlp: Any, text: str, trigger: str) -> list[dict[str, Any]]:
    doc = nlp(text)
    return [
        e for e in extract_events(doc, mentions_from_ents(doc), None) if e["trigger"] == trigger
    ]


@pytest.mark.parametrize(
    ("text", "trigger", "etype"),
    [
        # ECB+: a coach, a board, officers fired by who employs them
        (
            "After the Blazers fired Cheeks... it was only a matter of time before Philly and"
            " Cheeks hooked up again.",
            "fired",
            "other",
        ),
        ("Palin responded by firing the board.", "firing", "other"),
        # ECB+ 28: a deputy fired is dismissed (a dismissal demanded had been an attack)
        (
            "Attorney General Richard Kleindienst had pressured FBI Acting Director L. Patrick"
            " Gray to fire his deputy.",
            "fire",
            "other",
        ),
        # wikinews sample (GM story)
        ("Also, Ford will fire 12% of its 53 executive officers.", "fire", "other"),
        # ECB+: nature's blow is a disaster
        (
            "An earthquake with a magnitude of at least 5. 9 hit southern Iran on Sunday,"
            " killing at least 10 people and injuring many others.",
            "hit",
            "disaster",
        ),
        (
            "Iran sits in a volatile earthquake region and is regularly struck by damaging quakes.",
            "struck",
            "disaster",
        ),
        (
            "In 1990 she founded the Bayou La Batre Rural Health Clinic, which cares for a"
            " largely uninsured working - class community that was hit by both Hurricanes"
            " Katrina and George.",
            "hit",
            "disaster",
        ),
        ('"There was no lightning strike, " Owen said.', "strike", "disaster"),
        # wikinews sample: a boat that sank with no one sinking it
        (
            "On Friday, fishermen rescued over 700 asylum seekers whose boat sank, and the"
            " Indonesian Navy reportedly saved 200 more after they were found swimming along the"
            " coast of Aceh, Indonesia.",
            "sank",
            "disaster",
        ),
        # ECB+: a car hits someone on a road
        (
            "A 59 - year - old mother of two died when a drunken driver struck her with his car"
            " and then drove off, police said.",
            "struck",
            "disaster",
        ),
        (
            "According to investigators, a woman was killed by a hit - and - run driver in"
            " Queens on the night of Sept. 13.",
            "hit",
            "disaster",
        ),
        # ECB+: "opened fire" is gunfire, not a blaze
        (
            "Hiller made her way to the third - floor mixing room where she worked, located her"
            " victims in the break room, and opened fire.",
            "fire",
            "attack",
        ),
        (
            "After the exchange of fire, North Korea stated it would attack any loudspeakers"
            " broadcasting propaganda.",
            "fire",
            "attack",
        ),
        # ECB+: those who stop work
        (
            "Tens of thousands of striking workers and civil servants took to the streets and"
            " masked youths clashed with police in riot gear.",
            "striking",
            "protest",
        ),
        (
            "Some media - - including state television and the Ta Nea newspaper Web site - -"
            " broke the strike to report on the deaths.",
            "strike",
            "protest",
        ),
        (
            "Stewart pulled off a television miracle last year when he hosted the 2007 Oscars"
            " only 11 days after the WGA writer's strike ended.",
            "strike",
            "protest",
        ),
        # wikinews sample: businesses and states fail, they do not fall down
        (
            "The news lessened fears about the country's major financial institutions"
            " collapsing after the collapse of Lehman Brothers in September.",
            "collapse",
            "economic",
        ),
        (
            "When the Soviet Union collapsed there had been an agreement, a recent agreement,"
            " between Gorbachev and the U.S government and the first Bush administration.",
            "collapsed",
            "other",
        ),
        (
            "I think we're responding emotionally to the 20th anniversary of the October 1987"
            " stock market crash.",
            "crash",
            "market",
        ),
    ],
)
def test_the_arguments_tell_the_sense(nlp: Any, text: str, trigger: str, etype: str) -> None:
    (em,) = _mentions(nlp, text, trigger)
    assert em["type"] == etype


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # ECB+: plays and figures
        (
            "But after that he got hot at just the right time and hit his last 6 passes of the"
            " day, capped off by a 7 - yard touchdown pass to Reggie Wayne.",
            "hit",
        ),
        (
            "Having never hit fewer than 26 homers in his six major - league seasons, Teixeira"
            " certainly seems like a better long - term investment than Sabathia.",
            "hit",
        ),
        # ... a level a figure reaches ("broadcast hits 32 million viewers" was an attack,
        # one event with the writers' strike of another report)
        (
            "The February 2008 three-hour plus broadcast, hosted for the second time by"
            " Stewart, hit a low 32 million U.S. viewers and entered the record books as the"
            " least-watched Oscars ever.",
            "hit",
        ),
        (
            "1 points, 6. 7 assists and 2. 1 steals in 1, 101 career games while shooting 52. 3"
            " percent from the field and 79. 3 percent from the charity stripe.",
            "shooting",
        ),
        # real news: a product reaching the market, a crowd fired up
        (
            "Wi-Fi 6, formerly known as 802.11ax, has hit the market this year as the next"
            " generation of Wi-Fi after 802.11ac.",
            "hit",
        ),
        # ECB+ 21 (real, 21_7ecb): a pedal pressed, no blow (it had joined the driver's hit
        # on the woman he ran over)
        (
            "Then LaSalle hit the gas, running her over and dragging her as he tried to get away.",
            "hit",
        ),
        (
            "Brazil star Neymar was among the more than 12,000 in attendance, which also"
            " included a marching band organized by Spanish fans that fired up the crowd"
            " throughout the matches.",
            "fired",
        ),
        # ECB+: criticised, not shot at
        (
            "Up the coast... the Philly Sixers canned Jim O'Brien [ who had been under fire all"
            " season ] and quickly hired Mo Cheeks.",
            "fire",
        ),
        (
            "McDermott's history - making point came at the foul line, when he sank a free"
            " throw with 4: 43 left in the first half.",
            "sank",
        ),
        # real news: a form signed up for, a web page visited
        ("Sign up for the free daily newsletter.", "Sign"),
        (
            "For non-personal use or to order multiple copies, please contact Dow Jones"
            " Reprints at 1-800-843-0008 or visit www.djreprints.com.",
            "visit",
        ),
        # ECB+ 41 (real) and others: a recording or a win captures, no one is seized
        (
            "Surveillance footage, provided as evidence to the jurors, captures the horrific"
            " event as it unfolded.",
            "captures",
        ),
        ("The moment was captured on camera by a passer-by.", "captured"),
        ("The shooting was captured by surveillance cameras.", "captured"),
        ("He captured 40 percent of the vote in the first round.", "captured"),
        # ECB+ and the wikinews sample: code and plans executed, no one put to death
        (
            "According to the company, the issue would allow remote code execution, which means"
            " that an attacker could get access to an unpatched system.",
            "execution",
        ),
        (
            "I have great confidence that Tim and the rest of the executive management team"
            " will do a terrific job executing the exciting plans we have in place for 2011.",
            "executing",
        ),
    ],
)
def test_no_blow_no_killing(nlp: Any, text: str, trigger: str) -> None:
    assert _mentions(nlp, text, trigger) == []


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # Guards (ECB+ and the CNN sample): shots fired, bullets that hit, ships sunk
        (
            "Riot police positioned at street corners in the area responded by firing tear gas"
            " at the protesters.",
            "firing",
        ),
        (
            "LaCalamita then fired one round at Riva, who was struck in the upper chest area.",
            "fired",
        ),
        ("Israeli jets hit a high-rise in Gaza.", "hit"),  # no level reached
        (
            "Seven bullets hit Mr. Gray, including three that entered his body from the rear,"
            " according to the New York City Office of the Chief Medical Examiner.",
            "hit",
        ),
        (
            "The attacks, which sank the two vessels, appear to show an escalation of force.",
            "sank",
        ),
        # (the CNN sample) a ship targeted with missiles and drones
        (
            "Days before that, the Houthis targeted a Liberian-flagged bulk carrier, the Magic"
            " Seas, using unmanned boats, missiles and drones.",
            "targeted",
        ),
        (
            "Five oil fields, including two operated by US companies, were hit after a 'spate"
            " of drone attacks' by 'criminal militias,' an official said on Wednesday.",
            "hit",
        ),
    ],
)
def test_true_attacks_stay_attacks(nlp: Any, text: str, trigger: str) -> None:
    (em,) = _mentions(nlp, text, trigger)
    assert em["type"] == "attack"


def test_in_an_article_about_a_general_strike_the_strike_is_that_one(nlp: Any) -> None:
    # ECB+ (one article): the second "strike" has no mark of its own
    text = (
        "The marches came amid a 24 - hour nationwide general strike that grounded all flights"
        " to and from Greece, shut down ports, schools and government services. Despite the"
        " strike, the draft bill of the new austerity measures is to be voted on Thursday."
        # (the CNN sample's sentence, as a blow marked as one in the same text)
        " Since then, the group has been severely weakened, as its fighters are targeted by"
        " near-daily Israeli strikes."
    )
    got = [e["type"] for e in _mentions(nlp, text, "strike")]
    assert got == ["protest", "protest"]
    (blow,) = _mentions(nlp, text, "strikes")
    assert blow["type"] == "attack"  # (a blow marked as one stays one)


def test_a_ballot_paper_is_no_vote(nlp: Any) -> None:
    # ECB+ 11 (real): three reports of Turkmenistan's 2008 election joined the voting
    # with "not a single Uzbek name on the ballots" and "with secret ballot"
    assert not _mentions(
        nlp,
        "Groups complained that there was not a single Uzbek name on the ballots.",
        "ballots",
    )
    assert not _mentions(nlp, "Citizens vote by secret ballot.", "ballot")
    (cast,) = _mentions(nlp, "Some 2.44 million people cast their ballots.", "ballots")
    assert cast["type"] == "election"


# Sentences a sense rule keeps from being events (each rule's switch, off, makes them one:
# test_a_sense_switch_is_what_keeps_the_word_no_event below).
#: the extraction pages' thehill.com (MIT): typed a protest in the article's panel
DEMONSTRATES = (
    "U.S. Attorney James Kennedy Jr. said in the release this case demonstrates that"
    " free speech does not protect people to “make threats to harm lawmakers simply"
    " because they may disagree with them.”"
)
#: the extraction pages (MIT): both were attacks in their articles' panels
STRUCK_AS = "That struck me as different than other calls I had listened to,” she said."
HIT_BY_PROTESTS = (
    "The deal – set to be the largest share sale in Hong Kong for nine years and a world"
    " record cross-border secondary share sale – represents a much-needed boost for the"
    " city’s bourse, which has been hit by months of anti-government protests."
)
#: the bundled samples: MEANTIME (CC BY 4.0) and Wikinews (GUM, CC BY 2.5)
DEAL_KILLED = (
    "Congressional lawmakers rejected the proposal in October, although industry experts"
    " say the deal had been killed by the Pentagon because of reports stating that the"
    " deal had favored Boeing."
)
COSTUME_SHOT = (
    "She was outside the building in the gardens, waiting for a photographer she had"
    " arranged to shoot her new Epic Mickey costumed character-style outfit."
)
#: the samples' MEANTIME (CC BY 4.0)
RECOGNIZE_ADMITS = "“We recognize in the short term we will see some loss of sales."
#: ECB+ 8_7ecb (CC BY 3.0)
NON_LIFE_THREATENING = "A bank employee suffered non-life threatening injuries."
#: the extraction pages (MIT): the NHL roundup's results line, a disaster in its panel
SCORE_LINE = (
    "Maroon, a St. Louis native, made his first trip back to the city since signing a"
    " one-year contract with the Lightning in the offseason.\n\nHurricanes 4, Blackhawks 2:"
    " Nino Niederreiter had a goal and an assist, and Carolina beat Chicago for their"
    " fourth straight victory."
)
#: the samples' Wikinews (GUM, CC BY 2.5): a poem's line, a killing in its panel
DO_OR_DIE = (
    "Of course you do, you're a Mets fan caught in a do-or-die moment in late September at Shea"
)
#: the extraction pages (MIT): a denial said
DENY_YOURSELF = "And you don’t have to deny yourself a cheesy treat or decadent dessert."


@pytest.mark.parametrize(
    ("module", "switch", "text", "word"),
    [
        ("senses", "DEMONSTRATE_SHOWS", DEMONSTRATES, "demonstrates"),
        ("not_events", "SEEMING", STRUCK_AS, "struck"),
        ("not_events", "HIT_BY_HAPPENINGS", HIT_BY_PROTESTS, "hit"),
        ("thing_senses", "THINGS_KILLED", DEAL_KILLED, "killed"),
        ("thing_senses", "SHOOTING_FILMS", COSTUME_SHOT, "shoot"),
        ("thing_senses", "RECOGNITION_OF_STATES", RECOGNIZE_ADMITS, "recognize"),
        ("not_events", "LIFE_THREATENING", NON_LIFE_THREATENING, "threatening"),
        ("not_events", "SCORE_LINES", SCORE_LINE, "Hurricanes"),
        ("not_events", "STAKES", DO_OR_DIE, "die"),
        ("not_events", "SELF_DENIAL", DENY_YOURSELF, "deny"),
    ],
)
def test_a_sense_switch_is_what_keeps_the_word_no_event(
    nlp: Any, monkeypatch: pytest.MonkeyPatch, module: str, switch: str, text: str, word: str
) -> None:
    assert not _mentions(nlp, text, word)
    monkeypatch.setattr(importlib.import_module(f"analysis.{module}"), switch, False)
    assert _mentions(nlp, text, word)


def test_to_demonstrate_something_is_to_show_it(nlp: Any) -> None:
    shown = [
        (DEMONSTRATES, "demonstrates"),
        # ECB+ 11_4ecb and 35_1ecbplus (CC BY 3.0)
        (
            "Officials are keen to demonstrate that these elections are part of"
            " Turkmenistan's process of democratisation.",
            "demonstrate",
        ),
        (
            "For implementing the program, the Chargers were awarded the NFL's Winston-Shell"
            " Award for demonstrating commitment and dedication to developing unique and"
            " innovative ideas.",
            "demonstrating",
        ),
    ]
    for text, word in shown:
        assert not _mentions(nlp, text, word), text
    # ECB+ 19_9ecb: people who demonstrate with no object protest
    marched = (
        "Earlier Saturday, a crowd of about 1,000 people attended a peaceful sit-down"
        " demonstration in Athens and another 1,000 demonstrated in the northern city of"
        " Thessaloniki."
    )
    (protest,) = _mentions(nlp, marched, "demonstrated")
    assert protest["type"] == "protest"


def test_what_strikes_one_as_odd_hits_showrooms_or_is_hit_by_protests_is_no_blow(
    nlp: Any,
) -> None:
    assert not _mentions(nlp, STRUCK_AS, "struck")
    # the extraction pages (MIT): an attack in its article's panel
    arrived = (
        "At the time, Lexus called the vehicle a concept despite looking ready to hit"
        " showrooms and streets worldwide."
    )
    assert not _mentions(nlp, arrived, "hit")
    # ECB+ 21_4ecbplus (CC BY 3.0): a blow (a road accident) stays one: no "as"
    assert _mentions(
        nlp,
        "A 59-year-old mother of two died when a drunken driver struck her with his car and"
        " then drove off, police said.",
        "struck",
    )
    assert not _mentions(nlp, HIT_BY_PROTESTS, "hit")
    assert _mentions(nlp, HIT_BY_PROTESTS, "protests")


def test_a_stock_index_rallies_as_a_market(nlp: Any) -> None:
    # the extraction pages (MIT): a protest in its article's panel
    (rally,) = _mentions(
        nlp,
        "Not just the Sensex, even the Nifty has been rallying at a time when concerns over"
        " the Indian economy are growing.",
        "rallying",
    )
    assert rally["type"] == "market"


def test_a_deal_killed_or_a_costume_shot_harms_no_one(nlp: Any) -> None:
    assert not _mentions(nlp, DEAL_KILLED, "killed")
    assert not _mentions(nlp, COSTUME_SHOT, "shoot")
    # ECB+ 22_2ecbplus (CC BY 3.0): people killed and shot stay so
    shooting = (
        "Minutes after a woman was suspended and escorted from her job at the Kraft Foods plant"
        " in Northeast Philadelphia, she returned with a .357 Magnum and opened fire, killing"
        " two women and critically injuring a third co-worker."
    )
    assert _mentions(nlp, shooting, "killing")


def test_a_rally_or_a_crash_told_among_markets_is_the_markets(nlp: Any) -> None:
    # the bundled MEANTIME sample (CC BY 4.0)
    for text in [
        "Before a late session rally, the index was trading below 11,000 points, which has"
        " not occurred since 2004.",
        "Wall Street had its best finish since November 2008 after a four day rally with the"
        " stock market's indexes seeing their best weekly gain in nearly five months.",
    ]:
        assert not [m for m in _mentions(nlp, text, "rally") if m["type"] == "protest"], text
    (crash,) = _mentions(
        nlp, "The crash sent the market tumbling down 508 points, losing nearly 24%.", "crash"
    )
    assert crash["type"] == "market"


def test_recognising_is_an_agreement_only_of_states_and_leaders(nlp: Any) -> None:
    assert not _mentions(nlp, RECOGNIZE_ADMITS, "recognize")
    # the extraction pages (MIT): typed an agreement in its article's panel
    seen = (
        "But they knew far less about how the body recognizes invasive worms, parasitic"
        " protozoa and allergens, all of which trigger so-called type 2 immune responses."
    )
    assert not _mentions(nlp, seen, "recognizes")
    # the samples' aggregator page: a state recognised is one
    (state,) = _mentions(
        nlp,
        "In recent days, several Western countries — including France, the UK, Canada and"
        " Malta — have announced plans to recognize Palestinian statehood at the upcoming"
        " United Nations (UN) General Assembly session in September.",
        "recognize",
    )
    assert state["type"] == "agree"
    # the extraction pages: a happening recognised by a parliament is one too
    voted = (
        "The House of Representatives overwhelmingly voted Tuesday, October 29 to officially"
        " recognize the Armenian Genocide."
    )
    assert _mentions(nlp, voted, "recognize")


def test_fighting_to_do_something_attacks_no_one(nlp: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from analysis import strikes

    # ECB+ 9_10ecbplus (CC BY 3.0): the short store's "Obama to fight to maintain the
    # strong protections" was an attack, linked across two articles as one
    text = (
        "While on the campaign trail, Obama said he would fight to maintain the protections of"
        " the Endangered Species Act and work to undo what was then a proposal by the Bush"
        " administration."
    )
    (fight,) = _mentions(nlp, text, "fight")
    assert fight["type"] == "other"
    monkeypatch.setattr(strikes, "FIGHT_TO_DO", False)
    (fight,) = _mentions(nlp, text, "fight")
    assert fight["type"] == "attack"


def test_life_threatening_is_how_grave_not_a_threat(nlp: Any) -> None:
    grave = [
        NON_LIFE_THREATENING,
        # the extraction pages (MIT)
        "If it gets bad enough, it can be life threatening because you gotta be able to"
        " breathe to live.",
    ]
    for text in grave:
        assert not _mentions(nlp, text, "threatening"), text


def test_a_side_rallying_to_defeat_another_wins_a_game(nlp: Any) -> None:
    # the extraction pages (MIT): the Davis Cup report, a protest in its panel
    text = (
        "Herbert and Mahut rallied to defeat Ben McLachlan and Yasutaka Uchiyama of Japan"
        " 6-7 (4), 6-4, 7-5 in the deciding doubles match in Group A, giving top-ranked France"
        " a 2-1 victory."
    )
    assert not _mentions(nlp, text, "rallied")
    assert _mentions(nlp, text, "defeat")


def test_taking_the_battle_to_someone_is_no_battle(nlp: Any) -> None:
    # ECB+ 12 (real): joined with the battle in which INS Tabar sank a pirate mother ship
    text = "It is actually the Indian Navy which has taken the battle to the pirates."
    assert not _mentions(nlp, text, "battle")
    fought = "The navy sank a pirate mother vessel in a battle that erupted on Tuesday."
    assert _mentions(nlp, fought, "battle")


def test_a_participle_tagged_a_past_tense_still_tells_a_dismissal(nlp: Any) -> None:
    # ECB+ 5 (real, 5_10ecb): the tagger takes "fired" for a past tense (VBD) hung on
    # "coach" as a clause; a coach is fired from the job, no shot is fired
    text = (
        "Cheeks is the fifth coach fired this season, after PJ Carlesimo of Oklahoma City, "
        "Eddie Jordan of Washington, Sam Mitchell of Toronto and Randy Wittman of Minnesota."
    )
    doc = nlp(text)
    fired = next(t for t in doc if t.text == "fired")
    assert (fired.dep_, fired.tag_) == ("acl", "VBD")  # the misreading this mends
    (told,) = _mentions(nlp, text, "fired")
    assert told["type"] == "other"


def test_a_person_told_as_fired_is_dismissed(nlp: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    # ECB+ 5 (a real sentence, 5_14ecb): the fifth coach "fired this season" (a
    # participle the parser made a clause, "this season" its object) was a shooting with
    # the NBA as its shooter and titled "Fifth NBA head coach fires this season" (the
    # officer "fired upon" below is a written sentence)
    import analysis.fire_senses as fire_senses
    import analysis.misreads as misreads

    fifth = (
        "He is the fifth NBA head coach fired this season, joining Oklahoma City's "
        "P.J.Carlesimo, Washington's Eddie Jordan, Toronto's Sam Mitchell and Minnesota's "
        "Randy Wittman."
    )
    (told,) = _mentions(nlp, fifth, "fired")
    assert told["type"] == "other" and told["actor"] is None
    assert told["gist"].startswith("Fifth NBA head coach fired")
    doc = nlp("The officer was fired upon by the gunman in the lobby.")
    assert not fire_senses.dismissal(next(t for t in doc if t.text == "fired"))
    monkeypatch.setattr(fire_senses, "PASSIVE_DISMISSAL", False)
    assert _mentions(nlp, fifth, "fired")[0]["type"] == "attack"
    monkeypatch.setattr(misreads, "TIME_AS_OBJECT", False)
    assert _mentions(nlp, fifth, "fired")[0]["gist"].startswith("Fifth NBA head coach fires")


def test_a_person_told_as_fired_is_an_event_of_dismissal(
    nlp: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # ECB+ 5 and 18 (real sentences, 5_12ecb, 18_1ecb and 18_1ecbplus): a person told as
    # fired in the passive, or by a participle, was no event at all (only shots were
    # thought of); now a dismissal. "No shots were fired" (16_4ecbplus) stays out: shots
    # are fired, no one is dismissed.
    import analysis.triggers as triggers

    told = {
        "On Saturday, Cheeks was fired as head coach of the Philadelphia 76ers.": "Cheeks",
        "Constable Tim Fanning said Eric Allen Kirkpatrick, who had recently been fired "
        "from his job, is accused of fatally shooting Benjamin David Banky, 40.": None,
        "A Michigan man shot to death one person and injured two others Monday at the "
        "suburban Detroit accounting firm from which he was fired last week, police "
        "said.": None,
    }
    for text, target in told.items():
        (fired,) = _mentions(nlp, text, "fired")
        assert fired["type"] == "other" and fired["actor"] is None
        if target:
            assert fired["target"]["name"] == target
    assert not _mentions(nlp, "No shots were fired when Orozco was taken into custody.", "fired")
    monkeypatch.setattr(triggers, "PASSIVE_DISMISSAL_TOLD", False)
    for text in told:
        assert not _mentions(nlp, text, "fired")
