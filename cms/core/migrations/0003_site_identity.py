"""The organisation's name moves from SiteSettings (one per site, not translatable)
to SiteIdentity, a translatable snippet: the default site's name becomes the
default language's live SiteIdentity, which translators translate like the menus.
"""

import cms.translations.models
import django.db.models.deletion
import uuid
from django.conf import settings
from django.db import migrations, models
from django.utils import timezone


def names_to_snippet(apps, schema_editor):
    SiteSettings = apps.get_model("core", "SiteSettings")
    SiteIdentity = apps.get_model("core", "SiteIdentity")
    Locale = apps.get_model("wagtailcore", "Locale")
    by_default_site_first = SiteSettings.objects.order_by(
        "-site__is_default_site", "pk"
    )
    site_settings = by_default_site_first.first()
    locale = Locale.objects.filter(language_code=settings.LANGUAGE_CODE).first()
    if site_settings is None or locale is None:
        return  # a new site: nothing was ever shown
    if SiteIdentity.objects.filter(locale=locale).exists():
        return
    now = timezone.now()
    SiteIdentity.objects.create(
        locale=locale,
        translation_key=uuid.uuid4(),
        organisation_name=site_settings.organisation_name,
        live=True,
        first_published_at=now,
        last_published_at=now,
    )


def names_to_settings(apps, schema_editor):
    SiteSettings = apps.get_model("core", "SiteSettings")
    SiteIdentity = apps.get_model("core", "SiteIdentity")
    identity = (
        SiteIdentity.objects.filter(
            live=True, locale__language_code=settings.LANGUAGE_CODE
        )
        .order_by("pk")
        .first()
    )
    if identity is not None:
        SiteSettings.objects.update(organisation_name=identity.organisation_name)


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0002_search_unaccented'),
        ('wagtailcore', '0098_apitoken'),
    ]

    operations = [
        migrations.CreateModel(
            name='SiteIdentity',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('translation_key', models.UUIDField(default=uuid.uuid4, editable=False)),
                ('live', models.BooleanField(default=True, editable=False, verbose_name='live')),
                ('has_unpublished_changes', models.BooleanField(default=False, editable=False, verbose_name='has unpublished changes')),
                ('first_published_at', models.DateTimeField(blank=True, db_index=True, null=True, verbose_name='first published at')),
                ('last_published_at', models.DateTimeField(editable=False, null=True, verbose_name='last published at')),
                ('go_live_at', models.DateTimeField(blank=True, null=True, verbose_name='go live date/time')),
                ('expire_at', models.DateTimeField(blank=True, null=True, verbose_name='expiry date/time')),
                ('expired', models.BooleanField(default=False, editable=False, verbose_name='expired')),
                ('organisation_name', models.CharField(max_length=200, verbose_name='organisation name')),
                ('latest_revision', models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailcore.revision', verbose_name='latest revision')),
                ('live_revision', models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailcore.revision', verbose_name='live revision')),
                ('locale', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='wagtailcore.locale', verbose_name='locale')),
            ],
            options={
                'verbose_name': 'organisation name',
                'verbose_name_plural': 'organisation names',
                'abstract': False,
                'unique_together': {('translation_key', 'locale')},
            },
            bases=(cms.translations.models.LocaleWorkflowMixin, models.Model),
        ),
        migrations.RunPython(names_to_snippet, names_to_settings),
        migrations.RemoveField(
            model_name='sitesettings',
            name='organisation_name',
        ),
    ]
