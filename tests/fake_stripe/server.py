"""The fake's HTTP side: a WSGI app that authenticates and routes Stripe's /v1 endpoints
(honouring idempotency keys, logging requests, stalling on demand) and the hosted page,
and the threaded werkzeug server that runs it on 127.0.0.1."""

import json
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial
from typing import Any, NamedTuple

from werkzeug.exceptions import HTTPException
from werkzeug.routing import Map, Rule
from werkzeug.serving import BaseWSGIServer, WSGIRequestHandler, make_server
from werkzeug.wrappers import Request, Response

from . import api, forms, hosted_page
from .errors import StripeError
from .events import Origin, Publish
from .idempotency import Answer, IdempotencyKeys
from .objects import Object, new_id
from .store import Store

Endpoint = Callable[..., api.Reply]

API_ROUTES = Map(
    [
        Rule("/v1/checkout/sessions", methods=["POST"], endpoint=api.create_session),
        Rule("/v1/checkout/sessions", methods=["GET"], endpoint=api.list_sessions),
        Rule(
            "/v1/checkout/sessions/<object_id>",
            methods=["GET"],
            endpoint=partial(api.retrieve, kind="checkout.session"),
        ),
        Rule(
            "/v1/checkout/sessions/<session_id>/expire",
            methods=["POST"],
            endpoint=api.expire_session,
        ),
        Rule(
            "/v1/checkout/sessions/<session_id>/line_items",
            methods=["GET"],
            endpoint=api.list_line_items,
        ),
        Rule(
            "/v1/payment_intents/<object_id>",
            methods=["GET"],
            endpoint=partial(api.retrieve, kind="payment_intent"),
        ),
        Rule(
            "/v1/charges/<object_id>",
            methods=["GET"],
            endpoint=partial(api.retrieve, kind="charge"),
        ),
        Rule("/v1/refunds", methods=["POST"], endpoint=api.create_refund),
        Rule("/v1/refunds", methods=["GET"], endpoint=api.list_refunds),
        Rule(
            "/v1/refunds/<object_id>",
            methods=["GET"],
            endpoint=partial(api.retrieve, kind="refund"),
        ),
    ]
)
# How often the server loop checks for `stop()`: stopping takes up to this long.
SHUTDOWN_POLL_INTERVAL = 0.05

PAGE_ROUTES = Map([Rule("/pay/<session_id>", methods=["GET", "POST"], endpoint="pay")])


class LoggedRequest(NamedTuple):
    method: str
    path: str
    idempotency_key: str | None
    replayed: bool


@dataclass(frozen=True)
class Stall:
    method: str
    path_prefix: str
    seconds: float


