"""The Wagtail admin screens trainers and union officers use read Vietnamese: no English UI word
left on the page explorer, page editor, images, documents, snippets, reports, choosers and the
checklist editor. Needs the compiled catalogue (make compilemessages)."""

import json
import re
from html.parser import HTMLParser

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents.models import Document
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page

from certification.models import Standard, StandardVersion
from courses.models import CourseCategory, LessonPage
from lms.cooperatives.models import Commune, Cooperative, CooperativeUnion, Membership
from tests.factories import (
    CommuneFactory,
    CooperativeFactory,
    CooperativeUnionFactory,
    MembershipFactory,
    OfficerFactory,
    TrainerFactory,
    province,
)
from tests.factories.checklists import version_from_dict, vietgap_dict
from tests.factories.courses import catalog, make_course

pytestmark = pytest.mark.django_db

# Words of Wagtail's and our admin interface that were seen in English on these screens. Matched
# case-sensitively as whole words, so Vietnamese ("to", "no", "an") never matches.
ENGLISH_UI_WORDS = [
    "Pages", "Page", "Images", "Image", "Documents", "Document", "Snippets", "Reports", "Help",
    "Settings", "Dashboard", "Save draft", "Save", "Publish", "Unpublish", "More actions",
    "Actions", "Choose", "Edit", "Delete", "Search", "Add", "Upload", "Sort", "Sort by", "Status",
    "Live", "Draft", "Preview", "History", "Title", "Filter", "Filters", "Cancel", "Collection",
    "Tags", "Created", "Updated", "Owner", "Locked", "Lock", "Unlock", "Copy", "Move", "View",
    "Privacy", "Comments", "Content", "Promote", "Account", "Log out", "Select", "Next",
    "Previous", "Name", "File", "Never", "Workflow", "Revisions", "Compare", "Date", "Type",
    "Import", "Export", "Download", "Clear", "Close", "Toggle", "Loading", "Menu", "Sidebar",
    "Show", "Hide", "All", "Yes", "No", "Description", "Text", "Table", "Slug", "Language",
    "Previewing", "Apply", "Reset", "Remove", "Insert", "Duplicate", "Expand", "Collapse",
    "Required", "Optional", "Current", "Latest", "Primary", "Secondary", "Explorer", "Results",
    "Items", "Item", "Order", "Size", "Width", "Height", "Focal", "Unknown", "Update",
    "Active", "Enter", "Minimize", "Info", "Error", "Warning", "Success", "Confirm",
    "Go back", "Back", "Done", "Continue", "Required field", "This field is required",
    "Untitled", "Home", "Root", "Welcome", "Logged in", "Notifications", "Scheduled",
    "Approved", "Rejected", "In moderation", "Expired", "Private", "Public", "Site",
]
_PATTERN = re.compile(r"(?<![\w-])(" + "|".join(
    re.escape(word) for word in sorted(ENGLISH_UI_WORDS, key=len, reverse=True)) + r")(?![\w-])")
SEEN_ATTRIBUTES = {"title", "aria-label", "placeholder", "data-w-tooltip-content-value"}
# English that Wagtail 8 writes into its templates without gettext, so no catalogue can reach it:
# the visually hidden submit button of the search forms (wagtailadmin/home.html and
# wagtailadmin/shared/header.html). Replacing those templates would mean keeping copies of them.
UNTRANSLATABLE_BUTTON_VALUES = {"Search"}


