"""The quotes step with the real spaCy model: kinds, cues, speakers, dates, bad input, failures."""

from __future__ import annotations

import pytest

from newstrace.analyze import AnalyzeOptions, Analyzer, builtin_steps
from newstrace.analyze.nlp import ArticleNLP, SpacyModel
from newstrace.analyze.options import QuoteOptions
from newstrace.analyze.quotes import marks
from newstrace.analyze.quotes.extract import find_quotes
from newstrace.analyze.quotes.marks import QuoteMarks
from newstrace.analyze.quotes.speakers import clean_name
from newstrace.analyze.quotes.titles import is_title
from newstrace.model import Article, Quote, QuoteKind

pytestmark = pytest.mark.slow


def article(text: str, published: str | None = "2020-05-18", source: str = "t.txt") -> Article:
    return Article("a1", "d1", 0, source, None, None, published, None, text)


def quotes_of(spacy_model: SpacyModel, text: str, published: str | None = "2020-05-18") -> list[Quote]:
    return list(find_quotes(article(text, published), ArticleNLP(spacy_model, text)).quotes)


Summary = tuple[str, QuoteKind, str | None, str | None, str | None]  # quote, kind, speaker, mention, cue


def summary(q: Quote) -> Summary:
    mention = q.speaker_mention.text if q.speaker_mention else None
    return q.text, q.kind, q.speaker, mention, q.cue


