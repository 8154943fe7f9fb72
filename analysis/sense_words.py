"""Word lists of :mod:`analysis.senses`: the words around a trigger that tell which of its
senses a sentence uses (who is fired, what is hit, what collapses); and the one parse
reading they share, a noun's "of" objects."""

from __future__ import annotations

from typing import TYPE_CHECKING

from analysis.clauses import word_set

if TYPE_CHECKING:
    from spacy.tokens import Token


def of_objects(tok: Token) -> list[Token]:
    """The objects of ``tok``'s "of" ("the collapse of Lehman", "fire some of its staff")."""
    return [
        g
        for p in tok.children
        if p.dep_ == "prep" and p.lower_ == "of"
        for g in p.children
        if g.dep_ == "pobj"
    ]


#: Nouns of people who hold a post ("fired the coach", "fire 3,000 employees", "fired the
#: board"): what a dismissal removes.
POST_HOLDERS = word_set(
    "coach manager employee worker staff staffer executive officer director board chief "
    "ceo president chairman chairwoman secretary minister aide adviser advisor assistant "
    "general commander head player teacher official prosecutor attorney lawyer editor "
    "reporter journalist anchor host producer principal superintendent guard team people "
    # "had pressured Gray to fire his deputy" (ECB+ 28, Watergate): a dismissal demanded,
    # typed an attack and titled as a shooting
    "deputy spokesman spokeswoman spokesperson agent clerk receptionist accountant analyst "
    "engineer nurse doctor scientist researcher professor detective investigator inspector"
)

#: Pronouns of people (not "them" or "it": "fired them" as often fires rockets).
PEOPLE_PRONOUNS = word_set("him her me us you")

#: People one is executed as: "executed three prisoners", "the execution of a spy".
PEOPLE = word_set(
    "man men woman women person people boy boys girl girls child children teenager "
    "teenagers youth youths prisoner prisoners inmate inmates convict convicts hostage "
    "hostages soldier soldiers civilian civilians member members suspect suspects spy "
    "spies rebel rebels traitor traitors militant militants insurgent insurgents fighter "
    "fighters criminal criminals murderer murderers dissident dissidents activist "
    "activists protester protesters opponent opponents leader leaders citizen citizens "
    "national nationals journalist journalists king queen captive captives"
)

#: Pronouns of someone put to death ("he was executed").
WHO = word_set("he she they him her them i me we us you who whom")

#: What an "execution" carries out when no one dies: "remote code execution".
THINGS_DONE = word_set("code order trade trading program strategy plan contract")

#: What a website hosts: content, not guests.
HOSTED = word_set(
    "video videos malware file files content page pages site sites website websites server "
    "servers data podcast blog"
)

#: What a player hits, shoots or strikes: a pass, a shot, a home run (the run), a mark on
#: a scoreboard; and what else is "hit" with no blow: a market or a shelf reached, the gym
#: or the canvas, a chorus sung.
PLAYS = word_set(
    "pass passes run runs homer homers single double triple shot shots goal goals trifecta "
    "trifectas pointer pointers jumper jumpers basket baskets putt putts birdie birdies "
    "ace aces throw throws touchdown touchdowns ball chorus crescendo note notes photo "
    "photos film films video videos footage scene scenes movie movies episode commercial "
    "documentary"
)

#: What "the" market, road or gym is when it is reached, not struck: "Wi-Fi 6 has hit the
#: market", "hit the road", "hit the canvas" (an airstrike hits "a market in Idlib"); and a
#: car's pedals, pressed: "LaSalle hit the gas" (ECB+ 21, 21_7ecb), "hit the brakes".
PLACES_REACHED = word_set(
    "market shelves showroom showrooms theaters theatres headlines gym road canvas jump "
    "gas brakes brake accelerator throttle"
)

#: Verbs of a blow or a shot that sport and film also use.
PLAY_VERBS = word_set("hit strike shoot sink")
#: Levels a figure reaches: "hit a record", "hit a low 32 million viewers", "a new high".
LEVELS = word_set("low lows high highs record records peak peaks bottom")

