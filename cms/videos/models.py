from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from cms.core.pagination import paginate
from learning.catalogue.fields import delivery_language_choices
from learning.core.preview import HeadlessPreviewMixin


class VideoIndexPage(Page):
    """Lists the video pages below it."""

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    search_fields = [*Page.search_fields, index.SearchField("introduction")]
    api_fields = [APIField("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["videos.VideoPage"]
    template = "pages/video_index_page.html"

    class Meta:
        verbose_name = _("video index page")
        verbose_name_plural = _("video index pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        videos = (
            VideoPage.objects.child_of(self)
            .live()
            .public()
            .select_related("poster_image")
            .order_by("-first_published_at")
        )
        context["videos"] = paginate(request, videos)
        return context


class VideoPage(HeadlessPreviewMixin, Page):
    """A video: an uploaded file or an external URL, with transcript and captions."""

    video_file = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("video file"),
        help_text=_("An MP4 or WebM file."),
    )
    video_url = models.URLField(
        _("external video URL"),
        blank=True,
        help_text=_("A YouTube or Vimeo address, used when there is no file."),
    )
    poster_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("poster image"),
    )
    duration_minutes = models.PositiveSmallIntegerField(
        _("duration in minutes"), null=True, blank=True
    )
    description = models.TextField(_("description"), blank=True)
    transcript = RichTextField(_("transcript"), blank=True, features=["bold", "italic"])

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("video_file"),
                FieldPanel("video_url"),
                FieldPanel("poster_image"),
                FieldPanel("duration_minutes"),
            ],
            heading=_("Video"),
        ),
        FieldPanel("description"),
        InlinePanel("captions", label=_("Captions")),
        FieldPanel("transcript"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("description"),
        index.SearchField("transcript"),
    ]
    api_fields = [
        APIField("video_file"),
        APIField("video_url"),
        APIField("poster_image"),
        APIField("duration_minutes"),
        APIField("description"),
        APIField("transcript"),
        APIField("captions"),
    ]
    override_translatable_fields = [
        SynchronizedField("video_file"),
        SynchronizedField("video_url"),
    ]

    parent_page_types = ["videos.VideoIndexPage"]
    subpage_types: list[str] = []
    template = "pages/video_page.html"

    class Meta:
        verbose_name = _("video page")
        verbose_name_plural = _("video pages")

    def clean(self):
        super().clean()
        if bool(self.video_file_id) == bool(self.video_url):
            raise ValidationError(
                {
                    "video_url": ValidationError(
                        _("Upload a video file or give an external URL, not both."),
                        code="one_video_source",
                    )
                }
            )


class VideoCaption(Orderable):
    """A WebVTT caption track of a video in one language."""

    page = ParentalKey(VideoPage, on_delete=models.CASCADE, related_name="captions")
    language = models.CharField(
        _("language"), max_length=10, choices=delivery_language_choices
    )
    file = models.ForeignKey(
        "wagtaildocs.Document",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("WebVTT file"),
    )

    panels = [FieldPanel("language"), FieldPanel("file")]
    api_fields = [APIField("language"), APIField("file")]

    class Meta(Orderable.Meta):
        verbose_name = _("caption track")
        verbose_name_plural = _("caption tracks")
