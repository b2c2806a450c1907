"""/api/v1/mel/: MEL indicators (see api.learning.mel)."""

from django.urls import path

from . import mel

urlpatterns: list = [
    path("editions/", mel.MelEditionListView.as_view(), name="mel-editions"),
    path(
        "editions/<int:pk>/indicators/",
        mel.MelEditionIndicatorsView.as_view(),
        name="mel-edition-indicators",
    ),
]
