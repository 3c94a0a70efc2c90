import factory
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group

from accounts.models import COORDINATORS, VIEWERS, User

PASSWORD = "a-Strong-passw0rd"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    first_name = factory.Faker("first_name", locale="en_GB")
    last_name = factory.Faker("last_name", locale="en_GB")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        if create:
            self.save()
            if extracted is not False:
                EmailAddress.objects.create(
                    user=self, email=self.email, verified=True, primary=True
                )


class StaffFactory(UserFactory):
    is_staff = True


class CoordinatorFactory(StaffFactory):
    """A staff member in the "Programme coordinators" group."""

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        if create:
            self.groups.add(Group.objects.get(name=COORDINATORS))


class ViewerFactory(StaffFactory):
    """A staff member in the read-only "Programme viewers" group."""

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        if create:
            self.groups.add(Group.objects.get(name=VIEWERS))
