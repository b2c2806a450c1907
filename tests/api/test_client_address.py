"""Anonymous rates count per client address as the site tells addresses apart:
a caller cannot escape them by writing addresses into X-Forwarded-For."""

import pytest

from api.throttling import AnonymousRateThrottle

URL = "/api/v1/modules/"


@pytest.fixture(autouse=True)
def _two_per_minute(monkeypatch):
    monkeypatch.setattr(AnonymousRateThrottle, "rate", "2/minute", raising=False)


def _statuses(api, forwarded_for, **extra):
    return [
        api.get(URL, HTTP_X_FORWARDED_FOR=address, **extra).status_code
        for address in forwarded_for
    ]


def test_addresses_written_by_the_caller_do_not_escape_the_rate(
    api, catalogue, settings
):
    settings.TRUSTED_PROXY_COUNT = 0

    statuses = _statuses(api, ["198.51.100.1", "198.51.100.2", "198.51.100.3"])

    assert statuses == [200, 200, 429]


def test_behind_a_trusted_proxy_each_client_has_its_own_rate(api, catalogue, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    # The proxy appends the address it saw; what the caller wrote before it
    # is not believed.
    first = _statuses(api, ["1.1.1.1, 198.51.100.7", "2.2.2.2, 198.51.100.7"])
    third = _statuses(api, ["3.3.3.3, 198.51.100.7"])
    other_client = _statuses(api, ["1.1.1.1, 198.51.100.8"])

    assert first == [200, 200]
    assert third == [429]
    assert other_client == [200]
