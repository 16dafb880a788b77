"""What a readiness report shows, in one language: the frozen snapshot turned into the words,
figures and links the web page and the PDF display, and the comparison of two reports.

Nothing here decides a verdict: the snapshot already holds the scorer's result. This module
only explains it to a cooperative manager and resolves the recommended courses to pages."""

import datetime
from collections.abc import Iterable
from fractions import Fraction

from django.conf import settings
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from certification import scoring
from certification.assessments.models import CorrectiveAction, ReadinessReport
from certification.assessments.selectors import corrective_actions_of
from certification.checklists.models import ControlPoint, localized, version_label_text
from courses.models import CoursePage
from lms.accounts.models import FORMER_MEMBER

LANGUAGES = ("vi", "en")
GAP_IMPROVE = "improve"  # an OCOP action: an option that scores more
NOT_IN_SCOPE = "not_in_scope"


def pick(text, language: str) -> str:
    """The ``language`` text of a ``{vi, en}`` pair, falling back to Vietnamese."""
    if isinstance(text, dict):
        return text.get(language) or text.get("vi") or ""
    return text or ""


def _language(language: str | None) -> str:
    language = (language or translation.get_language() or settings.LANGUAGE_CODE)[:2]
    return language if language in LANGUAGES else "vi"


def _percent_text(value: Fraction) -> str:
    """95 -> "95", 95.5 -> "95.5": a threshold as people write it."""
    value = Fraction(value)
    return str(int(value)) if value.denominator == 1 else f"{float(value):.1f}".rstrip("0")


def _percent(numerator: int, denominator: int) -> int | None:
    return round(100 * Fraction(numerator, denominator)) if denominator else None


def level_label(level: str) -> str:
    try:
        return str(ControlPoint.Level(level).label)
    except ValueError:
        return level.replace("_", " ").capitalize() if level else ""


def gap_label(status: str) -> str:
    labels = {
        scoring.GAP_NOT_COMPLIANT: _("Not compliant"),
        scoring.GAP_NA_REFUSED: _("Answered “not applicable”, but it applies"),
        scoring.GAP_UNANSWERED: _("Not answered"),
        GAP_IMPROVE: _("Can score more"),
    }
    return str(labels.get(status, status))


def answer_label(status: str) -> str:
    labels = {
        scoring.COMPLIANT: _("Compliant"),
        scoring.NOT_COMPLIANT: _("Not compliant"),
        scoring.NOT_APPLICABLE: _("Not applicable"),
        scoring.GAP_UNANSWERED: _("Not answered"),
        NOT_IN_SCOPE: _("Not in scope"),
    }
    return str(labels.get(status, status))


def stars_text(count: int) -> str:
    return ngettext("%(count)d star", "%(count)d stars", count) % {"count": count}


def _submitted_at(snapshot: dict) -> datetime.datetime | None:
    raw = snapshot.get("submitted_at")
    if not raw:
        return None
    moment = datetime.datetime.fromisoformat(raw)
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment, datetime.UTC)
    return timezone.localtime(moment)


def _levels(snapshot: dict) -> dict[str, dict]:
    return {row["level"]: row for row in snapshot.get("levels", [])}


def key_score(snapshot: dict) -> dict:
    """The one figure that sums up a report: the OCOP total, otherwise the share of applicable
    points that are compliant (every level together)."""
    if "ocop" in snapshot:
        ocop = snapshot["ocop"]
        return {"value": ocop["total"], "max": ocop["max_total"], "percent": None,
                "text": f"{ocop['total']}/{ocop['max_total']}"}
    applicable = sum(row["applicable"] for row in snapshot.get("levels", []))
    compliant = sum(row["compliant"] for row in snapshot.get("levels", []))
    percent = _percent(compliant, applicable)
    return {"value": percent, "max": 100, "percent": percent,
            "text": "–" if percent is None else f"{percent}%"}


# --- courses -------------------------------------------------------------------------------


