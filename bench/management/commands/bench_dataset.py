"""Build the benchmark's dataset, deterministically: pages in English and
Spanish with rich StreamField bodies and images (renditions made), and a forum
with one long thread. Run against the bench database (cms.settings.bench);
a dataset of the same size already there is kept."""

import io
import random
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.files.images import ImageFile
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from PIL import Image as PillowImage
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site

from api.content.representation import RENDITIONS
from bench.content import PALABRAS, WORDS
from bench.content import body as _body
from bench.content import text as _text
from bench.models import Dataset
from bench.sizes import FULL, QUICK
from cms.home.models import HomePage
from cms.pages.models import StandardPage
from learning.catalogue.models import ProgrammePage
from learning.editions.models import Edition
from learning.enrolments.enums import EnrolmentStatus
from learning.enrolments.models import Enrolment, Organisation, Participant
from learning.forum.models import Post, Thread
from learning.forum.rendering import post_cook
from learning.forum.services.cooking import post_cook_outdated_list
from tests.factories.catalogue import (
    ModulePageFactory,
    ProgrammeIndexPageFactory,
    ProgrammePageFactory,
)
from tests.factories.learning import programme_tree

# The slug of the edition the enrolment scenario enrols in (bench/run.py).
ENROLMENT_EDITION = "bench-enrolment"


