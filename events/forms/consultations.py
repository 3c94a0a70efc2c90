"""The form a parent fills in to answer a consultation, built from its questions."""

from django import forms

from champions.models import Area, ProtectiveFactor

from ..choices import OTHER, QuestionKind, ResponseChannel
from ..models import Event
from ..services.consultations import AnswerData

FREE_TEXT_MAX = 2000
OTHER_MAX = 200
RADIO_KINDS = (
    QuestionKind.SINGLE,
    QuestionKind.RATING,
    QuestionKind.YES_NO,
    QuestionKind.AGE_BAND,
    QuestionKind.AREA,
    QuestionKind.LANGUAGE,
)


def _question_field(question, areas):
    required = question.required and not question.is_about_you
    common = {"label": question.text, "help_text": question.help_text, "required": required}
    messages = {"required": f"Answer “{question.text}”.", "invalid_choice": "Choose an answer."}
    if question.kind == QuestionKind.FREE_TEXT:
        return forms.CharField(
            widget=forms.Textarea(attrs={"rows": 4}),
            max_length=FREE_TEXT_MAX,
            error_messages={
                **messages,
                "max_length": f"Keep your answer under {FREE_TEXT_MAX} characters.",
            },
            **common,
        )
    choices = question.choices(areas)
    if question.kind == QuestionKind.MULTIPLE:
        return forms.MultipleChoiceField(
            choices=choices,
            widget=forms.CheckboxSelectMultiple,
            error_messages={**messages, "invalid_choice": "Choose from the answers given."},
            **common,
        )
    return forms.ChoiceField(
        choices=choices, widget=forms.RadioSelect, error_messages=messages, **common
    )


class ConsultationAnswerForm(forms.Form):
    """One field a question (`q<id>`), an "other, please say" box where offered, and a honeypot
    field people never see (`website`): a filled honeypot marks the submission as spam."""

    website = forms.CharField(required=False, label="Leave this empty", max_length=200)

    def __init__(self, *args, consultation, areas=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.consultation = consultation
        self.questions = list(consultation.questions.all())
        areas = areas if areas is not None else _areas_for(consultation)
        for question in self.questions:
            self.fields[f"q{question.pk}"] = _question_field(question, areas)
            if question.allow_other and question.kind in (
                QuestionKind.SINGLE,
                QuestionKind.MULTIPLE,
            ):
                self.fields[f"q{question.pk}_other"] = forms.CharField(
                    label="Other, please say",
                    required=False,
                    max_length=OTHER_MAX,
                    error_messages={"max_length": f"Keep it under {OTHER_MAX} characters."},
                )

    @property
    def is_spam(self) -> bool:
        return bool(self.data.get("website"))

    def clean(self):
        cleaned = super().clean()
        for question in self.questions:
            other = f"q{question.pk}_other"
            if other not in self.fields:
                continue
            value = cleaned.get(f"q{question.pk}")
            chose_other = value == OTHER or (isinstance(value, list) and OTHER in value)
            if chose_other and not cleaned.get(other, "").strip():
                self.add_error(other, "Say what “other” means for you.")
        return cleaned

    def answers(self) -> list[AnswerData]:
        answers = []
        for question in self.questions:
            value = self.cleaned_data.get(f"q{question.pk}")
            if not value:
                continue
            if question.kind == QuestionKind.FREE_TEXT:
                answers.append(AnswerData(question_id=question.pk, text=value))
                continue
            values = tuple(value) if isinstance(value, list) else (value,)
            other = self.cleaned_data.get(f"q{question.pk}_other", "")
            answers.append(AnswerData(question_id=question.pk, choices=values, other=other))
        return answers

    def bound_questions(self):
        """(question, field, other field or None) in order, for the template."""
        for question in self.questions:
            other = f"q{question.pk}_other"
            yield question, self[f"q{question.pk}"], self[other] if other in self.fields else None


def _areas_for(consultation):
    chosen = list(consultation.areas.all())
    return chosen or list(Area.objects.all())


class PaperResponseForm(ConsultationAnswerForm):
    """A paper response a champion types in: the answers, and where they collected it."""

    channel = forms.TypedChoiceField(
        label="How was it collected?",
        choices=[
            (ResponseChannel.PAPER, "On a paper form"),
            (ResponseChannel.EVENT, "Face to face at an event"),
        ],
        widget=forms.RadioSelect,
        initial=ResponseChannel.PAPER,
        error_messages={"required": "Say how it was collected."},
    )
    where = forms.CharField(
        label="Where was it collected?",
        max_length=200,
        help_text="e.g. “Stall at Southend library”.",
        error_messages={"required": "Say where you collected it."},
    )

    event = forms.ModelChoiceField(
        label="At which event? (optional)",
        queryset=Event.objects.none(),
        required=False,
        empty_label="Not at an event",
        widget=forms.Select(attrs={"aria-describedby": "id_event_help"}),
        help_text="Events you were booked on while the consultation was open.",
        error_messages={"invalid_choice": "Choose one of the events you were booked on."},
    )

    def __init__(self, *args, events=None, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["website"]
        if events is None:
            del self.fields["event"]
        else:
            self.fields["event"].queryset = events

    @property
    def is_spam(self) -> bool:
        return False


class ResultsFilterForm(forms.Form):
    """Filters on a consultation's results: area and channel."""

    area = forms.ModelChoiceField(
        queryset=Area.objects.all(), required=False, empty_label="All wards"
    )
    channel = forms.ChoiceField(
        choices=[("", "All channels"), *ResponseChannel.choices], required=False
    )


class AnswerTagForm(forms.Form):
    """Staff tag one free-text answer: a theme, protective factors, and approval to publish."""

    theme = forms.CharField(max_length=100, required=False)
    factors = forms.ModelMultipleChoiceField(
        queryset=ProtectiveFactor.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Protective factors",
    )
    approved = forms.BooleanField(required=False, label="May be published in their words")
