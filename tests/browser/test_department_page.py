"""A department's public page: duties, contacts, and its guides, news and records."""

import pytest
import transaction


@pytest.fixture
def content(gaj, create, publish):
    guide = create(
        gaj, "Guide", id="id-card", title="居民身份证申领", service_code="A1"
    )
    create(gaj, "Guide", id="draft-guide", title="草稿指南", service_code="A2")
    news = create(gaj, "News Item", id="news", title="户政窗口延时服务")
    record = create(
        gaj,
        "DisclosureRecord",
        title="2026年部门预算",
        topic_category="财政预算决算",
        genre="报告",
    )
    for obj in (guide, news, record):
        publish(obj)
    transaction.commit()


def section(visitor, name):
    text = visitor.text
    start = text.index(f"department-{name}")
    return text[start : text.index("</section>", start)]


def test_anonymous_sees_duties_and_contacts(gaj, anonymous):
    anonymous.open(gaj.absolute_url())
    text = anonymous.text
    assert gaj.duties[:10] in text
    assert gaj.address in text
    assert gaj.leader in text
    for phone in gaj.phones:
        assert f'href="tel:{phone}"' in text


def test_anonymous_sees_only_published_guides_news_and_records(gaj, content, anonymous):
    anonymous.open(gaj.absolute_url())
    assert "居民身份证申领" in section(anonymous, "guides")
    assert "草稿指南" not in anonymous.text
    assert "户政窗口延时服务" in section(anonymous, "news")
    assert "2026年部门预算" in section(anonymous, "records")


def test_department_editor_also_sees_drafts(gaj, content, as_editor):
    as_editor.open(gaj.absolute_url())
    guides = section(as_editor, "guides")
    assert "草稿指南" in guides
    assert "居民身份证申领" in guides


def test_department_without_content_says_so(site, anonymous):
    anonymous.open(site["zh-cn"]["wjj"].absolute_url())
    assert "暂无内容。" in section(anonymous, "records")
