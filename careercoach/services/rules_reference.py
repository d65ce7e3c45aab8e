"""Writes docs/rules.md, the coach's rule and fact reference, from the built-in rule files.

Run ``uv run python -m careercoach.services.rules_reference docs/rules.md``.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from careercoach.domain.coach_reference import render_rules_reference
from careercoach.domain.coach_rules import Rule, parse_rule_file
from careercoach.resources import builtin_rules_dir


def builtin_rules(rules_dir: Path) -> tuple[Rule, ...]:
    """The rules of the built-in rule files in ``rules_dir``, in file name order."""
    rules: list[Rule] = []
    for path in sorted(rules_dir.glob("*.toml")):
        rules.extend(parse_rule_file(path.read_text(encoding="utf-8"), path.name).rules)
    return tuple(rules)


def main(argv: Sequence[str]) -> int:
    """Write the reference to the file named in ``argv``, or to stdout without one."""
    text = render_rules_reference(builtin_rules(builtin_rules_dir()))
    if argv:
        Path(argv[0]).write_text(text, encoding="utf-8", newline="\n")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
