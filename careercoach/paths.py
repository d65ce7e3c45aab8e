"""The one place that knows where CareerCoach reads and writes files."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from careercoach import APP_NAME

DATA_DIR_ENV = "CAREERCOACH_DATA_DIR"
DATABASE_URL_ENV = "CAREERCOACH_DATABASE_URL"
DATABASE_FILENAME = "careercoach.sqlite3"
SETTINGS_FILENAME = "settings.ini"
LOG_FILENAME = "careercoach.log"

PRIVATE_DIR_MODE = 0o700
PRIVATE_FILE_MODE = 0o600


@dataclass(frozen=True)
class AppPaths:
    """Every directory and file the app writes, all under one data directory."""

    data_dir: Path

    @property
    def database_file(self) -> Path:
        """The embedded SQLite database."""
        return self.data_dir / DATABASE_FILENAME

    @property
    def settings_file(self) -> Path:
        """Window state and preferences (QSettings, INI format)."""
        return self.data_dir / SETTINGS_FILENAME

    @property
    def rules_dir(self) -> Path:
        """The user's own coaching rule files."""
        return self.data_dir / "rules"

    @property
    def logs_dir(self) -> Path:
        """Log files, with tracebacks of unexpected failures."""
        return self.data_dir / "logs"

    @property
    def log_file(self) -> Path:
        """The application log."""
        return self.logs_dir / LOG_FILENAME

    @property
    def backups_dir(self) -> Path:
        """Daily database copies, copies taken before migrations, and user backups."""
        return self.data_dir / "backups"

    @property
    def default_database_url(self) -> str:
        """SQLAlchemy URL of the embedded database."""
        return f"sqlite:///{self.database_file}"

    def ensure_directories(self) -> None:
        """Create the data directory tree, readable by the user only.

        Folders that already exist keep their permissions: ``--data-dir`` may name a
        folder the user made for other things too.
        """
        for directory in (self.data_dir, self.rules_dir, self.logs_dir, self.backups_dir):
            if not directory.is_dir():
                directory.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR_MODE)
                make_private(directory)


def make_private(path: Path) -> None:
    """Restrict ``path`` to its owner (0700 for directories, 0600 for files) on POSIX."""
    if os.name != "posix" or not path.exists():
        return
    path.chmod(PRIVATE_DIR_MODE if path.is_dir() else PRIVATE_FILE_MODE)


def default_data_dir() -> Path:
    """The per-user data directory of the platform (appdirs)."""
    import appdirs  # imported here: only needed when no override is given

    return Path(appdirs.user_data_dir(APP_NAME, appauthor=False))


def resolve_paths(data_dir: str | None, environ: Mapping[str, str]) -> AppPaths:
    """Pick the data directory: ``--data-dir``, then the environment, then appdirs."""
    chosen = data_dir or environ.get(DATA_DIR_ENV) or None
    root = Path(chosen).expanduser() if chosen else default_data_dir()
    return AppPaths(data_dir=root.absolute())


def resolve_database_url(
    database_url: str | None, environ: Mapping[str, str], paths: AppPaths
) -> str:
    """Pick the database: ``--database-url``, then the environment, then the SQLite file."""
    return database_url or environ.get(DATABASE_URL_ENV) or paths.default_database_url


def describe_database_url(url: str) -> str:
    """``url`` fit to show a user or a log: a SQLite URL's file; any password hidden.

    A password is hidden wherever a URL can carry one (``user:password@host`` and a
    ``password=`` query parameter), also in text that is not quite a URL: then all that
    could be a user name and password is hidden.
    """
    from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit  # rarely needed

    if url.startswith("sqlite:///"):
        return url.removeprefix("sqlite:///").partition("?")[0] or ":memory:"
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return _hide_loosely(url)
    if "://" not in url or url.count("@") != parts.netloc.count("@"):
        return _hide_loosely(url)  # an "@" outside the host part: a password with a "/"?
    if parts.password is not None:
        host = parts.hostname or ""
        if ":" in host:
            host = f"[{host}]"
        netloc = f"{parts.username}:***@{host}" + (f":{port}" if port else "")
        parts = parts._replace(netloc=netloc)
    query = parse_qsl(parts.query, keep_blank_values=True)
    if any(key.lower() == "password" for key, _ in query):
        hidden = [(key, "***" if key.lower() == "password" else value) for key, value in query]
        parts = parts._replace(query=urlencode(hidden, safe="*"))
    return urlunsplit(parts)


def _hide_loosely(text: str) -> str:
    """``text`` with all before its last "@" (after any scheme) and query passwords hidden."""
    import re  # imported here: rarely needed

    text = re.sub(r"(?i)([?&]password=)[^&#]*", r"\1***", text)
    head, at, tail = text.rpartition("@")
    if not at:
        return text
    scheme, sep, _ = head.partition("://")
    return f"{scheme}{sep}***@{tail}" if sep else f"***@{tail}"
