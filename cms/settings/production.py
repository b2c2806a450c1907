"""Production: several stateless app processes behind a load balancer.

Everything comes from the environment; a missing secret or host list stops start-up.
Shared services: PostgreSQL (DATABASE_URL), Redis (REDIS_URL) for the cache and
sessions, object storage for media, and one `manage.py db_worker` for tasks.
"""

from urllib.parse import urlsplit

from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured

from .base import *

DEBUG = False
if not SECRET_KEY:
    raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set in production.")
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=[])
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured(
        "DJANGO_ALLOWED_HOSTS must be set in production, e.g. learning.example.org."
    )

# HTTPS, behind a load balancer that terminates TLS and sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
# Load balancers probe the app over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = env.int("DJANGO_SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool(
    "DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True
)
SECURE_HSTS_PRELOAD = env.bool("DJANGO_SECURE_HSTS_PRELOAD", default=True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# Wagtail's preview views allow same-origin framing for themselves.
X_FRAME_OPTIONS = "DENY"

# Middleware: whitenoise right after SecurityMiddleware, then the CSP header.
_security = MIDDLEWARE.index("django.middleware.security.SecurityMiddleware")
MIDDLEWARE = [
    *MIDDLEWARE[: _security + 1],
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "cms.core.csp.SiteAndAdminCSPMiddleware",
    *MIDDLEWARE[_security + 1 :],
]

# Static files with hashed names (cacheable for ever), compressed, served by
# whitenoise: run `manage.py collectstatic` on every deployment.
STORAGES["staticfiles"] = {
    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
}


# Content-Security-Policy (django-csp 4) ---------------------------------------------
def _origin(url: str) -> str:
    parts = urlsplit(url if "//" in url else f"https://{url}")
    return f"{parts.scheme}://{parts.netloc}"


# Where media (images, documents, videos, signed private links) are loaded from:
# the CDN, the S3-compatible endpoint or the bucket's own host, plus any extra.
_media_origins = [
    _origin(value)
    for value in (
        env.str("AWS_S3_CUSTOM_DOMAIN", default=""),
        env.str("AWS_S3_ENDPOINT_URL", default=""),
    )
    if value
]
if env.str("AWS_STORAGE_BUCKET_NAME", default=""):
    _media_origins.append("https://*.amazonaws.com")
_media_origins += env.list("CSP_MEDIA_ORIGINS", default=[])
# Embedded videos (Wagtail embeds).
_frame_origins = env.list(
    "CSP_FRAME_ORIGINS",
    default=[
        "https://www.youtube-nocookie.com",
        "https://www.youtube.com",
        "https://player.vimeo.com",
    ],
)
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/healthz"],
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", *_media_origins],
        "media-src": [SELF, *_media_origins],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "frame-src": [SELF, *_frame_origins],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}
# The Wagtail admin (and wagtail-localize's editor) use inline scripts and styles,
# Gravatar avatars and Wagtail's upgrade notice, and frame their own previews.
CSP_ADMIN_URL_PREFIXES = ["/admin/"]
CSP_ADMIN_DIRECTIVES = {
    "script-src": [SELF, UNSAFE_INLINE],
    "style-src": [SELF, UNSAFE_INLINE],
    "img-src": [SELF, "data:", "blob:", "https://www.gravatar.com", *_media_origins],
    "connect-src": [SELF, "https://releases.wagtail.org"],
    "frame-ancestors": [SELF],
}
# The preview panel's "External frontend" mode frames the headless frontend.
if LEARNING_HEADLESS_PREVIEW_URL:
    CSP_ADMIN_DIRECTIVES["frame-src"] = [
        SELF,
        *_frame_origins,
        _origin(LEARNING_HEADLESS_PREVIEW_URL),
    ]

# Database: persistent, health-checked connections (see base.py) that give up fast.
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "connect_timeout", env.int("DATABASE_CONNECT_TIMEOUT", default=5)
    )

# Redis (REDIS_URL) holds the cache and the sessions for every app process; a dead
# Redis must fail requests quickly, not hang them.
if CACHES["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache":
    CACHES["default"].setdefault("OPTIONS", {}).update(
        {
            "socket_connect_timeout": env.float("REDIS_CONNECT_TIMEOUT", default=2),
            "socket_timeout": env.float("REDIS_SOCKET_TIMEOUT", default=2),
        }
    )

# Background tasks: stored in the database, run by `manage.py db_worker`.
TASKS = {
    "default": {
        "BACKEND": env.str("TASKS_BACKEND", default="django_tasks_db.DatabaseBackend")
    }
}

# One JSON object per log line on stdout.
LOGGING["handlers"]["console"]["formatter"] = env.str("LOG_FORMAT", default="json")
