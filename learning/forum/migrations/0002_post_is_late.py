from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def mark_late_posts(apps, schema_editor):
    """Posts written before this field existed: a participant's answer after the
    first meeting on its thread's session topic is late (as post_create decides)."""
    Meeting = apps.get_model("editions", "Meeting")
    Post = apps.get_model("forum", "Post")
    first_meeting = (
        Meeting.objects.filter(
            edition_id=OuterRef("thread__edition_id"),
            session_topic_id=OuterRef("thread__session_topic_id"),
        )
        .order_by("starts_at", "pk")
        .values("starts_at")[:1]
    )
    late = (
        Post.objects.filter(participant__isnull=False, thread__session_topic__isnull=False)
        .annotate(deadline=Subquery(first_meeting))
        .filter(created_at__gte=models.F("deadline"))
        .values("pk")
    )
    Post.objects.filter(pk__in=list(late.values_list("pk", flat=True))).update(
        is_late=True
    )


class Migration(migrations.Migration):
    dependencies = [
        ("forum", "0001_initial"),
        ("editions", "0002_edition_facilitators"),
    ]

    operations = [
        migrations.AddField(
            model_name="post",
            name="is_late",
            field=models.BooleanField(
                default=False,
                editable=False,
                help_text="A participant's answer written after the meeting its "
                "question prepares; it does not count as preparation.",
                verbose_name="late",
            ),
        ),
        migrations.RunPython(mark_late_posts, migrations.RunPython.noop),
    ]
