"""Locales, the default Site and its root: the English home page."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.management.base import CommandError
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page, Site

from cms.core.models import SiteIdentity, SiteSettings
from cms.home.models import HomePage

from .content import site as content
from .specs import demo_translation_key
from .tree import SITE_IDENTITY_KEY

SPANISH = "es"


def ensure_locales() -> dict[str, Locale]:
    """A Wagtail locale per content language; the demo is in English and Spanish."""
    codes = list(settings.CONTENT_LANGUAGES)
    if codes[0] != "en" or SPANISH not in codes:
        raise CommandError(
            _(
                "The demo is written in English with a Spanish translation: "
                "CONTENT_LANGUAGES must start with en and include es."
            )
        )
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code in codes}


def existing_home(english: Locale) -> HomePage | None:
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        return None
    root = site.root_page.specific
    if isinstance(root, HomePage) and root.locale_id == english.pk:
        return root
    return None


def remove_welcome_page() -> None:
    """Delete the "Welcome to your new Wagtail site!" page Wagtail's migrations make.

    Only a bare wagtailcore.Page with no children is removed: that is the
    placeholder, never anyone's content.
    """
    plain_page = ContentType.objects.get_for_model(Page)
    for page in Page.objects.filter(depth=2, content_type=plain_page, numchild=0):
        # Detach the site first: deleting its root page would delete the Site.
        Site.objects.filter(root_page=page).update(root_page=Page.get_first_root_node())
        page.delete()


def ensure_default_site(home: HomePage) -> Site:
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site(is_default_site=True, hostname="localhost", port=80)
    site.root_page = home
    site.site_name = site.site_name or content.ORGANISATION_NAME
    site.save()
    return site


def ensure_site_settings(site: Site, social_image) -> SiteSettings:
    """Fill the contact address and sharing image where they are blank."""
    site_settings = SiteSettings.for_site(site)
    changed = False
    if not site_settings.contact_email:
        site_settings.contact_email = content.CONTACT_EMAIL
        changed = True
    if site_settings.default_social_image_id is None and social_image is not None:
        site_settings.default_social_image = social_image
        changed = True
    if changed:
        site_settings.save()
    return site_settings


def adopt_site_identity(english: Locale) -> None:
    """Make an English SiteIdentity the demo's own, so that the demo translates
    it rather than adding a second one: the migration from SiteSettings made one
    on sites that existed before the name was translatable."""
    translation_key = demo_translation_key(SITE_IDENTITY_KEY)
    if SiteIdentity.objects.filter(translation_key=translation_key).exists():
        return
    existing = SiteIdentity.objects.filter(locale=english).order_by("pk").first()
    if existing is not None and not existing.get_translations().exists():
        existing.translation_key = translation_key
        existing.save(update_fields=["translation_key"])
