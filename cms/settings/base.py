"""Settings shared by every profile. The environment is read here and only here."""

from datetime import timedelta
from pathlib import Path

import environ
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()

# Secrets and hosts ---------------------------------------------------------------
SECRET_KEY = env.str("DJANGO_SECRET_KEY", default="")
DEBUG = env.bool("DJANGO_DEBUG", default=False)
# The dev settings' django-debug-toolbar (a dev extra); never on in tests or production.
DEBUG_TOOLBAR = env.bool("DJANGO_DEBUG_TOOLBAR", default=True)
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["localhost", "127.0.0.1"])
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

# Applications ------------------------------------------------------------------
INSTALLED_APPS = [
    # First: it registers per-locale snippet permission policies before the
    # snippet viewsets create fallback ones.
    "cms.translations",
    "cms.core",
    "cms.users",
    "cms.home",
    "cms.pages",
    "cms.publications",
    "cms.videos",
    "cms.testimonials",
    "cms.navigation",
    "cms.demo",
    "learning.core",
    "learning.scheduling",
    "learning.catalogue",
    "learning.editions",
    "learning.enrolments",
    "learning.infosessions",
    "learning.events",
    "learning.registrations",
    "learning.proposals",
    "learning.notifications",
    "learning.participants",
    "learning.forum",
    "learning.materials",
    "learning.attendance",
    "learning.certificates",
    "learning.preparation",
    "learning.mel",
    "learning.privacy",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "modelcluster",
    "taggit",
    "corsheaders",
    "api",
    "api.content",
    "api.webhooks",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_tasks",
    # The database task backend's tables exist in every profile, so migrations agree;
    # only production selects it (TASKS_BACKEND).
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Before CommonMiddleware, whose redirects would otherwise lack CORS headers.
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # After LocaleMiddleware: the API's 404s are not redirected to /en/api/….
    "api.middleware.ApiOutsideLanguagePrefixMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # A body over REQUEST_BODY_MAX_BYTES is refused from its length, unread.
    "cms.core.request_limits.RequestBodyLimitMiddleware",
    "cms.translations.middleware.LocaleGuardMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Admin uploads that meet a storage outage get a message instead of a 500.
    "cms.core.storage_errors.StorageUnavailableMiddleware",
    # Last: turns a login refused by axes into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"
AUTH_USER_MODEL = "users.User"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "frontend_templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database ------------------------------------------------------------------------
# SQLite waits for the write lock (IMMEDIATE transactions, a busy timeout and WAL)
# instead of failing with "database is locked" when two requests write at once.
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}")
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "timeout": 30,
            "transaction_mode": "IMMEDIATE",
            "init_command": (
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
                "PRAGMA foreign_keys=ON;"
            ),
        }
    )
# Each worker keeps its connection between requests, on SQLite too: a new SQLite
# connection parses the whole schema (about 150 tables, 400 indexes) at its first
# statement, some 4 ms that every request paid before its own queries.
DATABASES["default"].setdefault(
    "CONN_MAX_AGE", env.int("DATABASE_CONN_MAX_AGE", default=60)
)
DATABASES["default"].setdefault("CONN_HEALTH_CHECKS", True)

# Cache -----------------------------------------------------------------------------
_cache_url = env.str("CACHE_URL", default="") or env.str("REDIS_URL", default="")
if _cache_url:
    if _cache_url.startswith(("redis://", "rediss://")):
        CACHES = {
            "default": {
                "BACKEND": "django.core.cache.backends.redis.RedisCache",
                "LOCATION": _cache_url,
            }
        }
    else:
        CACHES = {"default": env.cache_url_config(_cache_url)}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# The API's content responses are kept in that cache as bytes (api/caching.py);
