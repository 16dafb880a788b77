"""Reads the demo courses that `seed_demo` publishes from the YAML files in lms/demo/content/."""

import re
from pathlib import Path
from typing import Any, NoReturn

import yaml

CONTENT = Path(__file__).resolve().parent / "content"
LANGUAGES = ("vi", "en")
# Only text blocks: images, videos and documents would need files uploaded to Wagtail first.
BLOCK_TYPES = ("paragraph", "heading", "callout", "table")
CALLOUT_KINDS = ("tip", "warning", "example")
QUESTION_TYPES = ("single", "multiple", "true_false")
# "2-thanh-vien.yaml" or "1-quan-tri-hop-tac-xa": the number orders courses and lessons.
NUMBERED = re.compile(r"(\d+)-\S+")
COURSE_FILE = "course.yaml"


class CourseFileError(Exception):
    """A demo content file that cannot be used; the message starts with the file's path."""

    def __init__(self, path: Path, problem: str):
        super().__init__(f"{path}: {problem}")
        self.path = path


def load_courses(folder: Path | None = None) -> list[dict]:
    """Every course under `folder` (the shipped content by default), in the order of the numbers
    in the folder names.

    The shape is the one lms.demo.courses seeds: texts as {"vi": ..., "en": ...}, lesson bodies
    as {"vi": [(block type, value), ...], "en": [...]}."""
    folder = CONTENT if folder is None else folder
    if not folder.is_dir():
        raise CourseFileError(folder, "the demo content folder is missing")
    course_folders = _numbered([path for path in _listed(folder) if path.is_dir()])
    if not course_folders:
        raise CourseFileError(folder, "no course folders (named like 1-course-slug) in it")
    courses = [_course(course_folder) for course_folder in course_folders]
    _unique(folder, "course", [course["slug"] for course in courses])
    return courses


def _listed(folder: Path) -> list[Path]:
    # Hidden files are the file manager's and the editor's (.DS_Store, .swp), not content.
    return [path for path in folder.iterdir() if not path.name.startswith(".")]


def _numbered(paths: list[Path]) -> list[Path]:
    for path in paths:
        if not NUMBERED.fullmatch(path.stem):
            raise CourseFileError(path, "the name must start with a number and a hyphen, "
                                        "like 1-course-slug, to give its place in the order")
    return sorted(paths, key=lambda path: (int(NUMBERED.fullmatch(path.stem).group(1)), path.name))


def _unique(path: Path, what: str, slugs: list[str]) -> None:
    repeated = sorted({slug for slug in slugs if slugs.count(slug) > 1})
    if repeated:
        raise CourseFileError(path, f"{what} slug used more than once: {', '.join(repeated)}")


def _course(folder: Path) -> dict:
    course_file = folder / COURSE_FILE
    if not course_file.is_file():
        raise CourseFileError(course_file, "missing: every course folder needs one")
    others = [path for path in _listed(folder) if path.name != COURSE_FILE]
    for path in others:
        if path.suffix != ".yaml" or not path.is_file():
            raise CourseFileError(path, f"unexpected here: a course folder holds {COURSE_FILE} "
                                        "and numbered lesson files ending in .yaml")
    lesson_files = _numbered(others)
    if not lesson_files:
        raise CourseFileError(folder, "no lesson files (named like 1-lesson-slug.yaml) in it")
    source = _File(course_file)
    course = source.fields(source.top, "", required=(
        "slug", "category", "level", "hours", "title", "summary", "outcomes", "quiz"))
    lessons = [_lesson(_File(path)) for path in lesson_files]
    _unique(folder, "lesson", [lesson["slug"] for lesson in lessons])
    outcomes = source.items(course["outcomes"], "outcomes")
    outcomes = [source.text(outcome, f"outcomes[{i}]") for i, outcome in enumerate(outcomes)]
    return {
        "slug": source.string(course["slug"], "slug"),
        "category": source.string(course["category"], "category"),
        "level": source.string(course["level"], "level"),
        "hours": source.number(course["hours"], "hours"),
        "title": source.text(course["title"], "title"),
        "summary": source.text(course["summary"], "summary"),
        "outcomes": {lang: [outcome[lang] for outcome in outcomes] for lang in LANGUAGES},
        "lessons": lessons,
        "quiz": _quiz(source, course["quiz"]),
    }


