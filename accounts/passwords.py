"""Password strength: zxcvbn's estimate, with the programme's own words counted as guessable."""

from django.core.exceptions import ValidationError
from django_zxcvbn_password_validator import ZxcvbnPasswordValidator
from django_zxcvbn_password_validator.translate_zxcvbn_text import translate_zxcvbn_text


class GuessablePasswordValidator(ZxcvbnPasswordValidator):
    """Refuses passwords an attacker would guess early (PASSWORD_MINIMAL_STRENGTH, 0-4).

    zxcvbn knows common passwords, names, dates and keyboard patterns; the site's name and the
    person's own details (PASSWORD_EXTRA_DICTIONARY and the user's fields) count as guessable
    too. The messages say why in plain words and what would be better.
    """

    def _run_zxcvbn(self, password, user=None):
        # zxcvbn refuses more than 72 characters (it gets slow); a long passphrase is judged
        # by its start rather than refused.
        return super()._run_zxcvbn(password[:72], user)

    def validate(self, password, user=None):
        results = self._run_zxcvbn(password, user)
        if results["score"] >= self.password_minimal_strength:
            return
        reasons = ["This password is too easy to guess."]
        if any(match.get("dictionary_name") == "user_inputs" for match in results["sequence"]):
            reasons.append(
                "It is close to the name of the programme or to your own name or e-mail "
                "address, which are the first things someone would try."
            )
        feedback = results["feedback"]
        for text in [feedback["warning"], *feedback["suggestions"]]:
            if text:
                reasons.append(str(translate_zxcvbn_text(text)).rstrip(".") + ".")
        raise ValidationError(reasons, code="password_too_guessable")

    def get_help_text(self):
        return (
            "Choose something hard to guess: three or four unrelated words, or a short "
            "sentence, works well. Avoid the programme's name, your own name, dates and "
            "common passwords."
        )
