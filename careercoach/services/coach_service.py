"""Use cases of the coach: evaluate the rules against today's data, act on suggestions."""

from __future__ import annotations

import datetime as dt
import difflib
from pathlib import Path
from typing import TYPE_CHECKING

from careercoach.domain.coach import (
    CoachAdvice,
    ReadyRule,
    SuggestionState,
    SuggestionStatus,
    acted_state,
    advise,
    merge_rule_files,
    rules_in_force,
)
from careercoach.domain.coach_facts import CoachData, compute_facts
from careercoach.domain.coach_rules import Rule, RuleFile, RuleProblem, parse_rule_file
from careercoach.domain.errors import NotFoundError, UserError
from careercoach.domain.ladder import Ladder
from careercoach.domain.profile import Profile
from careercoach.services.clock import Clock, Today, local_today, system_clock
from careercoach.services.files import read_bytes

if TYPE_CHECKING:  # the database layer stays unloaded until it is opened
    from careercoach.storage.database import Database, UnitOfWork

MAX_RULE_FILE_BYTES = 1_000_000


class RuleSources:
    """Where rule files live: the built-in folder and the user's own (which may not exist)."""

    def __init__(self, builtin_dir: Path, user_dir: Path | None = None) -> None:
        self.builtin_dir = builtin_dir
        self.user_dir = user_dir

    def read(self) -> RuleFile:
        """The rules in force (conditions not compiled) and the problems found in the files."""
        return merge_rule_files(*self.files())

    def files(self) -> tuple[list[RuleFile], list[RuleFile]]:
        """The built-in rule files and the user's, each parsed, in a stable order."""
        builtin = [_read(path, f"built-in {path.name}") for path in _toml_files(self.builtin_dir)]
        user_paths = _toml_files(self.user_dir) if self.user_dir is not None else []
        return builtin, [_read(path, str(path)) for path in user_paths]


def _toml_files(folder: Path) -> list[Path]:
    try:
        return sorted(
            path
            for path in folder.iterdir()
            if path.suffix.lower() == ".toml" and not path.name.startswith(".")
        )
    except OSError:
        return []


def _read(path: Path, source: str) -> RuleFile:
    try:
        # utf-8-sig: editors on Windows start UTF-8 files with a byte-order mark.
        text = read_bytes(path, MAX_RULE_FILE_BYTES, "a rule file").decode("utf-8-sig")
    except UserError as error:
        return RuleFile((), (RuleProblem(source, "", error.message.removeprefix(f"{path}: ")),))
    except UnicodeDecodeError:
        return RuleFile((), (RuleProblem(source, "", "is not UTF-8 text"),))
    return parse_rule_file(text, source)


