"""docs/rules.md is generated from the code, covers every fact and rule, and its examples work."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from careercoach.domain.coach_fact_catalogue import FACTS
from careercoach.domain.coach_facts import CoachData, compute_facts
from careercoach.domain.coach_reference import REGENERATE_COMMAND, render_rules_reference
from careercoach.domain.coach_rules import RULE_FIELDS, Rule, parse_rule_file
from careercoach.domain.profile import Profile
from careercoach.domain.rule_conditions import compile_condition
from careercoach.resources import builtin_rules_dir
from careercoach.services.rules_reference import builtin_rules, main

DOC = Path(__file__).resolve().parents[2] / "docs" / "rules.md"
RULES = builtin_rules(builtin_rules_dir())
RENDERED = render_rules_reference(RULES)


def _section(text: str, heading: str) -> str:
    start = text.index(f"\n## {heading}\n")
    end = text.find("\n## ", start + 1)
    return text[start : end if end != -1 else len(text)]


def _first_code_span(cell: str) -> str:
    match = re.match(r"\s*(`+)\s?(.*?)\s?\1", cell)
    assert match is not None, cell
    return match.group(2).replace("\\|", "|")


def _documented_conditions(text: str) -> list[str]:
    table = _section(text, "Conditions")
    rows = [line for line in table.splitlines() if line.startswith("| `")]
    examples = [_first_code_span(row[1:]) for row in rows]
    examples += [_first_code_span(line) for line in re.findall(r"\*\*When:\*\* (.*)", text)]
    for block in re.findall(r"```toml\n(.*?)```", text, flags=re.DOTALL):
        parsed = parse_rule_file(block, "docs/rules.md")
        assert parsed.problems == ()
        examples += [rule.when for rule in parsed.rules]
    return examples


def test_the_committed_reference_is_the_generated_one() -> None:
    committed = DOC.read_text(encoding="utf-8") if DOC.exists() else ""
    assert committed == RENDERED, (
        f"docs/rules.md is out of date; regenerate it with: {REGENERATE_COMMAND}"
    )


def test_every_fact_is_documented_with_its_type() -> None:
    for spec in FACTS:
        assert f"| `{spec.name}` | {spec.type.value} | " in RENDERED, spec.name


def test_every_builtin_rule_is_documented() -> None:
    assert len(RULES) >= 10
    for rule in RULES:
        assert f"\n### `{rule.id}`: " in RENDERED, rule.id
        assert f"**When:** `{rule.when}`" in RENDERED, rule.id


def _empty_data_facts() -> dict[str, object]:
    return dict(compute_facts(CoachData(today=dt.date(2026, 3, 4), profile=Profile())))


def test_every_condition_in_the_reference_compiles_and_evaluates() -> None:
    examples = _documented_conditions(RENDERED)
    assert len(examples) >= len(RULES) + 10
    facts = _empty_data_facts()
    for example in examples:
        condition = compile_condition(example)
        condition.holds(facts)  # no null comparison or missing key on an empty profile


def test_the_list_example_holds_on_an_empty_list() -> None:
    facts = _empty_data_facts()
    assert facts["largest_gap_competencies"] == ()
    assert not compile_condition("'collaboration' in largest_gap_competencies").holds(facts)


def test_the_example_rule_is_complete() -> None:
    block = re.search(r"```toml\n(.*?)```", RENDERED, flags=re.DOTALL)
    assert block is not None
    for field in RULE_FIELDS:
        assert re.search(rf"^{field} = ", block.group(1), flags=re.MULTILINE), field


def test_rendering_is_deterministic_and_ranks_the_rules() -> None:
    low = Rule("a-low", "Low", "x", "entries_30d > 0", "m", "r", priority=10)
    high = Rule("b-high", "High | pipe", "x", "entries_30d > 0", "m", "r", priority=90)
    text = render_rules_reference([low, high])
    assert text == render_rules_reference([high, low])
    assert text.index("`b-high`") < text.index("`a-low`")
    assert "### `b-high`: High \\| pipe" in text


def test_main_writes_the_file_or_stdout(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "rules.md"
    assert main([str(target)]) == 0
    assert target.read_bytes() == RENDERED.encode("utf-8")
    assert main([]) == 0
    assert capsys.readouterr().out == RENDERED
