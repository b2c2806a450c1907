from django.urls import include, path

from .wagtail_v2 import router

urlpatterns = [
    path("v1/", include("api.v1")),
    path("v2/", router.urls),
]
