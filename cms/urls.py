from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms.core import page_cache
from cms.core import views as core_views
from cms.core.health import healthz

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("django-admin/", RedirectView.as_view(url="/admin/", permanent=False)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/", include("api.urls")),
    path("sitemap.xml", core_views.sitemap, name="sitemap"),
    path("robots.txt", core_views.robots_txt, name="robots_txt"),
    path("healthz", healthz, name="healthz"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("calendar/", include("learning.participants.feed_urls")),
    path("verify/", include("learning.certificates.verify_urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
    # Installed by the dev settings only (cms/settings/dev.py).
    if "debug_toolbar" in settings.INSTALLED_APPS:
        from debug_toolbar.toolbar import debug_toolbar_urls

        urlpatterns += debug_toolbar_urls()

urlpatterns += i18n_patterns(
    path("search/", core_views.search, name="search"),
    path("editions/", include("learning.enrolments.urls")),
    path("info-sessions/", include("learning.infosessions.urls")),
    path("events/", include("learning.events.urls")),
    path("seminars/", include("learning.registrations.urls")),
    path("accounts/", include("cms.users.urls")),
    path("my-programme/", include("learning.participants.urls")),
    path("preparation/", include("learning.preparation.urls")),
    path("forum/", include("learning.forum.urls")),
    path("materials/", include("learning.materials.urls")),
    path("attendance/", include("learning.attendance.urls")),
    path("certificates/", include("learning.certificates.urls")),
    path("proposals/", include("learning.proposals.urls")),
    path("surveys/", include("learning.mel.urls")),
    # Wagtail's page URLs, its serve view wrapped by the site's page cache.
    *(p for p in wagtail_urls.urlpatterns if p.name != "wagtail_serve"),
    re_path(wagtail_urls.serve_pattern, page_cache.serve, name="wagtail_serve"),
    prefix_default_language=True,
)

handler400 = "cms.core.views.bad_request"
handler404 = "cms.core.views.page_not_found"
handler500 = "cms.core.views.server_error"
