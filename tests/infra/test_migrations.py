"""The migrations build exactly the schema the models describe, on SQLite and PostgreSQL."""

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade
from sqlalchemy import create_engine

from storefront import create_app
from storefront.extensions import db
from tests.conftest import POSTGRES_URL, _postgres_reachable, need_service


def _schema_differences(url: str) -> list:
    app = create_app("testing", {"SQLALCHEMY_DATABASE_URI": url})
    with app.app_context():
        db.drop_all()
        with db.engine.begin() as connection:
            connection.exec_driver_sql("DROP TABLE IF EXISTS alembic_version")
        upgrade()
        with db.engine.connect() as connection:
            differences = compare_metadata(MigrationContext.configure(connection), db.metadata)
        downgrade(revision="base")
        db.engine.dispose()
    return differences


def test_models_and_migrations_agree_on_sqlite(tmp_path: Path):
    assert _schema_differences(f"sqlite:///{tmp_path / 'migrated.db'}") == []


@pytest.mark.postgres
def test_models_and_migrations_agree_on_postgresql():
    need_service(_postgres_reachable())
    assert _schema_differences(POSTGRES_URL) == []
    with create_engine(POSTGRES_URL).connect() as connection:
        assert (
            connection.exec_driver_sql(
                "select count(*) from information_schema.tables where table_name = 'products'"
            ).scalar()
            == 0
        )
