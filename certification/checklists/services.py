"""Writes of checklists: importing a whole version from a file's content, exporting one, making a
new version from a locked one, and publishing. A version that has assessments is never changed
in place: importing over it is refused and a new version is made instead."""

from dataclasses import replace

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from certification.checklists.files import (
    ChecklistData,
    ChecklistFileError,
    OptionData,
    PointData,
    ProfileQuestionData,
    SectionData,
    Text,
    validate,
)
from certification.checklists.models import (
    ControlPoint,
    ControlPointOption,
    ProfileQuestion,
    Section,
    Standard,
    StandardVersion,
)
from certification.checklists.selectors import checklist_of
from courses.models import CoursePage


def _text(obj, field: str) -> Text:
    return Text(vi=getattr(obj, f"{field}_vi"), en=getattr(obj, f"{field}_en"))


def _optional_text(obj, field: str) -> Text | None:
    text = _text(obj, field)
    return text if text.vi or text.en else None


def _courses_by_slug(slugs: set[str]) -> dict[str, CoursePage]:
    """Courses named in a file, by slug; the Vietnamese page wins when both languages share one."""
    found: dict[str, CoursePage] = {}
    for course in CoursePage.objects.filter(slug__in=slugs).select_related("locale") \
            .order_by("locale__language_code"):  # "vi" after "en": Vietnamese overwrites
        found[course.slug] = course
    return found


@transaction.atomic
def checklist_import(*, data: ChecklistData, user=None, publish: bool = False,
                     missing_courses: str = "error") -> StandardVersion:
    """Create (or, while it has no assessments, replace) the version ``data`` describes.

    Raises ChecklistFileError with every problem when the content is invalid, names an unknown
    course (unless ``missing_courses`` is "skip") or targets a version that has assessments."""
    issues = list(validate(data))
    slugs = {slug for point in data.points for slug in point.courses}
    courses = _courses_by_slug(slugs)
    if missing_courses != "skip":
        for point in data.points:
            for slug in point.courses:
                if slug not in courses:
                    issues.append(_("%(where)s: no course has the slug “%(slug)s”.")
                                  % {"where": point.where, "slug": slug})
    standard = Standard.objects.filter(code=data.standard_code).first()
    existing = (StandardVersion.objects.select_for_update()
                .filter(standard=standard, label=data.label).first()) if standard else None
    if existing is not None and existing.assessments.exists():
        issues.append(_("Version “%(label)s” of %(standard)s already has self-assessments and "
                        "cannot change; import the file under a new version label.")
                      % {"label": data.label, "standard": standard.code})
    if issues:
        raise ChecklistFileError(issues)

    if standard is None:
        standard = Standard(code=data.standard_code)
    standard.name_vi, standard.name_en = data.name.vi, data.name.en
    if data.description is not None:
        standard.description_vi, standard.description_en = data.description.vi, \
            data.description.en
    standard.save()

    note = data.note or Text("", "")
    if existing is not None:
        version = existing
        version.sections.all().delete()
        version.profile_questions.all().delete()
    else:
        version = StandardVersion(standard=standard, label=data.label, created_by=user)
    version.rule, version.params = data.rule, dict(data.params)
    version.note_vi, version.note_en = note.vi, note.en
    if publish and version.status != StandardVersion.Status.PUBLISHED:
        version.status, version.published_at = StandardVersion.Status.PUBLISHED, timezone.now()
    version.save()

    ProfileQuestion.objects.bulk_create(
        ProfileQuestion(version=version, sort_order=index, tag=question.tag,
                        question_vi=question.question.vi, question_en=question.question.en,
                        help_vi=question.help.vi if question.help else "",
                        help_en=question.help.en if question.help else "")
        for index, question in enumerate(data.profile))

    sections: dict[str, Section] = {}
    for index, item in enumerate(data.sections):  # parents come before their children
        intro = item.intro or Text("", "")
        sections[item.code] = Section.objects.create(
            version=version, sort_order=index, code=item.code,
            parent=sections.get(item.parent), title_vi=item.title.vi, title_en=item.title.en,
            intro_vi=intro.vi, intro_en=intro.en, part=item.part)

    points = ControlPoint.objects.bulk_create(
        ControlPoint(
            section=sections[item.section], sort_order=index, code=item.code,
            text_vi=item.text.vi, text_en=item.text.en,
            guidance_vi=item.guidance.vi if item.guidance else "",
            guidance_en=item.guidance.en if item.guidance else "",
            level=item.level, na_allowed=item.na_allowed, justification=item.justification,
            evidence_required=item.evidence_required,
            evidence_vi=item.evidence.vi if item.evidence else "",
            evidence_en=item.evidence.en if item.evidence else "",
            tags=",".join(item.tags))
        for index, item in enumerate(data.points))
    ControlPointOption.objects.bulk_create(
        ControlPointOption(control_point=point, sort_order=index, code=option.code,
                           text_vi=option.text.vi, text_en=option.text.en, points=option.points,
                           min_stars=option.min_stars, refuses=option.refuses)
        for point, item in zip(points, data.points, strict=True)
        for index, option in enumerate(item.options))
    links = ControlPoint.recommended_courses.through
    links.objects.bulk_create(
        links(controlpoint=point, coursepage=courses[slug])
        for point, item in zip(points, data.points, strict=True)
        for slug in item.courses if slug in courses)
    return version


