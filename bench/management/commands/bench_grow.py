"""`manage.py bench_grow --pages-per-language N`: grow the bench dataset's
standard pages to N per language in bulk, with progress bars (bench/grow.py says
how); the growth check (bench/growth.py) runs it on its copy of the database."""

from django.core.management.base import BaseCommand

from bench.grow import pages_grow
from bench.models import Dataset


class Command(BaseCommand):
    help = "Grow the bench dataset's standard pages to N per language, in bulk."

    def add_arguments(self, parser):
        parser.add_argument("--pages-per-language", type=int, required=True)

    def handle(self, *args, pages_per_language, **options):
        added = pages_grow(pages_per_language=pages_per_language, stream=self.stdout)
        dataset = Dataset.objects.first()
        if dataset is not None:
            dataset.sizes = {**dataset.sizes, "pages_per_language": pages_per_language}
            dataset.save(update_fields=["sizes"])
        self.stdout.write(
            f"{added} pages added per language: {pages_per_language} in all."
        )
