"""The API's addresses without the site's language-prefixed patterns.

Django's LocaleMiddleware redirects a 404 to the same path under /en/ when the
root URLconf uses i18n_patterns; the API's 404s name this URLconf instead
(api.middleware), so they stay 404s in the API's error shape.
"""

from django.urls import include, path

urlpatterns = [path("api/", include("api.urls"))]
