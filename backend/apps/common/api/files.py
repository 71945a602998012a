"""File answers of the API (spreadsheets built for one response)."""

from urllib.parse import quote

from django.http import HttpResponse

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def xlsx_response(content: bytes, filename: str, *, private: bool = False) -> HttpResponse:
    """An xlsx download; `private` keeps it out of every cache (one-time passwords)."""
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(filename)}"
    if private:
        response["Cache-Control"] = "no-store"
    return response
