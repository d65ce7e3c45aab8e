"""Writes the application log (with tracebacks of unexpected failures) into the data dir."""

from __future__ import annotations

import logging
import os
import threading
from pathlib import Path

from careercoach.paths import make_private

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
LOGGER_NAME = "careercoach"
MAX_LOG_BYTES = 1_000_000
KEPT_LOG_FILES = 3

# A worker thread's failure may set the log up while the GUI thread does: one at a time.
_setting_up = threading.Lock()


def configure_file_logging(log_file: Path) -> None:
    """Send the ``careercoach`` logger to a rotating, user-only log file.

    A log file set up before is closed and replaced.

    Raises:
        OSError: the log folder or file cannot be created.
    """
    with _setting_up:
        _replace_file_handler(log_file)


def ensure_file_logging(log_file: Path) -> None:
    """Like ``configure_file_logging``, unless the logger already writes to ``log_file``.

    Cheap once the log is set up, so it can run before every record that must reach the
    file (the GUI sets its log up only after the window's first paint).

    Raises:
        OSError: the log folder or file cannot be created.
    """
    with _setting_up:
        if file_logging_target() != Path(os.path.abspath(log_file)):  # as FileHandler names it
            _replace_file_handler(log_file)


def file_logging_target() -> Path | None:
    """The file the ``careercoach`` logger writes to, or None before it is set up."""
    for handler in logging.getLogger(LOGGER_NAME).handlers:
        if isinstance(handler, logging.FileHandler):
            return Path(handler.baseFilename)
    return None


def _replace_file_handler(log_file: Path) -> None:
    # Imported here: the handlers module pulls in sockets and pickling (~10 ms at start-up).
    from logging.handlers import RotatingFileHandler

    class PrivateRotatingFileHandler(RotatingFileHandler):
        """Keeps the fresh file that a rollover opens user-only too."""

        def doRollover(self) -> None:  # noqa: N802 - the logging module's spelling
            super().doRollover()
            make_private(Path(self.baseFilename))

    log_file.parent.mkdir(parents=True, exist_ok=True)
    handler = PrivateRotatingFileHandler(
        os.fspath(log_file), maxBytes=MAX_LOG_BYTES, backupCount=KEPT_LOG_FILES, encoding="utf-8"
    )
    make_private(log_file)  # before the first record is written
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    logger = logging.getLogger(LOGGER_NAME)
    for old in list(logger.handlers):
        if isinstance(old, logging.FileHandler):
            logger.removeHandler(old)
            old.close()
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
