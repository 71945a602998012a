"""The study-needs survey: cadres vote or propose; org admins read the ranking in scope."""

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from apps.common import scoping
from apps.common.filters import filter_parameters, valid_filters
from apps.common.permissions import IsCadre, IsOrgAdmin
from apps.training import selectors
from apps.training.api import serializers as s
from apps.training.api.filters import RankingFilter
from apps.training.models import StudyVote
from apps.training.services import study_needs


class StudyNeedsView(APIView):
    permission_classes = [IsCadre]

    @extend_schema(
        responses=inline_serializer(
            "StudyNeeds",
            {
                "knowledge_points": s.StudyNeedKnowledgePointSerializer(many=True),
                "topics": s.StudyTopicSerializer(many=True),
                "my_votes": s.StudyVoteSerializer(many=True),
            },
        )
    )
    def get(self, request):
        user = request.user
        votes = list(StudyVote.objects.filter(user=user).select_related("knowledge_point", "topic"))
        by_kp = {v.knowledge_point_id: v.pk for v in votes if v.knowledge_point_id}
        kps = selectors.votable_knowledge_points(user).order_by("name")
        return Response(
            {
                "knowledge_points": [
                    {"id": kp.id, "name": kp.name, "my_vote": by_kp.get(kp.id)} for kp in kps
                ],
                "topics": s.StudyTopicSerializer(
                    study_needs.visible_topics(user)[:200], many=True
                ).data,
                "my_votes": s.StudyVoteSerializer(votes, many=True).data,
            }
        )


class StudyVoteView(APIView):
    permission_classes = [IsCadre]

    @extend_schema(request=s.StudyVoteInSerializer, responses={201: s.StudyVoteSerializer})
    def post(self, request):
        data = s.StudyVoteInSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        vote = study_needs.vote(request.user, **data.validated_data)
        return Response(s.StudyVoteSerializer(vote).data, status=status.HTTP_201_CREATED)


class StudyVoteDetailView(APIView):
    permission_classes = [IsCadre]

    @extend_schema(responses={204: None})
    def delete(self, request, pk: int):
        study_needs.withdraw(request.user, pk)
        return Response(status=status.HTTP_204_NO_CONTENT)


class StudyTopicView(APIView):
    permission_classes = [IsCadre]

    @extend_schema(
        request=s.StudyTopicInSerializer,
        responses={
            201: inline_serializer(
                "StudyTopicProposed",
                {"topic": s.StudyTopicSerializer(), "created": serializers.BooleanField()},
            )
        },
    )
    def post(self, request):
        data = s.StudyTopicInSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        topic, created = study_needs.propose(request.user, **data.validated_data)
        return Response(
            {"topic": s.StudyTopicSerializer(topic).data, "created": created},
            status=status.HTTP_201_CREATED if created else status.HTTP_200_OK,
        )


class StudyNeedRankingView(APIView):
    permission_classes = [IsOrgAdmin]

    @extend_schema(
        parameters=filter_parameters(RankingFilter),
        responses=s.RankingRowSerializer(many=True),
    )
    def get(self, request):
        query = valid_filters(RankingFilter, request, StudyVote.objects.none())
        unit = None
        if unit_id := query.form.cleaned_data.get("unit"):
            unit = get_object_or_404(scoping.units_in_scope(request.user), pk=unit_id)
        return Response(
            s.RankingRowSerializer(selectors.study_need_ranking(request.user, unit), many=True).data
        )