class CourseLinks:
    """Recommended courses resolved to the page in the report's language, in one query: the
    translation of the stored page when there is a live one, else the stored page itself."""

    def __init__(self, refs: Iterable[dict], *, language: str, absolute: bool):

        refs = list(refs)
        keys = {ref["key"] for ref in refs if ref.get("key")}
        ids = {ref["id"] for ref in refs if ref.get("id")}
        self.by_key: dict[str, object] = {}
        self.by_id: dict[int, object] = {}
        self.absolute = absolute
        if keys or ids:
            pages = (CoursePage.objects.live()
                     .filter(Q(translation_key__in=keys, locale__language_code=language)
                             | Q(pk__in=ids))
                     .select_related("locale"))
            for page in pages:
                self.by_id[page.pk] = page
                if page.locale.language_code == language:
                    self.by_key[str(page.translation_key)] = page

    def _url(self, page) -> str:
        url = page.get_url() or ""
        if self.absolute and url.startswith("/"):
            url = settings.SITE_URL + url
        return url

    def link(self, ref: dict) -> dict:
        page = self.by_key.get(str(ref.get("key"))) or self.by_id.get(ref.get("id"))
        if page is None:
            return {"title": ref.get("title", ""), "url": ""}
        return {"title": page.title, "url": self._url(page)}

    def links(self, refs: Iterable[dict]) -> list[dict]:
        return [self.link(ref) for ref in refs]


def _course_refs(snapshot: dict) -> Iterable[dict]:
    for key in ("gaps", "missing_justification", "missing_evidence"):
        for item in snapshot.get(key, []):
            yield from item.get("courses", [])
    for item in snapshot.get("ocop", {}).get("suggestions", []):
        yield from item.get("courses", [])


def action_course_ref(action: CorrectiveAction) -> dict | None:
    if action.course is None:
        return None
    return {"key": str(action.course.translation_key), "id": action.course_id,
            "title": action.course.title}


# --- the verdict ---------------------------------------------------------------------------


