"""Who may act on a course in the Wagtail admin. Trainers hold "add" and "publish" on the whole
catalog (so they create courses and publish their own); within a course, every action that
changes, publishes, unpublishes, restricts, previews, locks, moves or deletes a page of it needs
the course itself to be theirs: they own the course page or are named its trainer, which only a
site admin sets. Site admins may do everything."""

from functools import cached_property

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import PagePermissionTester

from lms.accounts.models import User
from lms.accounts.roles import TRAINERS


def course_of(page):
    """The course a course, lesson or quiz page belongs to (the page itself for a course)."""
    from courses.models import CoursePage  # deferred: the models import this module

    if isinstance(page, CoursePage):
        return page
    parent = page.get_parent() if page.depth and page.depth > 1 else None
    return CoursePage.objects.filter(pk=parent.pk).first() if parent is not None else None


class CoursePermissionTester(PagePermissionTester):
    @cached_property
    def on_own_course(self) -> bool:
        """Looked up once per tester: an admin page asks a dozen questions of one tester."""
        if self.user.is_superuser:
            return True
        if not self.user.is_active:
            return False
        course = course_of(self.page)
        return course is not None and self.user.pk in (course.owner_id, course.trainer_id)

    def can_edit(self):
        if self.user.is_superuser:
            return super().can_edit()
        # Named the course's trainer, one edits its pages whoever created them.
        return self.on_own_course and (super().can_edit() or "add" in self.permissions)

    def can_add_subpage(self):
        return self.on_own_course and super().can_add_subpage()

    def can_delete(self, ignore_bulk=False):
        return self.on_own_course and super().can_delete(ignore_bulk=ignore_bulk)

    def can_publish(self):
        return self.on_own_course and super().can_publish()

    def can_unpublish(self):
        return self.on_own_course and super().can_unpublish()

    def can_publish_subpage(self):
        return self.on_own_course and super().can_publish_subpage()

    def can_reorder_children(self):
        return self.on_own_course and super().can_reorder_children()

    def can_lock(self):
        return self.on_own_course and super().can_lock()

    def can_unlock(self):
        return self.on_own_course and super().can_unlock()


class CoursePageForm(WagtailAdminPageForm):
    """The course's trainer is picked among trainers, and only by a site admin."""

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        field = self.fields.get("trainer")
        if field is None:
            return
        field.queryset = User.objects.filter(groups__name=TRAINERS).order_by("full_name",
                                                                              "email")
        if for_user is not None and not for_user.is_superuser:
            field.disabled = True
