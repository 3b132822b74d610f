"""Serving an original to an editor: whoever calls this has checked the permission."""

import mimetypes

from django.http import FileResponse, Http404
from django.utils.cache import patch_cache_control


def original_response(file):
    """The stored original as a download-free, never-cached response; 404 if it is gone."""
    if not file:
        raise Http404("没有原图。")
    try:
        handle = file.storage.open(file.name, "rb")
    except FileNotFoundError as error:
        raise Http404("原图文件不存在。") from error
    content_type = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
    response = FileResponse(handle, content_type=content_type)
    patch_cache_control(response, private=True, no_store=True)
    return response
