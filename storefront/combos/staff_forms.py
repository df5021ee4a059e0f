"""Staff forms of the combos domain: hiding a combo, and a heritage entry."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, Optional

from storefront.catalog.forms import MARKDOWN_HINT
from storefront.combos.heritage import HeritageDetails
from storefront.combos.models import Heritage, HeritageKind
from storefront.producers.place_fields import PlaceFields

KIND_LABELS = {
    HeritageKind.HISTORIC_SITE: _l("Historic site"),
    HeritageKind.FESTIVAL: _l("Festival"),
    HeritageKind.FLOATING_MARKET: _l("Floating market"),
    HeritageKind.CRAFT_VILLAGE: _l("Craft village"),
    HeritageKind.LANDSCAPE: _l("Landscape"),
    HeritageKind.CUISINE: _l("Cuisine"),
}


class HideForm(FlaskForm):
    """Hiding a combo: the owner reads the reason."""

    reason = TextAreaField(
        _l("Reason"),
        description=_l("The owner reads this: say what to fix."),
        validators=[
            DataRequired(_l("Give a reason, so the owner knows what to fix.")),
            Length(max=2000, message=_l("At most 2000 characters.")),
        ],
    )


class HeritageForm(PlaceFields, FlaskForm):
    """A heritage entry, with the province and ward it stands in."""

    name = StringField(
        _l("Name"),
        description=_l("As people know the place or tradition: “Chợ nổi Ngã Bảy”."),
        validators=[
            DataRequired(_l("Enter a name.")),
            Length(max=200, message=_l("A name has at most 200 characters.")),
        ],
    )
    name_en = StringField(
        _l("English name (optional)"),
        validators=[Optional(), Length(max=200, message=_l("A name has at most 200 characters."))],
        render_kw={"lang": "en"},
    )
    kind = SelectField(
        _l("Kind"), choices=[SelectChoice(kind.value, label) for kind, label in KIND_LABELS.items()]
    )
    story = TextAreaField(
        _l("Story"),
        description=MARKDOWN_HINT,
        validators=[
            DataRequired(_l("Write its story: shoppers read it on every combo tied to it.")),
            Length(max=20000, message=_l("This text is too long.")),
        ],
        render_kw={"rows": 10},
    )
    story_en = TextAreaField(
        _l("Story in English (optional)"),
        validators=[Optional(), Length(max=20000, message=_l("This text is too long."))],
        render_kw={"rows": 8, "lang": "en"},
    )
    picture = FileField(
        _l("Picture"),
        description=_l("A JPEG, PNG or WebP picture of at most 5 MB; landscape looks best."),
        render_kw={"accept": "image/jpeg,image/png,image/webp"},
    )

    @staticmethod
    def answers(heritage: Heritage) -> dict[str, str]:
        """The form's fields filled from an entry, to edit it."""
        return {
            "name": heritage.name,
            "name_en": heritage.name_en or "",
            "kind": heritage.kind.value,
            "province": str(heritage.province_code),
            "ward": str(heritage.ward_code),
            "story": heritage.story,
            "story_en": heritage.story_en or "",
        }

    def details(self) -> HeritageDetails:
        return HeritageDetails(
            name=self.name.data or "",
            name_en=self.name_en.data,
            kind=HeritageKind(self.kind.data),
            province_code=self.province_code,
            ward_code=self.ward_code,
            story=self.story.data or "",
            story_en=self.story_en.data,
        )
