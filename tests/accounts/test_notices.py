import pytest
from django.core import mail
from django.db import IntegrityError, transaction
from django.test import Client
from django.utils import translation

from lms.accounts.models import Notice, User
from lms.accounts.notices import notice_send, notice_text
from tests.factories import PhoneUserFactory, UserFactory

pytestmark = pytest.mark.django_db


def send(user, **kwargs):
    kwargs.setdefault("kind", Notice.Kind.JOIN_APPROVED)
    kwargs.setdefault("cooperative", "HTX Đắk Mil")
    return notice_send(user=user, url="/cooperatives/", **kwargs)


def test_an_email_account_is_told_by_email_in_its_own_language(django_capture_on_commit_callbacks):
    member = UserFactory(preferred_language="vi")
    with translation.override("en"), django_capture_on_commit_callbacks(execute=True):
        send(member)
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [member.email]
    assert "Bạn đã là thành viên của HTX Đắk Mil." in mail.outbox[0].subject
    assert "/cooperatives/" in mail.outbox[0].body


def test_a_phone_only_account_is_told_by_text_message(django_capture_on_commit_callbacks,
                                                      sms_outbox):
    member = PhoneUserFactory(preferred_language="vi")
    with django_capture_on_commit_callbacks(execute=True):
        send(member, kind=Notice.Kind.JOIN_DECLINED)
    assert mail.outbox == []
    assert [m.to for m in sms_outbox] == [member.phone]
    assert "Yêu cầu tham gia HTX Đắk Mil của bạn đã bị từ chối." in sms_outbox[0].body


def test_nothing_leaves_when_the_transaction_rolls_back(django_capture_on_commit_callbacks):
    member = UserFactory()
    with (django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError),
          transaction.atomic()):
        send(member)
        raise RuntimeError
    assert mail.outbox == []
    assert not Notice.objects.exists()
    member.refresh_from_db()
    assert member.unread_notices == 0


def test_a_closed_account_is_not_told(django_capture_on_commit_callbacks):
    member = UserFactory()
    from lms.accounts.closing import account_close

    account_close(member, by=member)
    member.refresh_from_db()
    assert send(member) is None
    assert not Notice.objects.exists()


def test_the_list_shows_the_words_and_reading_it_clears_the_badge():
    member = UserFactory(preferred_language="vi")
    send(member)
    send(member, kind=Notice.Kind.ENROLLED, person="Trần Văn Bình", course="Kế toán HTX")
    member.refresh_from_db()
    assert member.unread_notices == 2
    client = Client()
    client.force_login(member)
    home = client.get("/learning/").content.decode()
    assert 'class="notices-link__count">2<' in home
    page = client.get("/accounts/notices/").content.decode()
    assert "Trần Văn Bình đã ghi danh bạn vào khóa học “Kế toán HTX”." in page
    assert page.count("notice-list__item--unread") == 2
    member.refresh_from_db()
    assert member.unread_notices == 0
    assert not Notice.objects.filter(read_at__isnull=True).exists()
    assert "notices-link__count" not in client.get("/learning/").content.decode()


def test_a_person_sees_only_their_own_notices():
    member, other = UserFactory(), UserFactory()
    send(other, cooperative="HTX Bí Mật")
    client = Client()
    client.force_login(member)
    assert "HTX Bí Mật" not in client.get("/accounts/notices/").content.decode()


def test_a_notice_missing_a_name_still_reads():
    member = UserFactory()
    notice = Notice.objects.create(user=member, kind=Notice.Kind.ENROLLED, params={})
    with translation.override("en"):
        assert notice_text(notice) == "Enrolled in a course"


def test_an_account_needs_an_email_or_a_phone():
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create(full_name="Không liên lạc", email=None, phone=None)


def test_one_phone_number_names_one_account():
    PhoneUserFactory(phone="+84912345678")
    with pytest.raises(IntegrityError), transaction.atomic():
        PhoneUserFactory(phone="+84912345678")