# (text, [(quote, kind, speaker, mention, cue), ...]) — speaker before/after, appositives,
# the sentence before, split quotes, pronouns and descriptions resolved to the named person.
ATTRIBUTIONS = [
    (
        "Ali Karimi arrived late. “We will rebuild the bridge,” he said.",
        [("We will rebuild the bridge,", "direct", "Ali Karimi", "he", "said")],
    ),
    (
        "“We will rebuild the bridge,” said Lena Marsh, the mayor of the town.",
        [
            (
                "We will rebuild the bridge,",
                "direct",
                "Lena Marsh",
                "Lena Marsh, the mayor of the town",
                "said",
            )
        ],
    ),
    (
        "Ali Karimi, the governor, said: “The roads are closed until Friday.”",
        [("The roads are closed until Friday.", "direct", "Ali Karimi", "Ali Karimi, the governor", "said")],
    ),
    (
        "“The water is safe,” Tomas Reyes told reporters, “and the schools will open.”",
        [
            ("The water is safe,", "direct", "Tomas Reyes", "Tomas Reyes", "told"),
            ("and the schools will open.", "fragment", "Tomas Reyes", "Tomas Reyes", "told"),
        ],
    ),
    (
        "“It would be good if you led,” Omar Haddad explained. “If you stop, others will lead.”",
        [
            ("It would be good if you led,", "direct", "Omar Haddad", "Omar Haddad", "explained"),
            ("If you stop, others will lead.", "direct", "Omar Haddad", "Omar Haddad", "explained"),
        ],
    ),
    (
        "Ada Kwan spoke to the council on Monday. She warned:\n\n“The budget is empty.”",
        [("The budget is empty.", "direct", "Ada Kwan", "She", "warned")],
    ),
    (
        "According to the ministry, “the talks have failed.”",  # a body named by its description
        [("the talks have failed.", "fragment", "ministry", "the ministry", "According to")],
    ),
    (
        "Last week, the Kestrel campaign called for an “expedited review” of the port.",
        [("expedited review", "fragment", "Kestrel campaign", "the Kestrel campaign", "called")],
    ),
    (
        "Supreme Leader Ali Karimi met the students. The supreme leader lamented the “decline of the youth.”",
        [("decline of the youth.", "fragment", "Ali Karimi", "The supreme leader", "lamented")],
    ),
    (
        "Tomas Reyes called the plan “a disaster for the farmers.”",
        [("a disaster for the farmers.", "fragment", "Tomas Reyes", "Tomas Reyes", "called")],
    ),
    (  # a full stop inside the marks, and the attribution as a short sentence of its own
        "The mayor spoke after the vote.\n\n“The bridge will reopen in June.” Lena Marsh said.\n",
        [("The bridge will reopen in June.", "direct", "Lena Marsh", "Lena Marsh", "said")],
    ),
    (  # how the words came (an interview) and a participle after a comma are not the speaker
        "“We need more nurses,” said Omar Haddad, the hospital director, in an interview. "
        "“Nobody else will say it,” said Ada Kwan, speaking on condition of anonymity.",
        [
            ("We need more nurses,", "direct", "Omar Haddad", "Omar Haddad, the hospital director", "said"),
            ("Nobody else will say it,", "direct", "Ada Kwan", "Ada Kwan", "said"),
        ],
    ),
    (  # the inverted "Said X:" label
        "Tomas Reyes, an economist, doubts the plan. It would cost more than it saves. "
        "Said Reyes: “It will never pass.”",
        [("It will never pass.", "direct", "Tomas Reyes", "Reyes", "Said")],
    ),
    (  # a headline: the speaker's name starts it, the quoted words are in title case
        "Lena Marsh: Council’s ‘Reckless Spending Plan’ Will Hurt Families\n\n"
        "The mayor spoke to reporters on Monday.",
        [("Reckless Spending Plan", "fragment", "Lena Marsh", "Lena Marsh", None)],
    ),
    (  # a cue with no subject of its own takes the speaker of its context
        "Later, Ada Kwan stated that the report “was not good.” Adding, “It was bad for the town.”",
        [
            ("was not good.", "fragment", "Ada Kwan", "Ada Kwan", "stated"),
            ("It was bad for the town.", "direct", "Ada Kwan", "Ada Kwan", "Adding"),
        ],
    ),
    (  # a claim noun carries its owner's words
        "Voters doubted Tomas Reyes after his pledge to be “neutral” in the talks.",
        [("neutral", "fragment", "Tomas Reyes", "his", "pledge")],
    ),
    (  # a name someone gives is theirs, title case or not
        "Ada Kwan kept referring to the mayor as “Little Napoleon.”",
        [("Little Napoleon.", "fragment", "Ada Kwan", "Ada Kwan", "referring")],
    ),
    (  # readers' reactions signed with the quotation dash (U+2015), no-break spaces around it
        "Readers wrote in after the debate.\n“The debate was a circus.”\u00a0― Marta Olsen\u00a0\n"
        "“I will vote early this year.”― Pedro Ruiz.\n",
        [
            ("The debate was a circus.", "direct", "Marta Olsen", "Marta Olsen", None),
            ("I will vote early this year.", "direct", "Pedro Ruiz", "Pedro Ruiz", None),
        ],
    ),
    # a description followed by a name is the name's title; "a spokesman for X" is not X
    (
        "Harbourwatch welcomed the move. "
        "Harbourwatch editor-in-chief Lena Marsh said: “Let us now focus on the threat.”",
        [
            (
                "Let us now focus on the threat.",
                "direct",
                "Lena Marsh",
                "Harbourwatch editor-in-chief Lena Marsh",
                "said",
            )
        ],
    ),
    (
        "Lena Marsh stayed home. A spokesman for Lena Marsh said: “She will not attend.”",
        [("She will not attend.", "direct", "spokesman", "A spokesman for Lena Marsh", "said")],
    ),
    (  # a reporting verb above the cue whose own subject is "he": the nearer clause names the speaker
        "Tomas Reyes said he backed the new port rules, which he called “a fair deal for the town.”",
        [("a fair deal for the town.", "fragment", "Tomas Reyes", "he", "called")],
    ),
    (
        "Mayor Lena Marsh reviewed the report on Monday, and she called its findings “deeply worrying.”",
        [("deeply worrying.", "fragment", "Lena Marsh", "she", "called")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), ATTRIBUTIONS)
def test_speakers_and_cues(spacy_model: SpacyModel, text: str, expected: list[Summary]) -> None:
    assert [summary(q) for q in quotes_of(spacy_model, text)] == expected


KINDS = [
    # quoted words before a noun they modify name or label it: no one says them
    ("“Harbour Lights” star Ana Ruiz opened up about her childhood.", "scare"),
    ("The mayor’s “zero tolerance” policy drew criticism from residents.", "scare"),
    ("Campaign aides said the “Kestrel First” ad would run in three states.", "scare"),
    ("Tomas Reyes called it an “awful” deal and walked out.", "fragment"),  # his word for it
    ("“We will win” was all Tomas Reyes said.", "direct"),
    ("The crowd chanted “no more war” in the square.", "slogan"),
    ("Thousands marched with slogans like “bread and freedom.”", "slogan"),
    ("Critics of the so-called “reform plan” stayed home.", "scare"),
    ("The region came to be known as a “land of rebels” in the press.", "scare"),
    ("The town fears its “enemies” more than the weather.", "scare"),
    ("She appeared on “Morning Talk Hour” yesterday.", "scare"),
    ("The weekend belonged to streaming shows. “The Long Winter” led the charts.", "scare"),
    ("“We are ready,” the minister said.", "direct"),
    ("The minister said the army was “ready for anything.”", "fragment"),
    # a passive naming cue names a term: nobody's words
    ("When the dust is feathers, the illness is called “duvet lung.”", "scare"),
    ("The illness is called “duvet lung” by doctors.", "fragment"),  # the doctors' name for it
    ("Breathing mold can lead to what is called “farmer's lung.”", "scare"),
]

# (text, kinds in order): a list of title-case quotations is a list of works, unless someone
# is naming something with them.
LISTS = [
    ("The band played its hits, including “Black Water,” “China Grove” and “Long Train”.", ["scare"] * 3),
    ("Marsh called the plan “Grand Folly” and “Total Waste” on Monday.", ["fragment"] * 2),
    ("The director made this clear in her new documentary “Thirteen Rivers.”", ["scare"]),
    ("In his 2002 book, “Make Your Kid a Millionaire,” Ruiz wrote about saving.", ["scare"]),
    ("In his book, Ruiz wrote that “saving is hard.”", ["fragment"]),
    ("Ruiz, who also stars in the medical drama, “Harbour Street,” returns to the stage.", ["scare"]),
    ("In his autobiography, “A Time to Build,” published in 2015, Ruiz wrote about saving.", ["scare"]),
    ("In his column, Ruiz wrote that the plan was “Total Folly.”", ["fragment"]),
]


@pytest.mark.parametrize(("text", "kinds"), LISTS)
def test_lists_of_titles(spacy_model: SpacyModel, text: str, kinds: list[str]) -> None:
    assert [q.kind for q in quotes_of(spacy_model, text)] == kinds


# (text, speaker of the one quotation): what can speak, and which name it gets.
SPEAKERS = [
    ("Trump spoke at Trump Tower on Monday. “We will win,” Trump Tower said.", None),  # a building
    ("“This is a waste of time,” said Del. Stacey Plaskett of the islands.", "Stacey Plaskett"),
    ("“The city will never go back,” said the Rev. Peter Wherry, of the church.", "Peter Wherry"),
    (  # the pronoun is the sentence's subject, not the possessor inside its object
        "Pat Simmons teed up Michael McDonald’s cameo. “You might remember him,” he said.",
        "Pat Simmons",
    ),
    ("Teachers held a rally at the Statehouse. “Fund our schools,” they chanted.", "teachers"),
    ("Police used a ram. “Let me see your hands!” an officer ordered.", "officer"),  # unnamed, described
    ("Tourism boards compete.\nSouth Dakota: “Come and see the hills.”", None),  # a place is no label
    (  # a verb does not report the clause that modifies it ("while …")
        "While some protesters chanted, “Bread for all,” in a Capitol hallway, Senate leader Ana Ruiz "
        "spoke before lawmakers.",
        "protesters",
    ),
    (  # a clause has one subject: the one before the verb, not a place the parse attached too
        "Speaking at a rally in Dunmore, Kestrel County, Ana Ruiz went after her rival, calling him "
        "“a total stiff.”",
        "Ana Ruiz",
    ),
    ("LONDON (Wire) - Ana Ruiz said she would call the plan “reckless and wrong” again.", "Ana Ruiz"),
    (  # one person, one speaker name in an article
        "Michael Doherty runs the port. Ana Kim met him. “Ships wait,” Mr. Doherty said.",
        "Michael Doherty",
    ),
    ("“The impact is unclear,” the Calder Port Authority report stated.", "Calder Port Authority"),
    (  # a message with no name before it: its source
        "A report from the Calder Herald came out on Monday. “The port is closed,” The report said.",
        "Calder Herald",
    ),
    (  # a message speaks for whoever issued it
        "The Calder Port Authority said in a statement on Monday that ships wait. "
        "“The harbour is closed,” the statement said.",
        "Calder Port Authority",
    ),
]


@pytest.mark.parametrize(("text", "speaker"), SPEAKERS)
def test_who_can_speak(spacy_model: SpacyModel, text: str, speaker: str | None) -> None:
    (found,) = quotes_of(spacy_model, text)
    assert found.speaker == speaker


@pytest.mark.parametrize(
    "text",
    [
        "KESTREL BAY, March 4 (Wire) — The harbour board released a statement on Monday offering "
        "“a full apology” to fishermen.",
        "KESTREL BAY (Wire) - The board, in a statement, called the plan “reckless and wrong.”",
    ],
)
def test_the_dateline_never_speaks(spacy_model: SpacyModel, text: str) -> None:
    (found,) = quotes_of(spacy_model, text)
    assert found.speaker != "KESTREL BAY"
    assert found.speaker_mention is None or found.speaker_mention.start >= text.index("(Wire)") + 8


@pytest.mark.parametrize(
    ("name", "clean"),
    [
        ('Marcia "', "Marcia"),
        ("“Cia", "Cia"),
        ('"', None),
        ("Conan O’Brien", "Conan O’Brien"),
        ("Jones’", "Jones"),
        ("Meghan cry", "Meghan"),
        ("Erja news website", "Erja news website"),
        ("Ludwig van Beethoven", "Ludwig van Beethoven"),
        ("officer", "officer"),
    ],
)
def test_speaker_names_stop_at_a_quotation_mark(name: str, clean: str | None) -> None:
    assert clean_name(name) == clean


@pytest.mark.parametrize(("text", "kind"), KINDS)
def test_kinds(spacy_model: SpacyModel, text: str, kind: str) -> None:
    (found,) = quotes_of(spacy_model, text)
    assert found.kind == kind
    if kind == "scare":
        assert (found.speaker, found.speaker_mention, found.cue) == (None, None, None)


def test_slogans_belong_to_the_crowd(spacy_model: SpacyModel) -> None:
    found = quotes_of(spacy_model, "Demonstrators filled the streets and chanted “down with the council.”")
    assert [(q.kind, q.speaker) for q in found] == [("slogan", "demonstrators")]
    found = quotes_of(
        spacy_model, "The protests spread through the country, with slogans like “free the prisoners.”"
    )
    assert [(q.kind, q.speaker) for q in found] == [("slogan", "protesters")]


def test_nested_quote_has_its_own_speaker(spacy_model: SpacyModel) -> None:
    text = "Lena Marsh spoke first. “Then the chief told me, ‘Close the gates,’ and we did,” she said."
    found = {q.text: (q.kind, q.speaker, q.cue) for q in quotes_of(spacy_model, text)}
    assert found["Then the chief told me, ‘Close the gates,’ and we did,"] == ("direct", "Lena Marsh", "said")
    assert found["Close the gates,"][0] == "direct"
    assert found["Close the gates,"][2] == "told"


def test_multi_paragraph_quote_is_one_quote_per_paragraph(spacy_model: SpacyModel) -> None:
    text = "Omar Haddad read his statement:\n\n“The harbour will close.\n\n“The ships will wait,” he said."
    found = quotes_of(spacy_model, text)
    assert [q.text for q in found] == ["The harbour will close.", "The ships will wait,"]
    assert [q.speaker for q in found] == ["Omar Haddad", "Omar Haddad"]


def test_turns_of_a_quoted_transcript(spacy_model: SpacyModel) -> None:
    """ "“NAME: …” opens a speaker's turn: the name is the speaker of that paragraph."""
    text = (
        "Host Chris Wallace spoke with Lena Marsh. Partial transcript:\n\n"
        "“WALLACE: Will you be there tomorrow?\n\n“MARSH: Yes, we will all be there.\n\n"
        "“WALLACE: Thank you.”"
    )
    found = quotes_of(spacy_model, text)
    assert [q.speaker for q in found] == ["Chris Wallace", "Lena Marsh", "Chris Wallace"]
    assert all(q.kind == "direct" for q in found)


SAID_ON = [
    ("“We won,” Ali Karimi said on Sunday.", "2020-05-17"),  # published Monday 18 May 2020
    ("“We won,” Ali Karimi told reporters Tuesday.", "2020-05-12"),
    ("In May, Ali Karimi said that “the war is over.”", "2020-05"),
    ("Last November, Ali Karimi said “the war is over.”", "2019-11"),
    ("“We won,” Ali Karimi said earlier this month.", "2020-05"),
    ("“We won,” Ali Karimi said.", None),
    ("Ali Karimi said the 2018 vote was “a fraud.”", None),  # a date, but not of the saying
]


@pytest.mark.parametrize(("text", "said_on"), SAID_ON)
def test_said_on_keeps_the_granularity_of_the_text(
    spacy_model: SpacyModel, text: str, said_on: str | None
) -> None:
    (found,) = quotes_of(spacy_model, text)
    assert found.said_on == said_on


# (text, said_on of every quotation in order): the occasion that dates the words, from a sentence
# before them, until another occasion is named; slogans from their protest. Published 2020-05-18.
OCCASIONS = [
    (
        "Speaking on state television on Tuesday, the minister Ali Karimi warned of shortages. "
        "“We have fuel for a week,” he said. “Then the pumps stop,” Karimi added.",
        ["2020-05-12", "2020-05-12"],
    ),
    ("Lena Marsh spoke at a rally last week. “We will win,” she said.", ["2020-05"]),
    ("In a speech in March, Lena Marsh was blunt. “The port is closed,” she said.", ["2020-03"]),
    (
        "“We won,” Ali Karimi said on Sunday. Later he spoke in an interview with Radio Calder. "
        "“We will rebuild,” he said.",
        ["2020-05-17", None],  # another occasion, undated: the words are not Sunday's
    ),
    (
        "Thousands of teachers surrounded the capitol on Tuesday in a protest over pay. "
        "The teachers chanted, “Fund our schools.”",
        ["2020-05-12"],
    ),
    (
        "Teachers will hold a rally on Friday, May 22. “We want pay,” Ana Ruiz said.",
        [None],  # a date after publication is a plan, not the day of the words
    ),
    (
        "Other protests were held last year. “We want pay,” Ana Ruiz said.",
        [None],  # protests in general, not the occasion of the words
    ),
    ("The release of the files in 2010 shocked many. “It was wrong,” Ana Ruiz said.", [None]),
    (  # a noun that modifies another names that other thing: a stretch of games is no occasion
        "Barely a week ago, Tomas Reyes had scored just once in a 10-game stretch. "
        "“He’s used to scoring goals,” Ana Ruiz said.",
        [None],
    ),
]


@pytest.mark.parametrize(("text", "said_on"), OCCASIONS)
def test_said_on_from_the_occasion(spacy_model: SpacyModel, text: str, said_on: list[str | None]) -> None:
    assert [q.said_on for q in quotes_of(spacy_model, text) if q.kind != "scare"] == said_on


def test_said_on_needs_a_published_date_for_relative_dates(spacy_model: SpacyModel) -> None:
    (found,) = quotes_of(spacy_model, "“We won,” Ali Karimi said on Sunday.", published=None)
    assert found.said_on is None


def test_quote_records_are_stable_and_point_into_the_text(spacy_model: SpacyModel) -> None:
    text = "“We will rebuild,” said Lena Marsh. “Soon.”"
    first, second = quotes_of(spacy_model, text), quotes_of(spacy_model, text)
    assert [q.id for q in first] == [q.id for q in second]
    assert all(text[q.start : q.end] == q.text for q in first)
    assert all(
        q.speaker_mention is None
        or text[q.speaker_mention.start : q.speaker_mention.end] == q.speaker_mention.text
        for q in first
    )


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Meet the Press", True),
        ("The Art of the Deal", True),
        ("we are ready", False),
        ("It is over. Go home", False),
    ],
)
def test_is_title(text: str, title: bool) -> None:
    assert is_title(text) is title


