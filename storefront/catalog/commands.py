"""`flask certificates ...` commands."""

import click
from flask.cli import AppGroup

from storefront.catalog.expiry_notices import send_expiry_notices
from storefront.clock import today_in_vietnam

certificates_cli = AppGroup("certificates", help="OCOP certificates.")


@certificates_cli.command("expire-notices")
def expire_notices_command() -> None:
    """E-mail producers whose certificates expire within 90 and 30 days (once each)."""
    count = send_expiry_notices(today=today_in_vietnam())
    click.echo(f"Expiry notices: {count} certificate(s) notified.")
