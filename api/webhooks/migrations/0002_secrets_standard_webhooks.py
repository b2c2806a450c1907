"""Secrets in the form the Standard Webhooks libraries read.

Secrets used to be `whsec_` + URL-safe base64, signed as text. The specification
keys the HMAC with the base64-decoded bytes after `whsec_`, in standard base64.
Each secret keeps its random bytes and is rewritten in standard base64: `-`
becomes `+`, `_` becomes `/`, padding is added. An app that kept the old string
makes the same replacement (a secret without `-` or `_` is unchanged).
"""

import base64
import binascii

from django.apps.registry import Apps
from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor


def standard_form(secret: str) -> str:
    encoded = secret.removeprefix("whsec_")
    try:
        raw = base64.urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4))
    except (binascii.Error, ValueError):
        return secret
    return "whsec_" + base64.b64encode(raw).decode()


def secrets_to_standard(apps: Apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    WebhookEndpoint = apps.get_model("webhooks", "WebhookEndpoint")
    for endpoint in WebhookEndpoint.objects.only("secret"):
        secret = standard_form(endpoint.secret)
        if secret != endpoint.secret:
            WebhookEndpoint.objects.filter(pk=endpoint.pk).update(secret=secret)


class Migration(migrations.Migration):
    dependencies = [("webhooks", "0001_initial")]

    operations = [
        migrations.RunPython(secrets_to_standard, migrations.RunPython.noop),
    ]