#: Forces of nature that hit or strike a place: the happening is the disaster.
NATURAL_FORCES = word_set(
    "earthquake earthquakes quake quakes tremor tremors aftershock aftershocks storm "
    "storms hurricane hurricanes typhoon typhoons cyclone cyclones tornado tornadoes "
    "tornados tsunami tsunamis flood floods flooding wildfire wildfires blaze fire fires "
    "drought heatwave avalanche landslide landslides mudslide mudslides lightning "
    "blizzard snowstorm monsoon eruption rains downpour"
)

#: What hits someone on a road: a crash, not an attack ("struck by a vehicle", "a
#: drunken driver struck her with his car", "a hit-and-run driver").
VEHICLES = word_set(
    "car cars vehicle vehicles truck trucks lorry van bus train taxi cab suv motorcycle "
    "motorist motorists driver drivers tractor tram"
)

#: What fails as a business when it collapses or crashes: "collapsing banks", "the
#: collapse of Lehman Brothers", "a stock market crash".
FIRMS = word_set(
    "bank banks lender lenders insurer insurers company companies firm firms business "
    "businesses automaker automakers carmaker carmakers industry industries economy "
    "economies market markets stock stocks share shares currency currencies fund funds "
    "airline airlines brokerage investor investors financial economic price prices index "
    "dow nasdaq"
)

MARKETS = word_set("market markets stock stocks share shares index dow nasdaq")

#: What collapses without falling down: talks, deals, governments.
PACTS = word_set(
    "talks negotiation negotiations deal deals agreement ceasefire truce government "
    "coalition regime union empire alliance"
)

#: Verbs whose object "fire" is gunfire: "opened fire", "exchanged fire", "returned fire".
GUNFIRE_VERBS = word_set("open exchange return trade draw")

#: What records rather than seizes: "surveillance footage captures the horrific event",
#: "captured on camera", "a photographer captured the moment".
RECORDINGS = word_set(
    "footage video videotape camera cameras tape film photo photograph photographer picture "
    "image lens recording cctv surveillance"
)
#: What is captured without a captor holding anyone: a moment, a mood, a title, votes.
CAPTURED_THINGS = word_set(
    "moment moments scene scenes event image imagination attention mood spirit essence "
    "heart hearts title crown championship award prize medal vote votes percent share "
    "market audience feeling"
)

#: Modifiers that make a "fire" gunfire.
GUNFIRE_MARKS = word_set(
    "artillery gun machine mortar rocket tank sniper automatic small friendly cannon "
    "naval anti-aircraft enemy hostile"
)

#: What makes a "strike" a stoppage of work: "a general strike", "a nationwide strike",
#: "a hunger strike", "a rail strike".
LABOUR_MARKS = frozenset(
    [
        "general",
        "nationwide",
        "national",
        "hunger",
        "labor",
        "labour",
        "worker",
        "union",
        "rail",
        "transport",
        "teacher",
        "doctor",
        "nurse",
        "wildcat",
        "sit",
        # who stop work: "the WGA writers' strike", "the miners' strike"
        "writer",
        "actor",
        "player",
        "miner",
        "pilot",
        "employee",
        "staff",
        "postal",
    ]
)

#: Wars and battles fought with no weapons: "the trade war", "a price war", "a legal
#: battle", "the war of words". The first few are economic.
UNARMED_WARS = {
    "trade": "economic",
    "tariff": "economic",
    "price": "economic",
    "currency": "economic",
    "bidding": "economic",
    "legal": "other",
    "court": "other",
    "custody": "other",
    "culture": "other",
    "political": "other",
    "word": "other",
    "tech": "other",
}

#: People who strike work ("striking workers", "the union struck").
STRIKERS = word_set(
    "worker workers union unions employee employees staff teacher teachers doctor doctors "
    "nurse nurses driver drivers pilot pilots miner miners docker dockers servant servants "
    "protester protesters protestor protestors student students crew crews"
)

#: Verbs of a work stoppage as their object ("broke the strike", "called a strike").
STOPPAGE_VERBS = word_set("break call join hold end stage organise organize extend")

#: What a strike is held with: protests and marches ("strikes and protests").
PROTEST_NOUNS = word_set("protest demonstration march rally walkout riot boycott")

#: Words that make a "strike" a blow in an article about a stoppage of work.
MILITARY_MARKS = word_set(
    "air airstrike drone missile rocket military nuclear artillery precision retaliatory "
    "preemptive pre-emptive surgical naval aerial bombing"
)
