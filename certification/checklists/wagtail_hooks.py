"""Checklists in the Wagtail admin: a "Readiness" menu with the standards and their checklist
versions, which trainers author (sections, control points, options), import, export, copy and
publish; union officers read them. A version with self-assessments is never changed in place."""

from django.db.models import Count
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import hooks
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.tables import Column, StatusFlagColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from certification.checklists import admin_views
from certification.checklists.forms import StandardVersionAdminForm
from certification.checklists.models import Standard, StandardVersion
from certification.checklists.selectors import versions_for_listing


class StandardViewSet(SnippetViewSet):
    model = Standard
    icon = "list-ul"
    menu_label = _("Standards")
    copy_view_enabled = False
    list_display = ["code", "name_vi", "name_en",
                    Column("version_count", label=_("Versions"), sort_key="version_count")]
    search_fields = ["code", "name_vi", "name_en"]
    ordering = ["code"]

    def get_queryset(self, request):
        return Standard.objects.annotate(version_count=Count("versions"))


class StandardVersionViewSet(SnippetViewSet):
    model = StandardVersion
    icon = "tasks"
    menu_label = _("Checklist versions")
    # Wagtail's copy would copy the version without its sections; "Make a new version" copies
    # everything through version_copy.
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_fields = ["standard", "label", "rule", "status", "params", "note_vi", "note_en",
                           "published_at", "created_at"]
    list_display = [
        "label",
        "standard",
        "rule",
        "status",
        Column("point_count", label=_("Control points"), sort_key="point_count"),
        Column("assessment_count", label=_("Self-assessments"), sort_key="assessment_count"),
        # StandardVersion.is_locked from the annotation, without a query per row.
        StatusFlagColumn("locked", label=pgettext_lazy("checklist version", "Locked"),
                         true_label=pgettext_lazy("checklist version", "Locked"),
                         accessor=lambda version: (version.status != StandardVersion.Status.DRAFT
                                                   and version.assessment_count > 0)),
    ]
    list_filter = ["standard", "status"]
    search_fields = ["label", "standard__code"]
    edit_handler = ObjectList(StandardVersion.panels, base_form_class=StandardVersionAdminForm)
    index_view_class = admin_views.VersionIndexView
    add_view_class = admin_views.VersionCreateView
    edit_view_class = admin_views.VersionEditView
    edit_template_name = "certification/checklists/admin/version_edit.html"

    def get_queryset(self, request):
        return versions_for_listing()

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            import_url_name=self.get_url_name("import"),
            export_url_name=self.get_url_name("export"),
            new_version_url_name=self.get_url_name("new_version"),
            publish_url_name=self.get_url_name("publish"),
            **kwargs,
        )

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("import/", self.construct_view(admin_views.ChecklistImportView), name="import"),
            path("export/<int:pk>/<slug:file_format>/",
                 self.construct_view(admin_views.ChecklistExportView), name="export"),
            path("new-version/<int:pk>/", self.construct_view(admin_views.NewVersionView),
                 name="new_version"),
            path("publish/<int:pk>/", self.construct_view(admin_views.VersionPublishView),
                 name="publish"),
        ]


class ReadinessGroup(SnippetViewSetGroup):
    menu_label = _("Readiness")
    menu_icon = "tasks"
    menu_order = 210
    items = (StandardViewSet, StandardVersionViewSet)


register_snippet(ReadinessGroup)


@hooks.register("construct_snippet_action_menu")
def no_saving_a_locked_version(menu_items, request, context):
    instance = context.get("instance")
    if isinstance(instance, StandardVersion) and instance.is_locked:
        menu_items[:] = []


@hooks.register("before_delete_snippet")
def refuse_deleting_what_is_in_use(request, instances):
    return admin_views.refuse_protected_deletion(request, instances)
