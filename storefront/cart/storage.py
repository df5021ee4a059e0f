"""Where a cart's lines live: the session for a guest, the database for a signed-in user.
Both stores hold the same thing (cart.lines.Lines) and flush, never commit."""

from collections.abc import MutableMapping
from typing import Protocol

from sqlalchemy import delete, select

from storefront.cart.lines import MAX_QUANTITY, LineKey, Lines
from storefront.cart.models import SavedCartLine
from storefront.extensions import db

SESSION_KEY = "cart"


class CartStore(Protocol):
    def lines(self) -> Lines: ...

    def put(self, key: LineKey, quantity: int) -> None:
        """Set the line's quantity; 0 removes it."""

    def clear(self) -> None: ...


def _quantity(value: object) -> int | None:
    ok = isinstance(value, int) and not isinstance(value, bool) and 0 < value <= MAX_QUANTITY
    return value if ok else None


class SessionCart:
    """A guest's cart, kept in the mapping the view passes (the session): {key: quantity}.
    Anything in it that is not a well-formed line is ignored."""

    def __init__(self, data: MutableMapping) -> None:
        self.data = data

    def lines(self) -> Lines:
        raw = self.data.get(SESSION_KEY)
        lines: Lines = {}
        for text, quantity in raw.items() if isinstance(raw, dict) else ():
            key = LineKey.decode(text)
            if key is not None and _quantity(quantity) is not None:
                lines[key] = quantity
        return lines

    def put(self, key: LineKey, quantity: int) -> None:
        lines = self.lines()
        lines[key] = quantity
        self.data[SESSION_KEY] = {k.encode(): q for k, q in lines.items() if q > 0}

    def clear(self) -> None:
        self.data.pop(SESSION_KEY, None)


class AccountCart:
    """A signed-in user's cart, in the cart_lines table."""

    def __init__(self, user_id: int) -> None:
        self.user_id = user_id

    def _rows(self) -> list[SavedCartLine]:
        return list(
            db.session.scalars(
                select(SavedCartLine)
                .where(SavedCartLine.user_id == self.user_id)
                .order_by(SavedCartLine.id)
            )
        )

    def lines(self) -> Lines:
        lines: Lines = {}
        for row in self._rows():
            key = LineKey.decode(row.key)
            if key is not None:
                lines[key] = row.quantity
        return lines

    def put(self, key: LineKey, quantity: int) -> None:
        row = db.session.scalar(
            select(SavedCartLine).where(
                SavedCartLine.user_id == self.user_id, SavedCartLine.key == key.encode()
            )
        )
        if quantity <= 0:
            if row is not None:
                db.session.delete(row)
        elif row is None:
            db.session.add(SavedCartLine(user_id=self.user_id, key=key.encode(), quantity=quantity))
        else:
            row.quantity = quantity
        db.session.flush()

    def clear(self) -> None:
        db.session.execute(delete(SavedCartLine).where(SavedCartLine.user_id == self.user_id))
