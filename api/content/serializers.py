"""Typed shapes of content items. Lists carry the summary fields; details add
the bodies (StreamField as typed blocks, rich text as display HTML)."""

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from wagtail.models import Page

from cms.publications.models import PublicationPage
from cms.videos.models import VideoPage
from learning.events.models import LearningEventPage

from .representation import (
    document_data,
    image_data,
    page_link,
    rich_text_html,
    stream_data,
)


class TranslationSerializer(serializers.Serializer):
    id = serializers.IntegerField(allow_null=True)
    url = serializers.URLField(allow_null=True)
    status = serializers.ChoiceField(
        choices=["missing", "outdated", "in_review", "up_to_date"]
    )


class RenditionSerializer(serializers.Serializer):
    url = serializers.URLField()
    width = serializers.IntegerField()
    height = serializers.IntegerField()


class ImageSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    width = serializers.IntegerField()
    height = serializers.IntegerField()
    renditions = serializers.DictField(child=RenditionSerializer())


class DocumentSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    url = serializers.URLField()
    file_extension = serializers.CharField()


class PageLinkSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    url = serializers.URLField()


class BlockSerializer(serializers.Serializer):
    type = serializers.CharField()
    id = serializers.CharField(allow_null=True)
    value = serializers.JSONField()


@extend_schema_field(BlockSerializer(many=True))
class StreamBlocksField(serializers.Field):
    """A StreamField as a list of typed blocks."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, value: Any) -> list[dict[str, Any]]:
        return stream_data(value, self.context["request"])


def stream(field_name: str) -> StreamBlocksField:
    return StreamBlocksField()


class PageSerializer(serializers.Serializer):
    """Fields every page item has."""

    id = serializers.IntegerField()
    type = serializers.SerializerMethodField()
    title = serializers.CharField()
    slug = serializers.CharField()
    locale = serializers.CharField(source="locale.language_code")
    url = serializers.SerializerMethodField()
    parent_id = serializers.SerializerMethodField()
    first_published_at = serializers.DateTimeField(allow_null=True)
    last_published_at = serializers.DateTimeField(allow_null=True)
    fallback = serializers.SerializerMethodField()
    translations = serializers.SerializerMethodField()

    def get_type(self, page: Page) -> str:
        return page.specific_class._meta.label

    def get_url(self, page: Page) -> str | None:
        return page.get_full_url(self.context["request"])

    def get_parent_id(self, page: Page) -> int | None:
        if hasattr(page, "parent_pk"):
            return page.parent_pk
        parent = page.get_parent()
        return parent.pk if parent else None

    def get_fallback(self, page: Page) -> bool:
        """True when the page is in the fallback language, because the asked-for
        language has no visible translation."""
        language = self.context.get("language")
        return bool(language) and page.locale.language_code != language

    @extend_schema_field(serializers.DictField(child=TranslationSerializer()))
    def get_translations(self, page: Page) -> dict[str, dict[str, Any]]:
        return self.context["translations"].get(page.pk, {})


class ProgrammeSerializer(PageSerializer):
    introduction = serializers.CharField()
    programme_format = serializers.CharField()
    languages = serializers.ListField(child=serializers.CharField())
    time_zone = serializers.CharField()
    certificate_attendance_threshold = serializers.IntegerField()


class ProgrammeDetailSerializer(ProgrammeSerializer):
    certificate_rule = serializers.CharField()
    certificate_languages = serializers.CharField()
    objectives_intro = serializers.CharField()
    objectives = stream("objectives")
    target_groups_intro = serializers.CharField()
    # Each block's id names the group in every language (a registration stores it).
    target_groups = stream("target_groups")
    philosophy = stream("philosophy")
    method = stream("method")
    preparation = stream("preparation")
    what_you_get = stream("what_you_get")
    body = stream("body")


class ModuleSerializer(PageSerializer):
    module_number = serializers.IntegerField()
    number_of_sessions = serializers.IntegerField()
    duration_weeks = serializers.IntegerField()
    is_required_first = serializers.BooleanField()
    introduction = serializers.CharField()


class ModuleDetailSerializer(ModuleSerializer):
    body = stream("body")


class SessionTopicSerializer(PageSerializer):
    summary = serializers.CharField()


class SessionTopicDetailSerializer(SessionTopicSerializer):
    sub_topics = stream("sub_topics")
    body = stream("body")
    materials = stream("materials")
    forum_questions = stream("forum_questions")


class TopicSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    slug = serializers.CharField()


class PublicationSerializer(PageSerializer):
    year = serializers.IntegerField()
    authors = serializers.SerializerMethodField()
    topics = serializers.SerializerMethodField()
    document = serializers.SerializerMethodField()

    def get_authors(self, page: PublicationPage) -> list[str]:
        return [line.strip() for line in page.authors.splitlines() if line.strip()]

    @extend_schema_field(TopicSerializer(many=True))
    def get_topics(self, page: PublicationPage) -> list[dict[str, Any]]:
        return [
            {"id": link.topic.pk, "name": link.topic.name, "slug": link.topic.slug}
            for link in page.topic_links.all()
        ]

    @extend_schema_field(DocumentSerializer(allow_null=True))
    def get_document(self, page: PublicationPage) -> dict[str, Any] | None:
        return document_data(page.document, self.context["request"])


class PublicationDetailSerializer(PublicationSerializer):
    summary = serializers.SerializerMethodField()
    # A learning note's tables of an edition's or an event's indicators (MEL).
    indicators = stream("indicators")

    def get_summary(self, page: PublicationPage) -> str:
        return rich_text_html(page.summary, self.context["request"])


class VideoSerializer(PageSerializer):
    video_url = serializers.CharField()
    duration_minutes = serializers.IntegerField(allow_null=True)
    description = serializers.CharField()
    poster_image = serializers.SerializerMethodField()
    video_file = serializers.SerializerMethodField()

    @extend_schema_field(ImageSerializer(allow_null=True))
    def get_poster_image(self, page: VideoPage) -> dict[str, Any] | None:
        return image_data(page.poster_image, self.context["request"])

    @extend_schema_field(DocumentSerializer(allow_null=True))
    def get_video_file(self, page: VideoPage) -> dict[str, Any] | None:
        return document_data(page.video_file, self.context["request"])


class VideoDetailSerializer(VideoSerializer):
    transcript = serializers.SerializerMethodField()

    def get_transcript(self, page: VideoPage) -> str:
        return rich_text_html(page.transcript, self.context["request"])


class StandardPageSerializer(PageSerializer):
    introduction = serializers.CharField()


class StandardPageDetailSerializer(StandardPageSerializer):
    body = stream("body")


class LearningEventPageSerializer(PageSerializer):
    introduction = serializers.CharField(help_text="The event's theme.")


class LearningEventPageDetailSerializer(LearningEventPageSerializer):
    objectives = stream("objectives")
    key_questions = stream("key_questions")
    body = stream("body")
    background_documents = stream("background_documents")
    learning_note = serializers.SerializerMethodField()

    @extend_schema_field(PageLinkSerializer(allow_null=True))
    def get_learning_note(self, page: LearningEventPage) -> dict[str, Any] | None:
        """The linked learning note while it is live; null otherwise."""
        return page_link(page.learning_note, self.context["request"])


class BreadcrumbSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    url = serializers.URLField(allow_null=True)


class MenuLinkSerializer(serializers.Serializer):
    # A declared field (DRF's metaclass takes it off the class), not Field.label.
    label = serializers.CharField()  # type: ignore[assignment]
    url = serializers.URLField(allow_null=True)
    page_id = serializers.IntegerField(allow_null=True)


class MenuItemSerializer(MenuLinkSerializer):
    children = MenuLinkSerializer(many=True)


class NavigationSerializer(serializers.Serializer):
    locale = serializers.CharField()
    # In this language, else the default language's.
    organisation_name = serializers.CharField()
    main_menu = MenuItemSerializer(many=True)
    footer_text = serializers.CharField()
    footer_links = MenuLinkSerializer(many=True)
