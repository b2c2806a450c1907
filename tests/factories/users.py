import factory
from django.contrib.auth import get_user_model

DEFAULT_PASSWORD = "mutual-demo"


class UserFactory(factory.django.DjangoModelFactory):
    """A participant-like user who signs in with an email address."""

    class Meta:
        model = get_user_model()
        django_get_or_create = ("email",)
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    password = factory.django.Password(DEFAULT_PASSWORD)
    preferred_language = "en"


class SuperUserFactory(UserFactory):
    email = factory.Sequence(lambda n: f"admin{n}@example.org")
    is_staff = True
    is_superuser = True
