"""The rules in force: user rules replace built-in ones; broken and switched-off ones drop."""

from __future__ import annotations

from careercoach.domain.coach import merge_rule_files, rules_in_force
from careercoach.domain.coach_rules import RuleFile, RuleProblem
from careercoach.domain.rule_conditions import compile_condition
from tests.domain.test_coach_advice import rule

# ---------------------------------------------------------------- merging rule files


def test_a_user_rule_replaces_the_built_in_rule_with_its_id() -> None:
    builtin = RuleFile((rule("a"), rule("b"), rule("c")), ())
    mine = RuleFile(
        (rule("b", 99, title="My b", source="mine.toml"), rule("d", source="mine.toml")), ()
    )
    merged = merge_rule_files([builtin], [mine])
    assert [(r.id, r.title, r.priority, r.source) for r in merged.rules] == [
        ("a", "A", 50, "built-in"),
        ("b", "My b", 99, "mine.toml"),
        ("c", "C", 50, "built-in"),
        ("d", "D", 50, "mine.toml"),
    ]
    assert merged.problems == ()


def test_enabled_false_switches_a_rule_off() -> None:
    builtin = RuleFile((rule("a"), rule("b")), ())
    mine = RuleFile(
        (
            rule("a", enabled=False, source="mine.toml"),
            rule("e", enabled=False, source="mine.toml"),
        ),
        (),
    )
    merged = merge_rule_files([builtin], [mine])
    assert [r.id for r in merged.rules] == ["b"]
    off = RuleFile((rule("b", enabled=False),), ())
    assert [r.id for r in merge_rule_files([off], []).rules] == []


def test_a_duplicate_id_across_user_files_is_reported_and_the_first_kept() -> None:
    builtin = RuleFile((rule("a"),), ())
    first = RuleFile((rule("a", 70, source="first.toml"),), ())
    second = RuleFile((rule("a", 20, source="second.toml"), rule("z", source="second.toml")), ())
    merged = merge_rule_files([builtin], [first, second])
    assert [(r.id, r.source, r.priority) for r in merged.rules] == [
        ("a", "first.toml", 70),
        ("z", "second.toml", 50),
    ]
    assert merged.problems == (
        RuleProblem("second.toml", "a", "the id is already defined in first.toml"),
    )


def test_merging_keeps_every_files_own_problems() -> None:
    built_in_problem = RuleProblem("built-in", "x", "'title' is required")
    user_problem = RuleProblem("mine.toml", "", "not valid TOML: oops")
    merged = merge_rule_files(
        [RuleFile((rule("a"),), (built_in_problem,))], [RuleFile((), (user_problem,))]
    )
    assert [r.id for r in merged.rules] == ["a"]
    assert merged.problems == (built_in_problem, user_problem)


# ---------------------------------------------------------------- rules in force


def test_rules_in_force_compiles_then_merges() -> None:
    builtin = RuleFile((rule("a"), rule("b"), rule("c")), ())
    mine = RuleFile(
        (
            rule("a", enabled=False, source="mine.toml"),
            rule("b", when="entries_totl > 0", source="mine.toml"),
            rule("c", 90, when="entries_total == 0", source="mine.toml"),
            rule("d", source="mine.toml"),
        ),
        (RuleProblem("mine.toml", "#5", "'id' is required"),),
    )
    prepared, problems = rules_in_force([builtin], [mine], compile_condition)
    assert [(r.rule.id, r.rule.source, r.rule.priority) for r in prepared] == [
        ("b", "built-in", 50),
        ("c", "mine.toml", 90),
        ("d", "mine.toml", 50),
    ]
    assert prepared[1].condition.facts == ("entries_total",)
    assert problems == (
        RuleProblem("mine.toml", "#5", "'id' is required"),
        RuleProblem(
            "mine.toml",
            "b",
            "'when': unknown fact 'entries_totl' (did you mean 'entries_total'?)",
        ),
    )


def test_a_switched_off_rule_is_not_compiled() -> None:
    off = rule("off", when="not a condition (", enabled=False, source="mine.toml")
    prepared, problems = rules_in_force(
        [RuleFile((rule("off"),), ())], [RuleFile((off,), ())], compile_condition
    )
    assert prepared == ()
    assert problems == ()


def test_a_broken_built_in_rule_is_reported_and_left_out() -> None:
    builtin = RuleFile((rule("bad", when="role > 3"), rule("good")), ())
    prepared, problems = rules_in_force([builtin], [], compile_condition)
    assert [r.rule.id for r in prepared] == ["good"]
    assert [(p.file, p.rule_id) for p in problems] == [("built-in", "bad")]
