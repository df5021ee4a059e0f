"""Stories and descriptions written in Markdown, shown as sanitised HTML."""

import markdown
import nh3
from markupsafe import Markup

ALLOWED_TAGS = frozenset(
    {"p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "blockquote", "h3", "h4", "a", "hr"}
)
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
URL_SCHEMES = frozenset({"http", "https", "mailto"})


def render_markdown(text: str | None) -> Markup:
    """The Markdown text as HTML with only harmless tags, attributes and link schemes kept.

    Raw HTML in the text is dropped or escaped, never passed through: scripts, event
    handlers, styles and `javascript:` links come out inert.
    """
    html = markdown.markdown(text or "", output_format="html")
    return Markup(
        nh3.clean(
            html,
            tags=set(ALLOWED_TAGS),
            attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
            url_schemes=set(URL_SCHEMES),
            link_rel="nofollow noopener noreferrer",
        )
    )
