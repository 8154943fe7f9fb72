"""The analysis step: texts in, mentions (and event mentions) out, in one spaCy pass.

Interface (stable; ingest/ and the events step build on it)::

    from analysis.analyzer import Analyzer

    analyzer = Analyzer(n_process=1, batch_size=32)      # loads nothing yet
    results = analyzer.analyse_texts([(body, "2025-07-18"), (body2, None)])
    results[0] == {
        "mentions": [{"start", "end", "text", "label", "sentence",
                      "entity": {"key", "label", "name", "aliases"} | None}, ...],
        "event_mentions": [],
    }

* ``mentions`` are exactly what :func:`store.writes.insert_analysis` takes; offsets are
  character offsets into the body string as given, ``sentence`` is the index of the
  sentence in the body, ``entity`` is None for labels that name nothing (DATE, MONEY, ...).
* The spaCy pipeline (:func:`analysis.nlp.load_nlp`, the full pipeline: the events step
  needs the parser) loads on the first call, never at import, and runs over each batch with
  ``nlp.pipe(batch_size=..., n_process=...)``.
* One pass: for each Doc, :meth:`Analyzer._analyse_doc` builds the result from the Doc.
  The events step adds to it without a second pass either by subclassing and extending
  ``_analyse_doc`` (call ``super()`` first), or by appending a hook to
  ``Analyzer.doc_hooks``: ``hook(doc, doc_entities, published_at, result)`` runs after the
  mentions are made and may fill ``result["event_mentions"]``. ``doc_entities`` is an
  :class:`analysis.doc_entities.DocEntities`; :func:`entity_for_span` maps a span of the text (a
  token, a noun phrase) to the entity dict of the mention it overlaps, the shape
  event_mentions take for ``actor``/``target``/``location``.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from itertools import islice
from typing import TYPE_CHECKING, Any

from analysis.canon import add_acronym_mentions, canonicalise
from analysis.doc_entities import DocEntities
from analysis.doc_text import text_of
from analysis.entities import SentenceIndex, extract_mentions
from analysis.people import add_surname_mentions, person_labels
from analysis.pieces import PIECE_CHARS, split_pieces
from analysis.recase import house_style, recase_line, recase_run

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

#: ``hook(doc, doc_entities, published_at, result)``; may fill result["event_mentions"].
DocHook = Callable[["Doc", DocEntities, "str | None", dict[str, Any]], None]


#: Texts per task sent to a worker process by :meth:`Analyzer.analyse_stream`: small, so
#: both workers stay busy to the end of an import and results arrive in a steady flow.
STREAM_CHUNK = 8
#: Switch: with one process, analyse the next batch in a thread while the caller stores
#: the last (see :meth:`Analyzer.analyse_stream`).
OVERLAP_ONE_PROCESS = True
#: Switch: a paragraph's opening words in capitals ("A FIRE has badly damaged", a British
#: house style) are re-cased and tagged again, as lines in capitals are: the model read
#: "FIRE" as an organisation.
LEDE_CAPS = True

#: The analyser a forked worker process runs (set in the parent just before forking, so
#: the children inherit the loaded model instead of loading it again).
_WORKER: Analyzer | None = None


#: Characters in one ``nlp.pipe`` batch at most (the parser and NER hold every Doc of a
#: batch at once: about 1 GB per 100,000 characters at their peak).
BATCH_CHARS = 60_000


#: What is analysed: ``(body, published_at)`` or ``(body, published_at, headline)``.
Item = tuple[str, str | None] | tuple[str, str | None, str | None]


def _headline(item: Item) -> str | None:
    """The item's headline, when it has one."""
    return item[2] if len(item) > 2 else None


def with_headline(doc: Doc, headline: str | None) -> Doc:
    """``doc`` with its article's headline in ``doc.user_data["headline"]``, for
    :mod:`analysis.antecedents`: a body may name its person only there ("Police arrested
    him in San Diego at 2.30am")."""
    if headline:
        doc.user_data["headline"] = str(headline)
    return doc