def verdict(snapshot: dict) -> dict:
    """Ready or not yet, and why, in words for a cooperative manager."""
    reason = snapshot.get("reason", "")
    ready = bool(snapshot.get("ready"))
    levels = _levels(snapshot)
    gaps = snapshot.get("gaps", [])
    unanswered = sum(1 for gap in gaps if gap["status"] == scoring.GAP_UNANSWERED)
    rule = snapshot.get("version", {}).get("rule")

    if reason == scoring.READY:
        if rule == scoring.PERCENT_BY_LEVEL:
            minor = levels.get(scoring.MINOR, {})
            threshold = _percent_text(Fraction(snapshot.get("threshold", "0.95")) * 100)
            if minor.get("applicable"):
                text = _("Every Major Must that applies is met, and %(percent)s%% of the Minor "
                         "Musts are met (at least %(threshold)s%% are needed).") % {
                    "percent": minor["percent"], "threshold": threshold}
            else:
                text = _("Every Major Must that applies is met.")
        elif rule == scoring.WEIGHTED_POINTS:
            ocop = snapshot["ocop"]
            text = _("The projected score of %(total)d/%(max)d gives %(stars)s, which reaches "
                     "the target of %(target)s.") % {
                "total": ocop["total"], "max": ocop["max_total"],
                "stars": stars_text(ocop["stars"]), "target": stars_text(ocop["target_stars"])}
        else:
            text = _("Every requirement that applies to the cooperative is met.")
    elif reason == scoring.UNANSWERED:
        text = ngettext(
            "%(count)d point that applies was not answered; every point that applies has to "
            "be answered.",
            "%(count)d points that apply were not answered; every point that applies has to "
            "be answered.", unanswered) % {"count": unanswered}
    elif reason == scoring.MAJOR_FAILED:
        count = levels.get(scoring.MAJOR, {}).get("not_compliant", 0)
        text = ngettext(
            "%(count)d Major Must is not met; every Major Must has to be met.",
            "%(count)d Major Musts are not met; every Major Must has to be met.",
            count) % {"count": count}
    elif reason == scoring.MINOR_BELOW_THRESHOLD:
        minor = levels.get(scoring.MINOR, {})
        failures = minor.get("not_compliant", 0)
        threshold = _percent_text(Fraction(snapshot.get("threshold", "0.95")) * 100)
        text = ngettext(
            "%(failures)d Minor Must is not met, so %(percent)s%% of the Minor Musts are met; "
            "at least %(threshold)s%% have to be met (at most %(tolerated)d failures).",
            "%(failures)d Minor Musts are not met, so %(percent)s%% of the Minor Musts are "
            "met; at least %(threshold)s%% have to be met (at most %(tolerated)d failures).",
            failures) % {"failures": failures, "percent": minor.get("percent"),
                         "threshold": threshold,
                         "tolerated": snapshot.get("tolerated_minor_failures", 0)}
    elif reason == scoring.MANDATORY_FAILED:
        count = sum(1 for gap in gaps
                    if gap["blocking"] and gap["status"] != scoring.GAP_UNANSWERED)
        text = ngettext(
            "%(count)d requirement is not met; every requirement that applies has to be met.",
            "%(count)d requirements are not met; every requirement that applies has to be met.",
            count) % {"count": count}
    elif reason == scoring.NOT_ELIGIBLE:
        refusals = snapshot["ocop"].get("refusals", [])
        text = ngettext(
            "The dossier would be refused whatever its points: %(count)d answer is a ground for "
            "refusal under the official rules.",
            "The dossier would be refused whatever its points: %(count)d answers are grounds "
            "for refusal under the official rules.", len(refusals)) % {"count": len(refusals)}
    elif reason == scoring.MINIMUMS_NOT_MET:
        ocop = snapshot["ocop"]
        text = _("The projected score of %(total)d/%(max)d falls in the band of %(band)s, but "
                 "the minimums of the official sheet hold the product at %(stars)s; at least "
                 "%(target)s are needed.") % {
            "total": ocop["total"], "max": ocop["max_total"],
            "band": stars_text(ocop.get("band_stars", ocop["stars"])),
            "stars": stars_text(ocop["stars"]), "target": stars_text(ocop["target_stars"])}
    elif reason == scoring.BELOW_TARGET_STARS:
        ocop = snapshot["ocop"]
        text = _("The projected score of %(total)d/%(max)d gives %(stars)s; at least "
                 "%(target)s are needed.") % {
            "total": ocop["total"], "max": ocop["max_total"],
            "stars": stars_text(ocop["stars"]), "target": stars_text(ocop["target_stars"])}
    else:
        text = _("The self-assessment does not meet the rule of this standard yet.")
    return {"ready": ready, "reason": reason,
            "title": _("Ready") if ready else _("Not ready yet"), "text": text}


# --- the parts of the report ---------------------------------------------------------------


def _point(item: dict, language: str, courses: CourseLinks) -> dict:
    return {
        "code": item["code"], "section": item.get("section", ""),
        "text": pick(item.get("text"), language),
        "level": item.get("level", ""), "level_label": level_label(item.get("level", "")),
        "evidence": pick(item.get("evidence"), language),
        "justification": item.get("justification", ""), "note": item.get("note", ""),
        "photos": item.get("photos", 0),
        "courses": courses.links(item.get("courses", [])),
    }


def _section_title(code: str, title: str) -> str:
    """"AF – All farm" shown next to its code reads "AF All farm", not "AF AF – All farm"."""
    if code and title.startswith(code) and title[len(code):][:1] in (" ", ".", ":", "–", "-"):
        return title[len(code):].lstrip(" .:–-") or title
    return title


def _sections(snapshot: dict, language: str) -> list[dict]:
    rows = []
    for row in snapshot.get("sections", []):
        title = _section_title(row["code"], pick(row.get("title"), language))
        rows.append({**row, "title": title,
                     "depth": row.get("depth", 0),
                     "failed": max(row["applicable"] - row["compliant"], 0)})
    return rows


