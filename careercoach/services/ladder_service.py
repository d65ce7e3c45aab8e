"""Use cases around ladders: list, show, validate, import and export."""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from careercoach.domain.errors import UserError
from careercoach.domain.importers.common import (
    MAX_IMPORT_BYTES,
    ImportedLadder,
    LadderImportError,
)
from careercoach.domain.importers.registry import (
    ImportFormat,
    detect_format,
    import_ladder_bytes,
)
from careercoach.domain.ladder import Ladder
from careercoach.domain.ladder_catalog import LadderSummary, StoredLadder, unique_ladder_id
from careercoach.domain.ladder_codec import (
    LadderFileFormat,
    format_for_filename,
    parse_ladder_bytes,
    render_ladder,
)
from careercoach.domain.ladder_format import (
    FormatProblem,
    LadderFormatError,
    ladder_from_document,
    ladder_to_document,
)
from careercoach.services.clock import Clock, system_clock
from careercoach.services.files import read_bytes, write_text_file

MAX_LADDER_FILE_BYTES = 10_000_000

if TYPE_CHECKING:  # the database layer stays unloaded until it is opened
    from careercoach.storage.database import Database


_log = logging.getLogger("careercoach.services")


def same_ladder_ids(ladder_id: str, taken: set[str]) -> set[str]:
    """The ids an import of ``ladder_id`` may have been stored under: it, or it with -N."""
    pattern = re.compile(re.escape(ladder_id) + r"(-[0-9]+)?")
    return {candidate for candidate in taken if pattern.fullmatch(candidate)}


@dataclass(frozen=True)
class ImportResult:
    """What an import stored."""

    summary: LadderSummary
    already_present: bool
    warnings: tuple[str, ...] = ()


class LadderService:
    """Ladders for the CLI and the GUI; each method is one transaction."""

    def __init__(self, database: Database, *, clock: Clock = system_clock) -> None:
        self._database = database
        self._clock = clock

    def sync_builtin(self, files: Sequence[Path]) -> list[LadderSummary]:
        """Store the shipped ladders; a changed file becomes a new pinned version.

        A built-in ladder new in this version whose id the user's own imported ladder
        already has is not installed: the user's ladder stays as it is.
        """
        ladders = [_read_builtin(path) for path in files]
        stored: list[LadderSummary] = []
        with self._database.unit_of_work() as work:
            taken = work.ladders.ids()
            for ladder in ladders:
                if ladder.id in taken and not work.ladders.get(ladder.id).builtin:
                    _log.warning(
                        "built-in ladder %s skipped: an imported ladder has its id", ladder.id
                    )
                    continue
                stored.append(work.ladders.save(ladder, builtin=True, now=self._clock()).summary())
        return stored

    def list_ladders(self) -> list[LadderSummary]:
        """Every ladder the user can pick."""
        with self._database.unit_of_work() as work:
            return work.ladders.summaries()

    def get_ladder(self, ladder_id: str) -> Ladder:
        """The current version of one ladder."""
        return self.get_stored(ladder_id).ladder

    def get_stored(self, ladder_id: str) -> StoredLadder:
        """The current version of one ladder, with its content hash."""
        with self._database.unit_of_work() as work:
            return work.ladders.get(ladder_id)

    def import_file(self, path: Path, file_format: ImportFormat | None = None) -> ImportResult:
        """Read a ladder file in any supported format and store it (see ``store_import``)."""
        return self.store_import(read_import(path, file_format))

    def store_import(self, imported: ImportedLadder) -> ImportResult:
        """Store an imported ladder under a free id.

        The same content imported twice is stored once. A ladder whose id is taken by a
        different ladder gets ``-2``, ``-3``… appended.
        """
        ladder = imported.ladder
        with self._database.unit_of_work() as work:
            taken = work.ladders.ids()
            for candidate in sorted(same_ladder_ids(ladder.id, taken)):
                existing = work.ladders.get(candidate)
                if existing.ladder == replace(ladder, id=candidate):
                    return ImportResult(existing.summary(), True, imported.warnings)
            if ladder.id in taken:
                ladder = replace(ladder, id=unique_ladder_id(ladder.id, taken))
            stored = work.ladders.save(ladder, builtin=False, now=self._clock())
        return ImportResult(stored.summary(), False, imported.warnings)

    def export_file(self, ladder_id: str, path: Path) -> Path:
        """Write a stored ladder in the format its file name asks for (.toml, .yaml, .json)."""
        return write_ladder_file(self.get_ladder(ladder_id), path)

    def save_edited(self, ladder: Ladder, opened_as: str | None) -> LadderSummary:
        """Store an edited ladder as its new current version; older versions stay stored.

        Args:
            ladder: The edited ladder.
            opened_as: The id the editor opened (None for a new or duplicated ladder).

        Raises:
            UserError: a built-in id, or an id that another ladder already has.
            LadderFormatError: the ladder is not valid (every problem listed).
        """
        checked = ladder_from_document(ladder_to_document(ladder))
        with self._database.unit_of_work() as work:
            if checked.id in work.ladders.ids():
                if work.ladders.get(checked.id).builtin:
                    raise UserError(
                        "ladder-builtin-readonly",
                        f"'{checked.id}' is a built-in ladder and cannot be changed; "
                        "duplicate it and edit the copy",
                    )
                if checked.id != opened_as:
                    raise UserError(
                        "ladder-id-taken",
                        f"another ladder already has the id '{checked.id}'; choose another id",
                    )
            return work.ladders.save(checked, builtin=False, now=self._clock()).summary()

    def ladder_ids(self) -> set[str]:
        """Every id in use (built-in and imported)."""
        with self._database.unit_of_work() as work:
            return work.ladders.ids()


