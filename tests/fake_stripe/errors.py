"""Stripe's error responses: raised as `StripeError` inside the fake, sent as Stripe's JSON."""

from typing import Any


class StripeError(Exception):
    """An API error: the HTTP status and the `error` object Stripe would answer with."""

    def __init__(
        self,
        status: int,
        message: str,
        *,
        error_type: str = "invalid_request_error",
        code: str | None = None,
        param: str | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.error: dict[str, Any] = {"type": error_type, "message": message}
        if code is not None:
            self.error["code"] = code
        if param is not None:
            self.error["param"] = param

    @property
    def message(self) -> str:
        return self.error["message"]

    def body(self) -> dict[str, Any]:
        return {"error": self.error}


def invalid_param(param: str, message: str) -> StripeError:
    """A 400 for a parameter Stripe refuses."""
    return StripeError(400, message, param=param)


def missing_param(param: str) -> StripeError:
    return invalid_param(param, f"Missing required param: {param}.")


def no_such(kind: str, object_id: str, param: str = "id") -> StripeError:
    """The 404 for an id Stripe does not know, e.g. "No such checkout.session: 'cs_...'"."""
    return StripeError(404, f"No such {kind}: '{object_id}'", code="resource_missing", param=param)
