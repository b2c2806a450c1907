"""Every `LEARNING_*` setting the plugin reads, with its default, in one place.

Each accessor reads the setting when called, not at import, so a site's
settings and tests' `override_settings` both apply. A site sets these in its
settings module; the defaults let the plugin run without any of them.
"""

from typing import Any

from django.conf import settings

DEFAULT_ATTENDANCE_PRESENT_SHARE = 0.5
DEFAULT_FORUM_EDIT_MINUTES = 30
DEFAULT_HEADLESS_PREVIEW_MINUTES = 10
DEFAULT_JOIN_LINK_VISIBLE_MINUTES_BEFORE = 30
DEFAULT_KEPT_BLOCKS_SECONDS = 3600
DEFAULT_MATERIAL_MAX_BYTES = 20 * 1024 * 1024
DEFAULT_MEL_MIN_GROUP = 3
DEFAULT_MEL_MODULE_BEFORE_DAYS = 7
DEFAULT_MEL_REMINDER_DAYS_BEFORE_CLOSE = 3
DEFAULT_OFFER_HOURS = 72
DEFAULT_PREPARATION_REMINDER_DAYS = 2
DEFAULT_PRIVACY_PAGE_SLUG = "privacy-statement"
DEFAULT_SCHEDULING_TICK_SECONDS = 30


def _setting(name: str, default: Any) -> Any:
    return getattr(settings, f"LEARNING_{name}", default)


def attendance_present_share() -> float:
    """Share of a meeting's minutes that makes an imported attendee present."""
    return float(_setting("ATTENDANCE_PRESENT_SHARE", DEFAULT_ATTENDANCE_PRESENT_SHARE))


def catalogue_parent_page_models() -> list[str] | None:
    """Page types under which a programme index may be created (None: any)."""
    models: list[str] | None = _setting("CATALOGUE_PARENT_PAGE_MODELS", None)
    return models


def delivery_languages() -> list[tuple[str, str]]:
    """Languages a programme can be delivered or interpreted in."""
    default = settings.LANGUAGES
    languages: list[tuple[str, str]] = _setting("DELIVERY_LANGUAGES", default)
    return languages


def forum_edit_minutes() -> int:
    """How long after writing a post its author may still change it."""
    return int(_setting("FORUM_EDIT_MINUTES", DEFAULT_FORUM_EDIT_MINUTES))


def forum_translation() -> bool:
    """Whether forum posts are machine-translated for readers of other languages
    (through the CMS's machine translator, when one is configured)."""
    return bool(_setting("FORUM_TRANSLATION", True))


def headless_preview_url() -> str:
    """The external frontend's preview address ("" turns headless preview off)."""
    return str(_setting("HEADLESS_PREVIEW_URL", "") or "")


def headless_preview_minutes() -> int:
    """How long a headless preview token stays valid."""
    return int(_setting("HEADLESS_PREVIEW_MINUTES", DEFAULT_HEADLESS_PREVIEW_MINUTES))


def join_link_visible_minutes_before() -> int:
    """How many minutes before a meeting its join link is shown."""
    return int(
        _setting(
            "JOIN_LINK_VISIBLE_MINUTES_BEFORE",
            DEFAULT_JOIN_LINK_VISIBLE_MINUTES_BEFORE,
        )
    )


def event_note_page_models() -> list[str] | None:
    """Page types an event's learning note may be (None: any page)."""
    models: list[str] | None = _setting("EVENT_NOTE_PAGE_MODELS", None)
    return models


def kept_blocks_enabled() -> bool:
    """Whether public blocks of learning data are kept rendered (kept_blocks)."""
    return bool(_setting("KEPT_BLOCKS", True))


def kept_blocks_seconds() -> int:
    """The longest a kept block is served before it is rendered again."""
    return max(1, int(_setting("KEPT_BLOCKS_SECONDS", DEFAULT_KEPT_BLOCKS_SECONDS)))


def material_max_bytes() -> int:
    """The largest file a member may share."""
    return int(_setting("MATERIAL_MAX_BYTES", DEFAULT_MATERIAL_MAX_BYTES))


def material_page_models() -> list[str] | None:
    """The site's publication and video page types (None: any page)."""
    models: list[str] | None = _setting("MATERIAL_PAGE_MODELS", None)
    return models


def mel_min_group() -> int:
    """The fewest respondents a breakdown of answers needs to show its figures."""
    return max(1, int(_setting("MEL_MIN_GROUP", DEFAULT_MEL_MIN_GROUP)))


def mel_module_before_days() -> int:
    """How many days before a module's first meeting its 'before' survey opens."""
    return int(_setting("MEL_MODULE_BEFORE_DAYS", DEFAULT_MEL_MODULE_BEFORE_DAYS))


def mel_reminder_days_before_close() -> int:
    """How many days before a survey closes the one reminder goes out."""
    return int(
        _setting(
            "MEL_REMINDER_DAYS_BEFORE_CLOSE", DEFAULT_MEL_REMINDER_DAYS_BEFORE_CLOSE
        )
    )


def offer_hours() -> int:
    """How long a place offered from the waitlist is held for an answer."""
    return int(_setting("OFFER_HOURS", DEFAULT_OFFER_HOURS))


def preparation_reminder_days() -> int:
    """Days before a meeting people who chose nothing are reminded (0: never);
    the preparation app keeps it within the days a person may choose."""
    return int(_setting("PREPARATION_REMINDER_DAYS", DEFAULT_PREPARATION_REMINDER_DAYS))


def privacy_page_slug() -> str:
    """Slug of the privacy statement page in the default locale."""
    return str(_setting("PRIVACY_PAGE_SLUG", DEFAULT_PRIVACY_PAGE_SLUG))


def public_base_url() -> str:
    """Scheme and host of public links (verification), without a trailing slash."""
    base = _setting("PUBLIC_BASE_URL", "") or getattr(
        settings, "WAGTAILADMIN_BASE_URL", ""
    )
    return str(base).rstrip("/")


def scheduled_job_schedules() -> dict[str, str]:
    """The site's cron expressions by job name, replacing the jobs' defaults."""
    return dict(_setting("SCHEDULED_JOB_SCHEDULES", {}) or {})


def scheduling_tick_seconds() -> int:
    """How often the scheduling clock looks for due jobs."""
    return max(
        1, int(_setting("SCHEDULING_TICK_SECONDS", DEFAULT_SCHEDULING_TICK_SECONDS))
    )


def shared_mail_domains() -> set[str]:
    """Mail domains the site adds to those unrelated people share."""
    return {d.strip().lower() for d in _setting("SHARED_MAIL_DOMAINS", ())}
