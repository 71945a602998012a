from django.apps import AppConfig


class QuestionsConfig(AppConfig):
    name = "apps.questions"
    verbose_name = "题库"

    def ready(self):
        from apps.common import media
        from apps.questions import selectors

        media.register("materials", selectors.can_read_material_file)
        media.register("question-images", selectors.can_read_question_image)