def _level_rows(snapshot: dict) -> list[dict]:
    rule = snapshot.get("version", {}).get("rule")
    params = snapshot.get("version", {}).get("params") or {}
    mandatory = params.get("mandatory_levels")
    threshold = Fraction(snapshot.get("threshold", "0.95")) * 100
    rows = []
    for row in snapshot.get("levels", []):
        level = row["level"]
        if rule == scoring.PERCENT_BY_LEVEL:
            needed = {scoring.MAJOR: "100", scoring.MINOR: _percent_text(threshold)}.get(level)
        else:
            needed = "100" if mandatory is None or level in mandatory else None
        rows.append({**row, "label": level_label(level),
                     "failed": row["not_compliant"] + row.get("missing", 0),
                     "needed": needed,
                     "met": needed is None or (row["percent"] is not None
                                               and row["percent"] >= Fraction(needed))
                     or not row["applicable"]})
    return rows


def _globalgap(snapshot: dict) -> dict | None:
    if snapshot.get("version", {}).get("rule") != scoring.PERCENT_BY_LEVEL:
        return None
    remaining = snapshot.get("minor_failures_remaining", 0)
    tolerated = snapshot.get("tolerated_minor_failures", 0)
    threshold = _percent_text(Fraction(snapshot.get("threshold", "0.95")) * 100)
    minor = _levels(snapshot).get(scoring.MINOR, {})
    if remaining > 0:
        text = ngettext("%(count)d more Minor Must failure is tolerated.",
                        "%(count)d more Minor Must failures are tolerated.",
                        remaining) % {"count": remaining}
    elif remaining == 0:
        text = _("No more Minor Must failure is tolerated.")
    else:
        text = ngettext("%(count)d Minor Must failure too many: fix at least %(count)d to reach "
                        "the threshold.",
                        "%(count)d Minor Must failures too many: fix at least %(count)d to "
                        "reach the threshold.", -remaining) % {"count": -remaining}
    return {"threshold": threshold, "tolerated": tolerated, "remaining": max(remaining, 0),
            "too_many": max(-remaining, 0), "over": remaining < 0, "text": text,
            "minor_applicable": minor.get("applicable", 0),
            "minor_failures": minor.get("not_compliant", 0) + minor.get("missing", 0),
            "rule_text": _("Every Major Must that applies, and at least %(threshold)s%% of the "
                           "Minor Musts that apply, have to be met. Recommendations have no "
                           "minimum. Points answered “not applicable” leave the count.")
            % {"threshold": threshold}}


