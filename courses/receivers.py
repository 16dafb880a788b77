"""How the courses app takes part in closing an account and in the person's data download
(signals of lms.accounts), and tells the pages' cache when a category changes."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page

from courses.models import (
    AttemptRequest,
    CourseCategory,
    Enrollment,
    LessonProgress,
    QuizAttempt,
)
from lms import pages
from lms.accounts.models import User
from lms.accounts.signals import account_closing, personal_data_requested


@receiver(post_save, sender=CourseCategory, dispatch_uid="courses.category_saved")
@receiver(post_delete, sender=CourseCategory, dispatch_uid="courses.category_deleted")
def category_changed(sender, **kwargs) -> None:
    """The catalog keeps its categories' names in the cache (courses/selectors.py)."""
    pages.pages_changed()


@receiver(account_closing, sender=User, dispatch_uid="courses.account_closing")
def enrollments_delete(sender, user, **kwargs) -> None:
    """Enrollments, lesson progress and quiz attempts are the person's own learning record.
    No statistic needs them once the person is gone: the dashboards count the learners who are
    members of a cooperative today, and a closed account is a member of none. Certificates
    already issued do not depend on them and stay (certification decides about those)."""
    Enrollment.objects.filter(user=user).delete()  # progress and attempts cascade


def _titles(keys) -> dict:
    """Page titles by translation key (one of the languages is enough for the person's copy)."""
    return dict(Page.objects.filter(translation_key__in=set(keys))
                .order_by("locale_id").values_list("translation_key", "title"))


@receiver(personal_data_requested, sender=User, dispatch_uid="courses.personal_data")
def learning_data(sender, user, **kwargs) -> dict:
    enrollments = list(Enrollment.objects.filter(user=user).order_by("enrolled_at"))
    lessons = list(LessonProgress.objects.filter(enrollment__user=user).order_by("completed_at"))
    attempts = list(QuizAttempt.objects.filter(enrollment__user=user).order_by("submitted_at"))
    asked = list(AttemptRequest.objects.filter(enrollment__user=user).order_by("created_at"))
    titles = _titles([e.course_key for e in enrollments] + [p.lesson_key for p in lessons]
                     + [a.quiz_key for a in attempts] + [r.quiz_key for r in asked])

    def when(moment):
        return moment.isoformat() if moment else None

    return {
        "enrollments": [
            {"course": titles.get(e.course_key, str(e.course_key)), "status": e.status,
             "enrolled_at": when(e.enrolled_at), "completed_at": when(e.completed_at),
             "last_activity_at": when(e.last_activity_at),
             "lessons_done": [
                 {"lesson": titles.get(p.lesson_key, str(p.lesson_key)),
                  "completed_at": when(p.completed_at)}
                 for p in lessons if p.enrollment_id == e.pk],
             "quiz_attempts": [
                 {"quiz": titles.get(a.quiz_key, str(a.quiz_key)), "number": a.number,
                  "score": str(a.score), "passed": a.passed, "answers": a.answers,
                  "submitted_at": when(a.submitted_at)}
                 for a in attempts if a.enrollment_id == e.pk],
             "attempt_requests": [
                 {"quiz": titles.get(r.quiz_key, str(r.quiz_key)), "message": r.message,
                  "asked_at": when(r.created_at), "status": r.status, "granted": r.granted,
                  "decided_at": when(r.decided_at)}
                 for r in asked if r.enrollment_id == e.pk]}
            for e in enrollments
        ],
    }
