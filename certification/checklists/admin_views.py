"""Admin views of checklist versions: Wagtail's listing and edit views taught about locked
versions, and the views that import, export, copy and publish a version through the checklist
services. Permissions are the versions' permission policy: "add" to import or make a new
version, "change" to publish, any permission to export."""

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.text import capfirst, slugify
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView, View
from wagtail.admin import messages
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.widgets.button import Button, HeaderButton
from wagtail.snippets.views import snippets as snippet_views

from certification.checklists.files import ChecklistFileError, dump_xlsx, dump_yaml, read_checklist
from certification.checklists.forms import ChecklistImportForm, NewVersionForm
from certification.checklists.models import Standard, StandardVersion
from certification.checklists.services import (
    checklist_export,
    checklist_import,
    version_copy,
    version_issues,
    version_publish,
)

LOCKED_MESSAGE = _("This version already has self-assessments; make a new version to change it.")

EXPORT_FORMATS = {
    "yaml": ("application/yaml; charset=utf-8", lambda data: dump_yaml(data).encode("utf-8")),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", dump_xlsx),
}


def export_filename(version: StandardVersion, file_format: str) -> str:
    """``<standard-code>-<label-slug>.<format>``: "globalgap-ifa-fv-54-gfs-training.yaml"."""
    label = slugify(version.label.replace("đ", "d").replace("Đ", "D")) or str(version.pk)
    return f"{version.standard.code}-{label}.{file_format}"


class VersionUrlsMixin:
    """URL names of the versions' own views, filled in by the viewset."""

    import_url_name = None
    export_url_name = None
    new_version_url_name = None
    publish_url_name = None

    def version_url(self, name: str, version: StandardVersion, *args) -> str:
        return reverse(getattr(self, f"{name}_url_name"), args=(version.pk, *args))


class VersionIndexView(VersionUrlsMixin, snippet_views.IndexView):
    @cached_property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        if self.import_url_name and self.user_has_permission("add"):
            buttons.append(HeaderButton(gettext("Import a file"), url=reverse(self.import_url_name),
                                        icon_name="upload"))
        return buttons

    def get_list_more_buttons(self, instance):
        buttons = list(super().get_list_more_buttons(instance))
        if (instance.status != StandardVersion.Status.PUBLISHED
                and self.user_has_permission("change")):
            buttons.append(Button(gettext("Publish"), url=self.version_url("publish", instance),
                                  icon_name="upload", priority=15))
        if self.user_has_permission("add"):
            buttons.append(Button(gettext("Make a new version"),
                                  url=self.version_url("new_version", instance),
                                  icon_name="copy", priority=20))
        buttons += [
            Button(gettext("Download YAML"), url=self.version_url("export", instance, "yaml"),
                   icon_name="download", priority=40),
            Button(gettext("Download Excel (XLSX)"),
                   url=self.version_url("export", instance, "xlsx"), icon_name="download",
                   priority=41),
        ]
        return buttons


class VersionCreateView(snippet_views.CreateView):
    def save_instance(self):
        self.form.instance.created_by = self.request.user
        return super().save_instance()


class _ContentRefused(Exception):
    def __init__(self, issues: list[str]):
        super().__init__(issues)
        self.issues = issues