def _ocop(snapshot: dict, language: str, courses: CourseLinks) -> dict | None:
    ocop = snapshot.get("ocop")
    if ocop is None:
        return None
    params = snapshot.get("version", {}).get("params") or {}
    bounds = sorted(params.get("star_bounds", scoring.DEFAULT_STAR_BOUNDS))
    max_stars = len(bounds) + 1
    # A small jump of points is taken as less work: the smallest gains come first.
    suggestions = sorted(ocop.get("suggestions", []), key=lambda move: (move["gain"],
                                                                        move["code"]))
    moves = [{**_point(move, language, courses), "gain": move["gain"],
              "from": pick(move.get("from"), language) if move.get("from") else "",
              "to": pick(move.get("to"), language), "to_code": move.get("to_code", "")}
             for move in suggestions]
    gain = sum(move["gain"] for move in moves)
    minimums = [{**_point(item, language, courses), "stars": item["stars"],
                 "stars_text": stars_text(item["stars"]), "gain": item["gain"],
                 "from": pick(item.get("from"), language) if item.get("from") else "",
                 "to": pick(item.get("to"), language)}
                for item in ocop.get("unmet_minimums", [])]
    refusals = [{**_point(item, language, courses), "answer": pick(item.get("answer"), language)}
                for item in ocop.get("refusals", [])]
    band_stars = ocop.get("band_stars", ocop["stars"])
    next_star = ocop.get("next_star")
    if next_star is None:
        next_text = _("This is the highest star rating.")
    elif ocop.get("reaches_next_star") and minimums and not ocop["points_to_next_star"]:
        next_text = ngettext(
            "The points already reach %(stars)s; %(count)d criterion is below the minimum the "
            "official sheet sets for it.",
            "The points already reach %(stars)s; %(count)d criteria are below the minimum the "
            "official sheet sets for them.", len(minimums)) % {
            "stars": stars_text(next_star), "count": len(minimums)}
    elif ocop.get("reaches_next_star"):
        next_text = " ".join([
            ngettext("%(points)d more point reaches %(stars)s.",
                     "%(points)d more points reach %(stars)s.", ocop["points_to_next_star"])
            % {"points": ocop["points_to_next_star"], "stars": stars_text(next_star)},
            ngettext("The change below gains %(gain)d points.",
                     "The %(count)d changes below together gain %(gain)d points.", len(moves))
            % {"count": len(moves), "gain": gain},
        ])
    else:
        next_text = _("%(points)d more points would reach %(stars)s, but even the best option "
                      "of every criterion falls short; the changes below gain %(gain)d "
                      "points.") % {"points": ocop["points_to_next_star"],
                                    "stars": stars_text(next_star), "gain": gain}
    bands = []
    lower = [0, *bounds]
    for star in range(1, max_stars + 1):
        low = lower[star - 1]
        high = lower[star] - 1 if star < max_stars else ocop["max_total"]
        bands.append({"stars": star, "low": low, "high": high,
                      "current": star == ocop["stars"]})
    return {
        "total": ocop["total"], "max_total": ocop["max_total"],
        "percent": _percent(ocop["total"], ocop["max_total"]),
        "stars": ocop["stars"], "stars_text": stars_text(ocop["stars"]),
        "star_marks": [index < ocop["stars"] for index in range(max_stars)],
        "max_stars": max_stars,
        "target_stars": ocop["target_stars"], "target_text": stars_text(ocop["target_stars"]),
        "next_star": next_star, "points_to_next_star": ocop.get("points_to_next_star"),
        "reaches_next_star": ocop.get("reaches_next_star", False), "next_text": next_text,
        "parts": [{**part, "percent": _percent(part["points"], part["max_points"])}
                  for part in ocop.get("parts", [])],
        "suggestions": moves, "gain": gain, "bands": bands,
        "eligible": ocop.get("eligible", True), "refusals": refusals,
        "band_stars": band_stars, "band_text": stars_text(band_stars),
        "held_by_minimums": ocop["stars"] < band_stars, "unmet_minimums": minimums,
    }


def _actions(actions: list[CorrectiveAction], snapshot: dict, language: str,
             courses: CourseLinks) -> list[dict]:
    today = timezone.localdate()
    targets = {move["code"]: move for move in snapshot.get("ocop", {}).get("suggestions", [])}
    rows = []
    for action in actions:
        point = action.control_point
        target = targets.get(point.code) if action.gap == GAP_IMPROVE else None
        ref = action_course_ref(action)
        done = action.status == CorrectiveAction.Status.DONE
        rows.append({
            "pk": action.pk, "action": action, "code": point.code,
            "text": localized(point, "text", language),
            "level_label": level_label(point.level),
            "gap": action.gap, "gap_label": gap_label(action.gap), "blocking": action.blocking,
            "target": pick(target["to"], language) if target else "",
            "gain": action.gain,
            "owner": action.owner.display_name if action.owner else "",
            "due_date": action.due_date,
            "overdue": bool(action.due_date and not done and action.due_date < today),
            "status": action.status, "status_label": str(action.get_status_display()),
            "done": done, "closing_note": action.closing_note,
            "closed_at": action.closed_at, "has_photo": bool(action.closing_photo),
            "course": courses.link(ref) if ref else None,
        })
    return rows


def _statement(snapshot: dict, language: str) -> dict:
    standard = pick(snapshot.get("standard", {}).get("name"), language)
    return {
        "note": pick(snapshot.get("version", {}).get("note"), language),
        "text": _("Training material: this report comes from a self-assessment rehearsal on the "
                  "platform's own checklist for %(standard)s. It is not the official checklist "
                  "and not a certification; the certification body's official checklist and its "
                  "auditors' findings prevail.") % {"standard": standard},
        "short": _("Training material – a self-assessment rehearsal, not the official checklist "
                   "nor a certification. The certification body's official checklist "
                   "prevails."),
    }


