"""Wagtail's page-test helpers, usable from pytest tests.

``wagtail.test.utils.WagtailPageTestCase`` is a unittest class; ``PageAdmin`` lends its
assertions (``assertCanCreate`` and friends) to a pytest test through a test client.
"""

from django.urls import reverse
from wagtail.test.utils import WagtailPageTestCase


class _PageAssertions(WagtailPageTestCase):
    __test__ = False  # not a test case of its own

    def runTest(self):  # unittest needs a method to bind the instance to
        pass


class PageAdmin:
    """The Wagtail admin's page forms, driven by a signed-in test client."""

    def __init__(self, client):
        self.client = client
        self.assertions = _PageAssertions()
        self.assertions.client = client

    def assert_can_create(self, parent, model, data, *, publish=True):
        """POST the add form and fail with the form's errors if Wagtail refuses."""
        self.assertions.assertCanCreate(parent, model, dict(data), publish=publish)

    def post_add_form(self, parent, model, data, *, publish=True):
        """POST the add form and return the response (no redirect followed)."""
        data = dict(data)
        if publish:
            data["action-publish"] = "action-publish"
        url = reverse(
            "wagtailadmin_pages:add",
            args=(model._meta.app_label, model._meta.model_name, parent.pk),
        )
        return self.client.post(url, data)

    def post_edit_form(self, page, data, *, publish=True):
        data = dict(data)
        if publish:
            data["action-publish"] = "action-publish"
        url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
        return self.client.post(url, data)


def form_errors(response):
    """The page form's errors from an admin response that re-shows the form."""
    assert response.status_code == 200, response.status_code
    return response.context["form"].errors
