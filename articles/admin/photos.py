"""The article form's photos: upload with a preview, caption, credits, alt text; the original
served to editors only, through a view that checks they may see the article."""

from django import forms
from django.contrib import admin
from django.urls import reverse

from articles.models import Photo
from photos.forms import PhotoInput
from photos.views import original_response


def original_url(file):
    photo = file.instance
    return reverse("admin:articles_article_photo_original", args=[photo.article_id, photo.pk])


def preview_url(file):
    picture = file.instance.picture
    return picture.jpeg[0].url if picture else None


class PhotoForm(forms.ModelForm):
    class Meta:
        model = Photo
        fields = ["position", "image", "caption", "alt"]
        widgets = {
            "image": PhotoInput(original_url=original_url, preview_url=preview_url),
            "caption": forms.Textarea(attrs={"rows": 3, "cols": 30}),
            "alt": forms.Textarea(attrs={"rows": 3, "cols": 24}),
        }


class PhotoInlineMixin:
    """What the photo inline adds to ArticlePartInline: the form and the credits column."""

    model = Photo
    form = PhotoForm
    fields = ["position", "image", "caption", "credit_names", "alt"]
    readonly_fields = ["credit_names"]
    ordering = ["position"]
    extra = 0

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("credits__reporter")

    @admin.display(description="署名")
    def credit_names(self, photo):
        credits = [str(credit) for credit in photo.credits.all()] if photo.pk else []
        # Credits are Byline rows (they count in the contributors' statistics): chosen below.
        return "、".join(credits) or "在下方“署名”中添加，并选择本图"


class PhotoOriginalView:
    """ArticleAdmin's view of one photo's original (URL in ArticleAdmin.get_urls)."""

    def photo_original_view(self, request, object_id, photo_id):
        # Refused (403) unless the editor may see the article itself; 404 for a stranger's id.
        article = self.article_or_refuse(request, object_id)
        photo = article.photos.filter(pk=photo_id).first()
        return original_response(photo.image if photo else None)
