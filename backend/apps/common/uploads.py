"""Refusing oversized uploads from the declared request size, before the body is read."""

# Multipart boundaries and the form fields around the file.
UPLOAD_OVERHEAD = 256 * 1024


def declared_body_bytes(request) -> int:
    try:
        return max(0, int(request.META.get("CONTENT_LENGTH") or 0))
    except ValueError:
        return 0


def declared_file_bytes(request) -> int:
    """The largest the uploaded file can be, judging by the declared body size."""
    return max(0, declared_body_bytes(request) - UPLOAD_OVERHEAD)
