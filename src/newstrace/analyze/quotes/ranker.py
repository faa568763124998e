"""A small learned ranker of a quotation's speaker candidates.

The rules (:mod:`~newstrace.analyze.quotes.attribution`, :mod:`~newstrace.analyze.quotes.speakers`)
give each quotation one speaker. The ranker weighs that answer against the other people and
organisations named in the quotation's own sentence(s) and the sentence before, outside quotation
marks: each is an :class:`Option` described by a few features of the text (:data:`FEATURES`:
what kind of mention the rules found, how near each name stands and on which side, whether a
reporting word follows it, whether it spoke the quotation before, how often the article names
it), and a pairwise logistic model scores them; the best one is the speaker.

The weights are learnt by ``bench/train_speaker_ranker.py`` on PolNeAR train and shipped as
``speaker_weights.json`` beside this module. Scoring is a fixed dot product: the same text always
gets the same speaker. With no weights (or an empty file) the rules' answer is kept.
"""

from __future__ import annotations

import bisect
import json
import logging
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from newstrace.analyze.quotes.coref import Coreference, NamedMention
from newstrace.analyze.quotes.cues import cue_kind_of_word
from newstrace.model import Span

log = logging.getLogger(__name__)

__all__ = ["FEATURES", "Option", "QuoteContext", "SpeakerRanker", "load_ranker", "speaker_options"]

WEIGHTS_FILE = "speaker_weights.json"
PRONOUNS = frozenset("he she they it we i who which that his her their its".split())
CUE_WINDOW = 3  # words next to a name searched for a reporting word ("Smith told reporters")
WORD = re.compile(r"[\w’'-]+")
POSSESSIVE = re.compile(r"[’']s?\b")
FEATURES = (
    "rule",  # the rules' answer; of one of the seven kinds below (or none of them)
    "rule_place",  # ... a mention of a place or a thing (NER), which never speaks
    "rule_named",  # ... a mention holding a person or organisation name NER found
    "rule_other_name",  # ... a capitalised name NER did not find
    "rule_pronoun",  # ... a pronoun resolved to someone
    "rule_lost_pronoun",  # ... a pronoun resolved to nobody ("it said", "who told")
    "rule_description",  # ... a lower-case description ("officials", "items")
    "rule_unresolved",  # ... another mention resolved to nobody
    "rule_no_cue",  # the rules' answer comes from a label or the context, with no cue of its own
    "person",  # a person's name (NER)
    "organisation",  # an organisation's name (NER)
    "before",  # the name stands before the opening mark
    "log_distance",  # log(1 + characters between the name and the nearer mark, in hundreds)
    "nearest",  # the name nearest the quotation among the options
    "cue_next",  # a reporting word within three words of the name ("Smith said", "said Smith")
    "first_name",  # the first name of the quotation's sentence(s)
    "earlier_sentence",  # the name stands in the sentence before the quotation's
    "possessive",  # the name is a possessive ("Smith's")
    "previous_speaker",  # the speaker of the quotation before
    "log_mentions",  # log(1 + times the article names the speaker)
)
RULE_FEATURES = 9
RULE_KINDS = ("place", "named", "other_name", "pronoun", "lost_pronoun", "description", "unresolved")


@dataclass(frozen=True, slots=True)
class Option:
    """A candidate speaker of one quotation: its mention, canonical name and features."""

    mention: Span | None
    speaker: str | None
    features: tuple[float, ...]


@dataclass(frozen=True, slots=True)
class QuoteContext:
    """What the options of one quotation are drawn from.

    ``quote`` is ``(open_at, close_at)`` of its marks, ``frame`` its sentence(s), ``quoted`` the
    quoted stretches whose names are the speakers' words, ``names`` the article's person and
    organisation names (in text order), ``counts`` how often the article names each speaker, ``previous`` the
    speaker of the quotation before, ``earlier`` where the sentence before the frame starts.
    """

    quote: tuple[int, int]
    frame: tuple[int, int]
    quoted: Sequence[tuple[int, int]]
    names: Sequence[NamedMention]
    counts: dict[str, int]
    previous: str | None
    earlier: int | None = None


