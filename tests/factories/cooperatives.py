import factory

from lms.cooperatives.models import Commune, Cooperative, CooperativeUnion, Membership, Province
from tests.factories.accounts import UserFactory


def province(name: str) -> Province:
    """One of the 34 provinces loaded by the migrations."""
    return Province.objects.get(name=name)


class CommuneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Commune

    province = factory.LazyFunction(lambda: province("Bắc Ninh"))
    name = factory.Sequence(lambda n: f"Xã Thử {n}")


class CooperativeUnionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CooperativeUnion

    province = factory.LazyFunction(lambda: province("Bắc Ninh"))
    name = factory.LazyAttribute(lambda o: f"Liên minh Hợp tác xã tỉnh {o.province.name}")


class CooperativeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Cooperative

    name = factory.Sequence(lambda n: f"Hợp tác xã Nông nghiệp Thử {n}")
    registration_code = factory.Sequence(lambda n: f"2400{n:06d}")
    province = factory.LazyFunction(lambda: province("Bắc Ninh"))
    sector = Cooperative.Sector.CROP
    member_count = 25


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    cooperative = factory.SubFactory(CooperativeFactory)
    role = Membership.Role.MEMBER
    status = Membership.Status.ACTIVE
