from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Testimonial


class TestimonialViewSet(SnippetViewSet):
    model = Testimonial
    icon = "openquote"
    menu_label = _("Testimonials")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["__str__", "person_name", "organisation", "country", "live"]
    list_filter = ["live"]
    search_fields = ["quote", "person_name", "organisation"]


register_snippet(TestimonialViewSet)