def _read_builtin(path: Path) -> Ladder:
    try:
        return read_ladder_file(path)
    except UserError as error:  # a shipped file is broken: a bug, not the user's doing
        raise RuntimeError(f"built-in ladder {path} cannot be read: {error.message}") from error


def read_import(path: Path, file_format: ImportFormat | None = None) -> ImportedLadder:
    """Read a ladder file in any supported format, without storing it.

    Raises:
        UserError: the file cannot be read or imported (one line naming the file).
        LadderFormatError: a native ladder file with problems (every problem listed).
    """
    data = read_bytes(path, MAX_IMPORT_BYTES, "a ladder file")
    companions = {}
    roles: Path | None = None
    try:
        chosen = file_format or detect_format(data, path.name)
        roles = _roles_beside(path) if chosen == "radar" else None
        if roles is not None:
            companions["roles"] = read_bytes(roles, MAX_IMPORT_BYTES, "a roles file")
        return import_ladder_bytes(data, path.name, chosen, companions=companions)
    except LadderImportError as error:
        # A line number in the roles file must be read in the roles file.
        in_roles = roles is not None and error.problem.startswith("in the roles file")
        source = roles if in_roles and roles is not None else path
        raise UserError(
            "ladder-import",
            f"{source}:{error.message}" if error.location else f"{source}: {error.message}",
        ) from error


def _roles_beside(path: Path) -> Path | None:
    """progression-radar keeps roles in a ``roles.yml`` next to the categories file."""
    for name in ("roles.yml", "roles.yaml", "roles.yml.dist", "roles.yaml.dist"):
        candidate = path.with_name(name)
        if candidate != path and candidate.is_file():
            return candidate
    return None


def write_ladder_file(ladder: Ladder, path: Path) -> Path:
    """Write ``ladder`` in the format its file name asks for (.toml, .yaml, .json).

    Raises:
        UserError: another extension, or the file cannot be written.
    """
    file_format = format_for_filename(path.name)
    if file_format is None:
        raise UserError(
            "ladder-export-format",
            f"{path}: choose a file name ending in .toml, .yaml, .yml or .json",
        )
    write_text_file(path, render_ladder(ladder, file_format))
    return path


def validate_ladder_file(path: Path) -> list[FormatProblem]:
    """Every problem of a ladder file (an empty list when it is valid)."""
    try:
        read_ladder_file(path)
    except LadderFormatError as error:
        return list(error.problems)
    return []


def read_ladder_file(path: Path, file_format: LadderFileFormat | None = None) -> Ladder:
    """Load a ladder in one of the native formats (TOML, YAML, JSON).

    Raises:
        UserError: the file cannot be read or its format is unknown.
        LadderFormatError: the content is not a valid ladder.
    """
    chosen = file_format or format_for_filename(path.name)
    if chosen is None:
        raise UserError(
            "ladder-format-unknown",
            f"{path}: cannot tell the format from the name; use .toml, .yaml, .yml or .json",
            path=str(path),
        )
    return parse_ladder_bytes(read_bytes(path, MAX_LADDER_FILE_BYTES, "a ladder file"), chosen)
