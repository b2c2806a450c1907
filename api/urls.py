from django.urls import path

from .wagtail_v2 import router

urlpatterns = [
    path("v2/", router.urls),
]