# `off` serves every request fresh (the benchmark's miss mode). Wagtail's own
# caches (renditions, site root paths) stay on.
API_RESPONSE_CACHE = env.bool("API_RESPONSE_CACHE", default=True)
# Each process keeps copies of the content responses it served last, up to this
# many bytes (0: none), served only while the generation read from the shared
# cache says they are current: a hit then reads a few bytes, not the response.
API_RESPONSE_LOCAL_BYTES = env.int("API_RESPONSE_LOCAL_BYTES", default=8 << 20)
# The programme, module, session topic and home pages that visitors without a
# session read are kept there as bytes too (cms/core/page_cache.py), fresh after
# every publish; `off` renders every page (the benchmark's miss mode). What
# changes with the clock alone (an enrolment window opening) shows within
# SITE_PAGE_CACHE_SECONDS.
SITE_PAGE_CACHE = env.bool("SITE_PAGE_CACHE", default=True)
SITE_PAGE_CACHE_SECONDS = env.int("SITE_PAGE_CACHE_SECONDS", default=300)
# The parts every page shares (menus, footer, the organisation's name) are kept
# per content generation and language even when SITE_PAGE_CACHE is off: they are
# what a page rendered after a publish reuses (cms/core/shared_parts.py).
SITE_SHARED_PARTS = env.bool("SITE_SHARED_PARTS", default=True)
SITE_SHARED_PARTS_SECONDS = env.int("SITE_SHARED_PARTS_SECONDS", default=3600)
# A page's body (StreamFields, rich text, cards of child pages, breadcrumbs) is
# rendered once per live revision and language and stored in the database
# (cms/core/stored_parts.py); `off` renders it on every request.
SITE_STORED_PARTS = env.bool("SITE_STORED_PARTS", default=True)
# A programme page's editions and information sessions are kept rendered in the
# cache until a write to the learning data they show, a page publish or the
# next instant a shown state flips (learning/core/kept_blocks.py); `off` renders
# them on every request. No block is served longer than LEARNING_KEPT_BLOCKS_SECONDS.
LEARNING_KEPT_BLOCKS = env.bool("LEARNING_KEPT_BLOCKS", default=True)
LEARNING_KEPT_BLOCKS_SECONDS = env.int("LEARNING_KEPT_BLOCKS_SECONDS", default=3600)
# Seconds each /healthz check (database, cache, storage) may take.
HEALTHZ_TIMEOUT = env.float("HEALTHZ_TIMEOUT", default=3.0)
# With a shared cache, sessions are read from it and written through to the
# database, so every app process sees them and a cache flush signs nobody out.
if _cache_url:
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# Email ------------------------------------------------------------------------------
EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str(
    "DEFAULT_FROM_EMAIL", default="Mutual Learning Platform <noreply@localhost>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Background tasks (django-tasks): emails and other side effects run off the request.
TASKS = {
    "default": {
        "BACKEND": env.str(
            "TASKS_BACKEND", default="django_tasks.backends.immediate.ImmediateBackend"
        )
    }
}

# Passwords ---------------------------------------------------------------------------
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation."
        "UserAttributeSimilarityValidator"
    },
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# The site's own sign-in page; the admin keeps its own (WAGTAILADMIN_LOGIN_URL).
LOGIN_URL = "accounts:login"

# Login throttling (django-axes) on every form that calls authenticate(request=...):
# the site's sign-in, the Wagtail admin's and any API token endpoint. A user name is
# locked out from one client address after AXES_FAILURE_LIMIT failures in a row.
AUTHENTICATION_BACKENDS = ["cms.core.throttling.ThrottledModelBackend"]
AXES_ENABLED = env.bool("AXES_ENABLED", default=True)
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_FORM_FIELD = "username"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "cms.core.throttling.lockout_response"
AXES_CLIENT_IP_CALLABLE = "cms.core.throttling.client_ip"
AXES_USERNAME_CALLABLE = "cms.core.throttling.login_username"
# How many proxies (load balancers) in front of the app append to X-Forwarded-For;
# 0 trusts only the socket's address.
TRUSTED_PROXY_COUNT = env.int("DJANGO_TRUSTED_PROXY_COUNT", default=0)
LOGIN_REDIRECT_URL = "participants:home"

