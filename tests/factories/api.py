"""Factories for API credentials (api/)."""

import factory

from api.keys import api_client_issue_key
from api.models import ApiClient, Scope


class ApiClientFactory(factory.django.DjangoModelFactory):
    """An app with a key; the key (shown once) is on `client.key` after build."""

    class Meta:
        model = ApiClient

    name = factory.Sequence(lambda n: f"App {n}")
    scopes = factory.LazyFunction(lambda: [Scope.CONTENT_READ])

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        client = model_class(*args, **kwargs)
        key = api_client_issue_key(client=client)
        client.save()
        client.key = key
        return client
