"""Content-Security-Policy: a strict policy for the site, a wider one for the admin."""

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.http import HttpRequest, HttpResponseBase


class SiteAndAdminCSPMiddleware(CSPMiddleware):
    """django-csp's middleware; on the admin's URLs ``CSP_ADMIN_DIRECTIVES`` win.

    The Wagtail admin and wagtail-localize's editor still use inline scripts and
    styles, and the page preview frames the admin itself; the public site needs
    neither, so only the admin's paths get those exceptions.
    """

    def get_policy_parts(
        self,
        request: HttpRequest,
        response: HttpResponseBase,
        report_only: bool = False,
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        prefixes = tuple(getattr(settings, "CSP_ADMIN_URL_PREFIXES", ()))
        if not report_only and prefixes and request.path_info.startswith(prefixes):
            parts.replace = {**settings.CSP_ADMIN_DIRECTIVES, **(parts.replace or {})}
        return parts
