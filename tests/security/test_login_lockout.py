"""Login brute force: five wrong passwords lock the account with a Thai message; an admin unlocks it."""

from __future__ import annotations

import pytest
from axes.models import AccessAttempt
from django.test import Client
from django.urls import reverse

from tests.conftest import PASSWORD, Personas

LOGIN = "/accounts/login/"


def _try(client: Client, username: str, password: str, path: str = LOGIN) -> object:
    return client.post(path, {"username": username, "password": password}, REMOTE_ADDR="10.1.2.3")


def test_four_wrong_passwords_still_allow_the_right_one(personas: Personas) -> None:
    client = Client()
    for _ in range(4):
        response = _try(client, "staff1", "wrong")
        assert response.status_code == 200
        assert "ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง" in response.content.decode()
    response = _try(client, "staff1", PASSWORD)
    assert response.status_code == 302
    assert "_auth_user_id" in client.session


def test_fifth_wrong_password_locks_the_account_even_with_the_right_password(personas: Personas) -> None:
    client = Client()
    for _ in range(4):
        _try(client, "staff1", "wrong")
    locked = _try(client, "staff1", "wrong")
    assert locked.status_code == 429
    page = locked.content.decode()
    assert "ระงับการเข้าสู่ระบบชั่วคราว" in page
    assert "กรอกรหัสผ่านผิดครบ 5 ครั้ง" in page
    assert "15&nbsp;นาที" in page
    assert "ติดต่อผู้ดูแลระบบ" in page

    again = _try(Client(), "staff1", PASSWORD)
    assert again.status_code == 429
    assert "_auth_user_id" not in Client().session

    # Another address guessing the same account is refused too: the lock is on the account.
    elsewhere = Client().post(LOGIN, {"username": "staff1", "password": PASSWORD}, REMOTE_ADDR="10.9.9.9")
    assert elsewhere.status_code == 429


def test_one_address_guessing_many_accounts_is_locked(personas: Personas) -> None:
    client = Client()
    for name in ["a", "b", "c", "d", "e"]:
        _try(client, name, "wrong")
    response = _try(client, "official1", PASSWORD)
    assert response.status_code == 429


def test_admin_site_login_is_locked_too(personas: Personas) -> None:
    client = Client()
    for _ in range(5):
        _try(client, "admin1", "wrong", path="/admin/login/")
    response = _try(client, "admin1", PASSWORD, path="/admin/login/")
    assert response.status_code == 429
    assert "ระงับการเข้าสู่ระบบชั่วคราว" in response.content.decode()


def test_admin_unlocks_an_account_from_the_admin_site(personas: Personas) -> None:
    for _ in range(5):
        _try(Client(), "staff1", "wrong")
    assert _try(Client(), "staff1", PASSWORD).status_code == 429

    admin = personas.client_for(personas.admin)
    changelist = reverse("admin:axes_accessattempt_changelist")
    page = admin.get(changelist)
    assert page.status_code == 200
    assert "staff1" in page.content.decode()
    ids = [str(pk) for pk in AccessAttempt.objects.values_list("pk", flat=True)]
    confirm = admin.post(changelist, {"action": "delete_selected", "_selected_action": ids})
    assert confirm.status_code == 200
    done = admin.post(changelist, {"action": "delete_selected", "_selected_action": ids, "post": "yes"})
    assert done.status_code == 302

    client = Client()
    assert _try(client, "staff1", PASSWORD).status_code == 302
    assert "_auth_user_id" in client.session


@pytest.mark.parametrize("persona", ["staff", "official", "outsider"])
def test_only_admins_see_the_lockout_records(personas: Personas, persona: str) -> None:
    response = personas.client_for(getattr(personas, persona)).get(reverse("admin:axes_accessattempt_changelist"))
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_unlock_from_the_command_line(personas: Personas) -> None:
    from django.core.management import call_command

    for _ in range(5):
        _try(Client(), "district1", "wrong")
    call_command("axes_reset_username", "district1")
    assert _try(Client(), "district1", PASSWORD).status_code == 302