class VersionEditView(VersionUrlsMixin, snippet_views.EditView):
    """Editing a version: refused when it is locked, and a published version must keep passing
    the file checks, since new assessments use it."""

    content_issues = ()

    def get_queryset(self):
        # The nested formsets read these relations of every section and control point.
        return StandardVersion.objects.prefetch_related(
            "profile_questions", "sections__control_points__options",
            "sections__control_points__recommended_courses")

    @cached_property
    def is_locked(self) -> bool:
        return self.object.is_locked

    def post(self, request, *args, **kwargs):
        self.object = self.get_object()
        if self.is_locked:
            if self.expects_json_response:
                return self.json_error_response("locked", str(LOCKED_MESSAGE))
            messages.error(request, LOCKED_MESSAGE)
            return redirect(self.get_edit_url())
        return super().post(request, *args, **kwargs)

    def save_instance(self):
        instance = super().save_instance()
        if instance.status == StandardVersion.Status.PUBLISHED:
            issues = version_issues(version=instance)
            if issues:
                raise _ContentRefused(issues)  # inside form_valid's transaction: rolled back
        return instance

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except _ContentRefused as refused:
            self.content_issues = refused.issues
            self.produced_error_message = gettext(
                "The version is published, so it must stay complete; nothing was saved.")
            return self.form_invalid(form)

    @cached_property
    def header_buttons(self):
        buttons = []
        if (not self.is_locked and self.object.status != StandardVersion.Status.PUBLISHED
                and self.user_has_permission("change")):
            buttons.append(HeaderButton(gettext("Publish"),
                                        url=self.version_url("publish", self.object),
                                        icon_name="upload"))
        if self.user_has_permission("add"):
            buttons.append(HeaderButton(gettext("Make a new version"),
                                        url=self.version_url("new_version", self.object),
                                        icon_name="copy"))
        return buttons

    @cached_property
    def header_more_buttons(self):
        return [
            *super().header_more_buttons,
            Button(gettext("Download YAML"), url=self.version_url("export", self.object, "yaml"),
                   icon_name="download", priority=40),
            Button(gettext("Download Excel (XLSX)"),
                   url=self.version_url("export", self.object, "xlsx"), icon_name="download",
                   priority=41),
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["is_locked"] = self.is_locked
        context["locked_message"] = LOCKED_MESSAGE
        context["content_issues"] = self.content_issues
        if self.user_has_permission("add"):
            context["new_version_url"] = self.version_url("new_version", self.object)
        return context


class VersionAdminView(VersionUrlsMixin, PermissionCheckedMixin, WagtailAdminTemplateMixin):
    """The furniture of the versions' own admin pages: model, icon and breadcrumbs."""

    model = StandardVersion
    header_icon = "tasks"
    index_url_name = None
    edit_url_name = None
    version = None

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        if "pk" in kwargs:
            self.version = get_object_or_404(
                StandardVersion.objects.select_related("standard"), pk=kwargs["pk"])

    def edit_url(self, version: StandardVersion) -> str:
        return reverse(self.edit_url_name, args=(version.pk,))

    def get_breadcrumbs_items(self):
        items = [{"url": reverse(self.index_url_name),
                  "label": capfirst(StandardVersion._meta.verbose_name_plural)}]
        if self.version is not None:
            items.append({"url": self.edit_url(self.version), "label": str(self.version)})
        items.append({"url": "", "label": self.get_page_title()})
        return [*self.breadcrumbs_items, *items]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["version"] = self.version
        if self.version is not None:
            context["edit_url"] = self.edit_url(self.version)
        return context


class VersionFormView(VersionAdminView, FormView):
    """A form page in the admin's look (``wagtailadmin/generic/form.html``)."""

    submit_button_label = _("Save")
    submit_button_active_label = pgettext_lazy("saving state", "Saving…")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = context["form"]
        context.update({
            "action_url": self.request.get_full_path(),
            "submit_button_label": self.submit_button_label,
            "submit_button_active_label": self.submit_button_active_label,
            "media": form.media,
            "has_unsaved_changes": False,
        })
        return context


class ChecklistImportView(VersionFormView):
    permission_required = "add"
    page_title = _("Import a checklist file")
    template_name = "certification/checklists/admin/checklist_import.html"
    form_class = ChecklistImportForm
    submit_button_label = pgettext_lazy("checklist file", "Import")
    submit_button_active_label = _("Importing…")

    def form_valid(self, form):
        upload = form.cleaned_data["file"]
        try:
            data = read_checklist(upload.read(), upload.name)
            replaced = StandardVersion.objects.filter(
                standard__code=data.standard_code, label=data.label).exists()
            version = checklist_import(data=data, user=self.request.user,
                                       publish=form.cleaned_data["publish"])
        except ChecklistFileError as error:
            return self.render_to_response(self.get_context_data(form=form, issues=error.issues,
                                                                 filename=upload.name))
        if replaced:
            message = gettext("Version “%(version)s” was replaced by the file's content.")
        else:
            message = gettext("Version “%(version)s” was imported.")
        if version.status == StandardVersion.Status.PUBLISHED:
            message += " " + gettext("It is published.")
        else:
            message += " " + gettext("It is a draft: review it, then publish it.")
        messages.success(self.request, message % {"version": version})
        return redirect(self.edit_url(version))


class ChecklistExportView(VersionUrlsMixin, PermissionCheckedMixin, View):
    model = StandardVersion
    any_permission_required = ["add", "change", "view"]

    def get(self, request, pk, file_format):
        if file_format not in EXPORT_FORMATS:
            raise Http404
        version = get_object_or_404(StandardVersion.objects.select_related("standard"), pk=pk)
        content_type, dump = EXPORT_FORMATS[file_format]
        content = dump(checklist_export(version=version))
        filename = export_filename(version, file_format)
        return HttpResponse(content, content_type=content_type,
                            headers={"Content-Disposition": f'attachment; filename="{filename}"'})


class NewVersionView(VersionFormView):
    """A new draft with the content of a version, which can then be changed: how a locked
    version is changed."""

    permission_required = "add"
    page_title = _("Make a new version")
    template_name = "certification/checklists/admin/version_new.html"
    form_class = NewVersionForm
    submit_button_label = _("Make the new version")
    submit_button_active_label = _("Making the new version…")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "version": self.version}

    def form_valid(self, form):
        try:
            copy = version_copy(version=self.version, label=form.cleaned_data["label"],
                                user=self.request.user)
        except ChecklistFileError as error:
            return self.render_to_response(self.get_context_data(form=form, issues=error.issues))
        messages.success(self.request, gettext(
            "Version “%(copy)s” was made from “%(source)s”. It is a draft: change it, then "
            "publish it.") % {"copy": copy.label, "source": self.version.label})
        return redirect(self.edit_url(copy))


