from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TestimonialsConfig(AppConfig):
    name = "cms.testimonials"
    label = "testimonials"
    verbose_name = _("testimonials")
