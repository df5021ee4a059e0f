"""Shared fixtures: an app on a fresh database, a client, and the PostgreSQL switch."""

import contextvars
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import create_engine, text

from storefront import create_app
from storefront.extensions import db as _db

POSTGRES_URL = os.environ.get(
    "TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
IN_CI = os.environ.get("CI") == "true"


class IsolatedClient(FlaskClient):
    """Runs each request in its own app context, as a server does, even while a test holds
    one open for its factories: request state (`g`, the locale, the signed-in user, the
    database session) never leaks from one request into the next."""

    def open(self, *args, **kwargs):
        return contextvars.Context().run(super().open, *args, **kwargs)


def _postgres_reachable() -> str | None:
    """None when the server answers, else why not."""
    try:
        with create_engine(POSTGRES_URL).connect() as connection:
            connection.execute(text("select 1"))
    except Exception as error:  # any failure to connect means: skip (or fail in CI)
        return f"PostgreSQL at {POSTGRES_URL} is not reachable ({type(error).__name__})"
    return None


def _redis_emptied() -> str | None:
    """Empties the tests' Redis database; None when that worked, else why not."""
    import redis

    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).flushdb()
    except redis.RedisError as error:
        return f"Redis at {REDIS_URL} is not reachable ({type(error).__name__})"
    return None


def need_service(reason: str | None) -> None:
    """Skip when a service is missing, except in CI, where every test must run."""
    if reason is None:
        return
    if IN_CI:
        pytest.fail(f"{reason}; CI must run this test")
    pytest.skip(reason)


@pytest.fixture
def app(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Flask]:
    """The app on an empty schema: SQLite in memory, or PostgreSQL for `postgres` tests;
    rate-limit counters in memory, or in an emptied Redis database for `redis` tests."""
    settings: dict = {"SQLALCHEMY_DATABASE_URI": "sqlite://", "UPLOAD_DIR": tmp_path / "uploads"}
    if request.node.get_closest_marker("postgres"):
        need_service(_postgres_reachable())
        settings["SQLALCHEMY_DATABASE_URI"] = POSTGRES_URL
    if request.node.get_closest_marker("redis"):
        need_service(_redis_emptied())
        settings["RATELIMIT_STORAGE_URI"] = REDIS_URL
    application = create_app("testing", settings)
    application.test_client_class = IsolatedClient
    with application.app_context():
        _db.drop_all()
        _db.create_all()
        yield application
        _db.session.remove()
        _db.drop_all()


@pytest.fixture
def db(app: Flask):
    return _db


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def on_both_databases(request: pytest.FixtureRequest) -> str:
    """Use in a module (pytestmark usefixtures) to run its tests on SQLite and PostgreSQL."""
    return request.param


class QueryCounter:
    """Counts the SQL statements the app sends while it is active."""

    def __init__(self) -> None:
        self.statements: list[str] = []

    def __call__(self, conn, cursor, statement, parameters, context, executemany) -> None:
        self.statements.append(statement)

    @property
    def count(self) -> int:
        return len(self.statements)


@pytest.fixture
def count_queries(db):
    """`with count_queries() as counter: ...` then `counter.count`."""
    from contextlib import contextmanager

    from sqlalchemy import event

    @contextmanager
    def counting():
        counter = QueryCounter()
        event.listen(db.engine, "before_cursor_execute", counter)
        try:
            yield counter
        finally:
            event.remove(db.engine, "before_cursor_execute", counter)

    return counting


@pytest.fixture
def smtp_server(app: Flask):
    """A real SMTP server on 127.0.0.1 that the app sends to; `.messages`, `.stop()`,
    `.start()`. Mail queued in a request is sent when the response is closed
    (`response.close()` or `with client.post(...)`), as a WSGI server does."""
    from tests.mail_server import RecordingSMTPServer

    server = RecordingSMTPServer()
    server.start()
    app.config.update(MAIL_BACKEND="smtp", MAIL_SERVER="127.0.0.1", MAIL_PORT=server.port)
    yield server
    server.stop()


@pytest.fixture
def login_as(db, client: FlaskClient):
    """`login_as(Role.STAFF)` or `login_as(user)`: sign `client` (or `client=`) in through
    the real sign-in form, and return the user. A producer member gets a new producer."""
    from storefront.accounts.models import Role, User
    from tests.factories import USER_PASSWORD, ProducerFactory, UserFactory

    def sign_in(who: Role | User = Role.SHOPPER, *, client: FlaskClient = client) -> User:
        if isinstance(who, User):
            user = who
        elif who is Role.PRODUCER:
            user = UserFactory(role=who, producer_id=ProducerFactory().id)
        else:
            user = UserFactory(role=who)
        db.session.commit()
        response = client.post(
            "/account/sign-in", data={"email": user.email, "password": USER_PASSWORD}
        )
        assert response.status_code == 302, "sign-in failed"
        return user

    return sign_in


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def shared_app(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Flask]:
    """The app on a database every thread's connection sees (a SQLite file, or PostgreSQL),
    for races between requests made at the same moment."""
    from tests.shopping import shop_app

    if request.param == "postgres":
        need_service(_postgres_reachable())
        url = POSTGRES_URL
    else:
        url = f"sqlite:///{tmp_path / 'shop.db'}"
    with shop_app(url, tmp_path, SQLALCHEMY_ENGINE_OPTIONS={"pool_size": 10}) as application:
        yield application
