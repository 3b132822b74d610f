"""The model field of an uploaded original: checked, named by its content, kept private.

A FileField, not an ImageField: Django's ImageField judges the type by the file's extension
(validate_image_file_extension) and reads the size without the EXIF orientation. This one runs
photos.checks on the content, stores the file in the private storage (photos.storage) under
the SHA-256 of its bytes with the extension of its real format, and records the checked
PhotoInfo on the file so that the model can keep the width and height as displayed.
"""

import hashlib

from django.db import models
from django.db.models.fields.files import FieldFile

from . import checks, forms
from .storage import originals

UPLOAD_DIR = "photos/originals"


def uploaded_info(file):
    """The PhotoInfo of a file not stored yet (a FieldFile or an upload): every check is run
    once per file, and the result kept on it; raises ValidationError."""
    uploaded = file.file if isinstance(file, FieldFile) else file
    if getattr(uploaded, "photo_info", None) is None:
        uploaded.photo_info = checks.inspect_upload(uploaded)
    return uploaded.photo_info


def check_original(file):
    """The field's validator: a stored file was checked when it was uploaded."""
    if not getattr(file, "_committed", True):
        uploaded_info(file)


def content_name(file, info):
    digest = hashlib.sha256()
    file.seek(0)
    for chunk in file.chunks():
        digest.update(chunk)
    file.seek(0)
    sha = digest.hexdigest()
    return f"{UPLOAD_DIR}/{sha[:2]}/{sha}.{info.extension}"


class PhotoFileField(models.FileField):
    default_validators = [check_original]

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("upload_to", UPLOAD_DIR)
        kwargs.setdefault("max_length", 200)
        kwargs.pop("storage", None)
        super().__init__(*args, **kwargs)
        self._storage_callable = originals  # what deconstruct() writes into migrations

    @property
    def storage(self):
        """Always STORAGES["photo_originals"], looked up at each use: a storage taken once when
        the model class is made would outlive a change of settings."""
        return originals()

    @storage.setter
    def storage(self, value):
        pass  # FileField.__init__ assigns one; the originals' storage is not a choice per field

    def pre_save(self, model_instance, add):
        file = getattr(model_instance, self.attname)
        if file and not file._committed:
            uploaded = file.file
            name = content_name(uploaded, uploaded_info(uploaded))
            # The same photo uploaded twice is stored once.
            if file.storage.exists(name):
                file.name, file._committed = name, True
            else:
                file.save(name, uploaded, save=False)
                # The storage kept our name: generate_filename() leaves it as given.
        return file

    def generate_filename(self, instance, filename):
        # The name comes from the content (pre_save); upload_to dates play no part.
        return self.storage.generate_filename(filename)

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": forms.PhotoUploadField, **kwargs})
