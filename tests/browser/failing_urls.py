"""A URL whose view raises, for the tests of the live server's error capture."""

from django.urls import path


def boom(request):
    raise RuntimeError("测试用的服务器异常")


urlpatterns = [path("boom/", boom)]
