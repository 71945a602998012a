"""The author's endpoints (draft, photos, submit, withdraw) and the admin's case actions."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.generics import ListAPIView
from rest_framework.response import Response
from rest_framework.views import APIView

from apps.cases import conf, errors, selectors
from apps.cases.api import serializers as s
from apps.cases.api.filters import CaseFilter
from apps.cases.api.presenters import case_detail
from apps.cases.models import Case
from apps.cases.services import assignment, cases, images, oversight, results
from apps.common.api.parsers import MultiPartParser
from apps.common.errors import Forbidden, InvalidInput, NotFound
from apps.common.filters import valid_filters
from apps.common.permissions import IsCadre, IsOrgAdmin
from apps.common.uploads import declared_file_bytes

# Multipart framing around the file: a refusal by Content-Length keeps this much slack.


class CaseListView(ListAPIView):
    serializer_class = s.CaseListSerializer
    queryset = Case.objects.none()  # for the schema; the real one is scoped

    filterset_class = CaseFilter

    def get_queryset(self):
        user = self.request.user
        if getattr(self, "swagger_fake_view", False):
            return Case.objects.none()
        query = valid_filters(CaseFilter, self.request, Case.objects.none())
        if user.is_org_admin and not query.form.cleaned_data.get("mine"):
            return selectors.cases_for_admin(user)
        return Case.objects.filter(author=user).select_related(
            "call__rubric", "author", "author_unit", "result"
        )

    @extend_schema(request=s.CaseInputSerializer, responses={201: s.CaseSerializer})
    def post(self, request):
        if not IsCadre().has_permission(request, self):
            raise Forbidden("仅干部可以撰写案例")
        data = s.CaseInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        if (
            not selectors.calls_visible_to(request.user)
            .filter(pk=data.validated_data["call"].pk)
            .exists()
        ):
            raise NotFound()
        case = cases.start_case(author=request.user, **data.validated_data)
        return Response(case_detail(case, request), status=status.HTTP_201_CREATED)


class CaseDetailView(APIView):
    @extend_schema(responses=s.CaseSerializer)
    def get(self, request, pk):
        return Response(case_detail(selectors.case_for(request.user, pk), request))

    @extend_schema(request=s.CaseDraftSerializer, responses=s.CaseSerializer)
    def patch(self, request, pk):
        data = s.CaseDraftSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        case = cases.save_draft(pk, request.user, **data.validated_data)
        return Response(case_detail(case, request))


class CaseImageView(APIView):
    parser_classes = [MultiPartParser]

    def initial(self, request, *args, **kwargs):
        # Refuse an oversized upload from its declared length before anything reads the
        # body: session authentication's CSRF check would parse the whole multipart first.
        if declared_file_bytes(request) > conf.image_max_bytes():
            raise images.too_large_error()
        super().initial(request, *args, **kwargs)

    @extend_schema(
        request={
            "multipart/form-data": {
                "type": "object",
                "properties": {"file": {"type": "string", "format": "binary"}},
            }
        },
        responses={201: s.CaseImageSerializer},
    )
    def post(self, request, pk):
        upload = request.FILES.get("file")
        if upload is None:
            raise InvalidInput(errors.IMAGE_REQUIRED, {"file": [errors.IMAGE_REQUIRED]})
        if upload.size > conf.image_max_bytes():
            raise images.too_large_error()
        image = images.add_image(pk, request.user, upload.read())
        return Response(
            s.CaseImageSerializer(image, context={"request": request}).data,
            status=status.HTTP_201_CREATED,
        )


class CaseImageDetailView(APIView):
    @extend_schema(responses={204: None})
    def delete(self, request, pk, image_id):
        images.delete_image(pk, request.user, image_id)
        return Response(status=status.HTTP_204_NO_CONTENT)


class CaseSubmitView(APIView):
    @extend_schema(request=s.CaseSubmitSerializer, responses=s.CaseSerializer)
    def post(self, request, pk):
        data = s.CaseSubmitSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        case = cases.submit_case(pk, request.user, **data.validated_data)
        return Response(case_detail(case, request))


class CaseWithdrawView(APIView):
    @extend_schema(request=None, responses=s.CaseSerializer)
    def post(self, request, pk):
        return Response(case_detail(cases.withdraw_case(pk, request.user), request))


class CaseReviewersView(APIView):
    """Who reviews a case: admins only, by name for the call's organizer and as 评审员1,
    评审员2… for the author's own unit's admin. The author is told plainly that this stays
    hidden."""

    @extend_schema(responses=s.CaseReviewerSerializer(many=True))
    def get(self, request, pk):
        case = selectors.case_for(request.user, pk)
        if not request.user.is_org_admin or case.author_id == request.user.pk:
            raise Forbidden(errors.CASE_REVIEWERS_HIDDEN, code="reviewers_hidden")
        # Oldest first, as they are numbered (评审员1, 评审员2…).
        reviews = list(
            case.assignments.select_related("case__call__org_unit", "reviewer__org_unit").order_by(
                "pk"
            )
        )
        who = selectors.reviewer_identities(request.user, reviews)
        rows = [
            {
                "assignment": a.pk,
                **who[a.pk],
                "kind": a.kind,
                "round": a.round,
                "status": a.status,
                "total": a.total,
            }
            for a in reviews
        ]
        return Response(s.CaseReviewerSerializer(rows, many=True).data)

    @extend_schema(request=s.CaseReviewerChoiceSerializer, responses={201: dict})
    def post(self, request, pk):
        if not request.user.is_org_admin:
            raise Forbidden()
        case = selectors.cases_for_admin(request.user).filter(pk=pk).first()
        if case is None:
            raise NotFound()
        data = s.CaseReviewerChoiceSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        made = assignment.add_reviewer(case.pk, data.validated_data["reviewer"], by=request.user)
        return Response({"assignment": made.pk, "kind": made.kind}, status=status.HTTP_201_CREATED)


def _admin_case(request, pk) -> Case:
    case = selectors.cases_for_admin(request.user).filter(pk=pk).first()
    if case is None:
        raise NotFound()
    return case


class CasePublishView(APIView):
    permission_classes = [IsOrgAdmin]

    @extend_schema(request=s.CasePublishSerializer, responses=s.CaseSerializer)
    def post(self, request, pk):
        data = s.CasePublishSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        case = results.publish(_admin_case(request, pk).pk, by=request.user, **data.validated_data)
        return Response(case_detail(case, request))

    @extend_schema(responses=s.CaseSerializer)
    def delete(self, request, pk):
        case = results.unpublish(_admin_case(request, pk).pk, by=request.user)
        return Response(case_detail(case, request))


class CaseScoreView(APIView):
    permission_classes = [IsOrgAdmin]

    @extend_schema(request=s.CaseScoreAdjustSerializer, responses=s.CaseSerializer)
    def post(self, request, pk):
        data = s.CaseScoreAdjustSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        results.adjust_score(_admin_case(request, pk).pk, by=request.user, **data.validated_data)
        return Response(case_detail(selectors.case_for(request.user, pk), request))


class CaseCandidatesView(APIView):
    """Who could review (or arbitrate) this case: the call's pool, each with why not."""

    permission_classes = [IsOrgAdmin]

    @extend_schema(responses=s.ReviewerCandidateSerializer(many=True))
    def get(self, request, pk):
        case = _admin_case(request, pk)
        rows = oversight.candidates(case, by=request.user)
        return Response(s.ReviewerCandidateSerializer(rows, many=True).data)


class CaseArbitrateView(APIView):
    """The organizer decides a case in arbitration: the final score and the reason."""

    permission_classes = [IsOrgAdmin]

    @extend_schema(request=s.CaseArbitrateSerializer, responses=s.CaseSerializer)
    def post(self, request, pk):
        data = s.CaseArbitrateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        oversight.arbitrate(_admin_case(request, pk).pk, by=request.user, **data.validated_data)
        return Response(case_detail(selectors.case_for(request.user, pk), request))