# Bad input: completes with sane output (bounded time and memory; not timed here).
def test_five_hundred_quote_marks(spacy_model: SpacyModel) -> None:
    text = " ".join(f"Ali Karimi said “item {i} is fine” and left." for i in range(250))
    found = quotes_of(spacy_model, text)
    assert len(found) == 250
    assert all(q.text.startswith("item") for q in found)


def test_no_closing_marks_at_all(spacy_model: SpacyModel) -> None:
    text = "\n".join(f"Ali Karimi said “something without an end number {i}" for i in range(100))
    found = quotes_of(spacy_model, text)
    assert all(q.text.startswith("something") for q in found)


def test_one_megabyte_paragraph(spacy_model: SpacyModel) -> None:
    sentence = "the council met again without any decision and the people waited for news "
    text = (sentence * 40 + "while Ali Karimi said “we are still waiting” in the hall ") * 340
    assert len(text) > 1_000_000
    found = find_quotes(article(text), ArticleNLP(spacy_model, text), QuoteOptions())
    assert len(found.quotes) == 340
    assert {q.text for q in found.quotes} == {"we are still waiting"}


def test_quotes_step_is_registered() -> None:
    assert "quotes" in [s.name for s in builtin_steps()]


def test_a_failure_inside_the_step_is_an_error_for_that_article_only(monkeypatch: pytest.MonkeyPatch) -> None:
    import newstrace.analyze.quotes.extract as quotes_module  # noqa: PLC0415

    real = marks.find_quote_spans  # the function the quotes step calls

    def failing(text: str) -> QuoteMarks:
        if "BREAKS-THE-STEP" in text:
            raise RuntimeError("cannot read these marks")
        return real(text)

    monkeypatch.setattr(quotes_module, "find_quote_spans", failing)
    analyzer = Analyzer(AnalyzeOptions(stages=("quotes",)))
    broken = analyzer.analyze(article("“BREAKS-THE-STEP,” he said.", source="bad.txt"))
    fine = analyzer.analyze(article("“We are fine,” Ali Karimi said.", source="good.txt"))
    assert [(e.source, e.stage) for e in broken.errors] == [("bad.txt", "quotes")]
    assert "cannot read these marks" in broken.errors[0].message
    assert broken.quotes == ()
    assert fine.errors == () and [q.text for q in fine.quotes] == ["We are fine,"]


def test_a_broken_mark_is_a_stored_warning_and_the_rest_is_kept() -> None:
    text = "He called it “a disaster and left. Later Ali Karimi said “we stay” to reporters."
    found = Analyzer(AnalyzeOptions(stages=("quotes",))).analyze(article(text))
    assert [q.text for q in found.quotes] == ["we stay"]
    assert [(w.stage, w.start, w.end) for w in found.warnings] == [("quotes", 13, 14)]
    assert text[found.warnings[0].start] == "“" and "never closed" in found.warnings[0].message
    assert found.errors == ()
