"""The /api/v1/ page serializers and the page models' `api_fields` list the same
fields, so a field added to a page model reaches both APIs (v1 and Wagtail's v2)."""

import pytest

from api.content import views
from api.content.serializers import PageSerializer
from cms.videos.models import VideoPage

# v1 names a few fields after what it serves rather than the model's attribute.
V1_NAMES = {"author_list": "authors", "topic_links": "topics"}
# Served by Wagtail's v2 API only (the caption files of a video).
V2_ONLY = {VideoPage: {"captions"}}

VIEWSETS = [
    views.ProgrammeViewSet,
    views.ModuleViewSet,
    views.SessionTopicViewSet,
    views.LearningEventPageViewSet,
    views.PublicationViewSet,
    views.VideoViewSet,
    views.StandardPageViewSet,
]


@pytest.mark.parametrize("viewset", VIEWSETS, ids=lambda v: v.model.__name__)
def test_the_detail_serializer_has_every_api_field_of_its_model(viewset):
    declared = {field.name for field in viewset.model.api_fields}
    expected = {V1_NAMES.get(name, name) for name in declared}
    expected -= V2_ONLY.get(viewset.model, set())
    served = set(viewset.serializer_class().fields) - set(PageSerializer().fields)

    assert served == expected
