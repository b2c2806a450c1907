from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    PreviewableMixin,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from cms.translations.models import LocaleWorkflowMixin


class Testimonial(
    LocaleWorkflowMixin,
    WorkflowMixin,
    TranslatableMixin,
    PreviewableMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    index.Indexed,
    models.Model,
):
    """A participant's words about a programme."""

    quote = models.TextField(_("quote"))
    person_name = models.CharField(_("person"), max_length=150, blank=True)
    role = models.CharField(_("role"), max_length=150, blank=True)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    country = models.CharField(_("country"), max_length=100, blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("photo"),
    )

    panels = [
        FieldPanel("quote"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("person_name"), FieldPanel("role")]),
                FieldRowPanel([FieldPanel("organisation"), FieldPanel("country")]),
                FieldPanel("photo"),
            ],
            heading=_("Who said it"),
        ),
    ]
    search_fields = [
        index.SearchField("quote"),
        index.SearchField("person_name"),
        index.SearchField("organisation"),
        index.SearchField("country"),
        index.FilterField("locale"),
        index.FilterField("live"),
    ]
    api_fields = [
        APIField("quote"),
        APIField("person_name"),
        APIField("role"),
        APIField("organisation"),
        APIField("country"),
        APIField("photo"),
    ]

    # A person's name is the same in every language.
    override_translatable_fields = [SynchronizedField("person_name")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("testimonial")
        verbose_name_plural = _("testimonials")

    def __str__(self):
        words = self.quote.split()
        short = " ".join(words[:8]) + ("…" if len(words) > 8 else "")
        return f"“{short}”"

    def get_preview_template(self, request, mode_name):
        return "components/testimonial_preview.html"
