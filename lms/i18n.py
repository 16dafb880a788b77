"""Keeps the message catalogues true: `update` extracts every string into locale/, `check` fails
when a catalogue is stale or a Vietnamese entry is missing or fuzzy.

Usage: python -m lms.i18n update | check"""

import os
import sys
from pathlib import Path

LOCALES = ["vi", "en"]
CATALOGUE = "locale/{}/LC_MESSAGES/django.po"
MAKEMESSAGES_OPTIONS = {
    "locale": LOCALES,
    "domain": "django",
    "ignore_patterns": [".venv/*", "staticfiles/*", "media/*", "build/*", "tests/*", "bench/*",
                        "mutants/*"],
    "no_location": True,
    "no_obsolete": True,
    "verbosity": 0,
}


def _setup(base_dir: Path) -> None:
    os.chdir(base_dir)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings")
    import django  # deferred: a command-line tool that sets Django up first

    django.setup()


def update() -> None:
    from django.core.management import call_command  # after _setup

    call_command("makemessages", **MAKEMESSAGES_OPTIONS)


def _entries(path: Path):
    import polib  # deferred: a development tool, needed only by this check

    return [entry for entry in polib.pofile(str(path)) if not entry.obsolete]


def _key(entry) -> tuple[str | None, str]:
    return (entry.msgctxt, entry.msgid)


def check() -> list[str]:
    """Problems with the committed catalogues; the catalogues are left exactly as they were."""
    problems = []
    paths = [Path(CATALOGUE.format(code)) for code in LOCALES]
    missing_files = [str(p) for p in paths if not p.exists()]
    if missing_files:
        return [f"missing catalogue: {p} (run `make messages`)" for p in missing_files]
    committed = {path: path.read_bytes() for path in paths}
    try:
        update()
        extracted = {path: {_key(e) for e in _entries(path)} for path in paths}
    finally:
        for path, content in committed.items():
            path.write_bytes(content)
    for path in paths:
        have = {_key(e) for e in _entries(path)}
        for _ctxt, msgid in sorted(extracted[path] - have, key=str):
            problems.append(f"{path}: not extracted yet: {msgid!r} (run `make messages`)")
        for _ctxt, msgid in sorted(have - extracted[path], key=str):
            problems.append(f"{path}: no longer used: {msgid!r} (run `make messages`)")
    for entry in _entries(Path(CATALOGUE.format("vi"))):
        if "fuzzy" in entry.flags:
            problems.append(f"vi: fuzzy translation of {entry.msgid!r}")
        elif not entry.translated():
            problems.append(f"vi: missing translation of {entry.msgid!r}")
    return problems


def main(argv: list[str]) -> int:
    _setup(Path(__file__).resolve().parent.parent)
    command = argv[1] if len(argv) > 1 else "check"
    if command == "update":
        update()
        return 0
    problems = check()
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} translation problem(s).")
        return 1
    print("Translations complete: catalogues up to date, every Vietnamese entry translated.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
