"""`flask checkout install-shipping`: the first shipping table, when there is none."""

import click
from flask.cli import AppGroup

checkout_cli = AppGroup("checkout", help="Checkout settings.")


@checkout_cli.command("install-shipping")
def install_shipping_command() -> None:
    """Add the default shipping zones and weight bands when the table is empty."""
    from storefront.checkout.shipping_table import install_shipping_table
    from storefront.extensions import db

    if install_shipping_table():
        db.session.commit()
        click.echo("Installed the shipping table.")
    else:
        click.echo("The shipping table already has zones: nothing changed.")
