"""The site's URLs plus the benchmark's references under /bench/ (bench
settings only)."""

from django.urls import path, re_path

from cms import urls as site
from cms.urls import handler400, handler404, handler500  # noqa: F401

from .references import NaivePostViewSet, ceiling, wagtail_serve

urlpatterns = [
    path("bench/ceiling/<str:name>", ceiling, name="bench-ceiling"),
    path(
        "bench/naive-forum/threads/<int:thread_pk>/posts/",
        NaivePostViewSet.as_view({"get": "list"}),
        name="bench-naive-forum",
    ),
    re_path(
        r"^bench/wagtail/(?P<language>[a-z]{2})/(?P<path>.*)$",
        wagtail_serve,
        name="bench-wagtail",
    ),
    *site.urlpatterns,
]
