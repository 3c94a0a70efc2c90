"""Validation rules shared by models, forms and services of the champions app."""

from django.core.exceptions import ValidationError
from django.utils import timezone


def validate_not_in_future(value, *, what: str = "The date") -> None:
    """Refuse a date after today: "The date cannot be in the future." (or the date named)."""
    if value is not None and value > timezone.localdate():
        raise ValidationError(f"{what} cannot be in the future.", code="future")


def dbs_certificate_last4(number: str) -> str:
    """The last four characters of a DBS certificate number: all that is ever stored."""
    cleaned = "".join(number.split())
    if not cleaned.isdigit() or len(cleaned) != 12:
        raise ValidationError("A DBS certificate number is 12 digits.")
    return cleaned[-4:]
