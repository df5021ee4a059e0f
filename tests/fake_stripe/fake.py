"""`FakeStripe`: a fake of Stripe's API on 127.0.0.1 for the real `stripe` library and the
browser, and the controls tests use to act as the customer, the dashboard and Stripe itself."""

import logging
import threading
from types import TracebackType
from typing import Any, Self

import requests
import stripe
from werkzeug.serving import BaseWSGIServer

from . import events
from .events import AUTOMATIC
from .objects import Object
from .server import App, LoggedRequest, start_server
from .store import Store

logger = logging.getLogger(__name__)


class FakeStripe:
    """Point the library at it with `base_addresses={"api": fake.api_base}`.

    Set `webhook_url` to have every event POSTed there, signed with `webhook_secret`, from the
    thread that caused it; `events` lists them all either way."""

    def __init__(
        self,
        secret_key: str = "sk_test_fake",
        webhook_secret: str = "whsec_fake",
        *,
        api_version: str = stripe.api_version,
    ) -> None:
        self.webhook_secret = webhook_secret
        self.webhook_url: str | None = None
        self._store = Store(api_version)
        self._app = App(self._store, secret_key, self._publish)
        self._server: BaseWSGIServer | None = None
        self._thread: threading.Thread | None = None

    # Running

    def start(self) -> Self:
        self._server, self._thread = start_server(self._app)
        return self

    def stop(self) -> None:
        if self._server is None or self._thread is None:
            return
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()
        self._server = self._thread = None

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    @property
    def secret_key(self) -> str:
        return self._app.secret_key

    @property
    def api_base(self) -> str:
        if self._server is None:
            raise RuntimeError("FakeStripe is not started")
        return f"http://127.0.0.1:{self._server.server_port}"

    def client(self, **kwargs: Any) -> stripe.StripeClient:
        """A StripeClient on the fake; `kwargs` go to StripeClient."""
        return stripe.StripeClient(
            self.secret_key, **{"base_addresses": {"api": self.api_base}, **kwargs}
        )

    # Acting as the customer, the dashboard and Stripe. Each returns the events it emitted.

    def pay(self, session_id: str) -> list[Object]:
        """The customer pays by card (as the hosted page's "Pay" does)."""
        return self._published(self._store.pay(session_id, None, AUTOMATIC))

    def pay_later(self, session_id: str) -> list[Object]:
        """The customer pays by bank debit: the money is in flight until `settle`."""
        return self._published(self._store.pay_later(session_id, None, AUTOMATIC))

    def settle(self, session_id: str, *, succeed: bool) -> list[Object]:
        """The bank debit of a "Pay later" session succeeds or fails."""
        return self._published(self._store.settle(session_id, succeed, AUTOMATIC))

    def expire(self, session_id: str) -> list[Object]:
        """The session's expires_at passes."""
        _, emitted = self._store.expire(session_id, AUTOMATIC)
        return self._published(emitted)

    def refund(self, payment_intent_id: str, amount: int | None = None) -> list[Object]:
        """A refund made in the dashboard; by default of all that remains."""
        charge_id = self._store.charge_of(payment_intent_id)
        _, emitted = self._store.refund(charge_id, amount, None, {}, AUTOMATIC)
        return self._published(emitted)

    def stall_next(self, method: str, path_prefix: str, seconds: float) -> None:
        """The next request matching is carried out, but answered `seconds` late."""
        self._app.stall_next(method, path_prefix, seconds)

    # Webhooks

    def sign(
        self, payload: bytes, *, secret: str | None = None, timestamp: int | None = None
    ) -> str:
        """The `Stripe-Signature` header value for `payload`."""
        return events.sign(payload, secret or self.webhook_secret, timestamp)

    def signed_request(
        self, event: Object, *, secret: str | None = None, timestamp: int | None = None
    ) -> tuple[bytes, dict[str, str]]:
        """The body and headers with which Stripe delivers `event`."""
        return events.signed_request(event, secret or self.webhook_secret, timestamp)

    def deliver(self, event: Object, url: str | None = None) -> int:
        """POSTs `event` (again) to `url` or `webhook_url`; the endpoint's HTTP status."""
        target = url or self.webhook_url
        if target is None:
            raise ValueError("no url given and no webhook_url set")
        return events.post(event, target, self.webhook_secret)

    # What happened; copies, taken under the lock

    @property
    def events(self) -> list[Object]:
        return self._store.events()

    @property
    def requests_log(self) -> list[LoggedRequest]:
        """(method, path, idempotency key or None, replayed) of every /v1 request."""
        return self._app.requests_log()

    @property
    def sessions(self) -> dict[str, Object]:
        return self._store.snapshot("checkout.session")

    @property
    def payment_intents(self) -> dict[str, Object]:
        return self._store.snapshot("payment_intent")

    @property
    def charges(self) -> dict[str, Object]:
        return self._store.snapshot("charge")

    @property
    def refunds(self) -> dict[str, Object]:
        return self._store.snapshot("refund")

    def _publish(self, emitted: list[Object]) -> None:
        url = self.webhook_url
        for event in emitted if url is not None else []:
            try:
                status = events.post(event, url, self.webhook_secret)
            except requests.RequestException as error:
                logger.warning("webhook %s to %s failed: %s", event["type"], url, error)
                continue
            if not 200 <= status < 300:
                logger.warning("webhook %s to %s answered %s", event["type"], url, status)

    def _published(self, emitted: list[Object]) -> list[Object]:
        self._publish(emitted)
        return emitted