class _VisibleText(HTMLParser):
    """The text a person sees or hears: element text (not scripts or styles), the attributes
    read out or shown on hover (tooltips included), the labels of input buttons, and the
    labels of the main menu (Wagtail's sidebar draws them from the JSON in its
    "wagtail-sidebar-props" script)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0
        self._menu_json: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "script" and values.get("id") == "wagtail-sidebar-props":
            self._menu_json = []
        elif tag in ("script", "style"):
            self._skipping += 1
        self.parts += [value for name, value in attrs if name in SEEN_ATTRIBUTES and value]
        if (tag == "input" and values.get("type") in ("submit", "button")
                and values.get("value") not in (None, "", *UNTRANSLATABLE_BUTTON_VALUES)):
            self.parts.append(values["value"])

    def handle_endtag(self, tag):
        if tag == "script" and self._menu_json is not None:
            self.parts += _menu_labels(json.loads("".join(self._menu_json)))
            self._menu_json = None
        elif tag in ("script", "style") and self._skipping:
            self._skipping -= 1

    def handle_data(self, data):
        if self._menu_json is not None:
            self._menu_json.append(data)
        elif not self._skipping and data.strip():
            self.parts.append(data.strip())


def _menu_labels(node) -> list[str]:
    if isinstance(node, dict):
        own = [node["label"]] if isinstance(node.get("label"), str) else []
        return own + [label for value in node.values() for label in _menu_labels(value)]
    if isinstance(node, list):
        return [label for value in node for label in _menu_labels(value)]
    return []


def visible_text(html: str) -> list[str]:
    parser = _VisibleText()
    parser.feed(html)
    return parser.parts


def english_words(html: str, *, content: frozenset[str] = frozenset()) -> list[str]:
    """The English interface words in `html`; a text that is all `content` (what people typed,
    such as page titles) is skipped."""
    return sorted({match for part in visible_text(html) if part not in content
                   for match in _PATTERN.findall(part)})


# --- the data: everything a person typed is Vietnamese, so any English is the interface's.


@pytest.fixture
def trainer(db):
    return TrainerFactory(preferred_language="vi")


@pytest.fixture
def officer(db):
    return OfficerFactory(preferred_language="vi", provinces=[province("Bắc Ninh")])


@pytest.fixture
def trainer_content(trainer):
    course = make_course(trainer=trainer)
    version = version_from_dict(vietgap_dict(), publish=False, user=trainer)
    return {"course": course, "lesson": LessonPage.objects.child_of(course).first(),
            "version": version}


@pytest.fixture
def library(trainer):
    from wagtail.images.models import Image

    image = Image.objects.create(title="Ruộng lúa", uploaded_by_user=trainer,
                                 file=get_test_image_file(filename="ruong-lua.png"))
    document = Document.objects.create(
        title="Sổ tay kế toán", uploaded_by_user=trainer,
        file=SimpleUploadedFile("so-tay.pdf", b"%PDF-1.4 so tay"))
    return {"image": image, "document": document}


@pytest.fixture
def officer_content(officer):
    cooperative = CooperativeFactory()
    return {
        "cooperative": cooperative,
        "membership": MembershipFactory(cooperative=cooperative,
                                        role=Membership.Role.MEMBER,
                                        status=Membership.Status.PENDING),
        "union": CooperativeUnionFactory(),
        "commune": CommuneFactory(),
    }


def _snippet(model, name, *args):
    return reverse(f"wagtailsnippets_{model._meta.app_label}_{model._meta.model_name}:{name}",
                   args=args)


def trainer_screens(content, library) -> dict[str, str]:
    course, lesson, version = content["course"], content["lesson"], content["version"]
    category = CourseCategory.objects.filter(locale__language_code="vi").first()
    return {
        "dashboard": reverse("wagtailadmin_home"),
        "page explorer": reverse("wagtailadmin_explore", args=[catalog().pk]),
        "course page explorer": reverse("wagtailadmin_explore", args=[course.pk]),
        "course page edit": reverse("wagtailadmin_pages:edit", args=[course.pk]),
        "lesson page edit": reverse("wagtailadmin_pages:edit", args=[lesson.pk]),
        "add course page": reverse("wagtailadmin_pages:add",
                                   args=["courses", "coursepage", catalog().pk]),
        "add lesson page": reverse("wagtailadmin_pages:add",
                                   args=["courses", "lessonpage", course.pk]),
        "page history": reverse("wagtailadmin_pages:history", args=[course.pk]),
        "images index": reverse("wagtailimages:index"),
        "image edit": reverse("wagtailimages:edit", args=[library["image"].pk]),
        "images add": reverse("wagtailimages:add_multiple"),
        "documents index": reverse("wagtaildocs:index"),
        "document edit": reverse("wagtaildocs:edit", args=[library["document"].pk]),
        "documents add": reverse("wagtaildocs:add_multiple"),
        "course categories": _snippet(CourseCategory, "list"),
        "course category edit": _snippet(CourseCategory, "edit", category.pk),
        "standards": _snippet(Standard, "list"),
        "standard edit": _snippet(Standard, "edit", version.standard.pk),
        "checklist versions": _snippet(StandardVersion, "list"),
        "checklist editor": _snippet(StandardVersion, "edit", version.pk),
        "checklist import": _snippet(StandardVersion, "import"),
        "checklist new version": _snippet(StandardVersion, "new_version", version.pk),
        "checklist publish": _snippet(StandardVersion, "publish", version.pk),
        "learners report": reverse("courses_learners"),
        "site history report": reverse("wagtailadmin_reports:site_history"),
        "aging pages report": reverse("wagtailadmin_reports:aging_pages"),
        "page chooser": reverse("wagtailadmin_choose_page"),
        "image chooser": reverse("wagtailimages_chooser:choose"),
        "document chooser": reverse("wagtaildocs_chooser:choose"),
    }


def officer_screens(content) -> dict[str, str]:
    return {
        "dashboard": reverse("wagtailadmin_home"),
        "cooperatives": _snippet(Cooperative, "list"),
        "cooperative edit": _snippet(Cooperative, "edit", content["cooperative"].pk),
        "memberships": _snippet(Membership, "list"),
        "membership edit": _snippet(Membership, "edit", content["membership"].pk),
        "cooperative unions": _snippet(CooperativeUnion, "list"),
        "communes": _snippet(Commune, "list"),
        "standards": _snippet(Standard, "list"),
        "checklist versions": _snippet(StandardVersion, "list"),
    }


def english_by_screen(client, user, screens: dict[str, str]) -> dict[str, list[str]]:
    client.force_login(user)
    # Page titles are content, not interface: the tree's root keeps Wagtail's title "Root".
    content = frozenset(Page.objects.values_list("title", flat=True))
    found = {}
    for name, url in screens.items():
        response = client.get(url, HTTP_ACCEPT_LANGUAGE="en")  # an English phone
        assert response.status_code == 200, (name, url, response.status_code)
        html = response.content.decode()
        if response.get("Content-Type", "").startswith("application/json"):
            html = response.json().get("html", "")  # a chooser's modal
        words = english_words(html, content=content)
        if words:
            found[name] = words
    return found


def test_english_words_are_found_as_whole_words_in_what_a_person_sees():
    html = ('<p>Lưu bản nháp <b>Save draft</b></p><script>var Pages = 1;</script>'
            '<button title="More actions" data-x="Images" value="Draft">Nút</button>'
            '<input type="submit" value="Publish"><p>Trang to Preview-box Addresses</p>')
    assert english_words(html) == ["More actions", "Publish", "Save draft"]


def test_a_trainer_sees_the_admin_screens_in_vietnamese(client, trainer, trainer_content, library):
    found = english_by_screen(client, trainer, trainer_screens(trainer_content, library))
    assert found == {}, "English left on the trainer's admin screens: " + "; ".join(
        f"{screen}: {', '.join(words)}" for screen, words in found.items())


def test_an_officer_sees_the_admin_screens_in_vietnamese(client, officer, officer_content):
    found = english_by_screen(client, officer, officer_screens(officer_content))
    assert found == {}, "English left on the officer's admin screens: " + "; ".join(
        f"{screen}: {', '.join(words)}" for screen, words in found.items())

