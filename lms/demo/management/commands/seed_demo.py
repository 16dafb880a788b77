"""`python manage.py seed_demo`: demo cooperatives in a few provinces, one user per role,
five courses in Vietnamese and English, read from the files in lms/demo/content/, and a little
learning and readiness activity (lms/demo/activity.py).

Idempotent: every row is found by its natural key and updated, so running it twice changes
nothing. The cooperatives are invented for the demonstration; the provinces are real."""

import datetime

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.models import Locale, Site

from lms.accounts.models import User
from lms.accounts.phones import phone_display
from lms.accounts.roles import TRAINERS, UNION_OFFICERS
from lms.cooperatives.models import (
    Commune,
    Cooperative,
    CooperativeUnion,
    Membership,
    OfficerScope,
    Province,
)
from lms.demo.activity import seed_activity
from lms.demo.course_files import CourseFileError, load_courses
from lms.demo.courses import seed_courses
from lms.home.models import HomePage

DEMO_PASSWORD = "hoc-cung-htx-2025"

# province -> (union name, [(commune, kind)])
PROVINCES = {
    "Bắc Ninh": ("Liên minh Hợp tác xã tỉnh Bắc Ninh", [("Lục Ngạn", "commune"),
                                                         ("Phượng Sơn", "commune"),
                                                         ("Bắc Giang", "ward")]),
    "Hưng Yên": ("Liên minh Hợp tác xã tỉnh Hưng Yên", [("Phố Hiến", "ward"),
                                                         ("Thái Thụy", "commune")]),
    "Đồng Tháp": ("Liên minh Hợp tác xã tỉnh Đồng Tháp", [("Cao Lãnh", "ward"),
                                                           ("Mỹ Tho", "ward")]),
    "Sơn La": ("Liên minh Hợp tác xã tỉnh Sơn La", [("Mộc Châu", "ward")]),
}

# (registration code, name, province, commune, sector, members, founded)
COOPERATIVES = [
    ("2401000101", "Hợp tác xã Vải thiều Phượng Sơn", "Bắc Ninh", "Phượng Sơn", "crop", 48,
     datetime.date(2016, 3, 12)),
    ("2401000102", "Hợp tác xã Nông sản sạch Lục Ngạn", "Bắc Ninh", "Lục Ngạn", "crop", 35,
     datetime.date(2019, 7, 1)),
    ("2401000103", "Hợp tác xã Chăn nuôi Bắc Giang", "Bắc Ninh", "Bắc Giang", "livestock", 22,
     datetime.date(2018, 11, 20)),
    ("2401000104", "Hợp tác xã Dịch vụ Nông nghiệp Lục Ngạn", "Bắc Ninh", "Lục Ngạn",
     "mixed_services", 140, datetime.date(2009, 5, 5)),
    ("3301000201", "Hợp tác xã Nhãn lồng Phố Hiến", "Hưng Yên", "Phố Hiến", "crop", 60,
     datetime.date(2015, 8, 15)),
    ("3301000202", "Hợp tác xã Thủy sản Thái Thụy", "Hưng Yên", "Thái Thụy", "fishery", 31,
     datetime.date(2017, 4, 2)),
    ("8201000301", "Hợp tác xã Xoài Cao Lãnh", "Đồng Tháp", "Cao Lãnh", "crop", 75,
     datetime.date(2014, 6, 9)),
    ("8201000302", "Hợp tác xã Dịch vụ Nông nghiệp Mỹ Tho", "Đồng Tháp", "Mỹ Tho",
     "mixed_services", 210, datetime.date(2008, 1, 18)),
    ("1401000401", "Hợp tác xã Chè Mộc Châu", "Sơn La", "Mộc Châu", "crop", 44,
     datetime.date(2012, 9, 27)),
    ("1401000402", "Hợp tác xã Lâm nghiệp Mộc Châu", "Sơn La", "Mộc Châu", "forestry", 18,
     datetime.date(2020, 2, 14)),
]

# email -> (full name, language, role description for the printout)
USERS = {
    "quanly@htx.example": ("Nguyễn Thị Hồng Xuân", "vi", "cooperative manager"),
    "hocvien@htx.example": ("Trần Văn Minh", "vi", "learner (member)"),
    "thanhvienmoi@htx.example": ("Lê Thị Thu Hà", "vi", "learner waiting for approval"),
    "giangvien@htx.example": ("Phạm Quốc Huy", "vi", "trainer"),
    "canbo@htx.example": ("Đỗ Thị Lan Anh", "vi", "union officer (Bắc Ninh, Hưng Yên)"),
    "admin@htx.example": ("Hoàng Minh Tuấn", "en", "site admin"),
}
# phone -> (key, full name, language, role description): members without e-mail log in with
# their phone number as they write it (0912 345 678).
PHONE_USERS = {
    "+84912345678": ("sodienthoai", "Lò Thị Mai", "vi", "learner (member) without e-mail"),
}

HOME_EN = {
    "title": "Home",
    "headline": "Learning that takes cooperatives further",
    "intro": (
        "Courses in management, accounting, digital marketing and cross-border e-commerce for "
        "cooperative managers, on your phone. Assess your readiness for VietGAP, GlobalG.A.P. "
        "and OCOP, and get an action plan and certificates."
    ),
}


