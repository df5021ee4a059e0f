"""The page behind a Checkout Session's `url`, where the customer pays.

It shows the amount, the line items and the e-mail address, with three buttons: "Pay" (a
card: paid at once), "Pay later (bank debit)" (the session completes, the money is in
flight until `FakeStripe.settle`) and "Cancel" (back to cancel_url; the session stays open).
"""

from html import escape

from werkzeug.utils import redirect
from werkzeug.wrappers import Request, Response

from .errors import StripeError
from .events import AUTOMATIC, Publish
from .objects import Object
from .store import Store

TITLE = "Test payment page — fake Stripe"
SESSION_ID_PLACEHOLDER = "{CHECKOUT_SESSION_ID}"

# Stripe's zero-decimal currencies: amounts are in whole units.
# fmt: off
ZERO_DECIMAL = frozenset({
    "bif", "clp", "djf", "gnf", "jpy", "kmf", "krw", "mga", "pyg", "rwf", "ugx", "vnd", "vuv",
    "xaf", "xof", "xpf",
})
# fmt: on

_STYLE = """
body { font-family: system-ui, sans-serif; background: #f6f8fa; color: #1a1f36; margin: 0; }
main { max-width: 30rem; margin: 3rem auto; background: #fff; padding: 2rem;
       border-radius: .5rem; box-shadow: 0 1px 4px rgba(0, 0, 0, .12); }
h1 { font-size: 1.1rem; color: #635bff; margin-top: 0; }
.total { font-size: 2rem; font-weight: 600; margin: .5rem 0 1.5rem; }
table { width: 100%; border-collapse: collapse; margin-bottom: 1.5rem; }
td { padding: .4rem 0; border-bottom: 1px solid #e3e8ee; }
td.number { text-align: right; white-space: nowrap; }
label { display: block; margin-bottom: 1rem; }
input { display: block; width: 100%; padding: .5rem; margin-top: .25rem; box-sizing: border-box; }
.actions { display: flex; flex-direction: column; gap: .5rem; }
button { padding: .7rem; font-size: 1rem; border-radius: .3rem; border: 1px solid #635bff;
         background: #fff; color: #635bff; cursor: pointer; }
button[value="pay"] { background: #635bff; color: #fff; }
.notice { background: #fff4e5; border: 1px solid #f5a623; padding: .75rem; border-radius: .3rem; }
"""


def serve(request: Request, session_id: str, store: Store, publish: Publish) -> Response:
    """GET shows the session; POST carries the button pressed (`action`) and the e-mail."""
    try:
        session = store.get("checkout.session", session_id)
    except StripeError as error:
        return _page(f'<p class="notice" role="alert">{escape(error.message)}</p>', 404)
    lines = store.line_items(session_id)
    if request.method == "GET":
        return _page(_summary(session, lines), 200)
    email = request.form.get("email") or None
    try:
        return _act(request.form.get("action", ""), email, session, store, publish)
    except StripeError as error:
        session = store.get("checkout.session", session_id)
        return _page(_summary(session, lines, error.message), 400)


def format_amount(amount: int, currency: str) -> str:
    """E.g. "850.000 ₫" for 850000 vnd, "12.50 USD" for 1250 usd."""
    if currency not in ZERO_DECIMAL:
        return f"{amount / 100:,.2f} {currency.upper()}"
    grouped = f"{amount:,}".replace(",", ".")
    return f"{grouped} ₫" if currency == "vnd" else f"{grouped} {currency.upper()}"


def _act(
    action: str, email: str | None, session: Object, store: Store, publish: Publish
) -> Response:
    if action == "cancel":
        if session["status"] != "open" or session["cancel_url"] is None:
            raise StripeError(400, f"This Checkout Session is {session['status']}.")
        return redirect(session["cancel_url"], 303)
    payments = {"pay": store.pay, "pay_later": store.pay_later}
    if action not in payments:
        raise StripeError(400, f"Unknown action: {action!r}.")
    publish(payments[action](session["id"], email, AUTOMATIC))
    return redirect(session["success_url"].replace(SESSION_ID_PLACEHOLDER, session["id"]), 303)


def _summary(session: Object, lines: list[Object], notice: str | None = None) -> str:
    rows = "".join(
        f"<tr><td>{escape(line['description'])} × {line['quantity']}</td>"
        f'<td class="number">{format_amount(line["amount_total"], line["currency"])}</td></tr>'
        for line in lines
    )
    total = format_amount(session["amount_total"], session["currency"])
    if notice is None and session["status"] != "open":
        notice = f"This Checkout Session is {session['status']}."
    ending = (
        f'<p class="notice" role="alert">{escape(notice)}</p>'
        if notice is not None
        else _form(session)
    )
    return (
        f'<p class="total">{total}</p>'
        f'<table aria-label="Items">{rows}</table>'
        f"{_email(session)}{ending}"
    )


def _email(session: Object) -> str:
    details = session["customer_details"] or {}
    email = session["customer_email"] or details.get("email")
    return f"<p>Email: <strong>{escape(email)}</strong></p>" if email else ""


def _form(session: Object) -> str:
    email_field = (
        ""
        if session["customer_email"]
        else '<label>Email <input type="email" name="email" autocomplete="email"></label>'
    )
    cancel = (
        '<button type="submit" name="action" value="cancel">Cancel</button>'
        if session["cancel_url"]
        else ""
    )
    return (
        f'<form method="post">{email_field}<div class="actions">'
        '<button type="submit" name="action" value="pay">Pay</button>'
        '<button type="submit" name="action" value="pay_later">Pay later (bank debit)</button>'
        f"{cancel}</div></form>"
    )


def _page(body: str, status: int) -> Response:
    html = (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<link rel="icon" href="data:,">'  # no icon: the browser asks for none
        f"<title>{TITLE}</title><style>{_STYLE}</style></head>"
        f"<body><main><h1>{TITLE}</h1>{body}</main></body></html>"
    )
    return Response(html, status, mimetype="text/html")
