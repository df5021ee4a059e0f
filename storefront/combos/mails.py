"""How mails about a combo name it and its products: in the reader's language."""

from collections.abc import Callable

from storefront.combos.models import Combo, ComboComponent


def _named(locale: str, name: str, name_en: str | None) -> str:
    """The English name for a reader of English, when there is one."""
    return name_en if locale == "en" and name_en else name


def combo_words(
    combo: Combo, components: list[ComboComponent] | None = None
) -> Callable[[str], dict[str, object]]:
    """For mail_members' `localized`: the combo's name and, given components, their
    products (name and quantity), as a reader of `locale` reads them."""

    def words(locale: str) -> dict[str, object]:
        said: dict[str, object] = {"combo_name": _named(locale, combo.name, combo.name_en)}
        if components is not None:
            said["products"] = [
                {
                    "name": _named(locale, c.product.name, c.product.name_en),
                    "quantity": c.quantity,
                }
                for c in components
            ]
        return said

    return words
