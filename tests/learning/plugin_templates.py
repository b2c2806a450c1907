"""Another Wagtail site that installs `learning`: its own templates, none of ours.

The stand-in site keeps this site's base, error and account pages (every site has
its own) but not frontend_templates/learning/ nor emails/, so the plugin's admin
pages and emails must come from the templates it ships.
"""

import shutil
from pathlib import Path

import pytest
from django.conf import settings as django_settings

SITE_TEMPLATES = Path(django_settings.BASE_DIR) / "frontend_templates"
LEARNING_PARTS = {"learning", "emails"}


def _learning_parts(directory: str, names: list[str]) -> set[str]:
    if Path(directory) == SITE_TEMPLATES:
        return LEARNING_PARTS & set(names)
    return set()


@pytest.fixture(scope="session")
def other_site_templates(tmp_path_factory) -> Path:
    """A copy of frontend_templates/ without what belongs to the plugin."""
    target = tmp_path_factory.mktemp("other_site") / "templates"
    shutil.copytree(SITE_TEMPLATES, target, ignore=_learning_parts)
    return target


@pytest.fixture
def site_templates_removed(settings, other_site_templates):
    """Render with frontend_templates/ out of DIRS, as on the other site."""
    settings.TEMPLATES = [
        {
            **engine,
            "DIRS": [
                other_site_templates if Path(d) == SITE_TEMPLATES else d
                for d in engine["DIRS"]
            ],
        }
        for engine in settings.TEMPLATES
    ]
    dirs = [Path(d) for engine in settings.TEMPLATES for d in engine["DIRS"]]
    assert SITE_TEMPLATES not in dirs
