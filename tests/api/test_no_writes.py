"""The JSON API only reads: no route of it changes anything, so no order or fulfilment can
be moved through it, whoever asks (the state machine's moves go through the pages)."""

from flask import Flask


def test_every_api_route_only_reads(app: Flask) -> None:
    methods = {
        rule.rule: rule.methods - {"GET", "HEAD", "OPTIONS"}
        for rule in app.url_map.iter_rules()
        if rule.endpoint.startswith("api.")
    }

    assert methods and all(not writes for writes in methods.values()), methods


def test_posting_to_the_api_is_refused_with_json(client) -> None:
    response = client.post("/api/v1/products", json={"status": "shipped"})

    assert response.status_code == 405
    assert response.is_json and response.json["error"]["code"]
