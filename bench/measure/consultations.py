"""Consultations: the staff results page over the big survey (timed, queries counted against
a survey of the same questions with 10 responses), and many parents answering at once."""

import http.client
import re
import threading
import time
import urllib.parse
from dataclasses import asdict
from http.cookies import SimpleCookie

from accounts.models import User
from bench.generate import COORDINATOR_EMAIL
from bench.generate.consultations import OPEN_SLUG, SMALL_SLUG, SURVEY_SLUG
from events.models import Consultation, ConsultationResponse

from . import say
from .logged_in import time_page

TOKEN = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')
QUESTION = re.compile(rb'name="(q\d+)" value="([^"]+)"')


# Issue 16: 50 concurrent respondents held for 30 s, whatever wrk's --seconds.
RESPONDING_SECONDS = 30


def measure_consultations(port: int, seconds: int, respondents: int = 50) -> dict:
    """The results page at size, then `respondents` answering for at least 30 s (longer when
    the runner's --seconds asks for it)."""
    say("Consultations: results page, then concurrent respondents")
    survey = Consultation.objects.get(slug=SURVEY_SLUG)
    small = Consultation.objects.get(slug=SMALL_SLUG)
    open_survey = Consultation.objects.get(slug=OPEN_SLUG)
    staff = User.objects.get(email=COORDINATOR_EMAIL)
    results = time_page(
        port,
        label="Consultation results",
        path=f"/admin/consultations/results/{survey.pk}/",
        user=staff,
        small=(staff, f"/admin/consultations/results/{small.pk}/"),
    )
    return {
        "results_page": asdict(results),
        "responses": survey.responses.count(),
        "concurrent": answer_concurrently(
            port,
            open_survey,
            seconds=max(seconds, RESPONDING_SECONDS),
            respondents=respondents,
        ),
    }


def _form(port: int, path: str) -> tuple[str, str, dict]:
    """The form's CSRF token, the CSRF cookie it goes with, and a first answer to give."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        body = response.read()
        assert response.status == 200, f"{path} answered {response.status}"
        cookie = SimpleCookie()
        for header in response.headers.get_all("Set-Cookie") or []:
            cookie.load(header)
    finally:
        conn.close()
    name, value = QUESTION.search(body).groups()
    token = TOKEN.search(body).group(1).decode()
    return token, cookie["csrftoken"].value, {name.decode(): value.decode()}


def _respondent(port, path, deadline, outcome, lock):
    token, csrf_cookie, answer = _form(port, path)
    body = urllib.parse.urlencode({"csrfmiddlewaretoken": token, **answer})
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "Cookie": f"csrftoken={csrf_cookie}",
    }
    while time.monotonic() < deadline:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        try:
            conn.request("POST", path, body=body, headers=headers)
            status = conn.getresponse().status
        except OSError:
            status = "error"
        finally:
            conn.close()
        with lock:
            outcome[status] = outcome.get(status, 0) + 1


def answer_concurrently(port: int, consultation, *, seconds: int, respondents: int) -> dict:
    """`respondents` threads post answers for `seconds`; every 302 must be exactly one stored
    response (counted in the database), and nothing else may come back."""
    path = f"/have-your-say/{consultation.slug}/"
    before = ConsultationResponse.objects.filter(consultation=consultation).count()
    outcome, lock = {}, threading.Lock()
    deadline = time.monotonic() + seconds
    threads = [
        threading.Thread(target=_respondent, args=(port, path, deadline, outcome, lock))
        for _ in range(respondents)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    stored = ConsultationResponse.objects.filter(consultation=consultation).count() - before
    accepted = outcome.get(302, 0)
    return {
        "respondents": respondents,
        "seconds": seconds,
        "statuses": {str(k): v for k, v in outcome.items()},
        "accepted": accepted,
        "stored": stored,
        "exactly_once": stored == accepted and set(outcome) <= {302},
        "per_second": round(accepted / seconds, 1),
    }