# Languages ---------------------------------------------------------------------------
# Every language the site knows how to name. CONTENT_LANGUAGES picks the ones the
# content is published in (the first is the source language); a language also needs
# its Wagtail locale (load_demo makes one per content language) and, for the
# interface, its .po files (see "Languages and translation" in the README).
KNOWN_LANGUAGES = {
    "en": _("English"),
    "es": _("Spanish"),
    "fr": _("French"),
    "pt": _("Portuguese"),
}
CONTENT_LANGUAGES = env.list("CONTENT_LANGUAGES", default=["en", "es", "fr"])
LANGUAGE_CODE = CONTENT_LANGUAGES[0]
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [
    (code, KNOWN_LANGUAGES[code]) for code in CONTENT_LANGUAGES
]
WAGTAIL_I18N_ENABLED = True
USE_I18N = True
USE_TZ = True
TIME_ZONE = env.str("DJANGO_TIME_ZONE", default="UTC")
LOCALE_PATHS = [BASE_DIR / "cms" / "locale", BASE_DIR / "learning" / "locale"]
# Languages a programme can be delivered or interpreted in (wider than the site's).
LEARNING_DELIVERY_LANGUAGES = list(KNOWN_LANGUAGES.items())

# Static and media files ---------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(env.str("DJANGO_STATIC_ROOT", default=str(BASE_DIR / "static")))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env.str("DJANGO_MEDIA_ROOT", default=str(BASE_DIR / "media")))
# Files only members may download (edition materials, certificates): outside
# MEDIA_ROOT, never served by URL; learning/storage.py hands them out after the
# permission check.
PRIVATE_MEDIA_ROOT = Path(
    env.str("DJANGO_PRIVATE_MEDIA_ROOT", default=str(VAR_DIR / "private-media"))
)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(PRIVATE_MEDIA_ROOT), "base_url": None},
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# S3-compatible object storage: with a bucket name, media ("media/" prefix, public
# URLs or the CDN's) and members-only files ("private/" prefix, short-lived signed
# URLs only) go to the bucket; see cms/core/storages.py and the README.
AWS_STORAGE_BUCKET_NAME = env.str("AWS_STORAGE_BUCKET_NAME", default="")
if AWS_STORAGE_BUCKET_NAME:
    from cms.core.storages import s3_storages

    STORAGES.update(
        s3_storages(
            bucket=AWS_STORAGE_BUCKET_NAME,
            endpoint_url=env.str("AWS_S3_ENDPOINT_URL", default=""),
            region=env.str("AWS_S3_REGION_NAME", default=""),
            access_key=env.str("AWS_ACCESS_KEY_ID", default=""),
            secret_key=env.str("AWS_SECRET_ACCESS_KEY", default=""),
            custom_domain=env.str("AWS_S3_CUSTOM_DOMAIN", default=""),
            querystring_expire=env.int("AWS_QUERYSTRING_EXPIRE", default=300),
            public_acl=env.str("AWS_DEFAULT_ACL", default=""),
            private_acl=env.str("AWS_PRIVATE_ACL", default="private"),
            addressing_style=env.str("AWS_S3_ADDRESSING_STYLE", default=""),
            connect_timeout=env.float("AWS_S3_CONNECT_TIMEOUT", default=3.0),
            read_timeout=env.float("AWS_S3_READ_TIMEOUT", default=10.0),
            max_attempts=env.int("AWS_S3_MAX_ATTEMPTS", default=2),
        )
    )
    # Wagtail checks a document's collection privacy, then redirects to a signed URL.
    WAGTAILDOCS_SERVE_METHOD = "redirect"
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Wagtail ----------------------------------------------------------------------------
WAGTAIL_SITE_NAME = env.str("WAGTAIL_SITE_NAME", default="Mutual Learning Platform")
WAGTAILADMIN_BASE_URL = env.str(
    "WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000"
)
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Accents ignored, words not stemmed, as SQLite's index does: the text search
    # configuration made by cms/core/migrations/0002_search_unaccented.py.
    WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIG"] = "mlp_unaccented"
WAGTAILDOCS_EXTENSIONS = [
    "csv",
    "docx",
    "odt",
    "pdf",
    "pptx",
    "rtf",
    "txt",
    "xlsx",
    "zip",
    "mp4",
    "webm",
    "vtt",
]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 200 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
# Larger images are refused from their header, undecoded (cms/core/images.py).
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 128_000_000
# Uploads that cannot be decoded are a form error, not a server error.
WAGTAILIMAGES_IMAGE_FORM_BASE = "cms.core.images.ImageForm"
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAILEMBEDS_RESPONSIVE_HTML = True
# DeepL when a key is set; otherwise an offline placeholder, labelled as such.
DEEPL_API_KEY = env.str("DEEPL_API_KEY", default="")
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = (
    {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": DEEPL_API_KEY},
    }
    if DEEPL_API_KEY
    else {"CLASS": "cms.translations.machine.OfflineMachineTranslator", "OPTIONS": {}}
)
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL
WAGTAILAPI_LIMIT_MAX = 100

