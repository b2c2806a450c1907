"""Writes of a person's account that other parts of the site read back."""

from wagtail.admin.localization import (
    get_available_admin_languages,
    get_available_admin_time_zones,
)
from wagtail.users.models import UserProfile

from .models import User


def user_admin_profile_sync(*, user: User) -> UserProfile:
    """Give the person's Wagtail admin their site language and time zone.

    Called where a user is created or changes their own profile: Wagtail keeps the
    admin's language in its own UserProfile, which otherwise stays English and UTC.
    """
    profile = UserProfile.get_for_user(user)
    languages = dict(get_available_admin_languages())
    zones = get_available_admin_time_zones()
    language = user.preferred_language
    profile.preferred_language = language if language in languages else ""
    profile.current_time_zone = user.time_zone if user.time_zone in zones else ""
    profile.save(update_fields=["preferred_language", "current_time_zone"])
    return profile
