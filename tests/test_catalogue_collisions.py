"""Our catalogue (locale/, first at runtime) never replaces a framework's Vietnamese with ours: a
msgid our code uses that Django, Wagtail, allauth, taggit or modelcluster also use carries a
context, unless it is one of the framework strings we copy on purpose."""

import ast
import sys
from pathlib import Path

import django
import polib
from django.apps import apps

ROOT = Path(__file__).resolve().parent.parent
OUR_CATALOGUE = ROOT / "locale" / "vi" / "LC_MESSAGES" / "django.po"
# Modules that list framework strings with their exact msgids, to translate what the
# frameworks' own Vietnamese catalogues lack.
COPY_MODULES = [ROOT / "lms" / "framework_messages.py",
                ROOT / "lms" / "accounts" / "allauth_messages.py"]
MARKERS = {"gettext_noop": 0, "gettext_lazy": 0, "ngettext_lazy": 0, "pgettext_lazy": 1,
           "npgettext_lazy": 1}

Key = tuple[str | None, str]


def _translation(entry) -> str:
    return entry.msgstr or entry.msgstr_plural.get(0, "") or entry.msgstr_plural.get("0", "")


def framework_translations() -> dict[Key, str]:
    """What each framework msgid reads in Vietnamese without our catalogue (the msgid itself
    where no framework translates it): apps earlier in INSTALLED_APPS win, Django's own
    catalogue comes last, as in Django's DjangoTranslation."""
    locale_dirs = [Path(app.path) / "locale" for app in apps.get_app_configs()
                   if "site-packages" in Path(app.path).parts]
    locale_dirs.append(Path(django.__file__).parent / "conf" / "locale")
    found: dict[Key, str] = {}
    for locale_dir in locale_dirs:
        for language in ("vi", "en"):
            path = locale_dir / language / "LC_MESSAGES" / "django.po"
            if not path.exists():
                continue
            for entry in polib.pofile(str(path)):
                if entry.obsolete:
                    continue
                key = (entry.msgctxt, entry.msgid)
                translated = (language == "vi" and entry.translated()
                              and "fuzzy" not in entry.flags)
                if translated and found.get(key, entry.msgid) == entry.msgid:
                    found[key] = _translation(entry)
                else:
                    found.setdefault(key, entry.msgid)
    return found


def copied_framework_keys() -> set[Key]:
    keys = set()
    for module in COPY_MODULES:
        for node in ast.walk(ast.parse(module.read_text())):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) in MARKERS:
                texts = [arg.value for arg in node.args if isinstance(arg, ast.Constant)]
                if MARKERS[node.func.id]:
                    keys.add((texts[0], texts[1]))
                else:
                    keys.add((None, texts[0]))
    return keys


def collisions() -> list[str]:
    framework = framework_translations()
    copied = copied_framework_keys()
    found = []
    for entry in polib.pofile(str(OUR_CATALOGUE)):
        key = (entry.msgctxt, entry.msgid)
        if (entry.obsolete or "fuzzy" in entry.flags or not entry.translated()
                or key in copied or key not in framework):
            continue
        if _translation(entry) != framework[key]:
            found.append(f"{entry.msgid!r}: ours {_translation(entry)!r}, "
                         f"the framework's {framework[key]!r}")
    return found


def test_no_msgid_of_ours_overrides_a_frameworks_vietnamese():
    found = collisions()
    assert not found, ("Give these our own context (pgettext): " + "; ".join(found))


def test_the_check_sees_a_framework_word_our_code_would_override(tmp_path, monkeypatch):
    catalogue = tmp_path / "django.po"
    po = polib.POFile()
    po.append(polib.POEntry(msgid="Pages", msgstr="Phân trang"))
    po.append(polib.POEntry(msgid="Pages", msgctxt="pagination", msgstr="Phân trang"))
    po.save(str(catalogue))
    monkeypatch.setattr(sys.modules[__name__], "OUR_CATALOGUE", catalogue)
    assert collisions() == ["'Pages': ours 'Phân trang', the framework's 'Trang'"]


def test_each_copied_framework_string_is_a_frameworks_exact_msgid():
    framework = framework_translations()
    assert sorted(copied_framework_keys() - set(framework)) == []


def test_a_courses_level_and_a_requirements_level_are_translated_apart():
    entries = {(e.msgctxt, e.msgid): e.msgstr for e in polib.pofile(str(OUR_CATALOGUE))}
    assert entries[("course level", "Level")] == "Trình độ"
    assert entries[("checklist requirement level", "Level")] == "Mức yêu cầu"
    assert (None, "Level") not in entries
