"""`manage.py outbox`: what is waiting in the outbox and what gave up, with the last error;
`--retry` hands the ones that gave up over again (after the cause, a mail server say, is fixed)."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from lms.outbox.models import Message
from lms.outbox.services import outbox_sweep


class Command(BaseCommand):
    help = "Show the outbox (queued task calls) and hand over again the ones that gave up."

    def add_arguments(self, parser):
        parser.add_argument("--retry", action="store_true",
                            help="hand over again every message whose tries ran out")

    def handle(self, *args, retry=False, **options):
        given_up = Message.objects.filter(next_try_at__isnull=True)
        if retry:
            count = given_up.update(tries=0, next_try_at=timezone.now())
            outbox_sweep()
            self.stdout.write(f"handed over again: {count}")
        waiting = Message.objects.filter(next_try_at__isnull=False)
        self.stdout.write(f"waiting: {waiting.count()}  gave up: {given_up.count()}")
        for message in given_up.order_by("created_at")[:100]:
            self.stdout.write(f"gave up  {message.created_at:%Y-%m-%d %H:%M}  {message.task}"
                              f"  tries={message.tries}  {message.last_error[:200]}")
        for message in waiting.order_by("next_try_at")[:100]:
            self.stdout.write(f"waiting  {message.created_at:%Y-%m-%d %H:%M}  {message.task}"
                              f"  tries={message.tries}  next={message.next_try_at:%H:%M:%S}"
                              f"  {message.last_error[:200]}")
