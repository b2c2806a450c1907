"""The steps of load_demo, in an order where everything an object points at exists."""

from collections.abc import Callable
from dataclasses import dataclass

from django.core.management import call_command
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page

from cms.translations.services import translation_roles_setup

from . import accounts, catalogue, seminar_run, site, tree
from . import attendance as demo_attendance
from . import certificates as demo_certificates
from . import colab as demo_colab
from . import events as demo_events
from . import forum as demo_forum
from . import learning as demo_learning
from . import materials as demo_materials
from . import surveys as demo_surveys
from .builder import DemoBuilder
from .generated import build_media


@dataclass(frozen=True)
class Step:
    label: Promise
    run: Callable[[], None]


class DemoLoader:
    """Builds the demo site step by step; each step can run in its own transaction."""

    def __init__(self, *, password: str, log: Callable[[str], None]):
        self.password = password
        self.log = log
        self.builder: DemoBuilder | None = None
        self.home: Page | None = None
        self.specs = {
            "home": [tree.home_spec()],
            "pages": [],  # they need the contact address from the site settings
            "library": tree.library_specs(),
            "programmes": catalogue.programme_specs(),
        }

    def steps(self) -> list[Step]:
        return [
            Step(_("Languages"), self.languages),
            Step(_("Images, documents and videos"), self.media),
            Step(_("Home page and site"), self.site_root),
            Step(_("Organisation name, testimonials and topics"), self.snippets),
            Step(_("About, privacy, terms and contact pages"), self.site_pages),
            Step(_("Publications and videos"), self.library),
            Step(_("Programmes, modules and session topics"), self.programmes),
            Step(_("Home page content and navigation"), self.navigation),
            Step(_("Accounts and groups"), self.accounts),
            Step(_("Editions, meetings and enrolments"), self.editions),
            Step(_("Learning events and their RSVPs"), self.events),
            Step(_("CoLab members, proposals and sessions"), self.colab),
            Step(_("Forum threads and replies"), self.forum),
            Step(_("Shared materials and review marks"), self.materials),
            Step(_("Attendance of the past edition"), self.attendance),
            Step(_("Certificates of the past edition"), self.certificates),
            Step(_("Feedback surveys and the past edition's answers"), self.surveys),
            Step(_("Stored API representations of the pages"), self.representations),
        ]

    def languages(self) -> None:
        existing = set(Locale.objects.values_list("language_code", flat=True))
        locales = site.ensure_locales()
        self.builder = DemoBuilder(
            english=locales["en"],
            spanish=locales[site.SPANISH],
            log=self.log,
            others={
                code: locale
                for code, locale in locales.items()
                if code not in ("en", site.SPANISH)
            },
        )
        created = len(locales.keys() - existing)
        self.builder.counts.created += created
        self.builder.counts.reused += len(locales) - created

    def media(self) -> None:
        build_media(self.builder)

    def site_root(self) -> None:
        existing = site.existing_home(self.builder.english)
        if existing is None:
            site.remove_welcome_page()
        (spec,) = self.specs["home"]
        self.home = self.builder.page(
            Page.get_first_root_node(), spec, existing=existing
        )
        default_site = site.ensure_default_site(self.home)
        site_settings = site.ensure_site_settings(
            default_site, self.builder.refs.images.get("hero")
        )
        self.specs["pages"] = tree.site_page_specs(site_settings.contact_email)

    def snippets(self) -> None:
        site.adopt_site_identity(self.builder.english)
        self.builder.snippets(
            [
                *tree.site_identity_specs(),
                *tree.testimonial_specs(),
                *tree.topic_specs(),
            ]
        )

    def site_pages(self) -> None:
        self.builder.pages(self.home, self.specs["pages"])

    def library(self) -> None:
        self.builder.pages(self.home, self.specs["library"])

    def programmes(self) -> None:
        self.builder.pages(self.home, self.specs["programmes"])

    def navigation(self) -> None:
        self.builder.late_fields(
            [spec for specs in self.specs.values() for spec in specs]
        )
        self.builder.snippets(tree.navigation_specs())

    def accounts(self) -> None:
        spanish_home = self.home.get_translation(self.builder.spanish)
        translation_roles_setup()  # "Translators (es)", "Reviewers (es)", workflow
        groups = accounts.ensure_groups(spanish_home)
        created = accounts.ensure_accounts(self.password, groups)
        self.builder.counts.created += created
        self.builder.counts.reused += len(accounts.ACCOUNTS) - created

    def editions(self) -> None:
        # After the accounts: participant-a and participant-b take part.
        programme = self.builder.refs.pages["programme-mlp"]
        created, reused = demo_learning.ensure_editions(programme=programme)
        self._count(created, reused)
        seminar = self.builder.refs.pages["programme-seminar"]
        self._count(*seminar_run.ensure_seminar_run(programme=seminar))

    def events(self) -> None:
        programme = self.builder.refs.pages["programme-eip"]
        self._count(*demo_events.ensure_events(programme=programme))

    def colab(self) -> None:
        # After the accounts (members, secretariat) and the events' services.
        programme = self.builder.refs.pages["programme-colab"]
        self._count(*demo_colab.ensure_colab(builder=self.builder, programme=programme))

    def forum(self) -> None:
        self._count(*demo_forum.ensure_forum())

    def materials(self) -> None:
        self._count(*demo_materials.ensure_materials())

    def attendance(self) -> None:
        self._count(*demo_attendance.ensure_attendance())

    def certificates(self) -> None:
        self._count(*demo_certificates.ensure_certificates())

    def surveys(self) -> None:
        self._count(*demo_surveys.ensure_surveys())

    def representations(self) -> None:
        # Last: every page is published by now, so reads start from stored rows.
        call_command("rebuild_representations", verbosity=0)

    def _count(self, created: int, reused: int) -> None:
        self.builder.counts.created += created
        self.builder.counts.reused += reused
