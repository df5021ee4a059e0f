"""No request ever shows a raw 500: friendly pages in the visitor's language, JSON under /api/."""

import pytest
from flask import Flask


@pytest.fixture
def broken(app: Flask) -> Flask:
    def explode():
        raise RuntimeError("a bug")

    app.add_url_rule("/boom", "boom", explode)
    app.add_url_rule("/api/v1/boom", "api_boom", explode)
    return app


@pytest.mark.parametrize(("lang", "words"), [("vi", "Đã có lỗi"), ("en", "Something went wrong")])
def test_an_unexpected_error_shows_a_friendly_page_in_the_visitors_language(
    broken, client, lang, words
):
    response = client.get(f"/boom?lang={lang}")
    assert response.status_code == 500
    page = response.get_data(as_text=True)
    assert f'<html lang="{lang}">' in page and words in page
    assert "RuntimeError" not in page


def test_an_unexpected_api_error_answers_json(broken, client):
    response = client.get("/api/v1/boom")
    assert response.status_code == 500
    assert response.get_json()["error"]["code"] == "internal_server_error"


def test_wrong_method_is_a_friendly_405(client, db):
    assert client.post("/catalog/").status_code == 405
    assert client.post("/api/v1/products").get_json()["error"]["code"] == "method_not_allowed"


def test_pages_carry_a_strict_content_security_policy(client, db):
    policy = client.get("/").headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert client.get("/").headers["X-Content-Type-Options"] == "nosniff"