def _lesson(source: "_File") -> dict:
    lesson = source.fields(source.top, "", required=("slug", "minutes", "title", "body"))
    body = {lang: [] for lang in LANGUAGES}
    for i, item in enumerate(source.items(lesson["body"], "body")):
        where = f"body[{i}]"
        if not isinstance(item, dict) or len(item) != 1:
            source.fail(where, f"each block is one block type with its texts, like "
                             f"'- heading: {{vi: ..., en: ...}}'; got {_shown(item)}")
        [(kind, value)] = item.items()
        where = f"{where}.{kind}"
        if kind not in BLOCK_TYPES:
            source.fail(where, f"unknown block type {kind!r}; use one of {', '.join(BLOCK_TYPES)}")
        for lang, block in _block(source, kind, value, where).items():
            body[lang].append((kind, block))
    return {
        "slug": source.string(lesson["slug"], "slug"),
        "minutes": source.number(lesson["minutes"], "minutes"),
        "title": source.text(lesson["title"], "title"),
        "body": body,
    }


def _block(source: "_File", kind: str, value: Any, where: str) -> dict[str, Any]:
    """The block's value in each language."""
    if kind in ("paragraph", "heading"):
        return source.text(value, where)
    if kind == "callout":
        callout = source.fields(value, where, required=("kind", *LANGUAGES))
        if callout["kind"] not in CALLOUT_KINDS:
            source.fail(f"{where}.kind", f"{_shown(callout['kind'])} is not one of "
                                       f"{', '.join(CALLOUT_KINDS)}")
        text = source.text({lang: callout[lang] for lang in LANGUAGES}, where)
        return {lang: {"kind": callout["kind"], "text": text[lang]} for lang in LANGUAGES}
    tables = source.fields(value, where, required=LANGUAGES)
    return {lang: _table(source, tables[lang], f"{where}.{lang}") for lang in LANGUAGES}


def _table(source: "_File", value: Any, where: str) -> dict:
    table = source.fields(value, where, required=("header", "rows"), optional=("caption",))
    header = source.cells(table["header"], f"{where}.header")
    rows = []
    for i, row in enumerate(source.items(table["rows"], f"{where}.rows")):
        row = source.cells(row, f"{where}.rows[{i}]")
        if len(row) != len(header):
            source.fail(f"{where}.rows[{i}]", f"{len(row)} cells, but the header has {len(header)}")
        rows.append(row)
    # Text fields allow a blank caption; a table does not need one.
    caption = source.string(table.get("caption", ""), f"{where}.caption", blank=True)
    return {"caption": caption, "header": header, "rows": rows}


def _quiz(source: "_File", value: Any) -> dict:
    quiz = source.fields(value, "quiz", required=(
        "slug", "title", "intro", "pass_mark", "attempt_limit", "shuffle", "questions"))
    return {
        "slug": source.string(quiz["slug"], "quiz.slug"),
        "title": source.text(quiz["title"], "quiz.title"),
        "intro": source.text(quiz["intro"], "quiz.intro"),
        "pass_mark": source.number(quiz["pass_mark"], "quiz.pass_mark"),
        "attempt_limit": source.number(quiz["attempt_limit"], "quiz.attempt_limit"),
        "shuffle": source.yes_no(quiz["shuffle"], "quiz.shuffle"),
        "questions": [
            _question(source, question, f"quiz.questions[{i}]")
            for i, question in enumerate(source.items(quiz["questions"], "quiz.questions"))
        ],
    }


