from rest_framework import serializers


class LoginSerializer(serializers.Serializer):
    username = serializers.CharField(label="工号或手机号", max_length=64)
    password = serializers.CharField(label="密码", max_length=128, trim_whitespace=False)


class PasswordChangeSerializer(serializers.Serializer):
    old_password = serializers.CharField(label="原密码", max_length=128, trim_whitespace=False)
    new_password = serializers.CharField(label="新密码", max_length=128, trim_whitespace=False)


class TokenSerializer(serializers.Serializer):
    token = serializers.CharField(help_text="放在请求头 Authorization: Token <token> 中使用")
    expires_at = serializers.DateTimeField(help_text="过期时间；过期后请重新获取")


class UnlockResultSerializer(serializers.Serializer):
    detail = serializers.CharField()
    cleared = serializers.IntegerField(help_text="解除锁定的来源地址数")
