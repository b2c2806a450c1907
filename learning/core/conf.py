"""Every `LEARNING_*` setting the plugin reads, with its default, in one place.

Each accessor reads the setting when called, not at import, so a site's
settings and tests' `override_settings` both apply. A site sets these in its
settings module; the defaults let the plugin run without any of them.
"""

from typing import Any

from django.conf import settings

DEFAULT_ATTENDANCE_PRESENT_SHARE = 0.5
DEFAULT_FORUM_EDIT_MINUTES = 30
DEFAULT_JOIN_LINK_VISIBLE_MINUTES_BEFORE = 30
DEFAULT_MATERIAL_MAX_BYTES = 20 * 1024 * 1024
DEFAULT_OFFER_HOURS = 72
DEFAULT_PRIVACY_PAGE_SLUG = "privacy-statement"


def _setting(name: str, default: Any) -> Any:
    return getattr(settings, f"LEARNING_{name}", default)


def attendance_present_share() -> float:
    """Share of a meeting's minutes that makes an imported attendee present."""
    return float(_setting("ATTENDANCE_PRESENT_SHARE", DEFAULT_ATTENDANCE_PRESENT_SHARE))


def catalogue_parent_page_models() -> list[str] | None:
    """Page types under which a programme index may be created (None: any)."""
    return _setting("CATALOGUE_PARENT_PAGE_MODELS", None)


def delivery_languages() -> list[tuple[str, str]]:
    """Languages a programme can be delivered or interpreted in."""
    return _setting("DELIVERY_LANGUAGES", settings.LANGUAGES)


def forum_edit_minutes() -> int:
    """How long after writing a post its author may still change it."""
    return int(_setting("FORUM_EDIT_MINUTES", DEFAULT_FORUM_EDIT_MINUTES))


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
    return _setting("EVENT_NOTE_PAGE_MODELS", None)


def material_max_bytes() -> int:
    """The largest file a member may share."""
    return int(_setting("MATERIAL_MAX_BYTES", DEFAULT_MATERIAL_MAX_BYTES))


def material_page_models() -> list[str] | None:
    """The site's publication and video page types (None: any page)."""
    return _setting("MATERIAL_PAGE_MODELS", None)


def offer_hours() -> int:
    """How long a place offered from the waitlist is held for an answer."""
    return int(_setting("OFFER_HOURS", DEFAULT_OFFER_HOURS))


def privacy_page_slug() -> str:
    """Slug of the privacy statement page in the default locale."""
    return str(_setting("PRIVACY_PAGE_SLUG", DEFAULT_PRIVACY_PAGE_SLUG))


def public_base_url() -> str:
    """Scheme and host of public links (verification), without a trailing slash."""
    base = _setting("PUBLIC_BASE_URL", "") or getattr(
        settings, "WAGTAILADMIN_BASE_URL", ""
    )
    return str(base).rstrip("/")


def shared_mail_domains() -> set[str]:
    """Mail domains the site adds to those unrelated people share."""
    return {d.strip().lower() for d in _setting("SHARED_MAIL_DOMAINS", ())}
