"""The demo's certificates: issued once to the past edition's eligible people."""

from cms.demo.certificates import ensure_certificates
from learning.certificates.models import Certificate
from learning.editions.models import Edition


def test_ensure_certificates_issues_once(course):
    Edition.objects.filter(pk=course.edition.pk).update(slug="demo-past")
    above = course.enrol(email="above@example.org", modules=(1,))
    course.attend_all(above, 1)
    course.enrol(email="below@example.org", modules=(1,))

    assert ensure_certificates() == (1, 0)
    assert ensure_certificates() == (0, 1)
    assert Certificate.objects.get().participant == above


def test_nothing_without_the_past_edition(db):
    assert ensure_certificates() == (0, 0)
