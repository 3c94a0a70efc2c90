"""Mobile numbers: validated with `phonenumbers` and stored in E.164 (+447700900123).

Numbers without a country code are read as UK numbers (PHONE_DEFAULT_REGION).
"""

import phonenumbers
from django.conf import settings
from django.core.exceptions import ValidationError

INVALID = "Enter a mobile number, like 07911 123456 or +44 7911 123456."


def phone_e164(value: str) -> str:
    """`value` as E.164, or ValidationError when it is not a possible, valid number."""
    try:
        number = phonenumbers.parse(value, settings.PHONE_DEFAULT_REGION)
    except phonenumbers.NumberParseException as error:
        raise ValidationError(INVALID, code="invalid") from error
    if not phonenumbers.is_valid_number(number):
        raise ValidationError(INVALID, code="invalid")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def phone_is_mobile(value: str) -> bool:
    """Whether an E.164 number can receive text messages (mobile, or either)."""
    kind = phonenumbers.number_type(phonenumbers.parse(value, settings.PHONE_DEFAULT_REGION))
    return kind in (
        phonenumbers.PhoneNumberType.MOBILE,
        phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
    )
