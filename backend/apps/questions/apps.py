from django.apps import AppConfig


class QuestionsConfig(AppConfig):
    name = "apps.questions"
    verbose_name = "题库"
