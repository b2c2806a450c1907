from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EnrolmentsConfig(AppConfig):
    name = "learning.enrolments"
    label = "enrolments"
    verbose_name = _("learning enrolments")

    def ready(self) -> None:
        # Editions sit below the formats: they learn here which rows take their
        # places and that added places go to the waitlist.
        from learning.editions.places import PlaceHolders, place_holders_register

        from .enums import PLACE_HOLDING_STATUSES
        from .services import waitlist_offer_free_places

        place_holders_register(
            PlaceHolders(
                relation="enrolments",
                field="status",
                values=frozenset(PLACE_HOLDING_STATUSES),
                places_changed=waitlist_offer_free_places,
            )
        )
