"""Course pages built the way a trainer builds them: a course under the catalog, its lessons and
a quiz, published (or left as drafts)."""

import json

from wagtail.models import Locale

from courses.models import CourseCategory, CourseIndexPage, CoursePage, LessonPage, QuizPage

QUESTIONS = [
    {"type": "single_choice", "id": "q-single", "value": {
        "question": "Who decides the cooperative's yearly plan?",
        "options": [
            {"type": "item", "id": "o1", "value": {"text": "The general meeting of members",
                                                  "correct": True, "feedback": "Right."}},
            {"type": "item", "id": "o2", "value": {"text": "The accountant", "correct": False,
                                                  "feedback": "The accountant records."}},
            {"type": "item", "id": "o3", "value": {"text": "The commune", "correct": False,
                                                  "feedback": "The commune does not."}},
        ]}},
    {"type": "multiple_choice", "id": "q-multiple", "value": {
        "question": "Which records does a small cooperative keep?",
        "options": [
            {"type": "item", "id": "o4", "value": {"text": "A cash book", "correct": True,
                                                  "feedback": "Yes."}},
            {"type": "item", "id": "o5", "value": {"text": "Vouchers", "correct": True,
                                                  "feedback": "Yes."}},
            {"type": "item", "id": "o6", "value": {"text": "A diary of the weather",
                                                  "correct": False, "feedback": "No."}},
        ]}},
    {"type": "true_false", "id": "q-true-false", "value": {
        "question": "Members may read the cooperative's financial reports.", "answer": True,
        "feedback_true": "Yes, transparency.", "feedback_false": "They may."}},
]
RIGHT_ANSWERS = {"q-single": ["0"], "q-multiple": ["0", "1"], "q-true-false": ["true"]}
WRONG_ANSWERS = {"q-single": ["1"], "q-multiple": ["0"], "q-true-false": ["false"]}


def catalog(language: str = "vi") -> CourseIndexPage:
    return CourseIndexPage.objects.get(locale__language_code=language)


def category(slug: str = "management", language: str = "vi") -> CourseCategory:
    return CourseCategory.objects.get(slug=slug, locale=Locale.objects.get(language_code=language))


def publish(parent, page, *, live=True):
    parent.add_child(instance=page)
    revision = page.save_revision()
    if live:
        revision.publish()
    else:
        page.unpublish()
    page.refresh_from_db()
    return page


_counter = {"n": 0}


def make_course(*, lessons: int = 2, quiz: bool = True, live: bool = True, trainer=None,
                category_slug: str = "management", level: str = "beginner",
                parent=None, attempt_limit: int = 3, pass_mark: int = 70) -> CoursePage:
    _counter["n"] += 1
    n = _counter["n"]
    parent = parent or catalog()
    course = publish(parent, CoursePage(
        title=f"Khóa học {n}", slug=f"khoa-hoc-{n}", summary="Tóm tắt khóa học.",
        category=category(category_slug), level=level, estimated_hours=2, trainer=trainer,
        owner=trainer,
    ), live=live)
    for i in range(lessons):
        publish(course, LessonPage(
            title=f"Bài {i + 1}", slug=f"bai-{i + 1}", estimated_minutes=10,
            body=json.dumps([{"type": "heading", "value": f"Bài {i + 1}"},
                             {"type": "paragraph", "value": "<p>Nội dung bài học.</p>"}]),
        ))
    if quiz:
        make_quiz(course, attempt_limit=attempt_limit, pass_mark=pass_mark)
    return course


def make_quiz(course, *, attempt_limit=3, pass_mark=70, shuffle=False, live=True) -> QuizPage:
    return publish(course, QuizPage(
        title="Bài kiểm tra", slug="kiem-tra", intro="Trả lời các câu hỏi.",
        questions=json.dumps(QUESTIONS), attempt_limit=attempt_limit, pass_mark=pass_mark,
        shuffle=shuffle,
    ), live=live)


def lessons_of(course) -> list[LessonPage]:
    return list(LessonPage.objects.child_of(course).live().order_by("path"))


def quiz_of(course) -> QuizPage:
    return QuizPage.objects.child_of(course).get()
