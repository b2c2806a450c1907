"""Reviewers and a bilingual programme with a call, for the secretariat's tests."""

from dataclasses import dataclass

from django.contrib.auth.models import Permission

from learning.catalogue.models import ProgrammePage
from learning.proposals.models import CallForProposalsPage
from tests.factories import UserFactory
from tests.factories.proposals import (
    CallForProposalsPageFactory,
    ProposalSessionsProgrammePageFactory,
)
from tests.learning.public_site import translate

REVIEWER_PERMISSIONS = (
    ("proposals", "add_proposalreview"),
    ("proposals", "view_proposal"),
    ("wagtailadmin", "access_admin"),
)


def reviewer(**fields: object):
    """A member of the secretariat: may review proposals and use the admin."""
    user = UserFactory(**fields)
    for app_label, codename in REVIEWER_PERMISSIONS:
        user.user_permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    return user


@dataclass
class BilingualCall:
    programme: ProgrammePage
    programme_es: ProgrammePage
    call: CallForProposalsPage
    call_es: CallForProposalsPage


def bilingual_call(home_pages) -> BilingualCall:
    """A programme of member-led sessions under the site's home, and its call, in
    English and Spanish (the Spanish rubric reworded, same criteria)."""
    programme = ProposalSessionsProgrammePageFactory(
        parent=home_pages["en"], title="CoLab sessions", slug="colab"
    )
    programme_es = translate(programme, "es", title="Sesiones CoLab")
    call = CallForProposalsPageFactory(parent=programme, slug="call")
    rubric_es = [
        {
            "type": "criterion",
            "value": {**block.value, "name": f"{block.value['name']} (es)"},
            "id": block.id,
        }
        for block in call.rubric
    ]
    call_es = translate(call, "es", title="Convocatoria", rubric=rubric_es)
    return BilingualCall(programme, programme_es, call, call_es)
