"""Admin users (the demo's coordinators, an editor) and a webhook receiver."""

from tests.api.webhooks.conftest import receiver, subscribe  # noqa: F401
from tests.learning.admin.conftest import coordinator, editor  # noqa: F401
