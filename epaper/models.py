"""A page's PDF, its pictures (版面图) in several sizes, its photos and each article's zone.

Coordinates are fractions of the page, [x0, top, x1, bottom] from the top left corner, so a
zone fits the page image at any size. Files go through Django's storage API under names made
from their content, so storing the same page twice writes nothing new.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone


def validate_rects(value):
    """A list of [x0, top, x1, bottom] with 0 <= x0 < x1 <= 1 and 0 <= top < bottom <= 1."""
    if not isinstance(value, list) or not value:
        raise ValidationError("热区至少要有一个矩形。")
    for rect in value:
        if not (isinstance(rect, list | tuple) and len(rect) == 4):
            raise ValidationError("每个矩形是 [左, 上, 右, 下] 四个数。")
        if not all(isinstance(v, int | float) and not isinstance(v, bool) for v in rect):
            raise ValidationError("矩形的坐标必须是数字。")
        x0, top, x1, bottom = rect
        if not (0 <= x0 < x1 <= 1 and 0 <= top < bottom <= 1):
            raise ValidationError("矩形坐标是版面宽高的比例（0–1），且左小于右、上小于下。")


class PagePdf(models.Model):
    page = models.OneToOneField(
        "articles.Page", verbose_name="版", on_delete=models.CASCADE, related_name="pdf"
    )
    file = models.FileField("PDF 文件", max_length=200)
    original_name = models.CharField("原文件名", max_length=255)
    sha256 = models.CharField("SHA-256", max_length=64, db_index=True)
    pdf_page = models.PositiveSmallIntegerField(
        "PDF 页码",
        default=1,
        help_text="本版在 PDF 文件中是第几页（通常每版一个文件，即第 1 页）。",
    )
    width = models.FloatField("宽（点）")
    height = models.FloatField("高（点）")
    text = models.TextField(
        "提取的文字", blank=True, help_text="按阅读顺序提取、交给解析器的版面文字。"
    )
    line_boxes = models.JSONField(
        "各行位置",
        default=dict,
        blank=True,
        help_text="文字行号 → 该行在版面上的矩形（比例坐标）。",
    )
    warnings = models.JSONField("提示", default=list, blank=True)
    processed_at = models.DateTimeField("处理时间", default=timezone.now)

    class Meta:
        verbose_name = "版面 PDF"
        verbose_name_plural = "版面 PDF"
        ordering = ["page"]

    def __str__(self):
        return f"{self.page} PDF"

    @property
    def has_text(self):
        return bool(self.text)

    @property
    def aspect_ratio(self):
        return self.height / self.width


class PageRendition(models.Model):
    class Kind(models.TextChoices):
        DESKTOP = "desktop", "桌面版面图"
        PHONE = "phone", "手机版面图"
        THUMBNAIL = "thumbnail", "缩略图"

    class Format(models.TextChoices):
        WEBP = "webp", "WebP"
        JPEG = "jpeg", "JPEG"

    page_pdf = models.ForeignKey(
        PagePdf, verbose_name="版面 PDF", on_delete=models.CASCADE, related_name="renditions"
    )
    kind = models.CharField("用途", max_length=10, choices=Kind.choices)
    format = models.CharField("格式", max_length=4, choices=Format.choices)
    width = models.PositiveIntegerField("宽（像素）")
    height = models.PositiveIntegerField("高（像素）")
    file = models.FileField("图片文件", max_length=200)

    class Meta:
        verbose_name = "版面图"
        verbose_name_plural = "版面图"
        ordering = ["page_pdf", "-width", "format"]
        constraints = [
            models.UniqueConstraint(
                fields=["page_pdf", "kind", "format"], name="page_rendition_unique"
            ),
        ]

    def __str__(self):
        size = f"{self.width}×{self.height}"
        return f"{self.page_pdf.page} {self.get_kind_display()} {size} {self.get_format_display()}"


class ZoneQuerySet(models.QuerySet):
    def corrected(self):
        return self.filter(corrected_at__isnull=False)


class Zone(models.Model):
    """One article's area on its page: the rectangles a reader clicks to open it."""

    page_pdf = models.ForeignKey(
        PagePdf, verbose_name="版面 PDF", on_delete=models.CASCADE, related_name="zones"
    )
    position = models.PositiveSmallIntegerField("稿件顺序", help_text="与本版稿件的顺序相同。")
    article = models.ForeignKey(
        "articles.Article",
        verbose_name="稿件",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="zones",
    )
    rects = models.JSONField(
        "矩形",
        validators=[validate_rects],
        help_text="[左, 上, 右, 下]，按版面宽高的比例（0–1），原点在左上角。",
    )
    lines = models.JSONField("文字行号", default=list, blank=True)
    corrected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="校正人",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    corrected_at = models.DateTimeField(
        "校正时间", null=True, blank=True, help_text="编辑校正过的热区，重新导入时保留。"
    )

    objects = ZoneQuerySet.as_manager()

    class Meta:
        verbose_name = "热区"
        verbose_name_plural = "热区"
        ordering = ["page_pdf", "position"]
        constraints = [
            models.UniqueConstraint(fields=["page_pdf", "position"], name="zone_position_unique"),
        ]

    def __str__(self):
        return f"{self.page_pdf.page} 热区{self.position}"

    @property
    def is_corrected(self):
        return self.corrected_at is not None

    def correct(self, rects, user, article=None):
        """An editor's rectangles (and, if given, the article the zone opens): validated,
        recorded as theirs, kept on re-import."""
        validate_rects(rects)
        self.rects = [[float(v) for v in rect] for rect in rects]
        self.corrected_by = user
        self.corrected_at = timezone.now()
        fields = ["rects", "corrected_by", "corrected_at"]
        if article is not None:
            self.article = article
            fields.append("article")
        self.save(update_fields=fields)


class PagePhoto(models.Model):
    """A photo embedded in the page PDF, taken out as a file, with the article it belongs to."""

    page_pdf = models.ForeignKey(
        PagePdf, verbose_name="版面 PDF", on_delete=models.CASCADE, related_name="photos"
    )
    position = models.PositiveSmallIntegerField("顺序")
    box = models.JSONField("位置", help_text="[左, 上, 右, 下]，按版面宽高的比例（0–1）。")
    file = models.FileField("图片文件", max_length=200, blank=True)
    width = models.PositiveIntegerField("宽（像素）")
    height = models.PositiveIntegerField("高（像素）")
    article = models.ForeignKey(
        "articles.Article",
        verbose_name="稿件",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="page_photos",
    )
    photo = models.ForeignKey(
        "articles.Photo",
        verbose_name="稿件图片",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="page_photos",
        help_text="图片说明和署名所属的稿件图片。",
    )

    class Meta:
        verbose_name = "版面图片"
        verbose_name_plural = "版面图片"
        ordering = ["page_pdf", "position"]
        constraints = [
            models.UniqueConstraint(fields=["page_pdf", "position"], name="page_photo_unique"),
        ]

    def __str__(self):
        return f"{self.page_pdf.page} 图{self.position}"
