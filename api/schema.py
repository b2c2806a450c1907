from drf_spectacular.extensions import OpenApiAuthenticationExtension


def only_v1(endpoints):
    """The schema documents /api/v1/ only (not the stock v2 API)."""
    return [e for e in endpoints if e[0].startswith("/api/v1/")]


class KeyAuthenticationScheme(OpenApiAuthenticationExtension):
    target_class = "api.authentication.KeyAuthentication"
    name = "bearerKey"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "description": "An app's key (mlpk_…) or a personal token (mlpt_…).",
        }
