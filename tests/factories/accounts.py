import factory
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group

from lms.accounts.models import User
from lms.accounts.roles import TRAINERS, UNION_OFFICERS

PASSWORD = "mật-khẩu-thử-2025"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"nguoi-dung-{n}@example.vn")
    full_name = factory.Sequence(lambda n: f"Nguyễn Thị Hồng Xuân {n}")
    preferred_language = "vi"
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def verified(obj, create, extracted, **kwargs):
        """Users are created with a verified primary email unless verified=False."""
        obj.save()
        if create and extracted is not False and obj.email:
            EmailAddress.objects.create(user=obj, email=obj.email, primary=True, verified=True)


class PhoneUserFactory(UserFactory):
    """A member with a phone number and no e-mail address."""

    email = None
    phone = factory.Sequence(lambda n: f"+8491{n:07d}")
    phone_verified = True


class TrainerFactory(UserFactory):
    @factory.post_generation
    def groups(obj, create, extracted, **kwargs):
        obj.groups.add(Group.objects.get(name=TRAINERS))


class OfficerFactory(UserFactory):
    @factory.post_generation
    def provinces(obj, create, extracted, **kwargs):
        from lms.cooperatives.models import OfficerScope

        obj.groups.add(Group.objects.get(name=UNION_OFFICERS))
        for province in extracted or []:
            OfficerScope.objects.create(officer=obj, province=province)
