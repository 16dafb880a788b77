"""The courses in the Wagtail admin: categories as translatable snippets, a report of the
learners of a trainer's courses with their progress and their requests for more quiz attempts,
and no deleting a course that has learners."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext, ngettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from courses import selectors, services
from courses.models import CourseCategory, CoursePage
from lms.accounts.roles import user_is_trainer

# The learner's e-mail, or the phone of a member without one.
CONTACT_COLUMN = pgettext_lazy("contact column", "Email or phone")


class CourseCategoryViewSet(SnippetViewSet):
    model = CourseCategory
    icon = "tag"
    menu_label = _("Course categories")
    menu_order = 150
    add_to_admin_menu = True
    list_display = ["name", "slug", "sort_order"]
    ordering = ["sort_order", "name"]


register_snippet(CourseCategoryViewSet)


def can_see_learners(user) -> bool:
    return user.is_superuser or user_is_trainer(user)


class CourseLearnersReport(ReportView):
    template_name = "courses/admin/learners_report.html"
    page_title = _("Learners of my courses")
    header_icon = "group"
    index_url_name = "courses_learners"
    index_results_url_name = "courses_learners_results"
    paginate_by = 50
    columns = [
        Column("learner", label=_("Learner"), accessor="user"),
        # A learner without e-mail shows the phone (User.contact).
        Column("email", label=CONTACT_COLUMN, accessor="user.contact"),
        Column("course", label=_("Course"), accessor="course.title"),
        Column("progress", label=_("Progress (%)"), accessor="percent"),
        Column("status", label=_("Status"), accessor="get_status_display"),
        DateColumn("enrolled_at", label=_("Enrolled")),
        DateColumn("last_activity_at", label=_("Last activity")),
    ]
    list_export = ["user.full_name", "user.contact", "course.title", "percent",
                   "get_status_display", "enrolled_at", "last_activity_at", "completed_at"]
    export_headings = {
        "user.full_name": _("Learner"), "user.contact": CONTACT_COLUMN,
        "course.title": _("Course"),
        "percent": _("Progress (%)"), "get_status_display": _("Status"),
        "enrolled_at": _("Enrolled"), "last_activity_at": _("Last activity"),
        "completed_at": _("Completed"),
    }

    def dispatch(self, request, *args, **kwargs):
        if not can_see_learners(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return selectors.learners_of_trainer(user=self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # The learners waiting for an answer come before the list of everyone.
        context["attempt_requests"] = selectors.attempt_requests_open(user=self.request.user)
        context["grant_choices"] = services.GRANT_CHOICES
        return context

    def decorate_paginated_queryset(self, object_list):
        return selectors.with_percent(list(object_list))


@require_POST
def attempt_request_decide(request, pk):
    """A trainer answers a request for more attempts from "My learners": grant 1 to 3, or
    decline. Only requests of the courses the trainer may see there are found."""
    if not can_see_learners(request.user):
        raise PermissionDenied
    attempt_request = get_object_or_404(
        selectors.attempt_requests_for_trainer(user=request.user)
        .select_related("enrollment__user", "enrollment__course", "quiz"), pk=pk)
    learner = attempt_request.enrollment.user.display_name
    count = request.POST.get("count", "")
    # The grant buttons send only their count; the decline button its decision.
    decision = request.POST.get("decision") or ("grant" if count else "")
    if decision == "grant" and count.isdigit():
        try:
            done = services.attempt_request_grant(attempt_request=attempt_request,
                                                  by=request.user, count=int(count))
        except ValidationError as error:
            messages.error(request, error.messages[0])
            return redirect("courses_learners")
        if done:
            messages.success(request, ngettext(
                "%(learner)s has %(count)d more attempt and has been told.",
                "%(learner)s has %(count)d more attempts and has been told.", int(count),
            ) % {"learner": learner, "count": int(count)})
    elif decision == "decline":
        done = services.attempt_request_decline(attempt_request=attempt_request,
                                                by=request.user)
        if done:
            messages.success(request, gettext("The request of %(learner)s was declined.")
                             % {"learner": learner})
    else:
        messages.error(request, gettext("Choose how many attempts to give, or decline."))
        return redirect("courses_learners")
    if not done:
        messages.warning(request, gettext("This request had already been answered."))
    return redirect("courses_learners")


@hooks.register("before_create_page")
def add_only_to_courses_one_may_edit(request, parent_page, page_class):
    """Trainers may add pages anywhere in the catalog, but lessons and quizzes only to courses
    they may edit (their own, unless given more): nobody slips a page into another's course."""
    if isinstance(parent_page.specific, CoursePage) and not parent_page.permissions_for_user(
        request.user
    ).can_edit():
        raise PermissionDenied


@hooks.register("register_admin_urls")
def register_learners_report():
    return [
        path("courses/learners/", CourseLearnersReport.as_view(), name="courses_learners"),
        path("courses/learners/results/", CourseLearnersReport.as_view(results_only=True),
             name="courses_learners_results"),
        path("courses/learners/requests/<int:pk>/", attempt_request_decide,
             name="courses_attempt_request_decide"),
    ]


class LearnersMenuItem(MenuItem):
    def is_shown(self, request):
        return can_see_learners(request.user)


@hooks.register("register_admin_menu_item")
def register_learners_menu_item():
    return LearnersMenuItem(_("My learners"), reverse("courses_learners"), icon_name="group",
                            order=160)


def refuse_deleting_courses_with_learners(request, pages, *, back_url):
    """The page saying why nothing is deleted, when deleting `pages` would delete a course that
    has learners (with their enrollments and progress); None when nothing stands in the way.
    Unpublishing is the way to take such a course out of the catalog."""
    courses = selectors.courses_with_learners(pages=pages)
    if not courses:
        return None
    page = pages[0] if len(pages) == 1 else None
    course_itself = (page is not None and len(courses) == 1
                     and courses[0].course.translation_key == page.translation_key)
    unpublish_url = None
    if course_itself and page.live and page.permissions_for_user(request.user).can_unpublish():
        unpublish_url = reverse("wagtailadmin_pages:unpublish", args=[page.pk])
    return TemplateResponse(request, "courses/admin/delete_refused.html", {
        "page": page,
        "courses": courses,
        "course_itself": course_itself,
        "unpublish_url": unpublish_url,
        "back_url": back_url,
    })


@hooks.register("before_delete_page")
def no_deleting_a_course_with_learners(request, page):
    back_url = get_valid_next_url_from_request(request) or reverse(
        "wagtailadmin_explore", args=[page.get_parent().pk])
    return refuse_deleting_courses_with_learners(request, [page], back_url=back_url)


@hooks.register("before_bulk_action")
def no_bulk_deleting_a_course_with_learners(request, action_type, objects, action_class_instance):
    if action_type != "delete" or not objects or not isinstance(objects[0], Page):
        return None
    return refuse_deleting_courses_with_learners(request, list(objects),
                                                 back_url=action_class_instance.next_url)