def report_context(report: ReadinessReport, *, language: str, for_pdf: bool = False) -> dict:
    """Everything the report's web page and PDF show, in ``language`` (vi or en)."""
    language = _language(language)
    snapshot = report.snapshot
    with translation.override(language):
        actions = list(corrective_actions_of(report.assessment))
        refs = list(_course_refs(snapshot))
        refs += [ref for ref in map(action_course_ref, actions) if ref]
        courses = CourseLinks(refs, language=language, absolute=for_pdf)
        gaps = [{**_point(gap, language, courses), "status": gap["status"],
                 "status_label": gap_label(gap["status"]), "blocking": gap["blocking"]}
                for gap in snapshot.get("gaps", [])]
        gaps.sort(key=lambda gap: not gap["blocking"])  # stable: blocking first
        action_rows = _actions(actions, snapshot, language, courses)
        version = snapshot.get("version", {})
        cooperative = snapshot.get("cooperative", {})
        sections = _sections(snapshot, language)
        return {
            "report": report, "assessment": report.assessment, "language": language,
            "for_pdf": for_pdf, "rule": version.get("rule"),
            "is_ocop": version.get("rule") == scoring.WEIGHTED_POINTS,
            "is_globalgap": version.get("rule") == scoring.PERCENT_BY_LEVEL,
            "standard": pick(snapshot.get("standard", {}).get("name"), language),
            "standard_code": snapshot.get("standard", {}).get("code", ""),
            "version_label": version_label_text(version.get("label", ""), language),
            "cooperative": cooperative.get("name", ""),
            "province": cooperative.get("province", ""),
            # Blanked when the submitter closed their account (certification.assessments.receivers).
            "submitted_by": snapshot.get("submitted_by") or (
                str(FORMER_MEMBER) if report.assessment.submitted_by_id else ""),
            "submitted_at": _submitted_at(snapshot),
            "printed_at": timezone.localtime(),
            "verdict": verdict(snapshot),
            "key_score": key_score(snapshot),
            "sections": sections,
            "top_sections": [row for row in sections if row["depth"] == 0],
            "levels": _level_rows(snapshot),
            "globalgap": _globalgap(snapshot),
            "ocop": _ocop(snapshot, language, courses),
            "gaps": gaps,
            "blocking_gaps": [gap for gap in gaps if gap["blocking"]],
            "other_gaps": [gap for gap in gaps if not gap["blocking"]],
            "actions": action_rows,
            "actions_open": sum(1 for row in action_rows if not row["done"]),
            "missing_justification": [_point(item, language, courses)
                                      for item in snapshot.get("missing_justification", [])],
            "missing_evidence": [_point(item, language, courses)
                                 for item in snapshot.get("missing_evidence", [])],
            "profile": [{"tag": row["tag"], "question": pick(row["question"], language),
                         "answer": row["answer"]} for row in snapshot.get("profile", [])],
            "statement": _statement(snapshot, language),
        }


# --- comparing two reports -----------------------------------------------------------------


def _texts(snapshot: dict) -> dict[str, dict]:
    """Point texts a snapshot carries (the points it reports on), by code."""
    texts = {}
    for key in ("gaps", "missing_justification", "missing_evidence"):
        for item in snapshot.get(key, []):
            texts.setdefault(item["code"], item.get("text", {}))
    for item in snapshot.get("ocop", {}).get("suggestions", []):
        texts.setdefault(item["code"], item.get("text", {}))
    return texts


def _scored(status: str) -> bool:
    return status not in (NOT_IN_SCOPE, scoring.NOT_APPLICABLE)


