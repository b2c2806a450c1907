"""Deliveries keep the status line of the answer, never its body: bodies
stored so far (which could come from wherever a redirect led) are dropped."""

from http import HTTPStatus

from django.apps.registry import Apps
from django.db import migrations, models
from django.db.backends.base.schema import BaseDatabaseSchemaEditor


def status_line(code: int | None) -> str:
    if code is None:
        return ""
    try:
        return f"{code} {HTTPStatus(code).phrase}"
    except ValueError:
        return str(code)


def bodies_to_status_lines(apps: Apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    WebhookDelivery = apps.get_model("webhooks", "WebhookDelivery")
    codes = WebhookDelivery.objects.order_by().values_list(
        "last_response_code", flat=True
    )
    for code in set(codes.distinct()):
        WebhookDelivery.objects.filter(last_response_code=code).update(
            response_excerpt=status_line(code)
        )


class Migration(migrations.Migration):
    dependencies = [("webhooks", "0002_secrets_standard_webhooks")]

    operations = [
        migrations.RunPython(bodies_to_status_lines, migrations.RunPython.noop),
        migrations.RenameField(
            model_name="webhookdelivery",
            old_name="response_excerpt",
            new_name="last_status_line",
        ),
        migrations.AlterField(
            model_name="webhookdelivery",
            name="last_status_line",
            field=models.CharField(
                blank=True, max_length=100, verbose_name="status line"
            ),
        ),
    ]