class Command(BaseCommand):
    help = "Create or refresh the demo data: cooperatives in four provinces and a user per role."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Seed even with DEBUG off (the demo accounts have a published password).",
        )

    def handle(self, *args, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "Refusing to create demo accounts with DEBUG off; pass --force if you mean it."
            )
        # Read before writing anything, so that a broken course file leaves the database alone.
        try:
            courses_data = load_courses()
        except CourseFileError as error:
            raise CommandError(f"Demo course file: {error}") from error
        with transaction.atomic():
            cooperatives = self.seed_cooperatives()
            users = self.seed_users()
            self.seed_roles(users, cooperatives)
            self.seed_home_translation()
            courses = seed_courses(courses_data, trainer=users["giangvien"])
        self.stdout.write(f"Courses in the catalog: {len(courses)}, in Vietnamese and English.")
        # After the courses, so that control points link to the courses that close their gaps.
        call_command("load_checklists", stdout=self.stdout)
        # After the checklists, which the demo's self-assessment is answered against.
        created = seed_activity(users=users, cooperatives=cooperatives, courses=courses,
                                password=DEMO_PASSWORD)
        self.stdout.write(f"Demo activity: {created['enrollments']} new enrollments, "
                          f"{created['reports']} new readiness reports.")
        self.print_logins()

    def seed_cooperatives(self) -> dict[str, Cooperative]:
        cooperatives = {}
        communes = {}
        unions = {}
        for province_name, (union_name, commune_rows) in PROVINCES.items():
            province = Province.objects.get(name=province_name)
            unions[province_name], _ = CooperativeUnion.objects.update_or_create(
                name=union_name, defaults={"province": province}
            )
            for commune_name, kind in commune_rows:
                communes[commune_name], _ = Commune.objects.update_or_create(
                    province=province, name=commune_name, defaults={"kind": kind}
                )
        for code, name, province_name, commune_name, sector, members, founded in COOPERATIVES:
            cooperatives[code], _ = Cooperative.objects.update_or_create(
                registration_code=code,
                defaults={
                    "name": name,
                    "province": Province.objects.get(name=province_name),
                    "commune": communes[commune_name],
                    "union": unions[province_name],
                    "sector": sector,
                    "member_count": members,
                    "founded": founded,
                },
            )
        return cooperatives

    def seed_users(self) -> dict[str, User]:
        users = {}
        for email, (full_name, language, _role) in USERS.items():
            email = email.lower()
            user = User.objects.filter(email=email).first() or User(email=email)
            user.full_name = full_name
            user.preferred_language = language
            user.is_staff = email.startswith("admin@")
            user.is_superuser = email.startswith("admin@")
            user.set_password(DEMO_PASSWORD)
            user.save()
            EmailAddress.objects.update_or_create(
                user=user, email=email, defaults={"verified": True, "primary": True}
            )
            users[email.split("@")[0]] = user
        for phone, (key, full_name, language, _role) in PHONE_USERS.items():
            user = User.objects.filter(phone=phone).first() or User(phone=phone)
            user.full_name = full_name
            user.preferred_language = language
            user.phone_verified = True
            user.set_password(DEMO_PASSWORD)
            user.save()
            users[key] = user
        return users

    def seed_roles(self, users, cooperatives) -> None:
        lychee = cooperatives["2401000101"]
        for key, role, status in [
            ("quanly", Membership.Role.MANAGER, Membership.Status.ACTIVE),
            ("hocvien", Membership.Role.MEMBER, Membership.Status.ACTIVE),
            ("thanhvienmoi", Membership.Role.MEMBER, Membership.Status.PENDING),
            ("sodienthoai", Membership.Role.MEMBER, Membership.Status.ACTIVE),
        ]:
            Membership.objects.update_or_create(
                user=users[key], cooperative=lychee, defaults={"role": role, "status": status}
            )
        users["giangvien"].groups.add(Group.objects.get(name=TRAINERS))
        officer = users["canbo"]
        officer.groups.add(Group.objects.get(name=UNION_OFFICERS))
        for province_name in ["Bắc Ninh", "Hưng Yên"]:
            OfficerScope.objects.get_or_create(
                officer=officer, province=Province.objects.get(name=province_name)
            )

    def seed_home_translation(self) -> None:
        """An English copy of the home page, so the language switch shows English content."""
        home = Site.objects.get(is_default_site=True).root_page.specific
        english, _ = Locale.objects.get_or_create(language_code="en")
        translation = HomePage.objects.filter(translation_key=home.translation_key,
                                              locale=english).first()
        if translation is None:
            translation = home.copy_for_translation(english)
        elif translation.live and all(
            getattr(translation, field) == value for field, value in HOME_EN.items()
        ):
            return
        for field, value in HOME_EN.items():
            setattr(translation, field, value)
        translation.draft_title = HOME_EN["title"]
        translation.save_revision().publish()

    def print_logins(self) -> None:
        self.stdout.write(self.style.SUCCESS("Demo data is ready. Log in at /accounts/login/ as:"))
        for email, (full_name, _language, role) in USERS.items():
            self.stdout.write(f"  {role:38} {email.lower():34} {full_name}")
        for phone, (_key, full_name, _language, role) in PHONE_USERS.items():
            self.stdout.write(f"  {role:38} {phone_display(phone):34} {full_name}")
        self.stdout.write(f"Password for every demo account: {DEMO_PASSWORD}")
        self.stdout.write("The Wagtail admin (trainers, officers, admin) is at /admin/.")
