from django.db import migrations, models

MONTHS = (
    "January February March April May June July August September October "
    "November December"
).split()


def forget_generated_english_names(apps, schema_editor):
    """Empty the titles that were only English made from data, so that each
    reader gets them in their language: "February 2027" for an edition starting
    then, and "Introduction session" for a meeting without a session topic."""
    Edition = apps.get_model("editions", "Edition")
    Meeting = apps.get_model("editions", "Meeting")
    for edition in Edition.objects.exclude(title="").only("title", "starts_on"):
        start = edition.starts_on
        if edition.title == f"{MONTHS[start.month - 1]} {start.year}":
            Edition.objects.filter(pk=edition.pk).update(title="")
    Meeting.objects.filter(
        session_topic__isnull=True, title="Introduction session"
    ).update(title="")


class Migration(migrations.Migration):
    dependencies = [
        ("editions", "0002_edition_facilitators"),
    ]

    operations = [
        migrations.AlterField(
            model_name="edition",
            name="title",
            field=models.CharField(
                blank=True,
                help_text=(
                    "Leave empty to call the edition by its start month in the "
                    'reader\'s language, e.g. "February 2027" or "febrero de 2027".'
                ),
                max_length=255,
                verbose_name="title",
            ),
        ),
        migrations.RunPython(forget_generated_english_names, migrations.RunPython.noop),
    ]
