import pytest
from django.core.exceptions import ValidationError

from learning.core.consent import consent_label, consent_validate
from learning.enrolments.forms import OrganisationEnrolmentForm
from learning.infosessions.forms import InfoSessionSignUpForm

pytestmark = pytest.mark.django_db


def test_a_sign_up_without_consent_is_refused_with_its_code():
    with pytest.raises(ValidationError) as caught:
        consent_validate(consent=False)

    assert caught.value.code == "consent_required"


def test_both_sign_up_forms_leave_consent_to_the_service():
    # An unticked box reaches the service, which answers with its code and message.
    for form in (
        InfoSessionSignUpForm(data={}, consent_label=consent_label()),
        OrganisationEnrolmentForm(
            data={},
            module_choices=[],
            locked_modules=(),
            consent_label=consent_label(for_organisation=True),
        ),
    ):
        form.is_valid()
        assert "consent" not in form.errors


def test_the_consent_sentence_says_whose_data_is_kept():
    assert "my organisation's data" in consent_label(for_organisation=True)
    assert "my data" in consent_label()
