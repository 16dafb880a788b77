"""Load the shipped checklists (certification/checklists/shipped/*.yaml) and publish them.

Safe to run again: a version already loaded is left alone unless --replace is given, and a
version with assessments is never replaced."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from certification.checklists.files import SHIPPED_CHECKLISTS, ChecklistFileError, read_checklist
from certification.checklists.models import StandardVersion
from certification.checklists.services import checklist_import
from courses.models import CoursePage


def shipped_files() -> list[Path]:
    return sorted(SHIPPED_CHECKLISTS.glob("*.yaml"))


class Command(BaseCommand):
    help = "Load and publish the shipped VietGAP, GlobalG.A.P. and OCOP checklists."

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="*", help="checklist files (default: the shipped ones)")
        parser.add_argument("--replace", action="store_true",
                            help="reload versions that exist and have no assessments")

    def handle(self, *args, files=(), replace=False, **options):
        paths = [Path(name) for name in files] or shipped_files()
        for path in paths:
            try:
                data = read_checklist(path.read_bytes(), path.name)
            except ChecklistFileError as error:
                raise CommandError(f"{path.name}:\n  " + "\n  ".join(error.issues)) from None
            exists = StandardVersion.objects.filter(standard__code=data.standard_code,
                                                    label=data.label).exists()
            if exists and not replace:
                self.stdout.write(f"{path.name}: {data.standard_code} {data.label} already loaded")
                continue
            missing = self._missing_courses(data)
            try:
                version = checklist_import(data=data, publish=True, missing_courses="skip")
            except ChecklistFileError as error:
                raise CommandError(f"{path.name}:\n  " + "\n  ".join(error.issues)) from None
            points = sum(1 for _ in data.points)
            self.stdout.write(f"{path.name}: loaded {version} ({points} control points)")
            if missing:
                self.stdout.write(f"  courses not found, links skipped: {', '.join(missing)}")

    @staticmethod
    def _missing_courses(data) -> list[str]:
        slugs = {slug for point in data.points for slug in point.courses}
        found = set(CoursePage.objects.filter(slug__in=slugs).values_list("slug", flat=True))
        return sorted(slugs - found)