class VersionPublishView(VersionAdminView, TemplateView):
    permission_required = "change"
    page_title = _("Publish")
    template_name = "certification/checklists/admin/version_publish.html"

    def already_published(self):
        messages.info(self.request, gettext("Version “%(version)s” is already published.")
                      % {"version": self.version})
        return redirect(self.edit_url(self.version))

    def get(self, request, *args, **kwargs):
        if self.version.status == StandardVersion.Status.PUBLISHED:
            return self.already_published()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        if self.version.status == StandardVersion.Status.PUBLISHED:
            return self.already_published()
        issues = version_publish(version=self.version)
        if issues:
            return self.render_to_response(self.get_context_data(issues=issues))
        messages.success(request, gettext(
            "Version “%(version)s” is published: new self-assessments of %(standard)s use it.")
            % {"version": self.version, "standard": self.version.standard})
        return redirect(self.edit_url(self.version))


def refuse_protected_deletion(request, instances):
    """The message and way back when a version has assessments or a standard has versions,
    instead of the database's refusal; None when every instance may be deleted."""
    for instance in instances:
        if isinstance(instance, StandardVersion) and instance.assessments.exists():
            message = gettext("Version “%(version)s” has self-assessments and cannot be "
                              "deleted.") % {"version": instance}
        elif isinstance(instance, Standard) and instance.versions.exists():
            message = gettext("Standard “%(standard)s” has checklist versions and cannot be "
                              "deleted.") % {"standard": instance}
        else:
            continue
        messages.error(request, message)
        return redirect(reverse(instance.snippet_viewset.get_url_name("list")))
    return None
