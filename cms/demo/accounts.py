"""Demo accounts and the groups they work in. Only load_demo makes these."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group, Permission
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from cms.users.services import user_admin_profile_sync

EDITORS = "Editors"
MODERATORS = "Moderators"
# Made by `setup_translation_roles` (cms/translations), which load_demo runs first.
TRANSLATORS_ES = "Translators (es)"
REVIEWERS_ES = "Reviewers (es)"
TRANSLATORS_FR = "Translators (fr)"
COORDINATORS = "Coordinators"
FACILITATORS = "Facilitators"
# Reviews proposals to a call and decides on them (Learning → Proposals).
SECRETARIAT = "Secretariat"
# Later work refines these; for now they let the holder into the admin.
ADMIN_ACCESS_GROUPS = (
    TRANSLATORS_ES,
    TRANSLATORS_FR,
    COORDINATORS,
    FACILITATORS,
    SECRETARIAT,
)
# Model permissions on learning data, as "app_label.codename". Nobody but the
# superuser deletes: the admin offers no delete view for learning data.
COORDINATOR_PERMISSIONS = (
    *(
        f"{app}.{action}_{model}"
        for app, model in (
            ("editions", "edition"),
            ("editions", "meeting"),
            ("enrolments", "enrolment"),
            ("infosessions", "infosession"),
            ("infosessions", "infosessionregistration"),
            ("events", "event"),
            ("registrations", "registration"),
            ("certificates", "certificate"),
            ("attendance", "attendance"),
        )
        for action in ("add", "change", "view")
    ),
    # Lets a coordinator export or erase one person's data (Learning → Personal data).
    "enrolments.change_participant",
    # Coordinators moderate every forum; Site history shows a log entry only to
    # holders of a permission on its model, so these let them read the moderation.
    "forum.view_thread",
    "forum.view_post",
    "materials.view_sharedmaterial",
    # Settings → Scheduled jobs: see the runs, and Run now.
    "learning_scheduling.view_jobrun",
    "learning_scheduling.add_jobrun",
    # Learning → Members: who may propose sessions, for which organisation.
    "proposals.add_membership",
    "proposals.change_membership",
    "proposals.view_membership",
)
FACILITATOR_PERMISSIONS = (
    "editions.view_edition",
    "editions.view_meeting",
    # They mark attendance in the admin too; only for the editions they facilitate.
    "attendance.add_attendance",
    "attendance.change_attendance",
    "attendance.view_attendance",
)
# Content editors author; the "Moderators approval" workflow's moderators approve.
# Wagtail's own Editors and Moderators groups carry the page side of this (add and
# change for Editors, publish for Moderators); these add the site's snippets.
SNIPPETS = (
    "testimonials.testimonial",
    "navigation.mainmenu",
    "navigation.footer",
)
EDITOR_PERMISSIONS = (
    *(
        f"{app}.{action}_{model}"
        for app, model in (name.split(".") for name in SNIPPETS)
        for action in ("add", "change", "view")
    ),
    "publications.add_topic",
    "publications.change_topic",
    "publications.view_topic",
)
MODERATOR_PERMISSIONS = (
    *EDITOR_PERMISSIONS,
    *(
        f"{app}.publish_{model}"
        for app, model in (name.split(".") for name in SNIPPETS)
    ),
)
# Reviewers: Learning → Proposals, where they review, ask, accept and decline.
SECRETARIAT_PERMISSIONS = (
    "proposals.view_proposal",
    "proposals.add_proposalreview",
    "proposals.view_membership",
)
GROUP_MODEL_PERMISSIONS = {
    EDITORS: EDITOR_PERMISSIONS,
    MODERATORS: MODERATOR_PERMISSIONS,
    COORDINATORS: COORDINATOR_PERMISSIONS,
    FACILITATORS: FACILITATOR_PERMISSIONS,
    SECRETARIAT: SECRETARIAT_PERMISSIONS,
}


@dataclass(frozen=True)
class DemoAccount:
    email: str
    first_name: str
    last_name: str
    role: Promise
    language: str = "en"
    time_zone: str = "Europe/London"
    groups: tuple[str, ...] = ()
    superuser: bool = False

    @property
    def staff(self) -> bool:
        return self.superuser or bool(self.groups)


ACCOUNTS = (
    DemoAccount(
        "admin@example.org", "Alex", "Morgan", _("Administrator"), superuser=True
    ),
    DemoAccount(
        "editor@example.org",
        "Elena",
        "Ward",
        _("Editor"),
        groups=(EDITORS, REVIEWERS_ES),
    ),
    DemoAccount(
        "translator-es@example.org",
        "Tomás",
        "Herrera",
        _("Spanish translator"),
        language="es",
        time_zone="America/Mexico_City",
        groups=(TRANSLATORS_ES,),
    ),
    DemoAccount(
        "translator-fr@example.org",
        "Camille",
        "Lefèvre",
        _("French translator"),
        language="fr",
        time_zone="Europe/Paris",
        groups=(TRANSLATORS_FR,),
    ),
    DemoAccount(
        "coordinator@example.org",
        "Claire",
        "Okafor",
        _("Programme coordinator"),
        groups=(COORDINATORS, MODERATORS),
    ),
    DemoAccount(
        "facilitator@example.org",
        "Rocío",
        "Medina",
        _("Facilitator"),
        time_zone="America/Bogota",
        groups=(FACILITATORS,),
    ),
    DemoAccount(
        "participant-a@example.org",
        "Amina",
        "Diallo",
        _("Participant"),
        time_zone="Africa/Nairobi",
    ),
    DemoAccount(
        "participant-b@example.org",
        "Bruno",
        "Castillo",
        _("Participant"),
        language="es",
        time_zone="America/Lima",
    ),
    # CoLab (seed 003): members who propose sessions for their organisation
    # (cms/demo/colab.py makes their memberships).
    DemoAccount(
        "member-a.colab@example.org",
        "Wanjiru",
        "Kamau",
        _("CoLab member"),
        time_zone="Africa/Nairobi",
    ),
    DemoAccount(
        "member-b.colab@example.org",
        "Mateo",
        "Quispe",
        _("CoLab member"),
        language="es",
        time_zone="America/La_Paz",
    ),
    DemoAccount(
        "member-c.colab@example.org",
        "Awa",
        "Ndiaye",
        _("CoLab member"),
        language="fr",
        time_zone="Africa/Dakar",
    ),
    DemoAccount(
        "member-d.colab@example.org",
        "Otieno",
        "Ouma",
        _("CoLab member"),
        time_zone="Africa/Nairobi",
    ),
    # Two reviewers, so that the admin shows scores side by side.
    DemoAccount(
        "secretariat@example.org",
        "Nomvula",
        "Dlamini",
        _("CoLab secretariat (reviewer)"),
        time_zone="Africa/Johannesburg",
        groups=(SECRETARIAT,),
    ),
    DemoAccount(
        "secretariat-fr@example.org",
        "Étienne",
        "Mbarga",
        _("CoLab secretariat (reviewer)"),
        language="fr",
        time_zone="Africa/Douala",
        groups=(SECRETARIAT,),
    ),
)


def ensure_groups(spanish_home: Page) -> dict[str, Group]:
    """The groups the demo accounts belong to, with a first set of permissions."""
    names = {name for account in ACCOUNTS for name in account.groups}
    # Also the groups no demo account is in yet: an admin may add people to them.
    names |= {*ADMIN_ACCESS_GROUPS, *GROUP_MODEL_PERMISSIONS}
    groups = {name: Group.objects.get_or_create(name=name)[0] for name in names}
    access_admin = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    for name in ADMIN_ACCESS_GROUPS:
        groups[name].permissions.add(access_admin)
    for name, permissions in GROUP_MODEL_PERMISSIONS.items():
        groups[name].permissions.add(*model_permissions(permissions))
    # Translator and reviewer page permissions sit on the Spanish home page; they
    # are set by cms.translations' setup_translation_roles, not here.
    return groups


def model_permissions(names: tuple[str, ...]) -> list[Permission]:
    """The Permission rows of "app_label.codename" names."""
    wanted = {tuple(name.split(".", 1)) for name in names}
    found = [
        permission
        for permission in Permission.objects.filter(
            codename__in={codename for _app, codename in wanted}
        ).select_related("content_type")
        if (permission.content_type.app_label, permission.codename) in wanted
    ]
    if len(found) != len(wanted):
        raise LookupError(f"Unknown permissions among {sorted(names)}")
    return found


def ensure_accounts(password: str, groups: dict[str, Group]) -> int:
    """Create or update the demo accounts; every run resets their password.

    Returns how many accounts were created.
    """
    User = get_user_model()
    # One hash for all: they share a published password anyway, and hashing is slow
    # on purpose (about a second each with Django's default hasher).
    password_hash = make_password(password)
    created_count = 0
    for account in ACCOUNTS:
        user, created = User.objects.get_or_create(
            email=account.email,
            defaults={
                "first_name": account.first_name,
                "last_name": account.last_name,
                "preferred_language": account.language,
                "time_zone": account.time_zone,
            },
        )
        user.password = password_hash
        user.is_active = True
        user.is_staff = account.staff
        user.is_superuser = account.superuser
        user.save()
        user_admin_profile_sync(user=user)
        user.groups.add(*(groups[name] for name in account.groups))
        created_count += created
    return created_count
