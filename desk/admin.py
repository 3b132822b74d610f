"""The record of sign-offs, read-only: they are made and revoked on the desk, never edited."""

from django.contrib import admin

from .models import IssueSignOff, PageSignOff


class SignOffAdmin(admin.ModelAdmin):
    list_display = ["target", "signed_by", "signed_at", "note", "revoked_by", "revoked_at"]
    list_select_related = ["signed_by", "revoked_by"]
    date_hierarchy = "signed_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        # Revoking keeps the row (SignOff.revoke): nothing is deleted from the record.
        return False


@admin.register(PageSignOff)
class PageSignOffAdmin(SignOffAdmin):
    list_select_related = [*SignOffAdmin.list_select_related, "page__issue"]

    @admin.display(description="版", ordering="page__issue__date")
    def target(self, sign_off):
        return f"{sign_off.page.issue} {sign_off.page}"


@admin.register(IssueSignOff)
class IssueSignOffAdmin(SignOffAdmin):
    list_select_related = [*SignOffAdmin.list_select_related, "issue"]

    @admin.display(description="期", ordering="issue__date")
    def target(self, sign_off):
        return str(sign_off.issue)
