"""Paying by bank transfer: the operator's account, and what the buyer transfers for an
order (the exact amount, with the order number as the note), as text and as a VietQR code."""

from collections.abc import Mapping
from dataclasses import dataclass

from markupsafe import Markup

from storefront.orders.models import Order
from storefront.payments.vietqr import qr_svg, vietqr_payload


@dataclass(frozen=True)
class BankAccount:
    bank_name: str
    bank_bin: str  # the bank's 6-digit NAPAS code, which VietQR needs
    number: str
    holder: str

    @classmethod
    def from_config(cls, config: Mapping) -> "BankAccount":
        return cls(
            bank_name=config["BANK_NAME"],
            bank_bin=config["BANK_BIN"],
            number=config["BANK_ACCOUNT_NUMBER"],
            holder=config["BANK_ACCOUNT_NAME"],
        )


@dataclass(frozen=True)
class Transfer:
    account: BankAccount
    amount_vnd: int
    note: str  # the order number: at most 19 ASCII characters
    payload: str  # the VietQR text

    def qr(self, *, title: str) -> Markup:
        return qr_svg(self.payload, title=title)


def transfer_for(order: Order, account: BankAccount) -> Transfer:
    """What the buyer of `order` transfers. Raises ValueError when the account's details
    cannot make a VietQR code (a misconfigured BIN or number)."""
    note = order.number or ""
    payload = vietqr_payload(
        bank_bin=account.bank_bin,
        account_number=account.number,
        amount_vnd=order.total_vnd,
        note=note,
    )
    return Transfer(account=account, amount_vnd=order.total_vnd, note=note, payload=payload)
