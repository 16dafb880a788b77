"""Forms of the checklist admin: the version form with its nested sections, uploading a
checklist file to import, and naming the new version made from an existing one."""

from pathlib import PurePath

from django import forms
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from certification.checklists.files import LABEL_MAX_LENGTH, MAX_FILE_SIZE
from certification.checklists.models import StandardVersion

CHECKLIST_SUFFIXES = (".yaml", ".yml", ".xlsx")


class StandardVersionAdminForm(WagtailAdminModelForm):
    """Sub-sections come from imported files and are not shown as such in the form; deleting
    a section while keeping its sub-sections would leave them pointing at nothing."""

    def is_valid(self):
        if not super().is_valid():
            return False
        sections = self.formsets["sections"]
        deleted = {form.instance.pk: form.instance for form in sections.deleted_forms
                   if form.instance.pk}
        orphans: dict[int, list[str]] = {}
        for form in sections.forms:
            if form not in sections.deleted_forms and form.instance.parent_id in deleted:
                orphans.setdefault(form.instance.parent_id, []).append(form.instance.code)
        for parent_pk, codes in orphans.items():
            self.add_error(None, gettext(
                "Section “%(section)s” has the sub-sections %(children)s: delete them as well, "
                "or keep it.") % {"section": deleted[parent_pk].code,
                                  "children": ", ".join(codes)})
        return not orphans


class ChecklistImportForm(forms.Form):
    file = forms.FileField(
        label=_("Checklist file"),
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(CHECKLIST_SUFFIXES)}),
    )
    publish = forms.BooleanField(
        label=_("Publish after import"), required=False,
        help_text=_("New self-assessments use the newest published version of a standard. "
                    "Leave unticked to review the version before publishing it."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = gettext(
            "A YAML (.yaml, .yml) or Excel (.xlsx) file of at most %(limit)s, in the format "
            "that export produces.") % {"limit": filesizeformat(MAX_FILE_SIZE)}

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if PurePath(upload.name).suffix.lower() not in CHECKLIST_SUFFIXES:
            raise ValidationError(gettext("Choose a .yaml, .yml or .xlsx file."),
                                  code="suffix")
        if upload.size > MAX_FILE_SIZE:
            raise ValidationError(
                gettext("The file is %(size)s; a checklist file may be at most %(limit)s.")
                % {"size": filesizeformat(upload.size), "limit": filesizeformat(MAX_FILE_SIZE)},
                code="size")
        return upload


class NewVersionForm(forms.Form):
    label = forms.CharField(
        label=_("Label of the new version"), max_length=LABEL_MAX_LENGTH,
        help_text=_("Unique within the standard, for example “2025.2”."),
    )

    def __init__(self, *args, version: StandardVersion, **kwargs):
        super().__init__(*args, **kwargs)
        self.version = version

    def clean_label(self):
        label = self.cleaned_data["label"].strip()
        # Checked here because importing under an existing label would replace that version.
        taken = StandardVersion.objects.filter(standard_id=self.version.standard_id, label=label)
        if taken.exists():
            raise ValidationError(
                gettext("%(standard)s already has a version “%(label)s”; choose another label.")
                % {"standard": self.version.standard, "label": label}, code="taken")
        return label
