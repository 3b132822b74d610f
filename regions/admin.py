from django.contrib import admin

from .models import Region


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "short_name", "kind", "parent"]
    list_filter = ["kind"]
    # ^code matches a prefix, so 3305 finds 湖州市 and everything under it.
    search_fields = ["^code", "name", "short_name"]
    list_select_related = ["parent"]
    autocomplete_fields = ["parent"]
    ordering = ["code"]
    fields = ["code", "name", "short_name", "kind", "parent", "slug"]
