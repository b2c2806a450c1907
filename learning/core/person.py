"""The person who signs up without an account: one set of fields, one validator.

An RSVP, an information session's registration and a seminar registration ask
the same things of the same people; they share these fields and this check, so
that the site's forms, the admin and the API accept and refuse the same answers.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import models
from django.utils.translation import gettext_lazy as _

from . import conf
from .consent import consent_validate
from .names import name_normalise
from .signup import email_normalise


class PersonFields(models.Model):
    """Who signed up: name, address, where they work and the language they read."""

    # EventRsvp's definitions: switching to them changes no column.
    name = models.CharField(_("name"), max_length=255)
    email = models.EmailField(_("email address"))
    institution = models.CharField(_("institution"), max_length=255, blank=True)
    country = models.CharField(_("country"), max_length=100, blank=True)
    language = models.CharField(
        _("language"), max_length=10, choices=conf.delivery_languages
    )
    consent_at = models.DateTimeField(_("privacy consent given at"))

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"{self.name} <{self.email}>"


@dataclass(frozen=True)
class PersonDetails:
    """A person's answers, normalised as sign-ups store and compare them."""

    name: str
    email: str
    institution: str
    country: str
    language: str


def person_validate(
    *,
    name: str,
    email: str,
    consent: bool,
    institution: str = "",
    country: str = "",
    language: str = "",
    default_language: str = "",
    institution_field: str = "institution",
) -> PersonDetails:
    """Check a person's answers (consent, a visible name, an address); normalise them.

    Codes: `consent_required`, `name_required`, `name_invisible`, `invalid`
    (the address). `institution_field` names the field an invisible
    institution's error is put on (an information session calls it organisation).
    """
    consent_validate(consent=consent)
    email = email_normalise(email)
    clean_name = name_normalise(name, field="name")
    if not clean_name:
        raise ValidationError(_("Please give your name."), code="name_required")
    validate_email(email)
    return PersonDetails(
        name=clean_name,
        email=email,
        institution=name_normalise(institution, field=institution_field),
        country=country.strip(),
        language=language or default_language or settings.LANGUAGE_CODE,
    )
