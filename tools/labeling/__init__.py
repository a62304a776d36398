"""Weak supervision: labeling-function specs, application, analysis, label model and end model."""