def _groups(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    """Batches of at most ``size`` items and BATCH_CHARS characters; a text over
    PIECE_CHARS alone in its batch."""
    group: list[Item] = []
    chars = 0
    for item in items:
        n = len(item[0])
        if group and (len(group) >= size or chars + n > BATCH_CHARS or n > PIECE_CHARS):
            yield group
            group, chars = [], 0
        group.append(item)
        chars += n
        if n > PIECE_CHARS:
            yield group
            group, chars = [], 0
    if group:
        yield group


def _analyse_chunk(items: list[Item]) -> list[dict[str, Any]]:
    """Runs in a worker process: the whole analysis of a few texts, results as dicts."""
    assert _WORKER is not None
    return _WORKER.analyse_or_fail(items)


def _die_with_parent() -> None:
    """Runs first in each worker process: on Linux, ask the kernel to end it when the
    process that forked it dies (a ``kill -9`` of an import must not leave workers that
    hold 400 MB each and wait forever for work)."""
    import ctypes
    import signal
    import sys

    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def entity_for_span(state: DocEntities, start_char: int, end_char: int) -> dict[str, Any] | None:
    """The canonical entity dict of the mention overlapping ``[start_char, end_char)`` most,
    or None (no named mention there)."""
    return state.entity_at(start_char, end_char)


class Analyzer:
    """Runs the one spaCy pipeline over texts and turns each Doc into mentions.

    ``n_process`` > 1 forks spaCy workers (about 400 MB each); ``batch_size`` is the number
    of texts per ``nlp.pipe`` batch. ``nlp`` may be passed (tests, benchmarks); otherwise it
    is loaded lazily through :func:`analysis.nlp.load_nlp`.
    """

    def __init__(
        self,
        n_process: int = 1,
        batch_size: int = 32,
        nlp: Language | None = None,
        events: bool = True,
    ) -> None:
        self.n_process = n_process
        self.batch_size = batch_size
        self._nlp = nlp
        #: Run for every Doc after its mentions are made (see the module docstring).
        self.doc_hooks: list[DocHook] = []
        if events:
            from analysis.events import events_hook

            self.doc_hooks.append(events_hook)

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            from analysis.nlp import load_nlp

            self._nlp = load_nlp()
        return self._nlp

    def analyse_texts(self, items: Sequence[Item]) -> list[dict[str, Any]]:
        """One result dict per ``(body, published_at)`` item, in order.

        Memory stays bounded whatever the texts: a batch holds at most ``batch_size``
        texts and BATCH_CHARS characters, each Doc is turned into its result and let go
        as the pipeline yields it, and a body over PIECE_CHARS is analysed in pieces
        (:func:`analysis.pieces.split_pieces`). One text the pipeline fails on gets a
        result with ``error`` set (and nothing found) instead of failing the others.
        """
        out: list[dict[str, Any]] = []
        for group in _groups(items, self.batch_size):
            if len(group) == 1 and len(group[0][0]) > PIECE_CHARS:
                out.append(self._guarded(self._analyse_long, group[0]))
                continue
            try:
                out.extend(self._analyse_batch(group))
            except Exception:  # find the one text at fault; the others are analysed
                out.extend(
                    self._guarded(lambda *one: self._analyse_batch([one])[0], item)
                    for item in group
                )
        return out

    def _guarded(self, run: Callable[..., dict[str, Any]], item: Item) -> dict[str, Any]:
        try:
            return run(*item)
        except Exception as exc:
            return {"mentions": [], "event_mentions": [], "error": f"{type(exc).__name__}: {exc}"}

    def _analyse_batch(self, items: Sequence[Item]) -> list[dict[str, Any]]:
        texts = [item[0] for item in items]
        recased = self._recase(self.nlp, texts)
        docs = self.nlp.pipe(texts, batch_size=self.batch_size, n_process=self.n_process)
        return [
            self._analyse_doc(
                with_headline(doc, _headline(items[i])), items[i][1], recased.get(i, ()), texts[i]
            )
            for i, doc in enumerate(docs)
        ]

    def _analyse_long(
        self, body: str, published_at: str | None, headline: str | None = None
    ) -> dict[str, Any]:
        """One very long body, piece by piece: each piece's offsets and sentence numbers
        are moved to where the piece sits in ``body``; one piece's Doc at a time.
        Entities are canonicalised within a piece (a name written out in full in one
        piece is not joined to its short form in another)."""
        merged: dict[str, Any] = {"mentions": [], "event_mentions": []}
        sentences = 0
        for start, end in split_pieces(body, PIECE_CHARS):
            text = body[start:end]
            doc = with_headline(next(iter(self.nlp.pipe([text], batch_size=1))), headline)
            result = self._analyse_doc(
                doc, published_at, self._recase(self.nlp, [text]).get(0, ()), text
            )
            for m in result["mentions"]:
                m["start"] += start
                m["end"] += start
                if m.get("sentence") is not None:
                    m["sentence"] += sentences
            for em in result["event_mentions"]:
                for key in ("start", "end", "trigger_start", "trigger_end"):
                    if em.get(key) is not None:
                        em[key] += start
                if em.get("sentence") is not None:
                    em["sentence"] += sentences
            merged["mentions"].extend(result["mentions"])
            merged["event_mentions"].extend(result["event_mentions"])
            sentences += sum(1 for _ in doc.sents)
            del doc  # released before the next piece is made
        return merged

    def analyse_or_fail(self, items: Sequence[Item]) -> list[dict[str, Any]]:
        """:meth:`analyse_texts`, but a text the analysis fails on gets ``{"error":
        "..."}`` as its result instead of failing the others (the streams use this: one
        bad article never stops a queue of thousands)."""
        try:
            return self.analyse_texts(items)
        except Exception as exc:
            if len(items) == 1:
                return [{"error": f"{type(exc).__name__}: {exc}"}]
        out: list[dict[str, Any]] = []
        for item in items:
            try:
                out.extend(self.analyse_texts([item]))
            except Exception as exc:
                out.append({"error": f"{type(exc).__name__}: {exc}"})
        return out

    def analyse_stream(self, items: Iterable[Item]) -> Iterator[dict[str, Any]]:
        """Results for ``(body, published_at)`` items in order, each as soon as it is ready,
        so the caller can store and link one article while the next ones are analysed.

        With ``n_process`` > 1 the whole analysis (the spaCy pipeline, mentions, events)
        runs in forked worker processes that inherit the loaded model, a few texts per
        task; the caller's process only receives the small result dicts. (``nlp.pipe``'s
        own ``n_process`` would send every Doc back to be post-processed here, on the
        caller's one core, and starts new processes on each call.)
        """
        source = iter(items)
        if self.n_process <= 1:
            if not OVERLAP_ONE_PROCESS:
                while batch := list(islice(source, self.batch_size)):
                    yield from self.analyse_or_fail(batch)
                return
            # One thread analyses the next batch while the caller stores and links the
            # results of this one (spaCy's matrix products let go of the GIL). The items
            # are read here, on the caller's thread (they may come from its SQLite
            # connection); results come back in order.
            one = ThreadPoolExecutor(1, thread_name_prefix="analysis")
            ahead: deque[Future[list[dict[str, Any]]]] = deque()
            try:
                while batch := list(islice(source, self.batch_size)):
                    ahead.append(one.submit(self.analyse_or_fail, batch))
                    if len(ahead) > 1:
                        yield from ahead.popleft().result()
                while ahead:
                    yield from ahead.popleft().result()
            finally:  # a caller that stops early waits for the one batch under way only
                one.shutdown(wait=True, cancel_futures=True)  # (never two threads in spaCy)
            return
        global _WORKER
        worker = Analyzer(n_process=1, batch_size=self.batch_size, nlp=self.nlp, events=False)
        worker.doc_hooks = list(self.doc_hooks)
        _WORKER = worker
        import multiprocessing

        pool = ProcessPoolExecutor(
            self.n_process,
            mp_context=multiprocessing.get_context("fork"),
            initializer=_die_with_parent,
        )
        pending: deque[Future[list[dict[str, Any]]]] = deque()
        try:
            while chunk := list(islice(source, STREAM_CHUNK)):
                pending.append(pool.submit(_analyse_chunk, chunk))
                # Keep every worker busy with one task and the next one queued.
                while len(pending) > 2 * self.n_process:
                    yield from pending.popleft().result()
            while pending:
                yield from pending.popleft().result()
        finally:
            pool.shutdown(wait=False, cancel_futures=True)
            _WORKER = None

    def analyse_docs(
        self,
        docs: Sequence[Doc],
        published: Sequence[str | None],
        texts: Sequence[str] | None = None,
    ) -> list[dict[str, Any]]:
        """Results for Docs the pipeline already made (benchmarks compare the raw model's
        entities with ours on the very same Docs). ``texts``: the Docs' texts, if at hand
        (``Doc.text`` joins every token anew on each access)."""
        texts = list(texts) if texts is not None else [d.text for d in docs]
        recased = self._recase(self.nlp, texts)
        return [
            self._analyse_doc(doc, published_at, recased.get(i, ()), texts[i])
            for i, (doc, published_at) in enumerate(zip(docs, published, strict=True))
        ]

    def _recase(self, nlp: Language, texts: Sequence[str]) -> dict[int, list[tuple[int, Doc]]]:
        """Lines in capitals, re-cased from each article's own spelling and tagged again
        (NER and tagger only: a few short lines, so this costs little)."""
        jobs: list[tuple[int, int, str]] = []
        for i, text in enumerate(texts):
            lines, runs, casing, _ = house_style(text, runs=LEDE_CAPS)
            for start, end in lines:
                jobs.append((i, start, recase_line(text[start:end], casing)))
            for start, end in runs:
                # the paragraph, its opening words re-cased ("A FIRE has badly damaged")
                run = recase_run(text[start:end], casing)
                if run == text[start:end]:
                    continue  # "CNN says": nothing the article writes otherwise
                line_start = text.rfind("\n", 0, start) + 1
                line_end = text.find("\n", end)
                line_end = len(text) if line_end < 0 else line_end
                jobs.append((i, line_start, text[line_start:start] + run + text[end:line_end]))
        out: dict[int, list[tuple[int, Doc]]] = {}
        if not jobs:
            return out
        disable = [p for p in nlp.pipe_names if p == "lemmatizer"]
        for (i, start, _), doc in zip(
            jobs, nlp.pipe((j[2] for j in jobs), disable=disable), strict=True
        ):
            out.setdefault(i, []).append((start, doc))
        return out

    def _analyse_doc(
        self,
        doc: Doc,
        published_at: str | None,
        recased: Sequence[tuple[int, Doc]] = (),
        text: str | None = None,
    ) -> dict[str, Any]:
        """The result for one Doc: mentions, then whatever the hooks add."""
        text = text_of(doc) if text is None else text
        sentence_of = SentenceIndex(doc)
        mentions = extract_mentions(doc, recased, text=text, sentence_of=sentence_of)
        mentions = add_acronym_mentions(text, mentions, sentence_of)
        mentions = add_surname_mentions(doc, person_labels(mentions), sentence_of)
        state = canonicalise(text, mentions)
        result: dict[str, Any] = {"mentions": state.as_dicts(), "event_mentions": []}
        for hook in self.doc_hooks:
            hook(doc, state, published_at, result)
        return result
