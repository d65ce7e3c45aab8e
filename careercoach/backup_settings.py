"""How many automatic database copies to keep, read from settings.ini without Qt."""

from __future__ import annotations

import configparser
import logging
from pathlib import Path

DEFAULT_KEEP = 7
MAX_KEEP = 1000
SECTION = "backups"
KEY = "keep"

_log = logging.getLogger(__name__)


def read_backup_keep(settings_file: Path) -> int:
    """The ``[backups] keep`` value of the settings file (QSettings INI format).

    A missing file, section or key gives the default. A value that is not a whole
    number from 0 to 1000, or a file that cannot be read, gives the default too and is
    logged.

    Args:
        settings_file: the app's settings.ini.

    Returns:
        How many automatic copies to keep; 0 means none are taken.
    """
    # No interpolation: QSettings writes values with '%' in them (percent-encoded keys).
    parser = configparser.ConfigParser(interpolation=None, strict=False)
    try:
        parser.read(settings_file, encoding="utf-8")
    except (configparser.Error, OSError, UnicodeDecodeError) as error:
        _log.warning(
            "cannot read %s (%s); keeping %d automatic backups", settings_file, error, DEFAULT_KEEP
        )
        return DEFAULT_KEEP
    raw = parser.get(SECTION, KEY, fallback=None)
    if raw is None:
        return DEFAULT_KEEP
    try:
        keep = int(raw.strip())
    except ValueError:
        keep = -1
    if not 0 <= keep <= MAX_KEEP:
        _log.warning(
            "%s: [%s] %s=%r is not a whole number from 0 to %d; keeping %d automatic backups",
            settings_file,
            SECTION,
            KEY,
            raw,
            MAX_KEEP,
            DEFAULT_KEEP,
        )
        return DEFAULT_KEEP
    return keep
