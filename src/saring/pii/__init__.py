"""Redaction of personal data: e-mail, IP addresses, Indonesian phone numbers, NIK and NPWP."""

from saring.pii.redact import RedactPII

__all__ = ["RedactPII"]
