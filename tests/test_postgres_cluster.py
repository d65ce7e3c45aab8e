"""The test session's PostgreSQL server is real and reachable."""

from __future__ import annotations

import psycopg
import pytest

from tests.postgres_cluster import to_psycopg_url

pytestmark = pytest.mark.postgres


def test_server_answers_with_its_version(postgres_url: str) -> None:
    with psycopg.connect(to_psycopg_url(postgres_url)) as conn:
        row = conn.execute("select version()").fetchone()
    assert row is not None
    assert row[0].startswith("PostgreSQL")


def test_empty_database_is_fresh_and_empty(postgres_empty_database: str) -> None:
    with psycopg.connect(to_psycopg_url(postgres_empty_database)) as conn:
        row = conn.execute(
            "select current_database(),"
            " (select count(*) from information_schema.tables"
            "  where table_schema = 'public')"
        ).fetchone()
    assert row is not None
    name, tables = row
    assert name.startswith("cc_test_")
    assert tables == 0