REST_FRAMEWORK = {
    # Keys and personal tokens (Bearer), then the site's session (with CSRF).
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "api.authentication.KeyAuthentication",
        "api.authentication.SameOriginSessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": [
        "rest_framework.permissions.IsAuthenticatedOrReadOnly"
    ],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    # JSON within DATA_UPLOAD_MAX_MEMORY_SIZE and a nesting limit (api/parsers.py).
    "DEFAULT_PARSER_CLASSES": [
        "api.parsers.JSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "DEFAULT_PAGINATION_CLASS": "api.pagination.ApiPagination",
    "PAGE_SIZE": 20,
    "DEFAULT_THROTTLE_CLASSES": [
        "api.throttling.KeyRateThrottle",
        "api.throttling.AnonymousRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": env.str("API_ANON_RATE", default="600/hour"),
        "token_create": "10/hour",
        "certificate_verify": env.str("API_VERIFY_RATE", default="30/minute"),
        # Anonymous RSVPs through the API, per address (each sends an email).
        "event_rsvp": env.str("API_RSVP_RATE", default="30/hour"),
        # Anonymous seminar registrations through the API, per address (an email each).
        "seminar_registration": env.str(
            "API_SEMINAR_REGISTRATION_RATE", default="30/hour"
        ),
    },
    "DEFAULT_SCHEMA_CLASS": "api.openapi.ApiAutoSchema",
    "EXCEPTION_HANDLER": "api.exceptions.api_exception_handler",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
# Webhooks: seconds to wait for an app's answer, and tries before giving up.
WEBHOOKS_TIMEOUT = env.int("WEBHOOKS_TIMEOUT", default=10)
WEBHOOKS_MAX_ATTEMPTS = env.int("WEBHOOKS_MAX_ATTEMPTS", default=6)
# Plain http:// endpoints (local development and tests only).
WEBHOOKS_ALLOW_HTTP = env.bool("WEBHOOKS_ALLOW_HTTP", default=False)
# Loopback receivers (127.0.0.1, ::1), for tests and a developer's own machine;
# private, link-local and reserved addresses are refused whatever this says.
WEBHOOKS_ALLOW_LOOPBACK = env.bool("WEBHOOKS_ALLOW_LOOPBACK", default=False)

# CORS: web pages on these origins (and on those listed on each API client in the
# admin) may read /api/ from the browser. No cookies: another origin's script sends
# a key, and the site's session is not honoured from there (api.authentication).
CORS_URLS_REGEX = r"^/api/"
CORS_ALLOWED_ORIGINS = env.list("API_CORS_ALLOWED_ORIGINS", default=[])
CORS_ALLOW_CREDENTIALS = False
CORS_ALLOW_HEADERS = (
    "accept",
    "accept-language",
    "authorization",
    "content-type",
    "idempotency-key",
    "if-modified-since",
    "if-none-match",
)
CORS_EXPOSE_HEADERS = (
    "content-language",
    "etag",
    "idempotent-replayed",
    "last-modified",
    "retry-after",
)
CORS_PREFLIGHT_MAX_AGE = env.int("API_CORS_MAX_AGE", default=3600)

SPECTACULAR_SETTINGS = {
    "TITLE": "Mutual Learning Platform API",
    "DESCRIPTION": "Content and learning data in English, Spanish and French.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "PREPROCESSING_HOOKS": ["api.schema.only_v1"],
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "api.schema.error_responses",
    ],
    # Swagger UI from our own static files (drf-spectacular-sidecar), no CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "EditionStatusEnum": "learning.editions.enums.EditionStatus.choices",
        "VerificationStatusEnum": ["valid", "revoked"],
    },
}

# LOG_FORMAT=json writes one JSON object per line (production's default).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {"()": "cms.core.logging.JsonFormatter"},
        "text": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": env.str("LOG_FORMAT", default="text"),
        }
    },
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
}

