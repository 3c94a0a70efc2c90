""" "Download my data" is a zip of one JSON file and the champion's files, holding every kind of
record the site keeps about them; a new model about champions cannot be left out unnoticed."""

import io
import json
import zipfile

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.urls import reverse

from champions.choices import ConsentKind
from champions.models import Champion
from champions.selectors.privacy import exported_models
from champions.services.consents import consent_withdraw
from tests.factories.champions import ActivityLogFactory, ChampionFactory, OnboardingCheckFactory

from .everything import EMAIL, NAME, OWN_WORDS, one_of_everything

pytestmark = pytest.mark.django_db

# Models linked to a champion or a user that the download leaves out, and why.
NOT_EXPORTED = {
    "wagtailcore.Page": "Pages are staff's; stories about the champion are exported as stories.",
    "wagtailcore.PageSubscription": "Staff's comment-notification settings for pages.",
    "wagtailcore.Comment": "Staff's editorial comments; champions cannot comment.",
    "wagtailcore.CommentReply": "Staff's replies to editorial comments.",
    "wagtailcore.UploadedFile": "A staff upload in progress, deleted once saved.",
    "wagtailcore.APIToken": "Staff's admin API tokens; champions have none.",
    "wagtailadmin.EditingSession": "Which staff member has an admin edit form open.",
    "wagtailadmin.FormState": "Staff's unsaved admin form drafts.",
    "wagtailusers.UserProfile": "Admin display preferences (language, theme) of staff.",
    "wagtaildocs.Document": "Documents are uploaded by staff; champions cannot upload them.",
    "mfa.Authenticator": "Second-factor secrets: never disclosed, even to their owner.",
    "cms.OutcomeRelatedStory": "The link from an outcome page to a story; the story is exported.",
    "champions.CoordinatorProfile": "A staff member's profile (wards covered).",
    "champions.GroupMessage": "A staff group message; what each champion got is in their messages.",
    "champions.SafeguardingConcern": (
        "Restricted safeguarding record: the safeguarding lead decides disclosure case by case "
        "(UK GDPR exemption where disclosure could put someone at risk), never a self-service copy."
    ),
    "events.ConsultationAnswer": (
        "Answers of the parents a champion interviewed, not about the champion; the responses "
        "they entered are listed."
    ),
}


def _links(model):
    fields = [*model._meta.local_fields, *model._meta.local_many_to_many]
    return [f for f in fields if f.is_relation and f.related_model is not None]


def models_about_champions() -> set[str]:
    """Models with a foreign key, one-to-one or many-to-many to Champion or User, and models
    hanging off a champion's own records (a champion's activity log's factors)."""
    user = get_user_model()
    direct = {
        m for m in apps.get_models() if any(f.related_model in (Champion, user) for f in _links(m))
    }
    owned = {
        m
        for m in direct
        if any(f.related_model is Champion and not f.many_to_many for f in _links(m))
    }
    hanging = {m for m in apps.get_models() if any(f.related_model in owned for f in _links(m))}
    return {m._meta.label for m in direct | hanging | {Champion, user}}


def test_every_model_about_champions_is_in_the_download_or_excused(client, media):
    champion = one_of_everything(client)
    linked = models_about_champions()
    exported = {m._meta.label for m in exported_models(champion)}
    missing = linked - exported - NOT_EXPORTED.keys()
    assert not missing, f"Add these to the data download (or to NOT_EXPORTED, with why): {missing}"
    assert not (NOT_EXPORTED.keys() - linked), "NOT_EXPORTED names a model no longer linked"


def test_the_download_is_a_zip_of_everything_with_their_files(
    client, media, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        one_of_everything(client)

    response = client.get(reverse("champions:my_data"))
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"].startswith("attachment;")
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    data = json.loads(archive.read("my-data.json"))
    assert data["account"]["email"] == EMAIL
    for section in (
        "activity_logs",
        "expense_claims",
        "supervision_notes",
        "email_addresses",
        "calendar_feed",
        "stories",
        "story_revisions",
        "story_moderation",
        "images",
        "audit_log",
        "event_registrations",
        "consents",
    ):
        assert data[section], f"{section} is empty"
    assert data["activity_logs"][0]["protective_factors"]
    assert any(OWN_WORDS in json.dumps(story) for story in data["stories"])
    assert any(NAME in note["note"] for note in data["supervision_notes"])
    assert data["calendar_feed"][0]["url"].endswith(".ics")
    receipts = [n for n in archive.namelist() if n.startswith("files/receipts/")]
    images = [n for n in archive.namelist() if n.startswith("files/images/")]
    assert len(receipts) == 1 and archive.read(receipts[0]).startswith(b"\x89PNG")
    assert images and all(archive.read(n).startswith(b"\x89PNG") for n in images)


def test_my_download_holds_only_my_records(client, media):
    me = ChampionFactory(preferred_name="Jo", phone="07700 900123")
    other = ChampionFactory(preferred_name="Sam")
    ActivityLogFactory(champion=me, description="Ran the stall")
    ActivityLogFactory(champion=other, description="Someone else's work")
    OnboardingCheckFactory(champion=me, certificate_last4="1234")
    client.force_login(me.user)
    response = client.get(reverse("champions:my_data"))
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    text = archive.read("my-data.json").decode()
    data = json.loads(text)
    assert data["profile"]["preferred_name"] == "Jo"
    assert [log["description"] for log in data["activity_logs"]] == ["Ran the stall"]
    assert data["checks"][0]["certificate_last4"] == "1234"
    assert "Sam" not in text and "Someone else" not in text


def test_a_photo_hidden_after_withdrawal_is_still_in_their_download(
    client, media, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        champion = one_of_everything(client)
    with django_capture_on_commit_callbacks(execute=True):
        consent_withdraw(champion=champion, kind=ConsentKind.PHOTO)

    archive = zipfile.ZipFile(io.BytesIO(client.get(reverse("champions:my_data")).content))
    images = [n for n in archive.namelist() if n.startswith("files/images/")]
    assert images and all(archive.read(n).startswith(b"\x89PNG") for n in images)
