"""The plugin's settings are read when used, with their defaults."""

from django.test import override_settings

from learning.core import conf


def test_defaults_apply_when_a_site_sets_nothing(settings):
    for name in (
        "LEARNING_FORUM_EDIT_MINUTES",
        "LEARNING_MATERIAL_MAX_BYTES",
        "LEARNING_PUBLIC_BASE_URL",
        "LEARNING_SHARED_MAIL_DOMAINS",
    ):
        if hasattr(settings, name):
            delattr(settings, name)
    settings.WAGTAILADMIN_BASE_URL = "https://admin.example.org/"

    assert conf.forum_edit_minutes() == 30
    assert conf.material_max_bytes() == 20 * 1024 * 1024
    assert conf.public_base_url() == "https://admin.example.org"
    assert conf.shared_mail_domains() == set()


@override_settings(
    LEARNING_FORUM_EDIT_MINUTES="5",
    LEARNING_PUBLIC_BASE_URL="https://learn.example.org/",
    LEARNING_SHARED_MAIL_DOMAINS=[" Example.NET "],
)
def test_a_site_setting_is_read_at_call_time():
    assert conf.forum_edit_minutes() == 5
    assert conf.public_base_url() == "https://learn.example.org"
    assert conf.shared_mail_domains() == {"example.net"}
