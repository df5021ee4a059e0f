"""`flask payments reconcile`: apply any Stripe event the store missed."""

from datetime import timedelta

import click
from flask import current_app
from flask.cli import AppGroup

payments_cli = AppGroup("payments", help="Card payments through Stripe.")


@payments_cli.command("reconcile")
@click.option(
    "--days",
    type=click.IntRange(min=1, max=30),
    default=3,
    show_default=True,
    help="Look at the Checkout Sessions created in the last DAYS days.",
)
def reconcile_command(days: int) -> None:
    """List recent Checkout Sessions from Stripe and apply every completed or expired one
    whose event was missed (after an outage longer than Stripe's retries). Safe to run
    at any time, and from cron."""
    from storefront.clock import utcnow
    from storefront.payments.reconcile import describe, reconcile
    from storefront.payments.stripe_gateway import StripeUnavailable, configured

    if not configured(current_app.config):
        raise click.ClickException(
            "Stripe is not configured: set STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET."
        )
    now = utcnow()
    try:
        report = reconcile(since=now - timedelta(days=days), now=now)
    except StripeUnavailable as error:
        raise click.ClickException(f"Stripe could not be reached: {error}") from error
    click.echo(describe(report))
