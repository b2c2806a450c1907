"""When object storage is down, API callers get a 503 they can retry, not a 500."""

from botocore.exceptions import EndpointConnectionError
from rest_framework.test import APIRequestFactory
from rest_framework.views import APIView

from learning.core.storage import StorageUnavailable


class UploadingView(APIView):
    authentication_classes = ()
    permission_classes = ()
    failure: Exception = StorageUnavailable()

    def post(self, request):
        raise self.failure


def _post(failure):
    view = UploadingView.as_view(failure=failure)
    return view(APIRequestFactory().post("/api/v1/anything/", {}, format="json"))


def test_a_storage_outage_is_a_503_with_retry_after_in_the_error_shape():
    response = _post(StorageUnavailable())

    assert response.status_code == 503
    assert response["Retry-After"] == str(StorageUnavailable.retry_after)
    assert response.data["code"] == "storage_unavailable"
    assert response.data["fields"] == {}


def test_an_unreachable_s3_endpoint_is_the_same_503():
    response = _post(EndpointConnectionError(endpoint_url="http://127.0.0.1:9"))

    assert response.status_code == 503
    assert response.data["code"] == "storage_unavailable"
