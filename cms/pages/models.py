from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
)
from wagtail.api import APIField
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from cms.core.blocks import SiteBodyBlock
from learning.core.preview import HeadlessPreviewMixin

from .tasks import send_form_submission_email


class StandardPage(HeadlessPreviewMixin, Page):
    """A page of text: about, privacy statement, subscription terms."""

    introduction = models.TextField(_("introduction"), blank=True)
    body = StreamField(SiteBodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]
    api_fields = [APIField("introduction"), APIField("body")]

    parent_page_types = ["home.HomePage", "pages.StandardPage"]
    subpage_types = ["pages.StandardPage"]
    template = "pages/standard_page.html"

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")


class ContactFormField(TranslatableMixin, AbstractFormField):
    # Translatable, so that Spanish visitors read Spanish labels.
    page = ParentalKey(
        "ContactPage", on_delete=models.CASCADE, related_name="form_fields"
    )
    # Submissions keep the same keys in every language.
    override_translatable_fields = [SynchronizedField("clean_name")]

    class Meta(TranslatableMixin.Meta, AbstractFormField.Meta):
        verbose_name = _("form field")
        verbose_name_plural = _("form fields")


class ContactPage(AbstractEmailForm):
    """A contact form; submissions are kept in the admin and emailed."""

    introduction = RichTextField(
        _("introduction"), blank=True, features=["bold", "italic", "link"]
    )
    thank_you_text = RichTextField(
        _("thank-you text"), blank=True, features=["bold", "italic", "link"]
    )

    content_panels = [
        *AbstractEmailForm.content_panels,
        FormSubmissionsPanel(),
        FieldPanel("introduction"),
        InlinePanel("form_fields", label=_("Form fields")),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
            ],
            heading=_("Email"),
        ),
    ]
    search_fields = [*Page.search_fields, index.SearchField("introduction")]
    api_fields = [APIField("introduction"), APIField("thank_you_text")]

    override_translatable_fields = [
        SynchronizedField("to_address"),
        SynchronizedField("from_address"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []
    template = "pages/contact_page.html"
    landing_page_template = "pages/contact_page_landing.html"

    class Meta:
        verbose_name = _("contact page")
        verbose_name_plural = _("contact pages")

    def send_mail(self, form):
        # Sent by a background task so the visitor never waits for the mail server.
        send_form_submission_email.enqueue(
            subject=self.subject or str(_("Contact form submission")),
            body=self.render_email(form),
            recipients=[a.strip() for a in self.to_address.split(",") if a.strip()],
            from_address=self.from_address,
        )
