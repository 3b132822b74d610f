"""Sign-offs: who may sign, what must be ready, and that revoking keeps the record."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from articles.models import Status
from desk.models import IssueSignOff, PageSignOff


def test_chief_signs_off_a_ready_page_with_a_note(tomorrow, chief):
    page = tomorrow.pages.get(number=1)
    sign_off = PageSignOff.sign(page, chief, "标题已核")
    assert (sign_off.page, sign_off.signed_by, sign_off.note) == (page, chief, "标题已核")
    assert list(PageSignOff.objects.in_force()) == [sign_off]


def test_editor_may_not_sign_off(tomorrow, editor):
    with pytest.raises(PermissionDenied):
        PageSignOff.sign(tomorrow.pages.get(number=1), editor)
    assert not PageSignOff.objects.exists()


@pytest.mark.parametrize("number, words", [(2, "未审完"), (3, "缺稿")])
def test_a_page_not_ready_cannot_be_signed_off(tomorrow, chief, number, words):
    with pytest.raises(ValidationError, match=words):
        PageSignOff.sign(tomorrow.pages.get(number=number), chief)
    assert not PageSignOff.objects.exists()


def test_a_page_is_signed_off_once_until_revoked(tomorrow, chief):
    page = tomorrow.pages.get(number=1)
    first = PageSignOff.sign(page, chief)
    with pytest.raises(ValidationError, match="已经签版"):
        PageSignOff.sign(page, chief)
    first.revoke(chief)
    second = PageSignOff.sign(page, chief)
    # The revoked sign-off is kept, with who revoked it.
    first.refresh_from_db()
    assert (first.revoked_by, second.revoked_at) == (chief, None)
    assert PageSignOff.objects.count() == 2


def test_the_database_refuses_two_sign_offs_in_force(tomorrow, chief):
    page = tomorrow.pages.get(number=1)
    PageSignOff.sign(page, chief)
    with pytest.raises(IntegrityError), transaction.atomic():
        PageSignOff.objects.create(page=page, signed_by=chief)


def test_revoking_twice_is_refused(tomorrow, chief):
    sign_off = PageSignOff.sign(tomorrow.pages.get(number=1), chief)
    sign_off.revoke(chief)
    with pytest.raises(ValidationError, match="已被撤销"):
        PageSignOff.objects.get(pk=sign_off.pk).revoke(chief)


def test_editor_may_not_revoke(tomorrow, chief, editor):
    sign_off = PageSignOff.sign(tomorrow.pages.get(number=1), chief)
    with pytest.raises(PermissionDenied):
        sign_off.revoke(editor)
    assert PageSignOff.objects.in_force().count() == 1


def test_the_issue_is_signed_off_only_when_every_page_is(tomorrow, chief):
    with pytest.raises(ValidationError, match="尚未签版"):
        IssueSignOff.sign(tomorrow, chief)
    tomorrow.pages.filter(number=3).delete()
    tomorrow.articles.filter(status=Status.SUBMITTED).update(status=Status.APPROVED)
    for page in tomorrow.pages.all():
        PageSignOff.sign(page, chief)
    sign_off = IssueSignOff.sign(tomorrow, chief)
    assert IssueSignOff.objects.in_force().get() == sign_off


def test_a_page_changed_after_its_sign_off_blocks_the_issue(tomorrow, chief):
    tomorrow.articles.filter(status=Status.SUBMITTED).update(status=Status.APPROVED)
    tomorrow.pages.filter(number=3).delete()
    for page in tomorrow.pages.all():
        PageSignOff.sign(page, chief)
    page.articles.update(status=Status.RETURNED)
    with pytest.raises(ValidationError, match="签版后有变动"):
        IssueSignOff.sign(tomorrow, chief)
