"""Stories are Markdown rendered to sanitised HTML: hostile markup comes out inert."""

import pytest

from tests.portal.helpers import product_of

HOSTILE_STORY = """Gạo **thơm** từ [cánh đồng](https://example.vn/dong).

<script>alert("story")</script>

[bấm vào đây](javascript:alert(1)) và <a href="javascript:alert(2)">đây</a>

<img src=x onerror="alert(3)"> <iframe src="https://evil.example"></iframe>

<p style="color:red" onclick="alert(4)">đoạn</p>
"""


@pytest.mark.parametrize("path", ["public", "portal"])
def test_story_markdown_renders_inert(client, login_as, make_member, db, path):
    member = login_as(make_member())
    product = product_of(member, story=HOSTILE_STORY, stars=4)
    db.session.commit()
    url = (
        f"/catalog/products/{product.slug}"
        if path == "public"
        else f"/producer/products/{product.id}"
    )

    page = client.get(url).get_data(as_text=True)
    story = page[page.index('class="story__body"') :]  # the rendered story, not the form

    assert "<strong>thơm</strong>" in story
    assert 'href="https://example.vn/dong"' in story
    for hostile in ("<script>alert", "javascript:", "onerror", "onclick", "<iframe", "style="):
        assert hostile not in story, hostile
