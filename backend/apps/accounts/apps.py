from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "apps.accounts"
    verbose_name = "用户与组织"

    def ready(self):
        from apps.accounts import signals  # noqa: F401  (connects the lockout log)
