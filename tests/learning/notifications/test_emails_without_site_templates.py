"""The enrolment and information-session emails render from the plugin's own templates.

Another Wagtail site that installs `learning` has none of this site's templates:
the same tests run again with frontend_templates/ out of TEMPLATES["DIRS"].
"""

import pytest

from tests.learning.notifications.test_emails import *  # noqa: F403
from tests.learning.plugin_templates import (  # noqa: F401 (fixtures)
    other_site_templates,
    site_templates_removed,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("site_templates_removed")]
