"""Keeps every address under /api/ out of the site's language prefix."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

API_PATH_PREFIX = "/api/"


class ApiOutsideLanguagePrefixMiddleware:
    """A 404 under /api/ stays the API's 404 (JSON), for v1, v2 and unknown paths.

    Django's LocaleMiddleware answers a 404 with a redirect to the same path
    under /en/ when that path resolves, which the site's catch-all page route
    always does. It decides with `request.urlconf`, so a 404 under /api/ names
    the API's own URLconf (no language prefix). Listed after LocaleMiddleware,
    so that its response passes here first.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.status_code == 404 and request.path_info.startswith(
            API_PATH_PREFIX
        ):
            request.urlconf = "api.root_urls"
        return response
