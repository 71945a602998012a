"""The product's URLs plus /bench/bare, a bare Django view returning small JSON through the
same middleware and server: the machine's own baseline for request rates."""

from django.http import JsonResponse
from django.urls import include, path


def bare(request):
    return JsonResponse({"ok": True, "n": 1})


urlpatterns = [
    path("bench/bare", bare),
    path("", include("config.urls")),
]
