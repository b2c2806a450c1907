from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet
from wagtail_localize.fields import SynchronizedField

from cms.core.pagination import paginate
from cms.core.selectors import localized_objects
from learning.core.preview import HeadlessPreviewMixin
from learning.mel.blocks_indicators import IndicatorsTableBlock


class Topic(TranslatableMixin, models.Model):
    """A subject publications are filed under, e.g. family engagement."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, allow_unicode=True)

    panels = [FieldPanel("name"), FieldPanel("slug")]
    api_fields = [APIField("name"), APIField("slug")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["name"]

    def __str__(self):
        return self.name


register_snippet(Topic)


class PublicationIndexPage(Page):
    """Lists publications, newest first, with filters by year and topic."""

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    search_fields = [*Page.search_fields, index.SearchField("introduction")]
    api_fields = [APIField("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["publications.PublicationPage"]
    template = "pages/publication_index_page.html"

    class Meta:
        verbose_name = _("publication index page")
        verbose_name_plural = _("publication index pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        publications = (
            PublicationPage.objects.child_of(self)
            .live()
            .public()
            .select_related("document")
            .prefetch_related("topic_links__topic")
            .order_by("-year", "title")
        )
        year = request.GET.get("year", "")
        if year.isdigit():
            publications = publications.filter(year=int(year))
        topics = Topic.objects.filter(locale=self.locale)
        topic = request.GET.get("topic", "")
        selected = topics.filter(slug=topic).first() if topic else None
        if selected:
            # Links may point at another language's version of the same topic.
            publications = publications.filter(
                topic_links__topic__translation_key=selected.translation_key
            ).distinct()
        context.update(
            publications=paginate(request, publications),
            years=PublicationPage.objects.child_of(self)
            .live()
            .public()
            .order_by("-year")
            .values_list("year", flat=True)
            .distinct(),
            topics=topics,
            selected_year=year,
            selected_topic=topic,
        )
        return context


class PublicationPageTopic(Orderable):
    page = ParentalKey(
        "PublicationPage", on_delete=models.CASCADE, related_name="topic_links"
    )
    topic = models.ForeignKey(
        Topic, on_delete=models.CASCADE, related_name="+", verbose_name=_("topic")
    )

    panels = [FieldPanel("topic")]
    api_fields = [APIField("topic")]


class PublicationPage(HeadlessPreviewMixin, Page):
    """A publication: a document with its authors, year, topics and summary."""

    document = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("document"),
    )
    authors = models.TextField(
        _("authors"), blank=True, help_text=_("One author per line.")
    )
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(1900), MaxValueValidator(2100)]
    )
    summary = RichTextField(
        _("summary"), blank=True, features=["bold", "italic", "link", "ul", "ol"]
    )
    # A learning note can show what an edition or event achieved, read live.
    indicators = StreamField(
        [("indicators", IndicatorsTableBlock())],
        blank=True,
        verbose_name=_("indicators"),
        help_text=_("Tables of an edition's or an event's indicators (MEL)."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("document"),
        FieldRowPanel([FieldPanel("authors"), FieldPanel("year")]),
        InlinePanel("topic_links", label=_("Topics")),
        FieldPanel("summary"),
        FieldPanel("indicators"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("authors"),
        index.SearchField("summary"),
        index.FilterField("year"),
    ]
    api_fields = [
        APIField("document"),
        APIField("author_list"),
        APIField("year"),
        APIField("topic_links"),
        APIField("summary"),
        APIField("indicators"),
    ]
    # Names and years are the same in every language.
    override_translatable_fields = [
        SynchronizedField("authors"),
        SynchronizedField("document"),
    ]

    parent_page_types = ["publications.PublicationIndexPage"]
    subpage_types: list[str] = []
    template = "pages/publication_page.html"

    class Meta:
        verbose_name = _("publication page")
        verbose_name_plural = _("publication pages")

    @property
    def author_list(self):
        return [line.strip() for line in self.authors.splitlines() if line.strip()]

    @property
    def topics(self):
        """The topics in the page's own language where a translation exists."""
        links = self.topic_links.select_related("topic")
        return localized_objects(
            [link.topic for link in links], locale_id=self.locale_id
        )