def checklist_export(*, version: StandardVersion) -> ChecklistData:
    """The version as file content (the inverse of ``checklist_import``)."""
    standard = version.standard
    checklist = checklist_of(version)
    codes = {section.pk: section.code for section in checklist.sections}
    return ChecklistData(
        standard_code=standard.code, name=_text(standard, "name"),
        description=_optional_text(standard, "description"), label=version.label,
        rule=version.rule, params=dict(version.params or {}),
        note=_optional_text(version, "note"),
        profile=tuple(
            ProfileQuestionData(tag=question.tag, question=_text(question, "question"),
                                help=_optional_text(question, "help"),
                                where=_("Profile question “%(tag)s”") % {"tag": question.tag})
            for question in version.profile_questions.order_by("sort_order", "pk")),
        sections=tuple(
            SectionData(code=section.code, parent=codes.get(section.parent_id, ""),
                        title=_text(section, "title"), intro=_optional_text(section, "intro"),
                        part=section.part,
                        where=_("Section %(code)s") % {"code": section.code})
            for section in checklist.sections),
        points=tuple(
            PointData(
                code=point.code, section=point.section.code, text=_text(point, "text"),
                guidance=_optional_text(point, "guidance"), level=point.level,
                na_allowed=point.na_allowed, justification=point.justification,
                evidence_required=point.evidence_required,
                evidence=_optional_text(point, "evidence"), tags=tuple(sorted(point.tag_set)),
                courses=tuple(sorted({course.slug for course in point.recommended_courses.all()})),
                options=tuple(OptionData(code=option.code, text=_text(option, "text"),
                                         points=option.points, min_stars=option.min_stars,
                                         refuses=option.refuses,
                                         where=_("Control point %(code)s, option %(option)s")
                                         % {"code": point.code, "option": option.code})
                              for option in point.options.all()),
                where=_("Control point %(code)s") % {"code": point.code})
            for point in checklist.points),
    )


def version_copy(*, version: StandardVersion, label: str, user=None) -> StandardVersion:
    """A new draft version with the same content under ``label``: how a locked version is
    changed."""
    data = checklist_export(version=version)
    return checklist_import(data=replace(data, label=label), user=user, missing_courses="skip")


def version_issues(*, version: StandardVersion) -> list[str]:
    """What the file checks find wrong in the version's content (authoring in the admin can
    leave what an import would refuse); empty when it may be published."""
    return validate(checklist_export(version=version))


def version_publish(*, version: StandardVersion) -> list[str]:
    """Publish the version when its content passes the file checks; return the problems
    otherwise."""
    issues = version_issues(version=version)
    if issues:
        return issues
    if version.status != StandardVersion.Status.PUBLISHED:
        version.status, version.published_at = StandardVersion.Status.PUBLISHED, timezone.now()
        version.save(update_fields=["status", "published_at"])
    return []
