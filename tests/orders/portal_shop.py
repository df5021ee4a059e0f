"""Helpers of the producer's order pages tests: a member of a producer, signed in (reading
English) on a client of its own, and the fulfilment of an order that is its part."""

from flask import Flask
from flask.testing import FlaskClient

from storefront.accounts.models import Role, User
from storefront.extensions import db
from storefront.orders.models import Fulfilment, Order
from storefront.producers.models import Producer
from tests.factories import USER_PASSWORD, UserFactory


def member_of(producer: Producer) -> User:
    user = UserFactory(role=Role.PRODUCER, producer_id=producer.id)
    db.session.commit()
    return user


def signed_in(app: Flask, user: User) -> FlaskClient:
    """A browser of its own, reading English, signed in as `user`."""
    client = app.test_client()
    client.set_cookie("lang", "en")
    response = client.post(
        "/account/sign-in", data={"email": user.email, "password": USER_PASSWORD}
    )
    assert response.status_code == 302, "sign-in failed"
    return client


def part_of(order: Order, producer: Producer) -> Fulfilment:
    return next(part for part in order.fulfilments if part.producer_id == producer.id)
