"""Full JSON backup of the user's data, and restoring one: all of it, or nothing."""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from careercoach import __version__
from careercoach.domain.backup_format import (
    FORMAT_VERSION,
    BackupMeta,
    TableRows,
    backup_json,
    parse_backup,
)
from careercoach.domain.errors import UserError
from careercoach.paths import make_private
from careercoach.services.clock import Clock, system_clock
from careercoach.services.files import read_bytes, write_text_file
from careercoach.storage.backup_tables import checked_rows
from careercoach.storage.rolling_backups import remove_abandoned_partials

if TYPE_CHECKING:  # the database layer stays unloaded until it is opened
    from careercoach.storage.database import Database

MAX_BACKUP_BYTES = 200_000_000
# ``write_text_file`` writes ``.<name>.partial`` first; this is one for a safety copy.
_SAFETY_COPY_PARTIAL = re.compile(r"\.before-restore-(\d{8}-\d{6})(?:-\d+)?\.json\.partial")


@dataclass(frozen=True)
class RestoreResult:
    """What a restore put in (rows per table), and where the data it replaced was saved."""

    rows: dict[str, int]
    replaced_saved_to: Path | None


class RestoreNeedsReplaceError(UserError):
    """The database holds the user's data and the restore was not asked to replace it."""


class BackupService:
    """Writes and restores full backups; each call is one transaction."""

    def __init__(self, database: Database, backups_dir: Path, *, clock: Clock = system_clock):
        self._database = database
        self._backups_dir = backups_dir
        self._clock = clock

    def backup(self, path: Path) -> Path:
        """Write every table to ``path`` as a backup file, readable by the user only.

        Raises:
            UserError: the file cannot be written (an existing one is left as it was).
        """
        with self._database.unit_of_work() as work:
            data = work.tables.dump()
        self._write(path, data)
        return path

    def restore(self, path: Path, *, replace: bool = False) -> RestoreResult:
        """Replace every table's rows with the backup at ``path``.

        The whole file is read and checked before the database is touched. A database
        holding only what a first start stores (the built-in ladders) counts as empty;
        any other needs ``replace``, and its data is then saved to the backups folder
        first. Everything happens in one transaction: on any error nothing changes.
        Temporary files of earlier safety copies that were cut short are removed then
        (see ``remove_abandoned_partials``).

        Raises:
            BackupFormatError: the file is not a backup this version can read, or its
                rows do not fit together.
            RestoreNeedsReplaceError: the database holds data and ``replace`` is False.
            UserError: the file cannot be read, or the database cannot be used.
        """
        source = str(path)
        document = parse_backup(read_bytes(path, MAX_BACKUP_BYTES, "a CareerCoach backup"), source)
        rows = checked_rows(document.data, source)
        safety_copy: Path | None = None
        saved_to: Path | None = None
        try:
            with self._database.unit_of_work() as work:
                if work.tables.holds_user_data():
                    if not replace:
                        raise RestoreNeedsReplaceError(
                            "restore-not-empty",
                            "the database holds data; restore with --replace to replace it "
                            "(a backup is taken first)",
                        )
                    self.remove_abandoned_partials()
                    safety_copy = self._free_backup_name()
                    saved_to = self._write(safety_copy, work.tables.dump())
                work.tables.replace_all(rows, source)
        except BaseException:
            if saved_to is not None:  # nothing was replaced: the copy would only mislead
                saved_to.unlink(missing_ok=True)
            elif safety_copy is not None:  # its writing was cut short (Ctrl+C)
                with contextlib.suppress(OSError):  # the first error is the one to tell
                    _partial_of(safety_copy).unlink(missing_ok=True)
            raise
        return RestoreResult(
            rows={table: len(table_rows) for table, table_rows in rows.items()},
            replaced_saved_to=saved_to,
        )

    def remove_abandoned_partials(self) -> list[Path]:
        """Delete temporary files of safety copies whose writing was cut short.

        Only this service's own ``.before-restore-*.json.partial`` files are removed, and
        only those stamped an hour or more from now: a younger one may be a restore that
        another run of the app (the CLI beside the window) is making right now.

        Returns:
            The files removed.
        """
        return remove_abandoned_partials(self._backups_dir, _SAFETY_COPY_PARTIAL, self._clock())

    def _write(self, path: Path, data: TableRows) -> Path:
        meta = BackupMeta(
            format_version=FORMAT_VERSION,
            app_version=__version__,
            created_at=f"{self._clock().isoformat()}Z",  # the clock gives UTC
        )
        if path.is_dir():
            raise UserError("backup-to-folder", f"{path}: is a folder; name the file to write")
        write_text_file(path, backup_json(meta, data))
        make_private(path)
        return path

    def _free_backup_name(self) -> Path:
        self._backups_dir.mkdir(parents=True, exist_ok=True)
        stamp = self._clock().strftime("%Y%m%d-%H%M%S")
        candidate = self._backups_dir / f"before-restore-{stamp}.json"
        number = 2
        while candidate.exists():
            candidate = self._backups_dir / f"before-restore-{stamp}-{number}.json"
            number += 1
        return candidate


def _partial_of(path: Path) -> Path:
    """The temporary name ``write_text_file`` writes ``path`` under."""
    return path.with_name(f".{path.name}.partial")
