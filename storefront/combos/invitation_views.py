"""Producer portal: the invitations partners send to put this producer's products in their
combos, answered (or later withdrawn) here. An invitation to someone else is a 404."""

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from werkzeug.wrappers import Response

from storefront.accounts.access import current_producer, producer_member_required, signed_in_user
from storefront.clock import today_in_vietnam
from storefront.combos.forms import AnswerForm
from storefront.combos.invitations import answer_invitation, invitations_for, is_invited
from storefront.combos.models import Consent
from storefront.combos.publishing import find_combo
from storefront.combos.views import bp


@bp.get("/producer/invitations")
@producer_member_required
def portal_invitations() -> str:
    invitations = invitations_for(current_producer(), today=today_in_vietnam())
    sections = [
        (consent, [i for i in invitations if i.consent is consent])
        for consent in (Consent.PENDING, Consent.ACCEPTED, Consent.DECLINED)
    ]
    return render_template(
        "combos/portal/invitations.html",
        sections=[(consent.value, group) for consent, group in sections if group],
        answer_form=AnswerForm(),
    )


@bp.post("/producer/invitations/<int:combo_id>")
@producer_member_required
def portal_answer_invitation(combo_id: int) -> Response:
    producer = current_producer()
    combo = find_combo(combo_id)
    if combo is None or not is_invited(combo, producer):
        abort(404)
    form = AnswerForm()
    if form.validate_on_submit():
        accept = form.decision.data == "accept"
        answer_invitation(combo, producer=producer, actor=signed_in_user(), accept=accept)
        if accept:
            flash(_("You agreed to be part of “%(name)s”.", name=combo.name))
        else:
            flash(_("You declined to be part of “%(name)s”. Its owner is told.", name=combo.name))
    else:
        flash(_("Choose to accept or to decline."))
    return redirect(url_for("combos.portal_invitations", _anchor=f"combo-{combo.id}"))
