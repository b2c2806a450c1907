from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistrationsConfig(AppConfig):
    name = "learning.registrations"
    label = "registrations"
    verbose_name = _("seminar registrations")

    def ready(self) -> None:
        # Editions sit below the formats: they learn here that a seminar's
        # confirmed registrations take its places and that added places go to
        # its waitlist.
        from learning.editions.places import PlaceHolders, place_holders_register

        from .enums import PLACE_HOLDING_STATUSES
        from .services import registration_waitlist_promote

        place_holders_register(
            PlaceHolders(
                relation="registrations",
                field="status",
                values=frozenset(PLACE_HOLDING_STATUSES),
                places_changed=registration_waitlist_promote,
            )
        )
