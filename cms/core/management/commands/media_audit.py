"""`manage.py media_audit`: rows whose file is missing, and files no row refers to.

Every FileField/ImageField of every installed model is checked (Wagtail images,
renditions, documents, edition materials...), against the files of the storages
in settings.STORAGES (local folders or S3 prefixes). Exit status 1 when a problem
remains, so backups and deployments can use it as a check.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.files.storage import storages
from django.core.management.base import BaseCommand, CommandError
from django.db import models

from learning.core.storage import storage_guard

SKIPPED_ALIASES = {"staticfiles"}


class ProgressBar:
    """A one-line text progress bar: `label [#####.....] 12/40`."""

    def __init__(self, stream, label: str, total: int, width: int = 30):
        self.stream, self.label, self.total, self.width = stream, label, total, width
        self.done = 0
        self.interactive = hasattr(stream, "isatty") and stream.isatty()

    def advance(self, step: int = 1) -> None:
        self.done += step
        if self.interactive or self.done >= self.total:
            self.draw()

    def draw(self) -> None:
        total = max(self.total, 1)
        filled = int(self.width * min(self.done, total) / total)
        bar = "#" * filled + "." * (self.width - filled)
        end = "\n" if self.done >= self.total else ""
        self.stream.write(f"\r{self.label} [{bar}] {self.done}/{self.total}{end}")
        self.stream.flush()


@dataclass(frozen=True)
class Location:
    """Where a file really is: ("s3", bucket, key) or ("file", absolute path)."""

    kind: str
    container: str
    key: str

    def __str__(self) -> str:
        if self.kind == "s3":
            return f"s3://{self.container}/{self.key}"
        return self.key


@dataclass
class StorageRoot:
    """One storage's files, and how to delete one of them."""

    storage: Any
    files: set[Location] = field(default_factory=set)


def unwrap(storage: Any) -> Any:
    """The storage behind a LazyObject proxy (default_storage, private_storage)."""
    getattr(storage, "__class__", None)  # forces a LazyObject to set itself up
    return getattr(storage, "_wrapped", storage)


def is_s3(storage: Any) -> bool:
    return hasattr(storage, "bucket_name") and hasattr(storage, "_normalize_name")


def locate(storage: Any, name: str) -> Location:
    storage = unwrap(storage)
    if is_s3(storage):
        from storages.utils import clean_name

        return Location(
            "s3", storage.bucket_name, storage._normalize_name(clean_name(name))
        )
    return Location("file", "", str(Path(storage.path(name)).resolve()))


def list_files(storage: Any) -> set[Location]:
    """Every file under the storage's root (its location prefix or folder)."""
    storage = unwrap(storage)
    if is_s3(storage):
        prefix = storage.location.strip("/")
        prefix = f"{prefix}/" if prefix else ""
        client = storage.connection.meta.client
        found = set()
        paginator = client.get_paginator("list_objects_v2")
        for page in paginator.paginate(Bucket=storage.bucket_name, Prefix=prefix):
            for entry in page.get("Contents", ()):
                if not entry["Key"].endswith("/"):
                    found.add(Location("s3", storage.bucket_name, entry["Key"]))
        return found
    root = Path(storage.location)
    if not root.is_dir():
        return set()
    found = set()
    for folder, _dirs, names in os.walk(root):
        for name in names:
            if not name.startswith("."):
                found.add(Location("file", "", str((Path(folder) / name).resolve())))
    return found


def file_fields() -> list[tuple[type[models.Model], models.FileField]]:
    return [
        (model, model_field)
        for model in apps.get_models()
        if not model._meta.proxy
        for model_field in model._meta.concrete_fields
        if isinstance(model_field, models.FileField)
    ]


class Command(BaseCommand):
    help = (
        "List rows whose file is missing and stored files no row refers to; "
        "optionally delete those orphans."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--delete-orphans",
            action="store_true",
            help="Delete the files no row refers to (asks first).",
        )
        parser.add_argument(
            "--yes", action="store_true", help="Do not ask before deleting."
        )

    def handle(self, *args, delete_orphans=False, yes=False, **options):
        with storage_guard():
            missing, orphans, roots = self.audit()
        for line in missing:
            self.stdout.write(f"missing  {line}")
        for location in sorted(orphans, key=str):
            self.stdout.write(f"orphan   {location}")
        self.stdout.write(
            f"{len(missing)} row(s) with a missing file, {len(orphans)} orphan file(s)."
        )
        if orphans and delete_orphans:
            if yes or self.confirm(len(orphans)):
                with storage_guard():
                    self.delete(orphans, roots)
                self.stdout.write(f"Deleted {len(orphans)} orphan file(s).")
                orphans = set()
            else:
                self.stdout.write("Nothing deleted.")
        if missing or orphans:
            raise CommandError("media audit found problems", returncode=1)
        self.stdout.write(self.style.SUCCESS("No problems found."))

    def confirm(self, count: int) -> bool:
        if not sys.stdin.isatty():
            raise CommandError(
                "Refusing to delete without confirmation: run it in a terminal "
                "or add --yes."
            )
        answer = input(f"Delete {count} orphan file(s)? Type 'yes' to confirm: ")
        return answer.strip().lower() == "yes"

    def audit(self) -> tuple[list[str], set[Location], dict[Location, Any]]:
        fields = file_fields()
        # The storages whose files are audited: every alias, and every field's.
        candidates = [
            storages[alias]
            for alias in settings.STORAGES
            if alias not in SKIPPED_ALIASES
        ] + [model_field.storage for _model, model_field in fields]
        roots: dict[tuple, Any] = {}
        for storage in candidates:
            real = unwrap(storage)
            if is_s3(real):
                root_id = ("s3", real.bucket_name, real.location)
            else:
                root_id = ("file", str(Path(real.location).resolve()))
            roots.setdefault(root_id, real)

        stored: dict[Location, Any] = {}
        bar = ProgressBar(self.stderr, "Listing storages", len(roots))
        for real in roots.values():
            for location in list_files(real):
                stored.setdefault(location, real)
            bar.advance()

        querysets = [
            (
                model,
                model_field,
                model._default_manager.exclude(**{model_field.name: ""}),
            )
            for model, model_field in fields
        ]
        total = sum(queryset.count() for _m, _f, queryset in querysets)
        bar = ProgressBar(self.stderr, "Checking rows", total)
        missing: list[str] = []
        referenced: set[Location] = set()
        for model, model_field, queryset in querysets:
            storage = unwrap(model_field.storage)
            for pk, name in queryset.values_list("pk", model_field.name).iterator():
                location = locate(storage, name)
                referenced.add(location)
                # A file outside the listed roots is asked for directly.
                if location not in stored and not storage.exists(name):
                    missing.append(
                        f"{model._meta.label} #{pk} {model_field.name}: {name}"
                    )
                bar.advance()
        if total == 0:
            bar.draw()
        orphans = {location for location in stored if location not in referenced}
        return missing, orphans, stored

    def delete(self, orphans: set[Location], stored: dict[Location, Any]) -> None:
        bar = ProgressBar(self.stderr, "Deleting orphans", len(orphans))
        for location in orphans:
            storage = stored[location]
            if location.kind == "s3":
                storage.connection.meta.client.delete_object(
                    Bucket=location.container, Key=location.key
                )
            else:
                Path(location.key).unlink(missing_ok=True)
            bar.advance()
