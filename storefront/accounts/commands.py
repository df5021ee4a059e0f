"""`flask create-staff EMAIL`: create a staff account, or promote an existing one."""

import sys

import click

from storefront.accounts.errors import AccountError
from storefront.accounts.service import create_or_promote_staff, find_user_by_email


@click.command("create-staff")
@click.argument("email")
@click.option(
    "--password-stdin", is_flag=True, help="Read the new account's password from standard input."
)
def create_staff_command(email: str, password_stdin: bool) -> None:
    """Make EMAIL a staff account; asks a password only when the account is new."""
    password = None
    if find_user_by_email(email) is None:
        if password_stdin:
            password = sys.stdin.readline().rstrip("\r\n")
        else:
            password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    try:
        user, created = create_or_promote_staff(email=email, password=password)
    except AccountError as error:
        raise click.ClickException(error.message()) from error
    click.echo(f"{'Created' if created else 'Promoted'} staff account {user.email}")