class CoachService:
    """Evaluates the coach's rules; each call reads the rule files and data afresh."""

    def __init__(
        self,
        database: Database,
        rules: RuleSources,
        *,
        clock: Clock = system_clock,
        today: Today = local_today,
    ) -> None:
        self._database = database
        self.rule_sources = rules
        self._clock = clock
        self._today = today

    def advice(self) -> CoachAdvice:
        """Every rule evaluated against today's data; nothing is stored."""
        ready, problems = self._ready_rules()
        today = self._today()
        with self._database.unit_of_work() as work:
            data = _coach_data(work, today)
            states = work.suggestions.all()
        return advise(ready, compute_facts(data), states, today, problems)

    def mark_done(self, rule_id: str) -> SuggestionState:
        """Mark a rule's suggestion done; it stays away for the rule's cooldown."""
        return self._act(rule_id, SuggestionStatus.DONE)

    def dismiss(self, rule_id: str) -> SuggestionState:
        """Dismiss a rule's suggestion; it stays away for the rule's cooldown."""
        return self._act(rule_id, SuggestionStatus.DISMISSED)

    def snooze(self, rule_id: str, days: int) -> SuggestionState:
        """Hide a rule's suggestion for ``days`` days.

        Raises:
            UserError: ``days`` is not from 1 to 365.
            NotFoundError: no rule has that id.
        """
        return self._act(rule_id, SuggestionStatus.SNOOZED, days)

    def restore(self, rule_id: str, previous: SuggestionState | None = None) -> None:
        """Undo an action: put ``previous`` back, or show the suggestion again."""
        if previous is not None and previous.rule_id != rule_id:
            raise ValueError(
                f"the state of {previous.rule_id!r} cannot be put back on {rule_id!r}"
            )
        with self._database.unit_of_work() as work:
            if previous is None:
                work.suggestions.delete(rule_id)
            else:
                work.suggestions.save(previous, now=self._clock())

    def states(self) -> dict[str, SuggestionState]:
        """Every stored suggestion state, by rule id."""
        with self._database.unit_of_work() as work:
            return work.suggestions.all()

    def ensure_rules_folder(self) -> Path:
        """The user's rules folder, created when missing (to open it in a file manager).

        Raises:
            UserError: there is no user rules folder, or it cannot be created.
        """
        folder = self.rule_sources.user_dir
        if folder is None:
            raise UserError("no-rules-folder", "this setup has no folder for your own rules")
        try:
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        except OSError as error:
            raise UserError(
                "rules-folder-unwritable", f"{folder}: {error.strerror or error}"
            ) from error
        return folder

    def _act(
        self, rule_id: str, status: SuggestionStatus, days: int | None = None
    ) -> SuggestionState:
        self._firing_rule(rule_id)
        state = acted_state(rule_id, status, self._today(), days)
        with self._database.unit_of_work() as work:
            return work.suggestions.save(state, now=self._clock())

    def rule_in_force(self, rule_id: str) -> Rule | None:
        """The rule with ``rule_id`` as it is evaluated (a broken override never is)."""
        ready, _ = self._ready_rules()
        return next((r.rule for r in ready if r.rule.id == rule_id), None)

    def _firing_rule(self, rule_id: str) -> Rule:
        """The rule in force with ``rule_id`` whose condition holds today.

        Raises:
            NotFoundError: no rule in force has that id.
            UserError: the rule does not fire today, so there is nothing to act on.
        """
        advice = self.advice()
        firing = {s.rule.id: s.rule for s in (*advice.suggestions, *advice.hidden)}
        if rule_id in firing:
            return firing[rule_id]
        ready, _ = self._ready_rules()
        known = [r.rule.id for r in ready]
        if rule_id in known:
            raise UserError(
                "rule-not-firing",
                f"'{rule_id}' is not suggested today: its condition does not hold",
                rule=rule_id,
            )
        close = difflib.get_close_matches(rule_id, known, n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        raise NotFoundError("rule-not-found", f"there is no rule '{rule_id}'{hint}", rule=rule_id)

    def _ready_rules(self) -> tuple[tuple[ReadyRule, ...], tuple[RuleProblem, ...]]:
        # Imported here: building rule-engine's parser costs a quarter of a second, which
        # the first window should not wait for.
        from careercoach.domain.rule_conditions import compile_condition

        return rules_in_force(*self.rule_sources.files(), compile_condition)


def _coach_data(work: UnitOfWork, today: dt.date) -> CoachData:
    profile = work.profiles.get() or Profile()
    finished = work.assessments.finished()
    latest = finished[0] if finished else None
    ladder = (
        work.ladders.get_version(latest.ladder_id, latest.ladder_hash).ladder if latest else None
    )
    return CoachData(
        today=today,
        profile=profile,
        entries=tuple(work.contributions.find()),
        prototypes=tuple(work.prototypes.all()),
        checkins=tuple(work.checkins.all()),
        assessment=latest,
        ladder=ladder,
        has_draft=work.assessments.draft() is not None,
        profile_ladder=_profile_ladder(work, profile),
    )


def _profile_ladder(work: UnitOfWork, profile: Profile) -> Ladder | None:
    try:
        return work.ladders.get(profile.ladder_id).ladder
    except NotFoundError:
        return None
