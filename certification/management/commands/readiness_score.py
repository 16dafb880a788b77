"""Score a filled-in answer sheet against a published checklist, without the web:
`manage.py readiness_score --checklist CODE --answers FILE [--json]`."""

import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from certification import scoring
from certification.checklists.answer_sheets import AnswerSheetError, read_answer_sheet
from certification.checklists.models import Standard
from certification.checklists.selectors import checklist_of


def reasons_of(result: scoring.ScoreResult) -> list[str]:
    """The verdict's reason code, then each point that stands in the way, as "code: why"."""
    reasons = [result.reason]
    if isinstance(result, scoring.WeightedPointsResult):
        reasons += [f"{code}: refuses the dossier" for code in result.refusals]
        if not result.eligible:
            return reasons
        if result.stars < result.target_stars:
            reasons += [f"{minimum.criterion_id}: below the minimum of {minimum.stars} stars"
                        for minimum in result.unmet_minimums
                        if minimum.stars <= result.target_stars]
    else:
        gaps = result.gaps if isinstance(result, scoring.PercentByLevelResult) \
            else result.failures
        reasons += [f"{gap.point_id}: {gap.status} ({gap.level})" for gap in gaps
                    if gap.blocking and gap.status != scoring.GAP_UNANSWERED]
    reasons += [f"{code}: unanswered" for code in result.missing]
    return reasons


class Command(BaseCommand):
    help = ("Score a filled-in answer sheet (YAML: profile and answers by official number) "
            "against the published checklist of a standard.")

    def add_arguments(self, parser):
        parser.add_argument("--checklist", required=True,
                            help="the standard's code, e.g. ocop-fresh-produce")
        parser.add_argument("--answers", required=True, help="the answer sheet (YAML)")
        parser.add_argument("--json", action="store_true", dest="as_json",
                            help="print the result as JSON")
        parser.add_argument("--language", default=settings.LANGUAGE_CODE,
                            choices=[code for code, _name in settings.LANGUAGES],
                            help="the language of the messages (default: %(default)s)")

    def handle(self, *args, checklist, answers, as_json=False, language=None, **options):
        with translation.override(language or settings.LANGUAGE_CODE):
            self._score(checklist, answers, as_json)

    def _score(self, checklist: str, answers: str, as_json: bool) -> None:
        standard = Standard.objects.filter(code=checklist).first()
        version = standard.current_version() if standard else None
        if version is None:
            known = ", ".join(Standard.objects.order_by("code").values_list("code", flat=True))
            raise CommandError(f"No published checklist “{checklist}”. Known: {known or 'none'}.")
        path = Path(answers)
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"{path}: cannot be read as UTF-8 text ({error}).") from None
        loaded = checklist_of(version)
        specs = loaded.specs()
        try:
            sheet = read_answer_sheet(
                text, rule=version.rule, points=specs,
                profile_tags=list(version.profile_questions.values_list("tag", flat=True)))
        except AnswerSheetError as error:
            raise CommandError(f"{path}:\n  " + "\n  ".join(error.issues)) from None
        result = scoring.score(version.rule, version.params, specs, sheet.answers,
                               set(sheet.profile_tags))
        self._print(version, result, as_json=as_json)

    def _print(self, version, result, *, as_json: bool) -> None:
        weighted = isinstance(result, scoring.WeightedPointsResult)
        summary = {
            "checklist": version.standard.code, "version": version.label, "rule": version.rule,
            "ready": result.ready,
            "stars": result.stars if weighted else None,
            "eligible": result.eligible if weighted else True,
            "reasons": reasons_of(result),
        }
        if weighted:
            summary.update(total=result.total, band_stars=result.band_stars,
                           minimum_stars=result.minimum_stars)
        if as_json:
            self.stdout.write(json.dumps(summary, ensure_ascii=False))
            return
        self.stdout.write(f"{version.standard.code} – {version.label}")
        verdict = "READY" if result.ready else "NOT READY"
        if weighted:
            verdict += f" · {result.total}/{result.max_total} points · {result.stars} stars"
            if not result.eligible:
                verdict += " · NOT ELIGIBLE"
        self.stdout.write(verdict)
        for reason in summary["reasons"][1:]:
            self.stdout.write(f"  - {reason}")