# The learning plugin offers these page types as "materials to review".
LEARNING_MATERIAL_PAGE_MODELS = ["publications.PublicationPage", "videos.VideoPage"]
# An event's learning note is one of these page types.
LEARNING_EVENT_NOTE_PAGE_MODELS = ["publications.PublicationPage"]
LEARNING_CATALOGUE_PARENT_PAGE_MODELS = ["home.HomePage"]
# Participants see a meeting's join link from this many minutes before it starts.
LEARNING_JOIN_LINK_VISIBLE_MINUTES_BEFORE = 30
# The largest file a member may share with their edition (bytes).
LEARNING_MATERIAL_MAX_BYTES = env.int(
    "LEARNING_MATERIAL_MAX_BYTES", default=20 * 1024 * 1024
)
# The largest request body taken at all, refused from its Content-Length before
# any of it is read (cms/core/request_limits.py): the largest file a site form
# takes plus room for its other fields. The admin's follows Wagtail's upload sizes.
REQUEST_BODY_MAX_BYTES = env.int(
    "REQUEST_BODY_MAX_BYTES", default=LEARNING_MATERIAL_MAX_BYTES + 1024 * 1024
)
ADMIN_REQUEST_BODY_MAX_BYTES = env.int(
    "ADMIN_REQUEST_BODY_MAX_BYTES",
    default=max(WAGTAILDOCS_MAX_UPLOAD_SIZE, WAGTAILIMAGES_MAX_UPLOAD_SIZE)
    + 1024 * 1024,
)
# A place offered from the waitlist is held this many hours for an answer; then
# the scheduled job `enrolment_offers_expire` offers it to the next organisation.
LEARNING_OFFER_HOURS = env.int("LEARNING_OFFER_HOURS", default=72)
# Days before each meeting that a participant is reminded of what is still to
# review and answer, unless they chose otherwise in their profile (0: no reminders).
LEARNING_PREPARATION_REMINDER_DAYS = env.int(
    "LEARNING_PREPARATION_REMINDER_DAYS", default=2
)
# How long a forum post's author may still edit it.
LEARNING_FORUM_EDIT_MINUTES = 30
# A Zoom report proposes "present" for who stayed at least this share of a meeting.
LEARNING_ATTENDANCE_PRESENT_SHARE = env.float(
    "LEARNING_ATTENDANCE_PRESENT_SHARE", default=0.5
)
# The clock (`manage.py scheduling_clock`) looks for due jobs this often (seconds).
LEARNING_SCHEDULING_TICK_SECONDS = env.int("SCHEDULING_TICK_SECONDS", default=30)
# Cron expressions that replace a scheduled job's default, by job name, e.g.
# SCHEDULED_JOB_SCHEDULES="forum_digests=0 6 * * *;certificates_issue=30 1 * * *"
# (a sixth field counts seconds: "* * * * * */10" is every ten seconds).
LEARNING_SCHEDULED_JOB_SCHEDULES = {
    name.strip(): cron.strip()
    for name, _sep, cron in (
        item.partition("=")
        for item in env.str("SCHEDULED_JOB_SCHEDULES", default="").split(";")
        if item.strip()
    )
}
# Headless preview: Wagtail's preview panel offers "External frontend", which opens
# this address with ?token=… (signed, bound to one saved revision, valid for
# HEADLESS_PREVIEW_MINUTES); the frontend reads the draft from /api/v1/preview/.
# Empty: no such preview mode. examples/headless/ is such a frontend (make example).
LEARNING_HEADLESS_PREVIEW_URL = env.str("HEADLESS_PREVIEW_URL", default="")
LEARNING_HEADLESS_PREVIEW_MINUTES = env.int("HEADLESS_PREVIEW_MINUTES", default=10)
# The site's public address in certificates' QR codes (default: WAGTAILADMIN_BASE_URL).
LEARNING_PUBLIC_BASE_URL = env.str("LEARNING_PUBLIC_BASE_URL", default="")
# Mail domains shared by unrelated people (a regional provider, say), added to the
# maintained list of free mail domains: they never identify an organisation.
LEARNING_SHARED_MAIL_DOMAINS = env.list("LEARNING_SHARED_MAIL_DOMAINS", default=[])
# MEL: a breakdown of survey answers with fewer respondents than this shows "too
# few answers" instead of figures, so that answers cannot be traced to a person.
LEARNING_MEL_MIN_GROUP = env.int("LEARNING_MEL_MIN_GROUP", default=3)
