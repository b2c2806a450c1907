from django.core.exceptions import RequestDataTooBig
from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.views.decorators.cache import cache_control
from django.views.decorators.csrf import requires_csrf_token
from django.views.decorators.http import require_GET
from wagtail.models import Locale

from .pagination import paginate
from .selectors import search_pages, sitemap_entries


@require_GET
def search(request):
    """Search the live, public pages of the active language. Anyone may use it."""
    query = request.GET.get("q", "").strip()
    results = None
    if query:
        results = paginate(
            request, search_pages(query=query, locale=Locale.get_active())
        )
    return render(
        request,
        "search/search.html",
        {"search_query": query, "search_results": results},
    )


@require_GET
@cache_control(max_age=3600, public=True)
def sitemap(request):
    """Every live public page in every language, with its translations as alternates."""
    return render(
        request,
        "sitemap.xml",
        {"entries": sitemap_entries(request=request)},
        content_type="application/xml",
    )


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    """Crawlers may read the site, not the admin, API or calendar feeds. Anyone."""
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /api/",
        "Disallow: /calendar/",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


@requires_csrf_token
def bad_request(request, exception=None):
    """A request the site cannot read (e.g. a form over DATA_UPLOAD_MAX_MEMORY_SIZE
    or with too many fields): a page that says so, 413 for a body too large."""
    too_large = isinstance(exception, RequestDataTooBig)
    return render(
        request, "400.html", {"too_large": too_large}, status=413 if too_large else 400
    )


def page_not_found(request, exception=None):
    """The site's 404 page in the language of the URL, with its menus."""
    return render(request, "404.html", status=404)


@requires_csrf_token
def server_error(request):
    # No request context: the error may come from the database or a context
    # processor, so the template is rendered with nothing that could fail again.
    return HttpResponseServerError(loader.get_template("500.html").render())
