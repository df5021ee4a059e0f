"""`flask mail send-pending`: run it every minute or so (cron, a systemd timer)."""

import click
from flask.cli import AppGroup

from storefront.mail.delivery import BATCH_SIZE, send_pending

mail_cli = AppGroup("mail", help="The mail outbox.")


@mail_cli.command("send-pending")
@click.option("--batch-size", type=click.IntRange(min=1), default=BATCH_SIZE, show_default=True)
def send_pending_command(batch_size: int) -> None:
    """Send the pending mail that is due, retrying what failed before."""
    click.echo(f"Mail: {send_pending(batch_size=batch_size)}.")
