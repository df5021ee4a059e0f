"""Everything the fake holds (Checkout Sessions, PaymentIntents, Charges, Refunds and the
events), behind one lock, and the state changes Stripe makes to it, each emitting its events.

Readers get deep copies, so that what they hold never changes under them."""

import copy
import threading

from . import events, objects
from .errors import StripeError, invalid_param, no_such
from .events import Origin
from .objects import Object

KINDS = {"cs_": "checkout.session", "pi_": "payment_intent", "ch_": "charge", "re_": "refund"}

# Stripe's Checkout always collects an e-mail address; the fake's customer uses this one.
DEFAULT_EMAIL = "customer@example.com"


class Store:
    def __init__(self, api_version: str) -> None:
        self.lock = threading.RLock()
        self.api_version = api_version
        self._objects: dict[str, dict[str, Object]] = {kind: {} for kind in KINDS.values()}
        self._line_items: dict[str, list[Object]] = {}
        self._intent_data: dict[str, Object] = {}
        self._events: list[Object] = []

    # Reading

    def get(self, kind: str, object_id: str, param: str = "id") -> Object:
        with self.lock:
            return copy.deepcopy(self._live(kind, object_id, param))

    def find(self, object_id: str) -> Object:
        """The object an id names, whatever its kind."""
        kind = next((k for prefix, k in KINDS.items() if object_id.startswith(prefix)), "object")
        return self.get(kind, object_id)

    def all(self, kind: str) -> list[Object]:
        """Every object of a kind, newest first."""
        with self.lock:
            return copy.deepcopy(list(reversed(self._objects[kind].values())))

    def snapshot(self, kind: str) -> dict[str, Object]:
        with self.lock:
            return copy.deepcopy(self._objects[kind])

    def line_items(self, session_id: str) -> list[Object]:
        with self.lock:
            self._live("checkout.session", session_id)
            return copy.deepcopy(self._line_items[session_id])

    def events(self) -> list[Object]:
        with self.lock:
            return copy.deepcopy(self._events)

    def charge_of(self, payment_intent_id: str) -> str:
        """The id of the charge a refund of this PaymentIntent takes money back from."""
        with self.lock:
            intent = self._live("payment_intent", payment_intent_id, "payment_intent")
            if intent["latest_charge"] is None:
                raise invalid_param(
                    "payment_intent",
                    f"This PaymentIntent ({payment_intent_id}) does not have a successful "
                    "charge to refund.",
                )
            return intent["latest_charge"]

    # Changing

    def add_session(self, session: Object, lines: list[Object], intent_data: Object) -> None:
        with self.lock:
            self._objects["checkout.session"][session["id"]] = copy.deepcopy(session)
            self._line_items[session["id"]] = copy.deepcopy(lines)
            self._intent_data[session["id"]] = copy.deepcopy(intent_data)

    def pay(self, session_id: str, email: str | None, origin: Origin) -> list[Object]:
        """The customer pays by card: the payment succeeds at once."""
        with self.lock:
            session = self._payable(session_id)
            intent = self._start_payment(session, email, "succeeded")
            self._charge(intent, session["customer_details"]["email"])
            session["payment_status"] = "paid"
            return [
                self._emit("payment_intent.succeeded", intent, origin),
                self._emit("checkout.session.completed", session, origin),
            ]

    def pay_later(self, session_id: str, email: str | None, origin: Origin) -> list[Object]:
        """The customer pays by bank debit: the session completes, the payment is in flight."""
        with self.lock:
            session = self._payable(session_id)
            self._start_payment(session, email, "processing")
            return [self._emit("checkout.session.completed", session, origin)]

    def settle(self, session_id: str, succeed: bool, origin: Origin) -> list[Object]:
        """The outcome of a bank debit arrives."""
        with self.lock:
            session = self._live("checkout.session", session_id)
            intent = self._processing_intent(session)
            if succeed:
                self._charge(intent, session["customer_details"]["email"])
                session["payment_status"] = "paid"
                return [
                    self._emit("payment_intent.succeeded", intent, origin),
                    self._emit("checkout.session.async_payment_succeeded", session, origin),
                ]
            intent["status"] = "requires_payment_method"
            intent["last_payment_error"] = objects.failed_payment_error(intent)
            return [
                self._emit("payment_intent.payment_failed", intent, origin),
                self._emit("checkout.session.async_payment_failed", session, origin),
            ]

    def expire(self, session_id: str, origin: Origin) -> tuple[Object, list[Object]]:
        with self.lock:
            session = self._live("checkout.session", session_id)
            if session["status"] != "open":
                raise StripeError(
                    400, 'Only Checkout Sessions with a status in ["open"] can be expired.'
                )
            session.update(status="expired", url=None)
            event = self._emit("checkout.session.expired", session, origin)
            return copy.deepcopy(session), [event]

    def refund(
        self,
        charge_id: str,
        amount: int | None,
        reason: str | None,
        metadata: dict[str, str],
        origin: Origin,
    ) -> tuple[Object, list[Object]]:
        """Takes back `amount` (by default all that remains) of a charge."""
        with self.lock:
            charge = self._live("charge", charge_id, "charge")
            remaining = charge["amount"] - charge["amount_refunded"]
            if remaining == 0:
                raise StripeError(
                    400,
                    f"Charge {charge_id} has already been refunded.",
                    code="charge_already_refunded",
                )
            amount = remaining if amount is None else amount
            if amount < 1:
                raise invalid_param(
                    "amount", "Invalid positive integer: the amount must be positive."
                )
            if amount > remaining:
                currency = charge["currency"]
                raise invalid_param(
                    "amount",
                    f"Refund amount ({amount} {currency}) is greater than the unrefunded "
                    f"amount of the charge ({remaining} {currency}).",
                )
            refund = objects.refund(charge, amount, reason, metadata)
            self._objects["refund"][refund["id"]] = refund
            charge["amount_refunded"] += amount
            charge["refunded"] = charge["amount_refunded"] == charge["amount"]
            emitted = [
                self._emit("charge.refunded", charge, origin),
                self._emit("refund.created", refund, origin),
            ]
            return copy.deepcopy(refund), emitted

    # Inside the lock

    def _live(self, kind: str, object_id: str, param: str = "id") -> Object:
        obj = self._objects.get(kind, {}).get(object_id)
        if obj is None:
            raise no_such(kind, object_id, param)
        return obj

    def _payable(self, session_id: str) -> Object:
        session = self._live("checkout.session", session_id)
        if session["status"] != "open":
            raise StripeError(
                400, f"This Checkout Session is {session['status']}: it can no longer be paid."
            )
        return session

    def _start_payment(self, session: Object, email: str | None, status: str) -> Object:
        intent = objects.payment_intent(session, status, self._intent_data[session["id"]])
        self._objects["payment_intent"][intent["id"]] = intent
        email = session["customer_email"] or email or DEFAULT_EMAIL
        session.update(
            status="complete",
            payment_intent=intent["id"],
            customer_details=objects.customer_details(email),
            url=None,
        )
        return intent

    def _charge(self, intent: Object, email: str) -> None:
        charge = objects.charge(intent, email)
        self._objects["charge"][charge["id"]] = charge
        intent.update(
            status="succeeded", amount_received=intent["amount"], latest_charge=charge["id"]
        )

    def _processing_intent(self, session: Object) -> Object:
        intent = self._objects["payment_intent"].get(session["payment_intent"] or "")
        if intent is None or intent["status"] != "processing":
            raise StripeError(
                400,
                f"Checkout Session {session['id']} has no payment in flight: only a session "
                "paid with 'Pay later' can be settled.",
            )
        return intent

    def _emit(self, event_type: str, obj: Object, origin: Origin) -> Object:
        event = events.build(event_type, obj, origin, self.api_version)
        self._events.append(event)
        return copy.deepcopy(event)
