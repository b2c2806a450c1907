from django.core.management.base import BaseCommand

from cms.translations.services import translation_roles_setup


class Command(BaseCommand):
    help = (
        "Create or refresh, for every content language but the default, the "
        "translator and reviewer groups and the review workflow (idempotent)."
    )

    def handle(self, *args, **options):
        for team in translation_roles_setup():
            self.stdout.write(
                f"{team.locale}: {team.translators}, {team.reviewers}, {team.workflow}"
            )
