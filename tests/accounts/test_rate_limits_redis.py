"""With REDIS_URL set, sign-in limits live in Redis: every process and host counts the same
failures, and a restart forgets nothing."""

import pytest
import redis

from storefront import create_app
from storefront.extensions import db
from tests.conftest import REDIS_URL, IsolatedClient, _redis_emptied, need_service

pytestmark = pytest.mark.redis


def attempt(client, ip: str):
    # An unknown e-mail is limited exactly like a real one, so no account is needed.
    return client.post(
        "/account/sign-in",
        data={"email": "lan@example.vn", "password": "a wrong guess!"},
        environ_base={"REMOTE_ADDR": ip},
    )


def _worker(database: str):
    """An app as one gunicorn worker or host would have it: its own limiter connection."""
    app = create_app(
        "testing", {"SQLALCHEMY_DATABASE_URI": database, "RATELIMIT_STORAGE_URI": REDIS_URL}
    )
    app.test_client_class = IsolatedClient
    return app


def test_failures_counted_by_one_process_lock_the_account_in_another(tmp_path):
    need_service(_redis_emptied())
    database = f"sqlite:///{tmp_path / 'shared.db'}"
    first, second = _worker(database), _worker(database)
    with first.app_context():
        db.create_all()

    for n in range(3):
        assert attempt(first.test_client(), f"203.0.113.{n}").status_code == 200
    assert redis.Redis.from_url(REDIS_URL).dbsize() > 0
    for n in range(2):
        assert attempt(second.test_client(), f"198.51.100.{n}").status_code == 200

    assert attempt(second.test_client(), "198.51.100.9").status_code == 429
    assert attempt(first.test_client(), "203.0.113.9").status_code == 429
