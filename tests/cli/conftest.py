"""The command-line tests run against every database backend (see tests/database_backends.py)."""

from __future__ import annotations

from tests import database_backends

database_backend = database_backends.database_backend
pytest_generate_tests = database_backends.parametrize_database_backend
