"""The HTML summary: a standalone page, escaped user text, the radar, content and redaction."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from careercoach.domain.summary_report import RadarData
from careercoach.export.summary_html import render_html
from careercoach.export.summary_html_style import STYLE
from careercoach.export.summary_radar_svg import can_draw, radar_svg
from careercoach.export.summary_sections import (
    REDACTION_NOTE,
    SECTION_ORDER,
    empty_text,
    section_title,
)
from tests.export import summary_data as data
from tests.export.summary_data import ParsedHtml, flat

# Every element the renderer emits; anything else would have come from user text.
ALLOWED_TAGS = frozenset(
    {"html", "head", "meta", "title", "style", "body", "header", "main", "section"}
    | {"h1", "h2", "h3", "p", "dl", "dt", "dd", "div", "span", "strong"}
    | {"table", "thead", "tbody", "tr", "th", "td", "ul", "ol", "li"}
    | {"figure", "figcaption", "svg", "g", "circle", "line", "polygon", "polyline"}
    | {"rect", "text", "tspan"}
)
ALLOWED_ATTRIBUTES = frozenset(
    {"lang", "charset", "name", "content", "class", "id", "xmlns", "role", "aria-labelledby"}
    | {"viewbox", "width", "height", "font-size", "fill", "fill-opacity", "stroke"}
    | {"stroke-width", "stroke-dasharray", "text-anchor", "cx", "cy", "r", "x", "y"}
    | {"x1", "y1", "x2", "y2", "points", "paint-order"}
)


@pytest.fixture(scope="module")
def html() -> str:
    return render_html(data.report())


@pytest.fixture(scope="module")
def page(html: str) -> ParsedHtml:
    return ParsedHtml(html)


def test_a_standalone_html5_document(html: str, page: ParsedHtml) -> None:
    assert html.startswith('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">')
    assert html.endswith("</html>\n")
    assert flat(page.title) == f"1:1 summary: {data.USER}, 2026-03-01 to 2026-03-31"
    assert page.open == []
    assert page.unbalanced == []
    assert "@media print" in html
    assert "break-inside: avoid" in html


def test_nothing_is_loaded_or_run(html: str, page: ParsedHtml) -> None:
    assert "script" not in page.tags
    assert not re.search(r"url\(|@import", STYLE)
    assert "<img" not in html
    assert {name for _, name, _ in page.attributes} <= ALLOWED_ATTRIBUTES


def test_user_text_is_text_never_markup(page: ParsedHtml) -> None:
    assert set(page.tags) <= ALLOWED_TAGS
    assert all(not name.startswith("on") for _, name, _ in page.attributes)
    for text in (data.MARKUP_TITLE, data.MARKUP_QUOTE, data.MARKUP_LINES):
        assert flat(text) in page.text


def test_user_text_in_the_title_is_escaped() -> None:
    report = data.report()
    header = replace(report.header, name='</title><script>alert("x")</script>')
    page = ParsedHtml(render_html(replace(report, header=header)))
    assert "script" not in page.tags
    assert flat(page.title) == '1:1 summary: </title><script>alert("x")</script>, ' + (
        "2026-03-01 to 2026-03-31"
    )


def test_sections_come_in_order(page: ParsedHtml, html: str) -> None:
    headings = re.findall(r"<h2>(.*?)</h2>", html)
    assert headings == [section_title(section) for section in SECTION_ORDER]
    assert page.tags.count("h1") == 1
    assert page.tags.count("section") == len(SECTION_ORDER)


def test_header_names_the_person_ladder_and_period(page: ParsedHtml) -> None:
    for text in (
        f"1:1 summary: {data.USER}",
        f"Role {data.ROLE}",
        "Ladder Platform Engineering Ladder, version 3.1",
        "Period from 2026-03-01 to 2026-03-31",
        "Generated 2026-03-31",
    ):
        assert text in page.text
    assert REDACTION_NOTE not in page.text


def test_level_estimate_and_target_are_stated(page: ParsedHtml) -> None:
    assert "Estimated level Engineer II Target Senior Engineer" in page.text
    assert "Assessed on 2026-03-15 How the estimate is reached Highest level where" in page.text


def test_the_radar_draws_every_axis_with_real_text(page: ParsedHtml) -> None:
    assert page.tags.count("svg") == 1
    for name in data.COMPETENCY_NAMES:
        assert flat(name) in page.svg_texts
    assert "Self-assessment (2026-03-15)" in page.svg_texts
    assert "Target: Senior Engineer" in page.svg_texts
    assert page.tags.count("polygon") == 2
    assert "Rings from the centre outwards: 1 Engineer I; 2 Engineer II;" in page.text


def test_every_competency_shows_rating_target_and_evidence(page: ParsedHtml) -> None:
    text = page.text
    assert "Delivery Engineer II Senior Engineer Manager-agreed Below target" in text
    assert (
        "Delivery · Impact Rating: Engineer II · Target: Senior Engineer · "
        "Evidence strength: Manager-agreed · Below target"
    ) in text
    assert "2026-03-20 Shipped the ranking service rewrite Assigned delivery" in text
    assert "2026-02-10 Churn early-warning notebook Prototype Artifact" in text
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
        "2026-03-03 Paired with Priya Natarajan on the Falcon Migration cutover "
        "Rubric: ambiguity 3, complexity 4, cross-functional 2, size M "
        "“Priya Natarajan: it unblocked the whole team” Mentoring / pairing helping others "
        "Priya Natarajan Falcon Migration "
    ) in text
    assert "of 5 (" in text


def test_collaboration_prototypes_actions_points_and_asks(page: ParsedHtml) -> None:
    text = page.text
    assert "Helping-others entries 3" in text
    assert "People helped Marguerite Fontaine, Wendell Briggs, Priya Natarajan" in text
    assert "What people said 2 quotes, shown beneath their highlights." in text
    assert flat(data.MARKUP_QUOTE.strip()) in text
    assert "Churn early-warning notebook Building 2026-02-10 12.5 h 1 person" in text
    for suggestion in data.SUGGESTIONS:
        assert f"{suggestion.rule.title} {suggestion.message}" in text
    for point in (*data.TALKING_POINTS, *data.ASKS):
        assert flat(point) in text


def test_multi_line_text_keeps_its_lines(html: str) -> None:
    assert '<li class="text">- not a list\n1. not ordered\n&gt; not quoted' in html
    assert ".text { white-space: pre-line; }" in html


def test_empty_summary_says_so_in_every_section() -> None:
    page = ParsedHtml(render_html(data.empty_report()))
    assert flat(page.title).startswith("1:1 summary, ")
    assert "Estimated level Not assessed yet" in page.text
    assert "svg" not in page.tags
    for section in SECTION_ORDER[1:]:
        assert empty_text(section) in page.text


def test_same_report_same_bytes() -> None:
    first = render_html(data.report()).encode("utf-8")
    assert render_html(data.report()).encode("utf-8") == first


def test_redacted_summary_hides_every_name_but_the_users() -> None:
    html = render_html(data.report(redact=True))
    for name in (*data.HIDDEN_NAMES, "Priya"):
        assert not data.contains_word(html, name), name
    page = ParsedHtml(html)
    assert data.USER in page.text
    assert data.USER in page.title
    assert REDACTION_NOTE in page.text
    assert "Paired with Colleague C on the Project B cutover" in page.text
    assert "Colleague B Project A" in page.text


# ---------------------------------------------------------------- the radar alone


RADAR = RadarData(
    axes=("A", "B", "C", "D"),
    levels=("One", "Two", "Three"),
    current=(0.0, 1.0, 2.0, 1.0),
    target=(2.0, 2.0, 2.0, 2.0),
    current_name="Now",
    target_name="Goal",
)


def test_a_radar_needs_three_axes_and_a_level() -> None:
    assert can_draw(RADAR)
    assert not can_draw(None)
    assert not can_draw(replace(RADAR, axes=("A", "B"), current=(0, 1), target=(2, 2)))
    assert not can_draw(replace(RADAR, levels=()))
    with pytest.raises(ValueError, match="three axes"):
        radar_svg(replace(RADAR, axes=("A", "B")), "t")


def test_two_competencies_give_a_table_without_a_radar() -> None:
    report = data.report()
    radar = replace(report.radar, axes=report.radar.axes[:2]) if report.radar else None
    page = ParsedHtml(render_html(replace(report, radar=radar)))
    assert "svg" not in page.tags
    assert "Delivery Engineer II Senior Engineer" in page.text


def test_unrated_axes_break_the_line_and_a_missing_target_is_not_drawn() -> None:
    radar = replace(RADAR, current=(0.0, None, 2.0, 1.0), target=(None,) * 4)
    page = ParsedHtml(radar_svg(radar, "Ratings"))
    assert page.tags.count("polygon") == 0
    assert page.tags.count("polyline") == 1  # C, D and round to A: one unbroken run
    assert page.tags.count("circle") == 3 + 3  # rings, then one dot per rated axis


def test_long_and_odd_axis_names_stay_inside_the_drawing() -> None:
    long_name = "Technical depth and breadth across the whole machine learning stack"
    radar = replace(RADAR, axes=(long_name, "<b>&amp;</b>", "C", "D"))
    svg = radar_svg(radar, "Ratings")
    page = ParsedHtml(svg)
    assert long_name in page.svg_texts
    assert "<b>&amp;</b>" in page.svg_texts
    left, top, width, height = map(float, re.search(r'viewBox="([^"]+)"', svg)[1].split())
    xs = [float(x) for x in re.findall(r' x="(-?[\d.]+)"', svg)]
    ys = [float(y) for y in re.findall(r' y="(-?[\d.]+)"', svg)]
    assert left <= min(xs)
    assert max(xs) <= left + width
    assert top <= min(ys)
    assert max(ys) <= top + height
