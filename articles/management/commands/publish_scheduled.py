from django.core.management.base import BaseCommand

from articles.models import Article


class Command(BaseCommand):
    help = (
        "把到点的定时发布稿件改为“已发布”。供 cron 每分钟运行；可重复、可并发运行。"
        "读者看到稿件不依赖本命令：发布规则本身比较发布时间与当前时间。"
    )

    def handle(self, *args, **options):
        published = Article.objects.publish_due()
        self.stdout.write(f"已发布 {len(published)} 篇到点的定时稿件。")
