from django.urls import path  # noqa: F401

app_name = "certificate_verify"

urlpatterns: list = []