def compare_reports(previous_snapshot: dict, current_snapshot: dict, *,
                    language: str | None = None) -> dict:
    """What changed from one report to the next, point by point (by code) and overall.

    A compliance point *improved* when it became compliant and *regressed* when it stopped
    being compliant; an OCOP criterion improved or regressed when its chosen option scores
    more or less. New gaps are gaps of the current report the previous one did not have;
    closed gaps the reverse (for points present in both). Points in one version only are
    listed apart."""
    language = _language(language)
    before, after = previous_snapshot.get("points", {}), current_snapshot.get("points", {})
    texts = {**_texts(current_snapshot), **_texts(previous_snapshot)}
    points_before = previous_snapshot.get("option_points", {})
    points_after = current_snapshot.get("option_points", {})

    def row(code, old=None, new=None, **extra):
        return {"code": code, "text": pick(texts.get(code), language),
                "before": old, "after": new,
                "before_label": answer_label(old) if old is not None else "",
                "after_label": answer_label(new) if new is not None else "", **extra}

    improved, regressed, changed = [], [], []
    with translation.override(language):
        for code, new in after.items():
            if code not in before:
                continue
            old = before[code]
            if old == new:
                continue
            if code in points_before and code in points_after:  # OCOP: compare the points
                gain = points_after[code] - points_before[code]
                target = improved if gain > 0 else regressed if gain < 0 else changed
                target.append(row(code, old, new, gain=gain))
            elif new == scoring.COMPLIANT:
                improved.append(row(code, old, new))
            elif old == scoring.COMPLIANT and _scored(new):
                regressed.append(row(code, old, new))
            else:
                changed.append(row(code, old, new))
        gaps_before = {gap["code"]: gap for gap in previous_snapshot.get("gaps", [])}
        gaps_after = {gap["code"]: gap for gap in current_snapshot.get("gaps", [])}
        new_gaps = [row(code, before.get(code), after.get(code), blocking=gap["blocking"])
                    for code, gap in gaps_after.items() if code not in gaps_before]
        closed_gaps = [row(code, before.get(code), after.get(code))
                       for code in gaps_before if code not in gaps_after and code in after]
        only_previous = [row(code, before[code]) for code in before if code not in after]
        only_current = [row(code, None, after[code]) for code in after if code not in before]
        score_before, score_after = key_score(previous_snapshot), key_score(current_snapshot)
        delta = None
        if score_before["value"] is not None and score_after["value"] is not None:
            delta = score_after["value"] - score_before["value"]
        stars = None
        if "ocop" in previous_snapshot and "ocop" in current_snapshot:
            old_stars = previous_snapshot["ocop"]["stars"]
            new_stars = current_snapshot["ocop"]["stars"]
            stars = {"before": old_stars, "after": new_stars, "delta": new_stars - old_stars}
        ready_before, ready_after = bool(previous_snapshot.get("ready")), \
            bool(current_snapshot.get("ready"))
        return {
            "improved": improved, "regressed": regressed, "changed": changed,
            "new_gaps": new_gaps, "closed_gaps": closed_gaps,
            "only_previous": only_previous, "only_current": only_current,
            "score": {"before": score_before, "after": score_after, "delta": delta},
            "verdict": {"before": ready_before, "after": ready_after,
                        "changed": ready_before != ready_after,
                        "before_label": _("Ready") if ready_before else _("Not ready yet"),
                        "after_label": _("Ready") if ready_after else _("Not ready yet")},
            "stars": stars,
            "same_version": previous_snapshot.get("version", {}).get("id")
            == current_snapshot.get("version", {}).get("id"),
        }


def history_rows(reports: list[ReadinessReport], action_counts: dict[int, dict]) -> list[dict]:
    """One row per report, newest first: the date, version, verdict, key score, level counts,
    OCOP stars, gaps and the action plan's open and closed actions."""
    rows = []
    for item in reversed(reports):
        snapshot = item.snapshot
        levels = {row["level"]: row for row in snapshot.get("levels", [])}
        ocop = snapshot.get("ocop")
        counts = action_counts.get(item.assessment_id, {})
        rows.append({
            "report": item, "assessment_id": item.assessment_id,
            "date": item.created_at,
            "version": version_label_text(snapshot.get("version", {}).get("label", "")),
            "ready": item.ready, "score": key_score(snapshot),
            "levels": levels,
            "stars": ocop["stars"] if ocop else None,
            "stars_text": stars_text(ocop["stars"]) if ocop else "",
            "star_marks": [i < ocop["stars"] for i in range(5)] if ocop else [],
            "blocking": sum(1 for gap in snapshot.get("gaps", []) if gap["blocking"]),
            "gaps": len(snapshot.get("gaps", [])),
            "open": counts.get("open", 0),
            "closed": counts.get("closed", 0),
        })
    return rows
