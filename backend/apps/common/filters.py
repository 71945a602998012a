"""List filters: every list declares a django-filter FilterSet (in its app's api/filters.py).

A bad value (a word where an id belongs, an id beyond 64 bits, an unknown choice) is a 400
with the common error body naming the query parameter, never a server error, and every
filter appears in the OpenAPI schema. Views built on ListAPIView get this from
DjangoFilterBackend; a plain APIView that lists calls `apply_filters` and declares
`filter_parameters(...)` in its extend_schema.
"""

from __future__ import annotations

import django_filters as df
from django import forms
from django_filters.utils import translate_validation
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema_field

MAX_ID = 2**63 - 1
BAD_ID = "应为正整数编号"
BAD_FLAG = "应为 1、0、true 或 false"
BAD_CHOICE = "「%(value)s」不是可选的值"
FLAG_VALUES = {"1": True, "true": True, "True": True, "0": False, "false": False, "False": False}


class IdField(forms.IntegerField):
    default_error_messages = {"invalid": BAD_ID, "min_value": BAD_ID, "max_value": BAD_ID}

    def __init__(self, **kwargs):
        super().__init__(min_value=1, max_value=MAX_ID, **kwargs)


class FlagField(forms.Field):
    """1/0/true/false, as the phone app and the console send them; anything else is an error."""

    default_error_messages = {"invalid": BAD_FLAG}

    def to_python(self, value):
        if value in (None, ""):
            return None
        if value not in FLAG_VALUES:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return FLAG_VALUES[value]


@extend_schema_field({"type": "integer", "minimum": 1, "maximum": MAX_ID})
class IdFilter(df.Filter):
    """An object id (a unit, a bank, a period...)."""

    field_class = IdField


@extend_schema_field({"type": "string", "enum": sorted(FLAG_VALUES)})
class FlagFilter(df.Filter):
    field_class = FlagField


class ChoiceFilter(df.ChoiceFilter):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("error_messages", {"invalid_choice": BAD_CHOICE})
        super().__init__(*args, **kwargs)


class TextFilter(df.CharFilter):
    """Free text, trimmed; an empty value filters nothing."""

    def filter(self, qs, value):
        return super().filter(qs, (value or "").strip())


def valid_filters(filterset_class, request, queryset):
    """The FilterSet bound to the query string, validated; a bad value is a 400."""
    filterset = filterset_class(request.query_params, queryset=queryset, request=request)
    if not filterset.is_valid():
        raise translate_validation(filterset.errors)
    return filterset


def apply_filters(filterset_class, request, queryset):
    return valid_filters(filterset_class, request, queryset).qs


def filter_parameters(filterset_class) -> list[OpenApiParameter]:
    """The FilterSet as OpenAPI query parameters, for views that are not GenericAPIViews."""
    params = []
    for name, field in filterset_class.base_filters.items():
        description = str(field.label or "")
        if isinstance(field, IdFilter):
            params.append(OpenApiParameter(name, OpenApiTypes.INT64, description=description))
        elif isinstance(field, FlagFilter):
            params.append(
                OpenApiParameter(name, str, enum=sorted(FLAG_VALUES), description=description)
            )
        elif isinstance(field, df.ChoiceFilter):
            choices = [value for value, _ in field.extra["choices"]]
            params.append(OpenApiParameter(name, str, enum=choices, description=description))
        else:
            params.append(OpenApiParameter(name, str, description=description))
    return params
