"""The Markdown summary: content and order, literal user text under CommonMark, redaction."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from careercoach.export.summary_markdown import escape_markdown, render_markdown
from careercoach.export.summary_sections import (
    REDACTION_NOTE,
    SECTION_ORDER,
    empty_text,
    section_title,
)
from tests.export import summary_data as data
from tests.export.summary_data import ParsedHtml, flat

# What our Markdown may turn into: anything else (a link, an image, code, raw HTML, a
# block quote, a rule) would have come from user text.
ALLOWED_TAGS = frozenset(
    {"h1", "h2", "h3", "p", "ul", "ol", "li", "strong", "em"}
    | {"table", "thead", "tbody", "tr", "th", "td"}
)


def to_html(markdown: str) -> str:
    """``markdown`` through a CommonMark parser with tables, raw HTML passed through."""
    parser = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    return parser.render(markdown)


def parsed(markdown: str) -> ParsedHtml:
    return ParsedHtml(to_html(markdown))


def literal(text: str) -> str:
    """What a reader should see of ``text``: its trimmed non-blank lines, one space apart."""
    return " ".join(line.strip() for line in text.splitlines() if line.strip())


# ---------------------------------------------------------------- escaping


NASTY = st.text(
    alphabet=st.one_of(
        st.sampled_from(list("\\`*_{}[]()#+-.!|<>~&;=$:/ \t\n\r1aZ")),
        st.characters(exclude_characters="\x00", exclude_categories=("Cs",)),
    ),
    max_size=40,
)

CONTEXTS = {
    "paragraph": ("{}", {"p"}),
    "list item": ("- {}", {"ul", "li"}),
    "bold list item": ("- **{}**", {"ul", "li", "strong"}),
    "heading": ("### {}", {"h3"}),
    "table cell": ("| A | B |\n| --- | --- |\n| {} | x |", {"table", "thead", "tbody", "tr"}),
}


@pytest.mark.parametrize("context", CONTEXTS)
@given(text=NASTY)
def test_any_text_reads_literally_in_every_position(context: str, text: str) -> None:
    expected = literal(text)
    assume(expected)
    template, tags = CONTEXTS[context]
    page = parsed(template.format(escape_markdown(text)))
    if context == "table cell":
        tags |= {"th", "td"}
        assert page.tags.count("td") == 2
        expected = f"A B {expected} x"
    assert set(page.tags) <= tags
    assert page.text == flat(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("**bold**", r"\*\*bold\*\*"),
        ("a | b", r"a \| b"),
        ("[x](http://y)", r"\[x\](http://y)"),
        ("&amp; R&D", r"\&amp; R&D"),
        ("- item", r"\- item"),
        ("1. one", r"1\. one"),
        ("1.5 of 5", "1.5 of 5"),
        ("> quoted", r"\> quoted"),
        ("a -> b", "a -> b"),
        ("first\n  second  \n\nthird", "first second third"),
    ],
)
def test_escaping_keeps_plain_text_plain(text: str, expected: str) -> None:
    assert escape_markdown(text) == expected


# ---------------------------------------------------------------- content


@pytest.fixture(scope="module")
def markdown() -> str:
    return render_markdown(data.report())


@pytest.fixture(scope="module")
def page(markdown: str) -> ParsedHtml:
    return parsed(markdown)


def test_sections_come_in_order_under_one_title(markdown: str, page: ParsedHtml) -> None:
    headings = [line.removeprefix("## ") for line in markdown.splitlines() if line[:3] == "## "]
    assert headings == [section_title(section) for section in SECTION_ORDER]
    assert page.tags.count("h1") == 1
    assert markdown.startswith(f"# 1:1 summary: {data.USER}\n")


def test_markdown_makes_no_markup_of_user_text(page: ParsedHtml) -> None:
    assert set(page.tags) <= ALLOWED_TAGS
    assert page.attributes == []
    for text in (data.MARKUP_TITLE, data.MARKUP_QUOTE, data.MARKUP_LINES):
        assert flat(literal(text)) in page.text


def test_header_names_the_person_ladder_and_period(page: ParsedHtml) -> None:
    for text in (
        data.USER,
        data.ROLE,
        "Platform Engineering Ladder, version 3.1",
        "from 2026-03-01 to 2026-03-31",
        "Generated: 2026-03-31",
    ):
        assert text in page.text
    assert REDACTION_NOTE not in page.text


def test_level_estimate_and_target_are_stated(page: ParsedHtml) -> None:
    assert "Estimated level: Engineer II" in page.text
    assert "Target: Senior Engineer" in page.text
    assert "Assessed on: 2026-03-15" in page.text
    assert "How the estimate is reached: Highest level where" in page.text


def test_every_competency_shows_rating_target_and_evidence(page: ParsedHtml) -> None:
    text = page.text
    for name in data.COMPETENCY_NAMES:
        assert flat(name) in text
    assert "Delivery Engineer II Senior Engineer Manager-agreed Below target" in text
    assert "2026-03-20 Shipped the ranking service rewrite Assigned delivery" in text
    assert "Churn early-warning notebook Prototype Artifact" in text
    assert "No evidence attached." in text
    assert page.tags.count("h3") == len(data.COMPETENCY_NAMES)


def test_every_contribution_of_the_period_and_none_outside(page: ParsedHtml) -> None:
    text = page.text
    for title in data.IN_PERIOD_TITLES:
        assert flat(title) in text
    for title in data.OUTSIDE_TITLES:
        assert title not in text
    assert "4 contributions from 2026-03-01 to 2026-03-31" in text
    assert (
        "2026-03-03: Paired with Priya Natarajan on the Falcon Migration cutover "
        "Kind: Mentoring / pairing, helping others For: Priya Natarajan "
        "Project: Falcon Migration Difficulty:"
    ) in text
    assert "Rubric: ambiguity 3, complexity 4, cross-functional 2, size M" in text


def test_collaboration_prototypes_actions_points_and_asks(page: ParsedHtml) -> None:
    text = page.text
    assert "Helping-others entries: 3" in text
    assert "People helped: Marguerite Fontaine, Wendell Briggs, Priya Natarajan" in text
    assert "What people said: 2 quotes, shown beneath their highlights." in text
    assert flat(f"Quote: “{literal(data.MARKUP_QUOTE)}”") in text
    assert "Churn early-warning notebook Building 2026-02-10 12.5 h 1 person" in text
    for suggestion in data.SUGGESTIONS:
        assert f"{suggestion.rule.title} — {suggestion.message}" in text
    for point in (*data.TALKING_POINTS, *data.ASKS):
        assert flat(literal(point)) in text


def test_empty_summary_says_so_in_every_section() -> None:
    text = parsed(render_markdown(data.empty_report())).text
    assert text.startswith("1:1 summary ")
    assert "Estimated level: Not assessed yet" in text
    for section in SECTION_ORDER[1:]:
        assert empty_text(section) in text


def test_same_report_same_bytes() -> None:
    first = render_markdown(data.report()).encode("utf-8")
    assert render_markdown(data.report()).encode("utf-8") == first
    assert first.endswith(b"\n")
    assert not first.endswith(b"\n\n")


def test_redacted_summary_hides_every_name_but_the_users() -> None:
    markdown = render_markdown(data.report(redact=True))
    for name in (*data.HIDDEN_NAMES, "Priya"):
        assert not data.contains_word(markdown, name), name
    text = parsed(markdown).text
    assert data.USER in text
    assert REDACTION_NOTE in text
    assert "For: Colleague A" in text
    assert "Project: Project A" in text


def test_a_blank_optional_field_is_left_out() -> None:
    report = data.report()
    bare = replace(report.highlights[0], beneficiary="", project="", rubric="", difficulty="")
    text = parsed(render_markdown(replace(report, highlights=(bare,)))).text
    assert "For:" not in text
    assert "Project:" not in text
    assert "Difficulty:" not in text
