"""What the app knows about each stored ladder, without loading its cells."""

from __future__ import annotations

from dataclasses import dataclass

from careercoach.domain.ladder import Ladder


@dataclass(frozen=True)
class LadderSummary:
    """One stored ladder as listed to the user."""

    id: str
    name: str
    version: str
    builtin: bool
    content_hash: str
    level_count: int
    competency_count: int

    def to_json(self) -> dict[str, object]:
        """The summary as plain JSON values (the CLI's ``ladder list --json``)."""
        return {
            "id": self.id,
            "name": self.name,
            "version": self.version,
            "builtin": self.builtin,
            "content_hash": self.content_hash,
            "levels": self.level_count,
            "competencies": self.competency_count,
        }


@dataclass(frozen=True)
class StoredLadder:
    """A ladder as stored: its content and the hash that pins this exact version."""

    ladder: Ladder
    content_hash: str
    builtin: bool

    def summary(self) -> LadderSummary:
        """The listing line for this ladder."""
        return LadderSummary(
            id=self.ladder.id,
            name=self.ladder.name,
            version=self.ladder.version,
            builtin=self.builtin,
            content_hash=self.content_hash,
            level_count=len(self.ladder.levels),
            competency_count=len(self.ladder.competencies),
        )


def unique_ladder_id(wanted: str, taken: set[str], max_length: int = 80) -> str:
    """``wanted``, or ``wanted-2``, ``wanted-3``… — the first id not in ``taken``.

    The base is shortened where needed so the result stays within ``max_length``.
    """
    if wanted not in taken and len(wanted) <= max_length:
        return wanted
    suffix = 2
    while True:
        tail = f"-{suffix}"
        candidate = wanted[: max_length - len(tail)].rstrip("-_") + tail
        if candidate not in taken:
            return candidate
        suffix += 1
