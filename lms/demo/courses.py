"""Turns the demo courses read from lms/demo/content/ into Wagtail pages: each course with its
lessons and quiz in Vietnamese under the catalog, and their English translations under the English
catalog.

Idempotent: a course, lesson or quiz found by its slug is left as it is."""

import json

from django.utils.text import slugify
from wagtail.models import Locale

from courses.models import CourseCategory, CourseIndexPage, CoursePage, LessonPage, QuizPage
from lms.demo.covers import cover_image


def seed_courses(courses_data: list[dict], *, trainer) -> list[CoursePage]:
    """`courses_data` as lms.demo.course_files.load_courses returns it."""
    vi = Locale.objects.get(language_code="vi")
    en, _ = Locale.objects.get_or_create(language_code="en")
    catalog_vi = CourseIndexPage.objects.get(locale=vi)
    catalog_en = _translation(catalog_vi, en, title="Courses", intro=(
        "Short courses to take on your phone, written by the cooperative unions' trainers for "
        "the managers and members of cooperatives."))
    courses = []
    for data in courses_data:
        course = _course(catalog_vi, data, "vi", trainer=trainer)
        _course_translation(course, catalog_en, data, en, trainer=trainer)
        courses.append(course)
    return courses


def _translation(page, locale, **fields):
    """The page's translation into `locale`, created and published once with `fields`."""
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific
    copy = page.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(copy, name, value)
    if "title" in fields:
        copy.draft_title = fields["title"]
    copy.save_revision().publish()
    return copy.specific


def _publish_child(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def _course(catalog, data, lang, *, trainer):
    existing = CoursePage.objects.child_of(catalog).filter(slug=data["slug"]).first()
    if existing is not None:
        return existing
    category = CourseCategory.objects.get(slug=data["category"], locale=catalog.locale)
    cover = cover_image(slug=data["slug"], category_slug=data["category"],
                        title=data["title"]["en"])
    course = _publish_child(catalog, CoursePage(
        title=data["title"][lang], slug=data["slug"], category=category,
        summary=data["summary"][lang], outcomes=_outcomes(data, lang), level=data["level"],
        estimated_hours=data["hours"], trainer=trainer, owner=trainer, cover_image=cover,
    ))
    for lesson in data["lessons"]:
        _publish_child(course, LessonPage(
            title=lesson["title"][lang], slug=lesson["slug"], estimated_minutes=lesson["minutes"],
            body=json.dumps(_lesson_body(lesson["body"][lang])), owner=trainer,
        ))
    quiz = data["quiz"]
    _publish_child(course, QuizPage(
        title=quiz["title"][lang], slug=quiz["slug"], intro=quiz["intro"][lang],
        pass_mark=quiz["pass_mark"], attempt_limit=quiz["attempt_limit"],
        shuffle=quiz["shuffle"], questions=json.dumps(_questions(quiz["questions"], lang)),
        owner=trainer,
    ))
    return course


def _course_translation(course, catalog_en, data, en, *, trainer):
    if course.get_translation_or_none(en) is not None:
        return
    category = CourseCategory.objects.get(slug=data["category"], locale=en)
    _translation(course, en, title=data["title"]["en"], summary=data["summary"]["en"],
                 outcomes=_outcomes(data, "en"), category=category)
    for child in course.get_children().specific():
        if isinstance(child, LessonPage):
            lesson = next(item for item in data["lessons"] if item["slug"] == child.slug)
            _translation(child, en, title=lesson["title"]["en"],
                         body=json.dumps(_lesson_body(lesson["body"]["en"])))
        elif isinstance(child, QuizPage):
            quiz = data["quiz"]
            # Same block ids in both languages: an attempt made in one reads in the other.
            ids = [block.id for block in child.questions]
            _translation(child, en, title=quiz["title"]["en"], intro=quiz["intro"]["en"],
                         questions=json.dumps(_questions(quiz["questions"], "en", ids=ids)))


def _outcomes(data, lang) -> str:
    return json.dumps([{"type": "outcome", "value": text} for text in data["outcomes"][lang]])


def _lesson_body(blocks) -> list[dict]:
    body = []
    for kind, value in blocks:
        if kind == "table":
            value = {
                "data": [value["header"], *value["rows"]],
                "first_row_is_table_header": True,
                "first_col_is_header": False,
                "table_header_choice": "row",
                "table_caption": value.get("caption", ""),
            }
        body.append({"type": kind, "value": value})
    return body


def _questions(questions, lang, *, ids=None) -> list[dict]:
    stream = []
    for i, question in enumerate(questions):
        if question["type"] == "true_false":
            block_type = "true_false"
            value = {
                "question": question["text"][lang],
                "answer": question["answer"],
                # The explanation is shown whichever answer the learner chose.
                "feedback_true": question["feedback"][lang],
                "feedback_false": question["feedback"][lang],
            }
        else:
            block_type = "single_choice" if question["type"] == "single" else "multiple_choice"
            value = {
                "question": question["text"][lang],
                "options": [
                    {"type": "item", "value": {"text": option["text"][lang],
                                               "correct": option["correct"],
                                               "feedback": option["feedback"][lang]},
                     "id": f"{slugify(question['text']['en'])[:20]}-{n}"}
                    for n, option in enumerate(question["options"])
                ],
            }
        block = {"type": block_type, "value": value}
        if ids is not None:
            block["id"] = ids[i]
        stream.append(block)
    return stream

