"""`python manage.py seed_scale [--profile national|province|small]`: an empty database (after
migrate) filled with a country's worth of invented cooperatives, learners, enrollments,
certificates and self-assessments for load tests (lms/demo/scale.py, issue 16). The same
profile draws the same rows; a database that has cooperatives already is refused."""

import time

from django.core.management.base import BaseCommand, CommandError

from lms.demo.scale import ACCOUNTS, PASSWORD, PROFILES, AlreadySeeded, seed


class Command(BaseCommand):
    help = "Fill an empty database with a national, provincial or small load-test profile."

    def add_arguments(self, parser):
        parser.add_argument("--profile", choices=sorted(PROFILES), default="small",
                            help="how much to make (default: small)")

    def handle(self, *args, profile="small", **options):
        started = time.monotonic()
        try:
            counts = seed(PROFILES[profile], log=self.stdout.write)
        except AlreadySeeded as error:
            raise CommandError(str(error)) from error
        elapsed = time.monotonic() - started
        self.stdout.write(self.style.SUCCESS(
            f"Profile {profile} seeded in {elapsed:.0f} s ({elapsed / 60:.1f} min):"))
        for name, count in counts.items():
            self.stdout.write(f"  {name:28} {count:>10,}")
        self.stdout.write("Known accounts (log in at /accounts/login/):")
        for email, (_name, role) in ACCOUNTS.items():
            self.stdout.write(f"  {email:34} {role}")
        self.stdout.write(f"Password for every seeded account: {PASSWORD}")
