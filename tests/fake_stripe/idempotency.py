"""Stripe's idempotent requests: a key remembers the first request's parameters and answer.

The same key with the same parameters replays the saved answer; with other parameters it is
refused (400), and while its first request is still running it is busy (409). As Stripe
does, nothing is saved for a request that fails before it could act (here: any error)."""

import threading
from dataclasses import dataclass

from .errors import StripeError


@dataclass(frozen=True)
class Answer:
    """A response as sent: status, JSON body, and the id of the request that produced it."""

    status: int
    body: bytes
    request_id: str


@dataclass
class _Entry:
    fingerprint: str
    answer: Answer | None = None  # None while the first request runs


class IdempotencyKeys:
    def __init__(self, lock: threading.RLock) -> None:
        self._lock = lock
        self._entries: dict[str, _Entry] = {}

    def claim(self, key: str, fingerprint: str) -> Answer | None:
        """The saved answer to replay, or None when the caller is the first and must run
        (the key is then in progress until `save` or `release`)."""
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                self._entries[key] = _Entry(fingerprint)
                return None
            if entry.fingerprint != fingerprint:
                raise StripeError(
                    400,
                    "Keys for idempotent requests can only be used with the same parameters "
                    "they were first used with. Try using a key other than "
                    f"'{key}' if you meant to execute a different request.",
                    error_type="idempotency_error",
                )
            if entry.answer is None:
                raise StripeError(
                    409,
                    "There is currently another in-progress request using this Idempotent "
                    "Key (that probably means you submitted twice, and the other request is "
                    "still going through): "
                    f"{key}. Please try again later.",
                    error_type="idempotency_error",
                    code="idempotency_key_in_use",
                )
            return entry.answer

    def save(self, key: str, answer: Answer) -> None:
        with self._lock:
            self._entries[key].answer = answer

    def release(self, key: str) -> None:
        with self._lock:
            del self._entries[key]
