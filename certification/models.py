"""The certification app's models, where Django looks for them: each wing's own, re-exported.
Checklists (standards, versions, sections, control points), self-assessments (answers, evidence,
reports, corrective actions) and certificates."""

from certification.assessments.models import (
    Answer,
    Assessment,
    CorrectiveAction,
    EvidencePhoto,
    OcopSelfReport,
    ReadinessReport,
    ReadinessReportPdf,
)
from certification.certificates.models import Certificate
from certification.checklists.models import (
    ControlPoint,
    ControlPointOption,
    ProfileQuestion,
    Section,
    Standard,
    StandardVersion,
    localized,
)

__all__ = [
    "Answer", "Assessment", "Certificate", "ControlPoint",
    "ControlPointOption", "CorrectiveAction", "EvidencePhoto", "OcopSelfReport", "ProfileQuestion",
    "ReadinessReport", "ReadinessReportPdf", "Section", "Standard", "StandardVersion", "localized",
]
