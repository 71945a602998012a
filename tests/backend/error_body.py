"""Checking the API's common error body in tests of hostile input."""

DEEP = ("[" * 50_000 + "]" * 50_000).encode()


def assert_chinese_error(response, status, field=None):
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"detail", "errors", "code"}
    assert any("\u4e00" <= ch <= "\u9fff" for ch in body["detail"]), body
    if field is not None:
        assert field in body["errors"], body
