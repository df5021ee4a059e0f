"""Flask commands: `flask seed-demo`, ..."""

import click
from flask import Flask


def register(app: Flask) -> None:
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
