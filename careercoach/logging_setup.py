"""Writes the application log (with tracebacks of unexpected failures) into the data dir."""

from __future__ import annotations

import logging
from pathlib import Path

from careercoach.paths import make_private

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def configure_file_logging(log_file: Path) -> None:
    """Send the ``careercoach`` logger to a rotating, user-only log file."""
    # Imported here: the handlers module pulls in sockets and pickling (~10 ms at start-up).
    from logging.handlers import RotatingFileHandler

    log_file.parent.mkdir(parents=True, exist_ok=True)
    logger = logging.getLogger("careercoach")
    for handler in list(logger.handlers):
        if isinstance(handler, logging.FileHandler):
            logger.removeHandler(handler)
            handler.close()
    handler = RotatingFileHandler(log_file, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    make_private(log_file)
