"""The certification app's models: certificates, checklists (standards, versions, sections,
control points) and self-assessments (answers, evidence, reports, corrective actions)."""

from certification.models.assessments import (
    Answer,
    Assessment,
    CorrectiveAction,
    EvidencePhoto,
    ReadinessReport,
)
from certification.models.certificates import Certificate, CertificateExport
from certification.models.checklists import (
    ControlPoint,
    ControlPointOption,
    ProfileQuestion,
    Section,
    Standard,
    StandardVersion,
    localized,
)

__all__ = [
    "Answer", "Assessment", "Certificate", "CertificateExport", "ControlPoint",
    "ControlPointOption", "CorrectiveAction", "EvidencePhoto", "ProfileQuestion",
    "ReadinessReport", "Section", "Standard", "StandardVersion", "localized",
]
