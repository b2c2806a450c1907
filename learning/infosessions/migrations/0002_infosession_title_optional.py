from django.db import migrations, models


def forget_generic_titles(apps, schema_editor):
    """Empty the titles that only said "information session" in one language, so
    that each reader gets the name in theirs."""
    InfoSession = apps.get_model("infosessions", "InfoSession")
    InfoSession.objects.filter(
        title__in=["Information session", "Sesión informativa"]
    ).update(title="")


class Migration(migrations.Migration):
    dependencies = [
        ("infosessions", "0001_initial"),
    ]

    operations = [
        migrations.AlterField(
            model_name="infosession",
            name="title",
            field=models.CharField(
                blank=True,
                help_text=(
                    'Leave empty to call it "Information session" in the '
                    "reader's language."
                ),
                max_length=255,
                verbose_name="title",
            ),
        ),
        migrations.RunPython(forget_generic_titles, migrations.RunPython.noop),
    ]
