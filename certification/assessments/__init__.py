"""Self-assessments: the profile, answers, evidence photos and the corrective actions."""
