"""One way to show a service's ValidationError on a form."""

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError

from learning.core.forms import form_errors_add


class SignUpForm(forms.Form):
    name = forms.CharField(required=False)
    email = forms.EmailField(required=False)
    consent = forms.BooleanField(required=False)


def _bound_form() -> SignUpForm:
    form = SignUpForm(data={"name": "Ada", "email": "ada@example.org"})
    assert form.is_valid()
    return form


def test_a_field_error_is_shown_on_its_field():
    form = _bound_form()
    error = ValidationError({"name": ValidationError("Too short.", code="short")})

    form_errors_add(form=form, error=error)

    assert form.errors == {"name": ["Too short."]}


def test_an_error_on_a_field_the_form_lacks_goes_above_the_form():
    form = _bound_form()
    error = ValidationError({"slug": ValidationError("Taken.", code="taken")})

    form_errors_add(form=form, error=error)

    assert form.errors == {NON_FIELD_ERRORS: ["Taken."]}


def test_the_code_names_the_field_before_the_error_does():
    form = _bound_form()
    error = ValidationError("Please agree.", code="consent_required")

    form_errors_add(
        form=form, error=error, field_of_code={"consent_required": "consent"}
    )

    assert form.errors == {"consent": ["Please agree."]}


def test_a_model_field_is_shown_on_the_form_field_named_for_it():
    form = _bound_form()
    error = ValidationError({"contact_email": ValidationError("Bad.", code="bad")})

    form_errors_add(form=form, error=error, field_of_name={"contact_email": "email"})

    assert form.errors == {"email": ["Bad."]}


def test_an_error_without_a_field_goes_to_the_default_field():
    form = _bound_form()

    form_errors_add(
        form=form, error=ValidationError("Too late.", code="late"), default_field="name"
    )

    assert form.errors == {"name": ["Too late."]}


def test_errors_set_aside_are_returned_not_added():
    form = _bound_form()
    error = ValidationError(
        [
            ValidationError("Two people at most.", code="too_many"),
            ValidationError("Please agree.", code="consent_required"),
        ]
    )

    aside = form_errors_add(
        form=form,
        error=error,
        field_of_code={"consent_required": "consent"},
        set_aside=lambda _name, item: item.code == "too_many",
    )

    assert aside == ["Two people at most."]
    assert form.errors == {"consent": ["Please agree."]}
