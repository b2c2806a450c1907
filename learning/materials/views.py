"""Site pages for an edition's materials: before the meeting, shared, progress.

Every page needs a signed-in user (others go to the sign-in page). Non-members of
the edition get a 404, so they cannot tell it from one that does not exist.
"""

from urllib.parse import quote

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from learning.catalogue.models import SessionTopicPage
from learning.core.forms import form_errors_add
from learning.core.storage import private_file_response
from learning.core.types import signed_in_user
from learning.editions.models import Edition
from learning.enrolments.membership import edition_get_for_member
from learning.participants.selectors import participant_time_zone

from .forms import SharedMaterialForm
from .models import SharedMaterial
from .selectors import (
    meeting_materials_for_member,
    member_edition_list,
    review_progress_for_edition,
    shared_material_can_moderate,
    shared_material_get_for_user,
    shared_material_page_for_user,
)
from .services import (
    material_mark_reviewed,
    material_unmark_reviewed,
    shared_material_create,
    shared_material_hide,
    shared_material_restore,
)

# Service errors shown next to a form field; the rest go above the form.
FORM_FIELD_OF_CODE = {
    "title_required": "title",
    "file_too_large": "file",
    "file_empty": "file",
    "file_type_not_allowed": "file",
    "file_name_mismatch": "file",
    "file_not_stored": "file",
    "url_not_allowed": "url",
}


def _language() -> str:
    return translation.get_language() or "en"


@never_cache
@login_required
@require_GET
def material_home(request: HttpRequest) -> HttpResponse:
    """The editions whose materials the user may open (facilitators' way in).

    Access: signed-in users; each sees only the editions they belong to.
    """
    return render(
        request,
        "learning/materials/home.html",
        {"editions": member_edition_list(user=request.user)},
    )


@never_cache
@login_required
@require_GET
def meeting_materials(request: HttpRequest, edition_id: int) -> HttpResponse:
    """What to review before each meeting, with the user's "reviewed" marks.

    Access: members of the edition; participants see the meetings of the modules
    their organisation chose, facilitators and coordinators every meeting.
    """
    try:
        edition, meetings = meeting_materials_for_member(
            user=request.user, edition_id=edition_id, language=_language()
        )
    except Edition.DoesNotExist as error:
        raise Http404 from error
    return render(
        request,
        "learning/materials/meeting_materials.html",
        {
            "edition": edition,
            "meetings": meetings,
            # The reader's zone, as on "My programme", so both show the same times.
            "time_zone": participant_time_zone(user=request.user, edition=edition),
            "can_moderate": shared_material_can_moderate(
                user=request.user, edition=edition
            ),
        },
    )


@login_required
@require_POST
def review_toggle(request: HttpRequest, edition_id: int) -> HttpResponse:
    """Mark a material as reviewed, or take the mark back; back to `next` if given.

    Access: members of the edition; POST with CSRF token.
    """
    edition = _member_edition(request, edition_id)
    topic = SessionTopicPage.objects.filter(
        pk=request.POST.get("session_topic") or 0
    ).first()
    key = request.POST.get("material", "")
    if topic is None:
        raise Http404
    arguments = {
        "user": request.user,
        "edition": edition,
        "session_topic": topic,
        "material_key": key,
    }
    try:
        if request.POST.get("reviewed") == "1":
            material_mark_reviewed(**arguments)
        else:
            material_unmark_reviewed(**arguments)
    except ValidationError as error:
        raise Http404 from error
    back = request.POST.get("next", "")
    # The next-meeting card on "My programme" marks materials too, and returns
    # there; only addresses on this site are followed.
    if back and url_has_allowed_host_and_scheme(
        back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(back)
    url = reverse("materials:edition", kwargs={"edition_id": edition.pk})
    return redirect(f"{url}#material-{topic.pk}-{quote(key)}")


@never_cache
@login_required
@require_GET
def review_progress(request: HttpRequest, edition_id: int) -> HttpResponse:
    """How many of the participants expected at each meeting reviewed its materials.

    Access: the edition's facilitators and coordinators; 404 for non-members,
    403 for its participants.
    """
    try:
        edition, meetings = review_progress_for_edition(
            user=request.user, edition_id=edition_id, language=_language()
        )
    except Edition.DoesNotExist as error:
        raise Http404 from error
    return render(
        request,
        "learning/materials/review_progress.html",
        {
            "edition": edition,
            "meetings": meetings,
            "time_zone": participant_time_zone(user=request.user, edition=edition),
        },
    )


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def shared_materials(request: HttpRequest, edition_id: int) -> HttpResponse:
    """A page of the materials members shared with the edition, and the share form.

    Access: members of the edition; hidden materials only for its facilitators
    and coordinators. The POST (share) is CSRF-protected.
    """
    try:
        edition, listing = shared_material_page_for_user(
            user=request.user,
            edition_id=edition_id,
            cursor=request.GET.get("cursor", ""),
        )
    except Edition.DoesNotExist as error:
        raise Http404 from error
    form = SharedMaterialForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            shared_material_create(
                user=signed_in_user(request), edition=edition, **form.cleaned_data
            )
        except ValidationError as error:
            form_errors_add(form=form, error=error, field_of_code=FORM_FIELD_OF_CODE)
        else:
            messages.success(request, _("Thank you: your material is shared."))
            return redirect("materials:shared", edition_id=edition.pk)
    return render(
        request,
        "learning/materials/shared_materials.html",
        {
            "edition": edition,
            "listing": listing,
            "form": form,
            "can_moderate": shared_material_can_moderate(
                user=request.user, edition=edition
            ),
        },
    )


@login_required
@require_GET
def shared_download(request: HttpRequest, pk: int) -> HttpResponseBase:
    """The shared file, as an attachment.

    Access: members of its edition (hidden ones: facilitators and coordinators);
    404 for everyone else and for link materials.
    """
    material = _material(request, pk)
    if not material.is_file:
        raise Http404
    return private_file_response(
        file=material.file,
        download_name=material.file_name,
        content_type=material.content_type,
    )


@login_required
@require_POST
def shared_hide(request: HttpRequest, pk: int) -> HttpResponse:
    """Hide a shared material from participants.

    Access: the edition's facilitators and coordinators (403 for its
    participants, 404 for non-members); POST with CSRF token.
    """
    material = _material(request, pk)
    shared_material_hide(material=material, user=signed_in_user(request))
    messages.success(request, _("The material is hidden from participants."))
    return redirect("materials:shared", edition_id=material.edition_id)


@login_required
@require_POST
def shared_restore(request: HttpRequest, pk: int) -> HttpResponse:
    """Show a hidden shared material to participants again.

    Access: the edition's facilitators and coordinators (404 for everyone else,
    who cannot see hidden materials); POST with CSRF token.
    """
    material = _material(request, pk)
    shared_material_restore(material=material, user=signed_in_user(request))
    messages.success(request, _("The material is visible to participants again."))
    return redirect("materials:shared", edition_id=material.edition_id)


def _member_edition(request: HttpRequest, edition_id: int) -> Edition:
    try:
        return edition_get_for_member(user=request.user, pk=edition_id)
    except Edition.DoesNotExist as error:
        raise Http404 from error


def _material(request: HttpRequest, pk: int) -> SharedMaterial:
    try:
        return shared_material_get_for_user(user=request.user, pk=pk)
    except SharedMaterial.DoesNotExist as error:
        raise Http404 from error
