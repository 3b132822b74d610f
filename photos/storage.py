"""Where originals are kept: a storage of their own that has no public address.

Renditions are public (the default storage, under MEDIA_URL); the uploaded original is not:
it may carry the camera's EXIF data, GPS position included, and is the editors' own copy.
Editors fetch it through an admin view that checks their permission. STORAGES["photo_originals"]
names the storage: PrivateFileSystemStorage on one machine, a private S3 bucket beyond (README).
"""

from django.core.files.storage import FileSystemStorage, storages

ORIGINALS = "photo_originals"


class PrivateFileSystemStorage(FileSystemStorage):
    """Files on disk, outside MEDIA_ROOT, that no URL reaches."""

    def url(self, name):
        raise ValueError("原图不公开，没有网址：编辑在后台通过权限检查查看。")


def originals():
    """The storage of originals (a callable, so that the field's migration names no backend)."""
    return storages[ORIGINALS]
