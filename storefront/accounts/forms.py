"""Account forms. Each reads only the fields it shows; role, producer and status never."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import EmailField, HiddenField, PasswordField, SelectField, StringField, TelField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, EqualTo, Length

from storefront.accounts.passwords import MIN_LENGTH

PASSWORD_MAX = 200  # far above any real password; keeps hashing cheap


def email_field(label: str) -> EmailField:
    return EmailField(
        label,
        validators=[
            DataRequired(_l("Enter your e-mail address.")),
            Length(max=254, message=_l("An e-mail address has at most 254 characters.")),
        ],
        render_kw={"autocomplete": "email", "spellcheck": "false"},
    )


def _password_field(label: str, *, autocomplete: str) -> PasswordField:
    return PasswordField(
        label,
        validators=[
            DataRequired(_l("Enter a password.")),
            Length(max=PASSWORD_MAX, message=_l("A password has at most 200 characters.")),
        ],
        render_kw={"autocomplete": autocomplete},
    )


def _new_password_fields() -> tuple[PasswordField, PasswordField]:
    password = PasswordField(
        _l("New password"),
        description=_l(
            "At least %(count)d characters; a short sentence is easy to remember.", count=MIN_LENGTH
        ),
        validators=[
            DataRequired(_l("Enter a password.")),
            Length(max=PASSWORD_MAX, message=_l("A password has at most 200 characters.")),
        ],
        render_kw={"autocomplete": "new-password", "minlength": MIN_LENGTH},
    )
    confirm = PasswordField(
        _l("New password again"),
        validators=[
            DataRequired(_l("Enter the new password a second time.")),
            EqualTo("password", _l("The two passwords are not the same.")),
        ],
        render_kw={"autocomplete": "new-password"},
    )
    return password, confirm


def _name_field() -> StringField:
    return StringField(
        _l("Your name"),
        validators=[
            DataRequired(_l("Enter your name.")),
            Length(max=120, message=_l("A name has at most 120 characters.")),
        ],
        render_kw={"autocomplete": "name"},
    )


class SignUpForm(FlaskForm):
    name = _name_field()
    email = email_field(_l("E-mail address"))
    password, confirm = _new_password_fields()


class SignInForm(FlaskForm):
    email = email_field(_l("E-mail address"))
    password = _password_field(_l("Password"), autocomplete="current-password")
    next = HiddenField()


class ResetRequestForm(FlaskForm):
    email = email_field(_l("E-mail address"))


class ResetPasswordForm(FlaskForm):
    password, confirm = _new_password_fields()


class ProfileForm(FlaskForm):
    name = _name_field()
    phone = TelField(
        _l("Phone (optional)"),
        description=_l("A Vietnamese number, such as 0912 345 678."),
        validators=[Length(max=30, message=_l("That phone number is too long."))],
        render_kw={"autocomplete": "tel", "inputmode": "tel"},
    )
    locale = SelectField(
        _l("Preferred language"),
        choices=[
            SelectChoice("vi", "Tiếng Việt", render_kw={"lang": "vi"}),
            SelectChoice("en", "English", render_kw={"lang": "en"}),
        ],
    )


class ChangePasswordForm(FlaskForm):
    current_password = _password_field(_l("Current password"), autocomplete="current-password")
    password, confirm = _new_password_fields()


class ChangeEmailForm(FlaskForm):
    email = email_field(_l("New e-mail address"))
    password = _password_field(_l("Your password"), autocomplete="current-password")
