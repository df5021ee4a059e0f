"""Flask commands: `flask seed-demo`, `flask mail send-pending`, ..."""

import click
from flask import Flask


def register(app: Flask) -> None:
    from storefront.mail.commands import mail_cli

    app.cli.add_command(mail_cli)

    from storefront.accounts.commands import create_staff_command

    app.cli.add_command(create_staff_command)

    from storefront.catalog.commands import certificates_cli

    app.cli.add_command(certificates_cli)

    from storefront.checkout.commands import checkout_cli
    from storefront.orders.commands import orders_cli
    from storefront.payments.commands import payments_cli

    app.cli.add_command(checkout_cli)
    app.cli.add_command(orders_cli)
    app.cli.add_command(payments_cli)

    @app.cli.command("seed-demo")
    @click.option(
        "--products",
        "extra",
        type=click.IntRange(min=0),
        default=0,
        help="Also add this many synthetic products (for load tests).",
    )
    def seed_demo_command(extra: int) -> None:
        """Fill an empty database with the demo catalogue (and optionally N more products)."""
        from storefront.demo.seed import seed_demo

        click.echo(seed_demo(extra_products=extra))