class Command(BaseCommand):
    help = "Build the benchmark dataset (deterministic)."

    def add_arguments(self, parser):
        parser.add_argument("--quick", action="store_true")
        parser.add_argument(
            "--enrolment-only",
            action="store_true",
            help="Only the site's programme and the enrolment edition (for the "
            "enrolment scenario on another database).",
        )

    def handle(self, *args, quick=False, enrolment_only=False, **options):
        sizes = QUICK if quick else FULL
        call_command("migrate", verbosity=0)
        if enrolment_only:
            self._enrolment_only()
            return
        existing = Dataset.objects.first()
        if existing and existing.sizes == sizes.as_dict():
            self.stdout.write("Dataset already built.")
            self._site_pages()
            self._enrolment_edition()
            self._cook_posts()
            return
        if existing:
            raise SystemExit(
                "A dataset of another size is in the bench database; "
                "remove bench/.data/ and run again."
            )
        rng = random.Random(20261124)
        locales = {
            code: Locale.objects.get_or_create(language_code=code)[0]
            for code in ("en", "es")
        }
        with transaction.atomic():
            homes = self._homes(locales)
            images = self._images(rng, sizes.images)
            self._pages(rng, sizes.pages_per_language, homes, locales, images)
            self._forum(rng, sizes)
            Dataset.objects.create(sizes=sizes.as_dict())
        self._site_pages()
        self._enrolment_edition()
        self.stdout.write(f"Dataset built: {sizes.as_dict()}")

    def _homes(self, locales):
        root = Page.get_first_root_node()
        Page.objects.filter(depth=2).delete()
        root.refresh_from_db()
        en = root.add_child(
            instance=HomePage(title="Home", slug="home", locale=locales["en"])
        )
        es = root.add_child(
            instance=HomePage(
                title="Inicio",
                slug="inicio",
                locale=locales["es"],
                translation_key=en.translation_key,
            )
        )
        Site.objects.update_or_create(
            is_default_site=True,
            defaults={"hostname": "127.0.0.1", "port": 80, "root_page": en},
        )
        return {"en": en, "es": es}

    def _images(self, rng, count):
        model = get_image_model()
        images = []
        for number in range(count):
            self._progress("images", number, count)
            colour = tuple(rng.randrange(256) for _ in range(3))
            buffer = io.BytesIO()
            PillowImage.new("RGB", (1200, 800), colour).save(buffer, "PNG")
            image = model(
                title=f"Image {number}",
                file=ImageFile(buffer, name=f"bench-{number}.png"),
            )
            image.save()
            image.get_renditions(*RENDITIONS.values())
            images.append(image)
        return images

    def _pages(self, rng, count, homes, locales, images):
        for number in range(count):
            self._progress("pages", number, count)
            english = homes["en"].add_child(
                instance=StandardPage(
                    title=f"Page {number}: {_text(rng, WORDS, 3)}",
                    slug=f"page-{number}",
                    locale=locales["en"],
                    introduction=_text(rng, WORDS, 25),
                    body=_body(rng, WORDS, images),
                    first_published_at=timezone.now(),
                    last_published_at=timezone.now(),
                )
            )
            homes["es"].add_child(
                instance=StandardPage(
                    title=f"Página {number}: {_text(rng, PALABRAS, 3)}",
                    slug=f"pagina-{number}",
                    locale=locales["es"],
                    translation_key=english.translation_key,
                    introduction=_text(rng, PALABRAS, 25),
                    body=_body(rng, PALABRAS, images),
                    first_published_at=timezone.now(),
                    last_published_at=timezone.now(),
                )
            )

    def _forum(self, rng, sizes):
        tree = programme_tree(modules=2, topics_per_module=3)
        now = timezone.now()
        edition = Edition.objects.create(
            programme=tree.programme,
            title="Bench edition",
            slug="bench-edition",
            enrolment_opens_at=now - timedelta(days=60),
            enrolment_closes_at=now - timedelta(days=30),
            starts_on=(now - timedelta(days=20)).date(),
            ends_on=(now + timedelta(days=100)).date(),
            places=15,
            time_zone="UTC",
        )
        users, participants = [], []
        for number in range(20):
            user = get_user_model().objects.create_user(
                email=f"member{number}@bench.example.org",
                password="bench-password",
                first_name=f"Member {number}",
            )
            organisation = Organisation.objects.create(
                name=f"Organisation {number}",
                normalised_name=f"organisation {number}",
                domain=f"org{number}.bench.example.org",
                country="Peru",
            )
            enrolment = Enrolment.objects.create(
                edition=edition,
                organisation=organisation,
                status=EnrolmentStatus.CONFIRMED,
                consent_at=now,
                status_changed_at=now,
            )
            participants.append(
                Participant.objects.create(
                    enrolment=enrolment,
                    edition=edition,
                    user=user,
                    name=f"Member {number}",
                    email=user.email,
                    role="Officer",
                    preferred_language="en",
                )
            )
            users.append(user)
        topics = [topic for group in tree.topics.values() for topic in group]
        threads = [
            Thread.objects.create(
                edition=edition,
                session_topic=topic,
                title=f"Question {index}",
                last_activity_at=now,
            )
            for index, topic in enumerate(topics)
        ]
        long_thread, others = threads[0], threads[1:]
        plan = [long_thread] * sizes.long_thread_posts
        rest = sizes.posts - sizes.long_thread_posts
        plan += [others[index % len(others)] for index in range(rest)]
        start = now - timedelta(days=10)
        batch = []
        for index, thread in enumerate(plan):
            person = rng.randrange(len(users))
            post = Post(
                thread=thread,
                author=users[person],
                participant=participants[person],
                body_markdown=_text(rng, WORDS, 40)
                + "\n\n**"
                + _text(rng, WORDS, 4)
                + "**",
                created_at=start + timedelta(seconds=index),
            )
            # Cooked as post_create cooks a post, so that readers are served
            # stored HTML, not Markdown rendered per read (bulk_create skips
            # the service).
            post_cook(post=post)
            batch.append(post)
            if len(batch) == 2000:
                Post.objects.bulk_create(batch)
                batch = []
                self._progress("posts", index, len(plan))
        Post.objects.bulk_create(batch)
        for thread in threads:
            posts = Post.objects.filter(thread=thread)
            Thread.objects.filter(pk=thread.pk).update(
                reply_count=posts.count(),
                last_activity_at=posts.order_by("-created_at")
                .values_list("created_at", flat=True)
                .first()
                or now,
            )

    def _enrolment_only(self):
        if not Edition.objects.filter(slug=ENROLMENT_EDITION).exists():
            locales = {
                code: Locale.objects.get_or_create(language_code=code)[0]
                for code in ("en", "es")
            }
            with transaction.atomic():
                self._homes(locales)
        self._site_pages()
        self._enrolment_edition()
        self.stdout.write("Enrolment dataset built.")

    def _enrolment_edition(self):
        """An edition of the site's programme open for enrolment for years, with
        room for every organisation the enrolment scenario enrols (added to an
        older dataset too)."""
        programme = ProgrammePage.objects.get(
            slug="mutual-learning", locale__language_code="en"
        )
        now = timezone.now()
        Edition.objects.get_or_create(
            slug=ENROLMENT_EDITION,
            defaults={
                "programme": programme,
                "title": "Bench enrolment edition",
                "enrolment_opens_at": now - timedelta(days=1),
                "enrolment_closes_at": now + timedelta(days=3650),
                "starts_on": (now + timedelta(days=3660)).date(),
                "ends_on": (now + timedelta(days=3800)).date(),
                "places": 30_000,
                "time_zone": "UTC",
            },
        )

    def _cook_posts(self):
        """Cook the posts of an older dataset, built before posts were cooked
        (or under older sanitiser rules), as the site's command does."""
        if post_cook_outdated_list().exists():
            call_command("forum_cook_posts", stdout=self.stdout)

    def _site_pages(self):
        """A programme with its modules under the site's home, in English and
        Spanish, for the site page scenarios (added to an older dataset too)."""
        home = Site.objects.get(is_default_site=True).root_page
        if ProgrammePage.objects.descendant_of(home).exists():
            return
        spanish = Locale.objects.get(language_code="es")
        with transaction.atomic():
            index = ProgrammeIndexPageFactory(
                parent=home, title="Programmes", slug="programmes"
            )
            programme = ProgrammePageFactory(
                parent=index, title="Mutual Learning", slug="mutual-learning"
            )
            modules = [
                ModulePageFactory(
                    parent=programme,
                    title=f"Module {number}",
                    slug=f"module-{number}",
                    module_number=number,
                    is_required_first=number == 1,
                )
                for number in range(1, 7)
            ]
            for page in [index, programme, *modules]:
                copy = page.copy_for_translation(spanish, copy_parents=True)
                copy.save_revision().publish()

    def _progress(self, what, done, total):
        if done % max(total // 10, 1) == 0:
            self.stdout.write(f"  {what}: {done}/{total}")