@dataclass(frozen=True, slots=True)
class SpeakerRanker:
    """A linear scorer over :data:`FEATURES`; with no weights the rules' answer is kept."""

    weights: tuple[float, ...] = ()
    bias: float = 0.0

    def score(self, option: Option) -> float:
        """The option's score (a logit)."""
        return self.bias + sum(w * f for w, f in zip(self.weights, option.features, strict=True))

    def best(self, options: Sequence[Option]) -> Option | None:
        """The highest-scoring option (the rules' one, first, wins ties); the first without weights."""
        if not options:
            return None
        if not self.weights:
            return options[0]
        return max(options, key=self.score)


def load_ranker(path: Path | None = None) -> SpeakerRanker:
    """The ranker with the shipped weights (or those at ``path``)."""
    if path is None:
        raw = resources.files(__package__).joinpath(WEIGHTS_FILE).read_text(encoding="utf-8")
    else:
        raw = path.read_text(encoding="utf-8")
    data = json.loads(raw)
    if data["weights"] and tuple(data["features"]) != FEATURES:
        raise ValueError(f"{WEIGHTS_FILE}: the weights are for other features: {data['features']}")
    return SpeakerRanker(tuple(float(w) for w in data["weights"]), float(data["bias"]))


def speaker_options(
    coref: Coreference, context: QuoteContext, mention: Span | None, speaker: str | None, cue: bool
) -> list[Option]:
    """The rules' answer (first) and the other names of the quotation's sentence(s)."""
    text = coref.text
    first = _rule_option(coref, context, mention, speaker, cue)
    open_at, close_at = context.quote

    def outside(n: NamedMention) -> bool:
        in_quote = any(a <= n.start < b for a, b in context.quoted)
        return not in_quote and not (mention is not None and n.start < mention.end and mention.start < n.end)

    start, end = context.frame
    earlier = context.earlier if context.earlier is not None else start
    first_near = bisect.bisect_left(context.names, earlier, key=lambda n: n.start)  # names in text order
    near = context.names[first_near : bisect.bisect_left(context.names, end, key=lambda n: n.start)]
    inside = [n for n in near if start <= n.start and n.end <= end and outside(n)]
    before = [n for n in near if n.end <= start and outside(n)]
    distances = [n.start - close_at if n.start >= close_at else max(0, open_at - n.end) for n in inside]
    options = [first]
    for k, name in enumerate(inside + before):
        found = coref.referent_at(name.start, name.end)
        if found is None or found.name == speaker or any(o.speaker == found.name for o in options):
            continue
        distance = distances[k] if k < len(inside) else open_at - name.end
        after_words = WORD.findall(text[name.end : name.end + 40])[:CUE_WINDOW]
        near_words = after_words + WORD.findall(text[max(0, name.start - 40) : name.start])[-CUE_WINDOW:]
        features = (0.0,) * RULE_FEATURES + (
            float(name.label == "PERSON"),
            float(name.label != "PERSON"),
            float(name.end <= open_at),
            math.log1p(distance / 100),
            float(k < len(inside) and distance == min(distances)),
            float(any(cue_kind_of_word(w) == "speech" for w in near_words)),
            float(k == 0),
            float(k >= len(inside)),
            float(bool(POSSESSIVE.match(text, name.end))),
            float(context.previous == found.name),
            math.log1p(context.counts.get(found.name, 0)),
        )
        options.append(Option(Span(name.start, name.end, name.text), found.name, features))
    return options


def _rule_option(
    coref: Coreference, context: QuoteContext, mention: Span | None, speaker: str | None, cue: bool
) -> Option:
    kind = _rule_kind(coref, context, mention, speaker)
    features = (
        (1.0,)
        + tuple(float(kind == k) for k in RULE_KINDS)
        + (float(not cue),)
        + (0.0,) * 9
        + (
            float(speaker is not None and context.previous == speaker),
            math.log1p(context.counts.get(speaker, 0)) if speaker else 0.0,
        )
    )
    return Option(mention, speaker, features)


def _rule_kind(
    coref: Coreference, context: QuoteContext, mention: Span | None, speaker: str | None
) -> str | None:
    """Which of :data:`RULE_KINDS` the rules' answer is (None: no mention at all)."""
    if mention is None:
        return None
    if coref.names_a_place(mention.start, mention.end) or coref.names_a_thing(mention.start, mention.end):
        return "place"
    if mention.text.lower() in PRONOUNS:
        return "pronoun" if speaker else "lost_pronoun"
    if any(n.start < mention.end and mention.start < n.end for n in context.names):
        return "named"
    if speaker is None:
        return "unresolved"
    return "description" if speaker[:1].islower() else "other_name"
