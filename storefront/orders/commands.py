"""`flask orders release-expired`: cancel unpaid bank-transfer orders past their deadline."""

import click
from flask.cli import AppGroup

orders_cli = AppGroup("orders", help="Orders.")


@orders_cli.command("release-expired")
def release_expired_command() -> None:
    """Cancel bank-transfer orders unpaid at their deadline and return their stock. Safe to
    run from cron on several hosts at once: each order is cancelled once."""
    from storefront.clock import utcnow
    from storefront.orders.service import release_expired

    cancelled = release_expired(now=utcnow())
    if not cancelled:
        click.echo("No unpaid order is past its deadline.")
        return
    orders = "order" if len(cancelled) == 1 else "orders"
    click.echo(f"Cancelled {len(cancelled)} unpaid {orders}: {', '.join(cancelled)}")
