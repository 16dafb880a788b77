"""The demo course files in lms/demo/content/ and the loader that reads them for `seed_demo`."""

import shutil
from pathlib import Path

import pytest
import yaml

from courses.models import CourseCategory, Level
from lms.demo.course_files import CONTENT, CourseFileError, load_courses

DEMO_COURSES = [
    "quan-tri-hop-tac-xa-luat-2023",
    "ke-toan-co-ban-cho-hop-tac-xa",
    "ban-san-pham-ocop-truc-tuyen",
    "xuat-khau-vai-nhan-thuong-mai-dien-tu-xuyen-bien-gioi",
    "thuc-hanh-nong-nghiep-tot",
]
TEXT_BLOCKS = {"paragraph", "heading", "callout"}


def texts(value, where="course"):
    """Every (place, {vi, en}) pair in loaded course data, lesson blocks paired by position."""
    if isinstance(value, dict) and set(value) == {"vi", "en"}:
        if isinstance(value["vi"], str):
            yield where, value
            return
        # Outcomes and lesson bodies: a list per language, item by item.
        assert len(value["vi"]) == len(value["en"]), where
        for i, (vi, en) in enumerate(zip(value["vi"], value["en"], strict=True)):
            yield from texts({"vi": vi, "en": en}, f"{where}[{i}]")
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from texts(item, f"{where}.{key}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from texts(item, f"{where}[{i}]")


# The shipped files. These call the loader inside the test, so an empty or moved content folder
# fails them instead of collecting no cases.


def test_the_shipped_files_hold_the_five_demo_courses_in_catalog_order():
    assert [course["slug"] for course in load_courses()] == DEMO_COURSES


def test_the_loader_reads_the_folder_beside_it():
    assert Path(__file__).resolve().parents[2] / "lms" / "demo" / "content" == CONTENT
    assert len([path for path in CONTENT.iterdir() if path.is_dir()]) == len(DEMO_COURSES)


def test_every_demo_course_has_its_lessons_and_a_quiz():
    courses = load_courses()
    assert [len(course["lessons"]) for course in courses] == [4, 4, 5, 4, 6]
    assert all(len(course["quiz"]["questions"]) >= 5 for course in courses)


def test_every_course_and_lesson_is_written_in_vietnamese_and_english():
    courses = load_courses()
    pairs = list(texts(courses))
    assert len(pairs) > 500
    for where, pair in pairs:
        assert pair["vi"].strip() and pair["en"].strip(), where
    for course in courses:
        for name in ("title", "summary"):
            assert course[name]["vi"] != course[name]["en"], f"{course['slug']}.{name}"
        for lesson in course["lessons"]:
            assert lesson["title"]["vi"] != lesson["title"]["en"], lesson["slug"]
            vi, en = lesson["body"]["vi"], lesson["body"]["en"]
            assert [kind for kind, _ in vi] == [kind for kind, _ in en], lesson["slug"]
            for (kind, value_vi), (_, value_en) in zip(vi, en, strict=True):
                # A block copied from one language into the other without translating it.
                if kind in TEXT_BLOCKS:
                    assert value_vi != value_en, f"{lesson['slug']}: {value_vi}"


def test_every_block_type_the_demo_lessons_use_is_read():
    kinds = {kind for course in load_courses() for lesson in course["lessons"]
             for kind, _ in lesson["body"]["vi"]}
    assert kinds == {"paragraph", "heading", "callout", "table"}


def test_a_table_keeps_its_caption_header_and_cells():
    lesson = load_courses()[1]["lessons"][1]
    tables = [value for kind, value in lesson["body"]["en"] if kind == "table"]
    assert tables[0]["caption"] == "June cash book of the lychee cooperative (VND)"
    assert all(len(row) == len(tables[0]["header"]) for row in tables[0]["rows"])
    assert "" in {cell for row in tables[0]["rows"] for cell in row}


@pytest.mark.django_db
def test_every_course_names_a_category_and_level_the_site_has():
    for course in load_courses():
        for language in ("vi", "en"):
            assert CourseCategory.objects.filter(
                slug=course["category"], locale__language_code=language).exists(), course["slug"]
        assert course["level"] in Level.values, course["slug"]


# Broken files: the error names the file.


@pytest.fixture
def content(tmp_path):
    """A copy of the shipped content to break."""
    folder = tmp_path / "content"
    shutil.copytree(CONTENT, folder)
    return folder


def course_file(content):
    return content / "1-quan-tri-hop-tac-xa-luat-2023" / "course.yaml"


def lesson_file(content):
    return content / "1-quan-tri-hop-tac-xa-luat-2023" / "2-thanh-vien-quyen-va-nghia-vu.yaml"


def rewrite(path, change):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def first(blocks, kind):
    return next(block[kind] for block in blocks if kind in block)


BROKEN_LESSONS = {
    "title without English": (lambda lesson: lesson["title"].pop("en"), "title: missing the en"),
    "paragraph without Vietnamese": (
        lambda lesson: first(lesson["body"], "paragraph").pop("vi"), "missing the vi"),
    "callout without English": (
        lambda lesson: first(lesson["body"], "callout").pop("en"), "missing en"),
    "table without English": (
        lambda lesson: first(lesson["body"], "table").pop("en"), "missing en"),
    "unknown block type": (
        lambda lesson: lesson["body"].append({"image": {"vi": "anh.jpg", "en": "photo.jpg"}}),
        "unknown block type 'image'"),
    "unknown callout kind": (
        lambda lesson: first(lesson["body"], "callout").update(kind="note"), "'note'"),
    "table row short of a cell": (
        lambda lesson: first(lesson["body"], "table")["vi"]["rows"][0].pop(), "1 cells"),
    "misspelt key": (
        lambda lesson: lesson.update(minuts=lesson.pop("minutes")), "missing minutes"),
    "heading read as yes/no": (
        lambda lesson: first(lesson["body"], "heading").update(vi=True), "put it in quotes"),
    "blank English text": (
        lambda lesson: first(lesson["body"], "paragraph").update(en="  "), "is empty"),
}


@pytest.mark.parametrize("change, message", BROKEN_LESSONS.values(), ids=BROKEN_LESSONS.keys())
def test_a_broken_lesson_file_is_named_in_the_error(content, change, message):
    rewrite(lesson_file(content), change)
    with pytest.raises(CourseFileError) as error:
        load_courses(content)
    assert error.value.path == lesson_file(content)
    assert str(error.value).startswith(str(lesson_file(content)))
    assert message in str(error.value)


def drop_english_summary(course):
    course["summary"].pop("en")


def drop_english_outcome(course):
    course["outcomes"][0].pop("en")


def drop_option_feedback(course):
    course["quiz"]["questions"][0]["options"][0]["feedback"].pop("en")


def mark_two_correct(course):
    for option in course["quiz"]["questions"][0]["options"][:2]:
        option["correct"] = True


def unknown_question_type(course):
    course["quiz"]["questions"][0]["type"] = "essay"


BROKEN_COURSES = {
    "summary without English": (drop_english_summary, "summary: missing the en"),
    "outcome without English": (drop_english_outcome, "outcomes[0]: missing the en"),
    "answer feedback without English": (drop_option_feedback, "missing the en"),
    "single choice with two correct answers": (mark_two_correct, "exactly one answer"),
    "unknown question type": (unknown_question_type, "'essay'"),
}


@pytest.mark.parametrize("change, message", BROKEN_COURSES.values(), ids=BROKEN_COURSES.keys())
def test_a_broken_course_file_is_named_in_the_error(content, change, message):
    rewrite(course_file(content), change)
    with pytest.raises(CourseFileError) as error:
        load_courses(content)
    assert error.value.path == course_file(content)
    assert message in str(error.value)


def test_a_file_that_is_not_yaml_is_named_in_the_error(content):
    lesson_file(content).write_text("title: {vi: \"Thành viên\", en: [unclosed\n", encoding="utf-8")
    with pytest.raises(CourseFileError, match="cannot be read as YAML") as error:
        load_courses(content)
    assert error.value.path == lesson_file(content)


def test_an_empty_content_folder_is_an_error(tmp_path):
    with pytest.raises(CourseFileError, match="no course folders") as error:
        load_courses(tmp_path)
    assert error.value.path == tmp_path


def test_a_missing_content_folder_is_an_error(tmp_path):
    with pytest.raises(CourseFileError, match="missing") as error:
        load_courses(tmp_path / "moved")
    assert error.value.path == tmp_path / "moved"


def test_a_course_folder_without_its_course_file_is_an_error(content):
    course_file(content).unlink()
    with pytest.raises(CourseFileError, match="every course folder needs one") as error:
        load_courses(content)
    assert error.value.path == course_file(content)


def test_a_lesson_file_without_a_number_is_an_error(content):
    unnumbered = lesson_file(content).with_name("thanh-vien.yaml")
    lesson_file(content).rename(unnumbered)
    with pytest.raises(CourseFileError, match="must start with a number") as error:
        load_courses(content)
    assert error.value.path == unnumbered


def test_a_file_that_is_not_a_lesson_is_an_error(content):
    stray = lesson_file(content).with_suffix(".yml")
    lesson_file(content).rename(stray)
    with pytest.raises(CourseFileError, match="unexpected here") as error:
        load_courses(content)
    assert error.value.path == stray


def test_two_courses_with_one_slug_are_an_error(content):
    rewrite(content / "2-ke-toan-co-ban-cho-hop-tac-xa" / "course.yaml",
            lambda course: course.update(slug=DEMO_COURSES[0]))
    with pytest.raises(CourseFileError, match=f"used more than once: {DEMO_COURSES[0]}"):
        load_courses(content)


def test_lessons_and_courses_follow_their_numbers_not_the_alphabet(content):
    course = content / "1-quan-tri-hop-tac-xa-luat-2023"
    lesson_file(content).rename(course / "10-thanh-vien-quyen-va-nghia-vu.yaml")
    (content / "2-ke-toan-co-ban-cho-hop-tac-xa").rename(content / "12-ke-toan")
    courses = load_courses(content)
    assert [c["slug"] for c in courses][-1] == "ke-toan-co-ban-cho-hop-tac-xa"
    assert courses[0]["lessons"][-1]["slug"] == "thanh-vien-quyen-va-nghia-vu"


def test_files_of_the_file_manager_are_ignored(content):
    (content / ".DS_Store").write_bytes(b"\0")
    (content / "1-quan-tri-hop-tac-xa-luat-2023" / ".2-thanh-vien.yaml.swp").write_bytes(b"\0")
    assert [course["slug"] for course in load_courses(content)] == DEMO_COURSES
