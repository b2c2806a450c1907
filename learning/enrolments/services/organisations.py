"""Recognising an organisation again by its name or its domain."""

import re
import unicodedata
from collections.abc import Iterable, Sequence
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from ..models import Organisation

# Domains shared by unrelated organisations say nothing about who is enrolling.
SHARED_DOMAINS = frozenset(
    {
        "aol.com",
        "facebook.com",
        "gmail.com",
        "gmx.com",
        "gmx.de",
        "googlemail.com",
        "hotmail.com",
        "icloud.com",
        "instagram.com",
        "linkedin.com",
        "live.com",
        "mail.com",
        "me.com",
        "msn.com",
        "outlook.com",
        "proton.me",
        "protonmail.com",
        "twitter.com",
        "x.com",
        "yahoo.com",
        "yandex.com",
        "zoho.com",
    }
)
_NOT_A_WORD = re.compile(r"[\W_]+")


def organisation_normalise_name(name: str) -> str:
    """The name without case, accents, punctuation or repeated spaces."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    letters = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(_NOT_A_WORD.sub(" ", letters).split())


def organisation_domains(*, website: str, emails: Iterable[str]) -> list[str]:
    """The website's domain, then the email domains, leaving out shared ones."""
    hosts = [_host(website), *(email.rpartition("@")[2].lower() for email in emails)]
    return list(dict.fromkeys(h for h in hosts if h and h not in SHARED_DOMAINS))


def organisation_find(*, name: str, domains: Sequence[str]) -> Organisation | None:
    """The organisation with this normalised name, else one with one of the domains."""
    by_name = Organisation.objects.filter(
        normalised_name=organisation_normalise_name(name)
    ).first()
    if by_name is not None or not domains:
        return by_name
    return Organisation.objects.filter(domain__in=domains).order_by("pk").first()


def organisation_get_or_create(
    *, name: str, country: str, website: str, domains: Sequence[str]
) -> Organisation:
    """The organisation known by this name or domain, created when there is none."""
    existing = organisation_find(name=name, domains=domains)
    if existing is not None:
        return existing
    organisation = Organisation(
        name=name.strip(),
        normalised_name=organisation_normalise_name(name),
        domain=domains[0] if domains else "",
        country=country.strip(),
        website=website_normalise(website),
    )
    # Uniqueness is left to the database: the row may appear in between.
    organisation.full_clean(validate_unique=False, validate_constraints=False)
    return _organisation_save_or_find(organisation=organisation, domains=domains)


def organisation_name_validate(*, name: str) -> None:
    """Refuse an organisation name with no letters or digits."""
    if not organisation_normalise_name(name):
        raise ValidationError(
            _("Please give the organisation's name."),
            code="organisation_name_required",
        )


def _organisation_save_or_find(
    *, organisation: Organisation, domains: Sequence[str]
) -> Organisation:
    try:
        with transaction.atomic():
            organisation.save()
    except IntegrityError:
        # Another edition's enrolment created it a moment ago.
        found = organisation_find(name=organisation.name, domains=domains)
        if found is None:
            raise
        return found
    return organisation


def website_normalise(url: str) -> str:
    """The website address with a scheme, as people often leave it out."""
    url = url.strip()
    return f"https://{url}" if url and "://" not in url else url


def _host(url: str) -> str:
    host = urlsplit(website_normalise(url)).hostname or ""
    return host.lower().removeprefix("www.")
