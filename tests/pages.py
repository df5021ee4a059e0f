"""What tests read of the pages they request: their text, and the combos listed on them."""

import re

_COMBO_CARD = re.compile(r'class="card__link combo-card__link" href="/combos/([^"]+)"')


def text_of(response) -> str:
    """The page's HTML with its runs of white space (non-breaking ones too) as one space."""
    return re.sub(r"\s+", " ", response.get_data(as_text=True).replace("\u00a0", " "))


def combo_card_slugs(html: str) -> list[str]:
    """The slugs of the combo cards on a page, in their order."""
    return _COMBO_CARD.findall(html)
