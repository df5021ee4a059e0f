"""Quick-order test helpers: a signed-in member of an approved shop, uploads, the cart as a
plain dict, and the page's report read back as rows."""

import io
from collections.abc import Callable
from dataclasses import dataclass
from html.parser import HTMLParser

from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from storefront.accounts.models import User
from storefront.cart.storage import AccountCart
from storefront.extensions import db
from tests.factories import UserFactory
from tests.wholesale.shops import approved_shop


def sign_in_member(client: FlaskClient, login_as: Callable[..., User]) -> User:
    """The owner of a new approved shop, signed in on `client`, which shows English."""
    owner = UserFactory()
    approved_shop(owner)
    login_as(owner)
    client.set_cookie("lang", "en")
    return owner


def upload(client: FlaskClient, data: bytes, name: str = "order.csv") -> TestResponse:
    return client.post(
        "/wholesale/quick-order/upload",
        data={"file": (io.BytesIO(data), name)},
        content_type="multipart/form-data",
    )


def cart_of(user: User) -> dict[str, int]:
    """The user's cart as the database holds it: encoded line key -> quantity."""
    db.session.expire_all()
    return {key.encode(): quantity for key, quantity in AccountCart(user.id).lines().items()}


@dataclass(frozen=True)
class ReportRow:
    line: int | None
    outcome: str
    cells: tuple[str, ...]  # the row's cells' text, spaces collapsed


class _ReportReader(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.rows: list[ReportRow] = []
        self.left_out: list[int] = []
        self._row: dict | None = None
        self._cell: list[str] | None = None
        self._in_left_out = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "tr" and "data-outcome" in found:
            self._row = {"line": found["data-line"], "outcome": found["data-outcome"], "cells": []}
        elif tag in ("td", "th") and self._row is not None:
            self._cell = []
        elif tag == "p" and "quick-order__left-out-lines" in (found.get("class") or ""):
            self._in_left_out = True

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._row is not None and self._cell is not None:
            self._row["cells"].append(" ".join(" ".join(self._cell).split()))
            self._cell = None
        elif tag == "tr" and self._row is not None:
            line = self._row["line"]
            self.rows.append(
                ReportRow(
                    int(line) if line else None, self._row["outcome"], tuple(self._row["cells"])
                )
            )
            self._row = None
        elif tag == "p":
            self._in_left_out = False

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)
        elif self._in_left_out:
            self.left_out.extend(int(n) for n in data.replace(",", " ").split())


def report_of(page: str) -> tuple[list[ReportRow], list[int]]:
    """The report's rows (those not added first, then those added, as the page shows
    them), and the numbers of the lines left out for want of a quantity."""
    reader = _ReportReader()
    reader.feed(page)
    return reader.rows, reader.left_out
