from django.urls import include, path, re_path

from .v1 import NotFoundView
from .wagtail_v2 import router

urlpatterns = [
    path("v1/", include("api.v1")),
    path("v2/", router.urls),
    # Anything else under /api/ (another version, a typo): the API's JSON 404,
    # never the site's HTML page.
    re_path(r"^.*$", NotFoundView.as_view()),
]
