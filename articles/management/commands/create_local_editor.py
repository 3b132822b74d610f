from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

USERNAME = "editor"
PASSWORD = "newsroom-editor"


class Command(BaseCommand):
    help = "本地开发：创建（或重置）编辑账号 editor，并打印登录方式。仅在 DEBUG 下可用。"

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("只在本地开发（DEBUG=1）时创建带固定密码的编辑账号。")
        user, created = get_user_model().objects.get_or_create(username=USERNAME)
        user.is_staff = True
        user.is_superuser = True
        user.set_password(PASSWORD)
        user.save()
        self.stdout.write(
            f"编辑账号{'已创建' if created else '已就绪'}：打开 http://127.0.0.1:8000/admin/ ，"
            f"用户名 {USERNAME}，密码 {PASSWORD}"
        )