def _question(source: "_File", value: Any, where: str) -> dict:
    kind = value.get("type") if isinstance(value, dict) else None
    if kind not in QUESTION_TYPES:
        source.fail(f"{where}.type", f"{_shown(kind)} is not a question type; use one of "
                                   f"{', '.join(QUESTION_TYPES)}")
    if kind == "true_false":
        question = source.fields(value, where, required=("type", "text", "answer", "feedback"))
        return {
            "type": kind,
            "text": source.text(question["text"], f"{where}.text"),
            "answer": source.yes_no(question["answer"], f"{where}.answer"),
            "feedback": source.text(question["feedback"], f"{where}.feedback"),
        }
    question = source.fields(value, where, required=("type", "text", "options"))
    options = []
    for i, option in enumerate(source.items(question["options"], f"{where}.options")):
        at = f"{where}.options[{i}]"
        option = source.fields(option, at, required=("text", "correct", "feedback"))
        options.append({
            "text": source.text(option["text"], f"{at}.text"),
            "correct": source.yes_no(option["correct"], f"{at}.correct"),
            "feedback": source.text(option["feedback"], f"{at}.feedback"),
        })
    # The same rules as the quiz blocks in courses/blocks.py, which a seeded page skips.
    correct = sum(option["correct"] for option in options)
    if len(options) < 2:
        source.fail(f"{where}.options", "a question needs at least two answers")
    if kind == "single" and correct != 1:
        source.fail(f"{where}.options", f"mark exactly one answer correct; {correct} are")
    if kind == "multiple" and correct < 1:
        source.fail(f"{where}.options", "mark at least one answer correct")
    text = source.text(question["text"], f"{where}.text")
    return {"type": kind, "text": text, "options": options}


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else f"{text[:57]}..."


class _File:
    """One YAML file being read: every check that fails names the file and the place in it."""

    def __init__(self, path: Path):
        self.path = path
        try:
            self.top = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
            raise CourseFileError(path, f"cannot be read as YAML: {error}") from error
        if not isinstance(self.top, dict):
            self.fail("", "expected keys and values at the top of the file")

    def fail(self, where: str, problem: str) -> NoReturn:
        raise CourseFileError(self.path, f"{where}: {problem}" if where else problem)

    def fields(self, value: Any, where: str, *, required, optional=()) -> dict:
        if not isinstance(value, dict):
            self.fail(where, f"expected keys {', '.join(required)}; got {_shown(value)}")
        missing = [key for key in required if key not in value]
        if missing:
            self.fail(where, f"missing {', '.join(missing)}")
        # A misspelt key would otherwise be dropped without a word.
        unknown = [str(key) for key in value if key not in required and key not in optional]
        if unknown:
            self.fail(where, f"unknown {', '.join(unknown)}; expected "
                             f"{', '.join([*required, *optional])}")
        return value

    def items(self, value: Any, where: str) -> list:
        if not isinstance(value, list) or not value:
            self.fail(where, f"expected a list with at least one item; got {_shown(value)}")
        return value

    def string(self, value: Any, where: str, *, blank: bool = False) -> str:
        # Unquoted YAML turns yes, no and 12:30 into other types: ask for quotes instead.
        if not isinstance(value, str):
            self.fail(where, f"expected text (put it in quotes); got {_shown(value)}")
        if not blank and not value.strip():
            self.fail(where, "is empty")
        return value

    def text(self, value: Any, where: str) -> dict[str, str]:
        """A text in both languages: {vi: ..., en: ...}."""
        if not isinstance(value, dict):
            self.fail(where, f"expected the text in each language, {{vi: ..., en: ...}}; "
                             f"got {_shown(value)}")
        missing = [lang for lang in LANGUAGES if lang not in value]
        if missing:
            self.fail(where, f"missing the {' and '.join(missing)} text")
        self.fields(value, where, required=LANGUAGES)
        return {lang: self.string(value[lang], f"{where}.{lang}") for lang in LANGUAGES}

    def cells(self, value: Any, where: str) -> list[str]:
        cells = self.items(value, where)
        return [self.string(cell, f"{where}[{i}]", blank=True) for i, cell in enumerate(cells)]

    def number(self, value: Any, where: str) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            self.fail(where, f"expected a whole number above 0; got {_shown(value)}")
        return value

    def yes_no(self, value: Any, where: str) -> bool:
        if not isinstance(value, bool):
            self.fail(where, f"expected true or false; got {_shown(value)}")
        return value
