"""The form field and widget of an uploaded photo: the checks on upload, a preview of it."""

from django import forms

from . import checks


class PhotoInput(forms.ClearableFileInput):
    """A file input that shows the stored photo as a small rendition with a link to the original.

    The original has no public URL: `original_url(value)` (set by whoever uses the widget, e.g.
    the admin) gives the address of the view that serves it to editors, and `preview_url(value)`
    a public rendition's.
    """

    template_name = "photos/widgets/photo_input.html"

    def __init__(self, attrs=None, original_url=None, preview_url=None):
        super().__init__(attrs={"accept": "image/jpeg,image/png,image/webp", **(attrs or {})})
        self.original_url = original_url
        self.preview_url = preview_url

    def is_initial(self, value):
        return bool(value and getattr(value, "name", None) and getattr(value, "_committed", True))

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        stored = self.is_initial(value)
        context["widget"].update(
            original_url=self.original_url(value) if stored and self.original_url else None,
            preview_url=self.preview_url(value) if stored and self.preview_url else None,
        )
        return context


class PhotoUploadField(forms.FileField):
    widget = PhotoInput

    def to_python(self, data):
        file = super().to_python(data)
        if file is None:
            return None
        # Checked here so that the editor sees the reason beside the field; the model's
        # validator then finds the result on the file and does not check again.
        file.photo_info = checks.inspect_upload(file)
        return file
