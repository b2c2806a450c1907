"""The schema generator of /api/v1/ (REST_FRAMEWORK["DEFAULT_SCHEMA_CLASS"])."""

from drf_spectacular.openapi import AutoSchema


class ApiAutoSchema(AutoSchema):
    """drf-spectacular's AutoSchema, telling clients where a key is optional."""

    def get_auth(self) -> list[dict[str, list[str]]]:
        """Add the empty requirement (`{}`: no credentials needed) when every
        permission of the operation admits anonymous callers; drf-spectacular
        recognises only AllowAny and IsAuthenticatedOrReadOnly, so the public
        reads (ContentRead, LearningRead, ...) were documented as needing a key,
        and a client generated from the schema sent one where none is needed."""
        auths = super().get_auth()
        permissions = self.view.get_permissions()
        admits_anonymous = all(
            getattr(permission, "admits_anonymous", False) for permission in permissions
        )
        if admits_anonymous and {} not in auths:
            auths.append({})
        return auths
