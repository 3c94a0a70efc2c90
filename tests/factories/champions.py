import factory

from champions.models import Champion

from .accounts import UserFactory


class ChampionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Champion

    user = factory.SubFactory(UserFactory)
    preferred_name = factory.LazyAttribute(lambda o: o.user.first_name)
