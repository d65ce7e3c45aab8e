"""The log file: set up once, rotated, and readable by the user only."""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from careercoach.logging_setup import (
    KEPT_LOG_FILES,
    LOGGER_NAME,
    MAX_LOG_BYTES,
    configure_file_logging,
    ensure_file_logging,
    file_logging_target,
)


def file_handlers() -> list[logging.FileHandler]:
    logger = logging.getLogger(LOGGER_NAME)
    return [handler for handler in logger.handlers if isinstance(handler, logging.FileHandler)]


@pytest.fixture(autouse=True)
def no_log_file_yet() -> Iterator[None]:
    """Each test starts and ends without a log file set up."""

    def drop() -> None:
        for handler in file_handlers():
            logging.getLogger(LOGGER_NAME).removeHandler(handler)
            handler.close()

    drop()
    yield
    drop()


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_ensure_sets_the_log_up_once(tmp_path: Path) -> None:
    log_file = tmp_path / "logs" / "careercoach.log"
    assert file_logging_target() is None
    ensure_file_logging(log_file)
    (handler,) = file_handlers()
    logging.getLogger("careercoach.ui").error("first")
    ensure_file_logging(log_file)
    assert file_handlers() == [handler]  # kept, not reopened
    assert file_logging_target() == log_file
    logging.getLogger("careercoach.ui").error("second")
    handler.flush()
    lines = log_file.read_text(encoding="utf-8").splitlines()
    assert [line.split(": ", 1)[1] for line in lines] == ["first", "second"]
    assert mode(log_file) == 0o600


def test_another_log_file_replaces_the_first(tmp_path: Path) -> None:
    first, second = tmp_path / "a" / "careercoach.log", tmp_path / "b" / "careercoach.log"
    configure_file_logging(first)
    ensure_file_logging(second)
    assert len(file_handlers()) == 1
    assert file_logging_target() == second
    logging.getLogger("careercoach").warning("where am I")
    file_handlers()[0].flush()
    assert first.read_text(encoding="utf-8") == ""
    assert "where am I" in second.read_text(encoding="utf-8")


def test_rotated_log_files_stay_private(tmp_path: Path) -> None:
    os.umask(0o022)  # as in a tool that does not tighten it (the fixture restores it)
    log_file = tmp_path / "logs" / "careercoach.log"
    configure_file_logging(log_file)
    line = "x" * 10_000
    for _ in range(MAX_LOG_BYTES * (KEPT_LOG_FILES + 1) // len(line) + 10):
        logging.getLogger("careercoach").info(line)
    files = sorted(log_file.parent.iterdir())
    assert [path.name for path in files] == [
        "careercoach.log",
        *(f"careercoach.log.{number}" for number in range(1, KEPT_LOG_FILES + 1)),
    ]
    assert {path.name: mode(path) for path in files} == {path.name: 0o600 for path in files}
    assert all(path.stat().st_size <= MAX_LOG_BYTES for path in files)
