"""Checklist versions for tests, built through the real file format and import service."""

import yaml

from certification.checklists.files import parse_yaml
from certification.checklists.services import checklist_import
from certification.models import Assessment, StandardVersion


def _t(vi: str, en: str | None = None) -> dict:
    return {"vi": vi, "en": en or vi}


def checklist_dict(*, code: str, rule: str, params: dict | None = None, sections: list,
                   profile: list | None = None, label: str = "v1") -> dict:
    return {
        "format": 1,
        "standard": {"code": code, "name": _t(f"Chuẩn {code}", f"Standard {code}")},
        "version": {"label": label, "rule": rule, "params": params or {},
                    "note": _t("Tài liệu tập huấn", "Training material")},
        "profile": profile or [],
        "sections": sections,
    }


def version_from_dict(data: dict, *, publish: bool = True, user=None) -> StandardVersion:
    parsed = parse_yaml(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))
    return checklist_import(data=parsed, user=user, publish=publish)


def point(code: str, level: str, **extra) -> dict:
    return {"code": code, "text": _t(f"Yêu cầu {code}", f"Requirement {code}"), "level": level,
            **extra}


def globalgap_dict(*, majors: int = 2, minors: int = 20, recommendations: int = 1,
                   label: str = "v1") -> dict:
    """Two sections: majors and recommendations in AF, minors in CB; a greenhouse-only point."""
    af = [point(f"AF.{i}", "major", justification="always") for i in range(1, majors + 1)]
    af += [point(f"AF.R{i}", "recommendation") for i in range(1, recommendations + 1)]
    cb = [point(f"CB.{i}", "minor", justification="not_compliant_or_na")
          for i in range(1, minors + 1)]
    cb.append(point("CB.G1", "minor", tags=["greenhouse"], evidence_required=True,
                    evidence=_t("Ảnh nhà kính", "Photo of the greenhouse")))
    return checklist_dict(
        code="globalgap-test", rule="percent_by_level", params={"minor_threshold": "0.95"},
        label=label,
        profile=[{"tag": "greenhouse", "question": _t("Có nhà kính?", "Any greenhouse?")}],
        sections=[{"code": "AF", "title": _t("Toàn trang trại", "All farm"), "points": af},
                  {"code": "CB", "title": _t("Cây trồng", "Crops"), "points": cb}],
    )


def vietgap_dict(*, points: int = 6) -> dict:
    return checklist_dict(
        code="vietgap-test", rule="all_mandatory",
        sections=[{"code": "VG.1", "title": _t("Địa điểm", "Site"),
                   "points": [point(f"VG.1.{i}", "required") for i in range(1, points + 1)]}],
    )


def ocop_dict() -> dict:
    """Part A 40, B 25, C 35 from two criteria each (max points add up to 100)."""
    def criterion(code, best):
        return {"code": code, "text": _t(f"Tiêu chí {code}", f"Criterion {code}"),
                "na_allowed": False,
                "options": [{"code": "a", "text": _t("Thấp", "Low"), "points": 0},
                            {"code": "b", "text": _t("Vừa", "Medium"), "points": best // 2},
                            {"code": "c", "text": _t("Cao", "High"), "points": best}]}
    return checklist_dict(
        code="ocop-test", rule="weighted_points",
        params={"part_max": {"A": 40, "B": 25, "C": 35}, "star_bounds": [30, 50, 70, 90],
                "target_stars": 3},
        sections=[{"code": "A1", "part": "A", "title": _t("Phần A", "Part A"),
                   "points": [criterion("A1.1", 20), criterion("A1.2", 20)]},
                  {"code": "B1", "part": "B", "title": _t("Phần B", "Part B"),
                   "points": [criterion("B1.1", 15), criterion("B1.2", 10)]},
                  {"code": "C1", "part": "C", "title": _t("Phần C", "Part C"),
                   "points": [criterion("C1.1", 20), criterion("C1.2", 15)]}],
    )


def assessment_for(*, cooperative, version: StandardVersion, user,
                   profile: dict | None = None) -> Assessment:
    return Assessment.objects.create(cooperative=cooperative, version=version, started_by=user,
                                     profile=profile if profile is not None else {})