class App:
    """The WSGI application; its state lives in `store`, under the store's lock."""

    def __init__(self, store: Store, secret_key: str, publish: Publish) -> None:
        self.store = store
        self.secret_key = secret_key
        self.publish = publish
        self.keys = IdempotencyKeys(store.lock)
        self._log: list[LoggedRequest] = []
        self._stalls: list[Stall] = []

    def __call__(
        self, environ: dict[str, Any], start_response: Callable[..., Any]
    ) -> Iterable[bytes]:
        request = Request(environ)
        delay = self._take_stall(request)
        response = self._dispatch(request)
        time.sleep(delay)
        return response(environ, start_response)

    def stall_next(self, method: str, path_prefix: str, seconds: float) -> None:
        with self.store.lock:
            self._stalls.append(Stall(method.upper(), path_prefix, seconds))

    def requests_log(self) -> list[LoggedRequest]:
        with self.store.lock:
            return list(self._log)

    def _take_stall(self, request: Request) -> float:
        with self.store.lock:
            for stall in self._stalls:
                if stall.method == request.method and request.path.startswith(stall.path_prefix):
                    self._stalls.remove(stall)
                    return stall.seconds
        return 0.0

    def _dispatch(self, request: Request) -> Response:
        if request.path.startswith("/v1/"):
            return self._serve_api(request)
        try:
            _, values = PAGE_ROUTES.bind_to_environ(request.environ).match()
        except HTTPException as error:
            return error.get_response()
        return hosted_page.serve(request, values["session_id"], self.store, self.publish)

    def _serve_api(self, request: Request) -> Response:
        request_id = new_id("req_", 14)
        key = request.headers.get("Idempotency-Key") if request.method == "POST" else None
        replayed = False
        try:
            self._authenticate(request)
            endpoint, values = _route(request)
            params = forms.decode(
                [*request.args.items(multi=True), *request.form.items(multi=True)]
            )
            call = api.Call(params, Origin(request_id, key), request.host_url.rstrip("/"))
            if key is None:
                answer = self._run(endpoint, call, values)
            else:
                answer, replayed = self._run_once(key, request, endpoint, call, values)
        except StripeError as error:
            answer = Answer(error.status, _json(error.body()), request_id)
        with self.store.lock:
            self._log.append(LoggedRequest(request.method, request.path, key, replayed))
        return self._response(request, answer, request_id, key, replayed)

    def _authenticate(self, request: Request) -> None:
        auth = request.authorization
        given = None if auth is None else auth.token or auth.parameters.get("username")
        if not given:
            raise StripeError(
                401,
                "You did not provide an API key. You need to provide your API key in the "
                "Authorization header, using Bearer auth (e.g. 'Authorization: Bearer "
                "YOUR_SECRET_KEY').",
            )
        if given != self.secret_key:
            raise StripeError(401, f"Invalid API Key provided: {_masked(given)}")

    def _run(self, endpoint: Endpoint, call: api.Call, values: dict[str, Any]) -> Answer:
        obj, emitted = endpoint(self.store, call, **values)
        self.publish(emitted)
        return Answer(200, _json(obj), call.origin.request_id or "")

    def _run_once(
        self,
        key: str,
        request: Request,
        endpoint: Endpoint,
        call: api.Call,
        values: dict[str, Any],
    ) -> tuple[Answer, bool]:
        """Runs the request unless its key has an answer already: (answer, replayed)."""
        fingerprint = json.dumps([request.method, request.path, call.params], sort_keys=True)
        saved = self.keys.claim(key, fingerprint)
        if saved is not None:
            return saved, True
        try:
            answer = self._run(endpoint, call, values)
        except Exception:
            self.keys.release(key)
            raise
        self.keys.save(key, answer)
        return answer, False

    def _response(
        self, request: Request, answer: Answer, request_id: str, key: str | None, replayed: bool
    ) -> Response:
        response = Response(answer.body, answer.status, mimetype="application/json")
        response.headers["Request-Id"] = request_id
        response.headers["Stripe-Version"] = request.headers.get(
            "Stripe-Version", self.store.api_version
        )
        if key is not None:
            response.headers["Idempotency-Key"] = key
        if replayed:
            response.headers["Idempotent-Replayed"] = "true"
            response.headers["Original-Request"] = answer.request_id
        return response


class _QuietHandler(WSGIRequestHandler):
    """Logs errors but not every request."""

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        pass


def start_server(app: App) -> tuple[BaseWSGIServer, threading.Thread]:
    """Serves `app` on a free port of 127.0.0.1 from a daemon thread."""
    server = make_server("127.0.0.1", 0, app, threaded=True, request_handler=_QuietHandler)
    thread = threading.Thread(
        target=server.serve_forever,
        kwargs={"poll_interval": SHUTDOWN_POLL_INTERVAL},
        name="fake-stripe",
        daemon=True,
    )
    thread.start()
    return server, thread


def _route(request: Request) -> tuple[Endpoint, dict[str, Any]]:
    try:
        return API_ROUTES.bind_to_environ(request.environ).match()
    except HTTPException:
        raise StripeError(
            404,
            f"Unrecognized request URL ({request.method}: {request.path}). Please see "
            "https://stripe.com/docs or we can help at https://support.stripe.com/.",
        ) from None


def _json(obj: Object) -> bytes:
    return json.dumps(obj, indent=2).encode()


def _masked(key: str) -> str:
    """As Stripe shows a wrong key: its start and its last four characters."""
    if len(key) <= 12:
        return key
    return key[:8] + "*" * (len(key) - 12) + key[-4:]
