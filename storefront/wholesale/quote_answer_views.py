"""Answering quotes: a producer prices its own lines of the quotes that include its items
(/producer/quotes), staff any line of any quote (/staff/quotes). To a producer, a quote
without any of its lines does not exist."""

from datetime import date, timedelta

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from werkzeug.wrappers import Response

from storefront.accounts.access import (
    current_producer,
    producer_member_required,
    role_required,
    signed_in_user,
)
from storefront.accounts.models import Role
from storefront.clock import today_in_vietnam, utcnow
from storefront.wholesale import quotes
from storefront.wholesale.models import Quote, QuoteLine, QuoteStatus
from storefront.wholesale.quote_errors import QuoteError
from storefront.wholesale.quote_forms import AnswerForm
from storefront.wholesale.quote_lookup import (
    full_quote,
    producer_quote,
    producer_quotes,
    staff_quotes,
)
from storefront.wholesale.skus import sku_of
from storefront.wholesale.views import bp

DEFAULT_VALIDITY_DAYS = 30


def _first_answers(lines: list[QuoteLine], today: date, *, suggest: bool) -> dict:
    """The answer form's rows as first shown: the answer given, else (when `suggest`) the
    shop's list price, and a month's validity."""
    until = today + timedelta(days=DEFAULT_VALIDITY_DAYS)
    return {
        "rows": [
            {
                "unit_price": line.unit_price_vnd
                if line.unit_price_vnd is not None
                else (line.list_price_vnd if suggest else None),
                "valid_until": line.valid_until or until,
                "note": line.answer_note,
            }
            for line in lines
        ]
    }


def _answer(
    quote: Quote, lines: list[QuoteLine], *, suggest: bool, done_url: str
) -> tuple[AnswerForm, Response | None]:
    """The answer form for these lines; on a valid post, the answers applied and where to
    go next."""
    today = today_in_vietnam()
    form = AnswerForm(
        today=today,
        data=_first_answers(lines, today, suggest=suggest) if request.method == "GET" else None,
    )
    if request.method == "POST" and form.validate_on_submit():
        try:
            quotes.answer_lines(
                quote,
                user=signed_in_user(),
                answers=form.answers([line.id for line in lines]),
                today=today,
                now=utcnow(),
            )
        except QuoteError as error:
            form.form_errors.append(error.message())
        else:
            if quote.status is QuoteStatus.ANSWERED:
                flash(
                    _(
                        "Thank you: every line of %(number)s has a price; the shop is e-mailed.",
                        number=quote.number,
                    ),
                    "success",
                )
            else:
                flash(_("Your prices for %(number)s are saved.", number=quote.number), "success")
            return form, redirect(done_url)
    return form, None


def _figures(lines: list[QuoteLine]) -> dict[str, object]:
    """What the lines' table shows besides the lines: their totals, and item codes."""
    return {
        "line_totals": quotes.line_totals(lines),
        "list_total": quotes.list_total(lines),
        "quoted_total": quotes.quoted_total(lines),
        "sku_of": sku_of,
    }


@bp.get("/producer/quotes")
@producer_member_required
def portal_quotes() -> str:
    page = producer_quotes(current_producer().id, page=request.args.get("page", 1, type=int))
    return render_template("wholesale/quotes/portal_list.html", page=page)


@bp.route("/producer/quotes/<number>", methods=["GET", "POST"])
@producer_member_required
def portal_quote(number: str) -> Response | str | tuple[str, int]:
    seen = producer_quote(current_producer().id, number)
    if seen is None:
        abort(404)
    url = url_for("wholesale.portal_quote", number=number)
    form, done = _answer(seen.quote, seen.lines, suggest=True, done_url=url)
    if done is not None:
        return done
    if request.method == "POST":
        seen = producer_quote(current_producer().id, number)  # as it is now
    page = render_template(
        "wholesale/quotes/portal_quote.html",
        seen=seen,
        form=form,
        **_figures(seen.lines),  # type: ignore[union-attr]
    )
    return (page, 400) if request.method == "POST" else page


@bp.get("/staff/quotes")
@role_required(Role.STAFF)
def staff_quotes_list() -> str:
    wanted = request.args.get("status", "")
    status = QuoteStatus(wanted) if wanted in set(QuoteStatus) else None
    page, counts = staff_quotes(status, page=request.args.get("page", 1, type=int))
    today = today_in_vietnam()
    return render_template(
        "wholesale/quotes/staff_list.html",
        page=page,
        counts=counts,
        status=status,
        priced={
            quote.id: sum(line.unit_price_vnd is not None for line in quote.lines)
            for quote in page.items
        },
        expired_ids={quote.id for quote in page.items if quotes.expired(quote, today)},
    )


@bp.route("/staff/quotes/<number>", methods=["GET", "POST"])
@role_required(Role.STAFF)
def staff_quote(number: str) -> Response | str | tuple[str, int]:
    quote = full_quote(number)
    if quote is None:
        abort(404)
    url = url_for("wholesale.staff_quote", number=number)
    form, done = _answer(quote, list(quote.lines), suggest=False, done_url=url)
    if done is not None:
        return done
    if request.method == "POST":
        quote = full_quote(number)
    page = render_template(
        "wholesale/quotes/staff_quote.html",
        quote=quote,
        form=form,
        expired=quotes.expired(quote, today_in_vietnam()),  # type: ignore[arg-type]
        **_figures(quote.lines),  # type: ignore[union-attr]
    )
    return (page, 400) if request.method == "POST" else page
