"""Per-locale permission policies go only on translatable models, also under
`python -O` (a check, not an assert)."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from wagtail.models import Site

from cms.translations import permissions


def test_a_model_without_a_locale_is_refused_a_locale_policy(monkeypatch):
    monkeypatch.setattr(permissions, "locale_policy_models", lambda: [Site])

    with pytest.raises(ImproperlyConfigured, match="Site is not translatable"):
        permissions.register_locale_policies()
