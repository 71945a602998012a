"""The declared request size decides early refusals; a malformed header is not a crash."""

from django.test import RequestFactory

from apps.common.uploads import UPLOAD_OVERHEAD, declared_body_bytes, declared_file_bytes


def request_with_length(value: str):
    return RequestFactory().post("/", CONTENT_LENGTH=value)


def test_declared_sizes_follow_the_header():
    request = request_with_length(str(UPLOAD_OVERHEAD + 1000))
    assert declared_body_bytes(request) == UPLOAD_OVERHEAD + 1000
    assert declared_file_bytes(request) == 1000


def test_malformed_or_small_length_counts_as_nothing_declared():
    assert declared_body_bytes(request_with_length("abc")) == 0
    assert declared_file_bytes(request_with_length("10")) == 0
