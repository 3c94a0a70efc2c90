"""How each demo champion's records look at each stage of the journey."""

import datetime

from dateutil.relativedelta import relativedelta

from ..choices import CheckKind, CheckStatus, ConsentKind, Stage, SupervisionKind, TrainingStatus
from ..models import Champion


class StageBuilders:
    """One builder per stage, mixed into the demo loader (which has the building blocks)."""

    # One builder per stage; `n` is the champion's position within the stage.

    def _enquiry(self, champion, n):
        self._history(champion, champion.joined_on, Stage.ENQUIRY)
        self._consent(champion, ConsentKind.CONTACT_EMAIL, champion.joined_on)
        if n % 2:
            self._check(champion, CheckKind.ID_SEEN, CheckStatus.PENDING, None)

    def _onboarding(self, champion, n):
        joined = champion.joined_on
        self._history(champion, joined, Stage.ONBOARDING)
        self._consent(champion, ConsentKind.CONTACT_EMAIL, joined)
        self._check(
            champion, CheckKind.ID_SEEN, CheckStatus.COMPLETE, joined + datetime.timedelta(days=10)
        )
        self._check(
            champion,
            CheckKind.VOLUNTEER_AGREEMENT,
            CheckStatus.COMPLETE,
            joined + datetime.timedelta(days=10),
        )
        self._check(
            champion,
            CheckKind.REFERENCE_1,
            CheckStatus.COMPLETE if n > 1 else CheckStatus.PENDING,
            joined + datetime.timedelta(days=20),
        )
        self._check(champion, CheckKind.REFERENCE_2, CheckStatus.PENDING, None)
        self._check(champion, CheckKind.DBS, CheckStatus.PENDING, None)
        self._record(champion, self.required[0], TrainingStatus.ENROLLED, None)

    def _in_training(self, champion, n):
        joined = champion.joined_on
        self._history(champion, joined, Stage.IN_TRAINING)
        self._consent(champion, ConsentKind.CONTACT_EMAIL, joined)
        if n % 3 == 0:
            self._consent(champion, ConsentKind.PHOTO, joined + datetime.timedelta(days=30))
        self._all_checks(champion, joined, skip=CheckKind.REFERENCE_2 if n == 6 else None)
        # The first two have everything: they show up as "ready to activate".
        done = len(self.required) if n < 2 else 1 + n % 3
        for index, module in enumerate(self.required):
            if index < done:
                self._record(
                    champion,
                    module,
                    TrainingStatus.COMPLETED,
                    joined + datetime.timedelta(days=30 + 7 * index),
                )
            else:
                status = TrainingStatus.ATTENDED if index == done else TrainingStatus.ENROLLED
                self._record(champion, module, status, None)
        self._notes(champion, 1)

    def _active(self, champion, n):
        if n == 6:  # a long-standing champion whose safeguarding has lapsed: flagged for staff
            champion.joined_on = self.today - relativedelta(months=34)
            Champion.objects.filter(pk=champion.pk).update(joined_on=champion.joined_on)
        joined = champion.joined_on
        self._history(champion, joined, Stage.ACTIVE)
        if n != 4:  # one champion has not agreed to e-mail: no reminders for them
            self._consent(champion, ConsentKind.CONTACT_EMAIL, joined)
        if champion.phone:
            self._consent(champion, ConsentKind.CONTACT_TEXT, joined)
        if n % 2 == 0:
            self._consent(champion, ConsentKind.STORY, joined + datetime.timedelta(days=60))
        if n % 3 == 0:
            self._consent(champion, ConsentKind.PHOTO, joined + datetime.timedelta(days=60))
        if n == 5:  # changed their mind about photos
            self._consent(
                champion,
                ConsentKind.PHOTO,
                joined + datetime.timedelta(days=60),
                withdrawn=self.today - datetime.timedelta(days=12),
            )
        # DBS renewals spread out, with some due in 7, 30 and 50 days, and one overdue.
        renewal = {
            0: self.today + datetime.timedelta(days=7),
            1: self.today + datetime.timedelta(days=30),
            2: self.today + datetime.timedelta(days=50),
            3: self.today - datetime.timedelta(days=10),
        }.get(n, self.today + datetime.timedelta(days=self.rng.randint(120, 900)))
        self._all_checks(champion, joined, dbs_renewal=renewal)
        self._active_training(champion, n, joined)
        self._notes(champion, self.rng.randint(1, 3))

    def _active_training(self, champion, n, joined):
        for index, module in enumerate(self.required):
            completed = joined + datetime.timedelta(days=30 + 7 * index)
            if module.validity_months:
                # Renewed recently enough to be in date, unless this champion is the lapsed one.
                lapsed = n == 6 and index == 1
                months_ago = (
                    module.validity_months + 1
                    if lapsed
                    else self.rng.randint(1, module.validity_months - 3)
                )
                completed = max(completed, self.today - relativedelta(months=months_ago))
                if n in (7, 8) and index == 2:  # expiring in the next few weeks
                    completed = (
                        self.today
                        - relativedelta(months=module.validity_months)
                        + datetime.timedelta(days=7 if n == 7 else 40)
                    )
            self._record(champion, module, TrainingStatus.COMPLETED, completed)
        for module in self.rng.sample(self.optional, self.rng.randint(0, 3)):
            self._record(
                champion,
                module,
                TrainingStatus.COMPLETED,
                self.today - datetime.timedelta(days=self.rng.randint(20, 500)),
            )

    def _paused(self, champion, n):
        joined = champion.joined_on
        self._history(champion, joined, Stage.PAUSED)
        self._consent(champion, ConsentKind.CONTACT_EMAIL, joined)
        self._all_checks(champion, joined)
        self._required_done(champion, joined)
        self._notes(champion, 2, kinds=[SupervisionKind.WELLBEING])

    def _alumni(self, champion, n):
        joined = champion.joined_on
        self._history(champion, joined, Stage.ALUMNI, ended=champion.left_on)
        self._all_checks(champion, joined)
        self._required_done(champion, joined)

    def _required_done(self, champion, joined):
        """Every required module completed in the weeks after joining."""
        for index, module in enumerate(self.required):
            completed = joined + datetime.timedelta(days=30 + 7 * index)
            self._record(champion, module, TrainingStatus.COMPLETED, completed)
