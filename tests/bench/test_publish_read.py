"""The benchmark's "first read after a publish" check measures what it says:
against a real server, each publish makes a new live revision, the read after
it is a miss and the read after that a hit."""

import pytest

from bench.publish_read import markdown_lines, publish_then_read
from tests.factories.catalogue import ModulePageFactory, ProgrammePageFactory
from tests.factories.pages import StandardPageFactory


@pytest.mark.django_db(transaction=True)
def test_each_first_read_after_a_publish_is_a_miss_and_the_next_a_hit(
    home_pages, live_server
):
    home = home_pages["en"]
    standard = StandardPageFactory(parent=home, title="Our approach")
    module = ModulePageFactory(parent=ProgrammePageFactory(parent=home))
    urls = {
        "ours_detail": [f"/api/v1/standard-pages/{standard.pk}/"],
        "ours_list_en": "/api/v1/standard-pages/?locale=en&limit=20",
        "site_module_en": module.get_url(),
    }
    revisions = standard.revisions.count()

    rows = publish_then_read(live_server.url, urls, rounds=2)

    assert set(rows) == {"content_detail", "content_list_en", "site_module_en"}
    for name, row in rows.items():
        assert row["first_read"]["x_cache"] == ["miss"], name
        assert row["second_read"]["x_cache"] == ["hit"], name
        assert row["publish"]["p50_ms"] > 0
    # Two rounds each for the detail and the list: four new revisions, live.
    standard.refresh_from_db()
    assert standard.revisions.count() == revisions + 4
    assert standard.live_revision_id == standard.latest_revision_id
    table = "\n".join(markdown_lines(rows))
    assert "| content_detail | " in table and "(miss) |" in table
