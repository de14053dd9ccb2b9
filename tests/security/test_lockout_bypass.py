"""Lockout bypass: a good login to one account must not wipe another account's failed guesses.

The attack (outside security test): from one address, four wrong passwords for account A, then a good
login to account B (the attacker's own), three times over. django-axes' reset-on-success deleted every
failure recorded from that address, A's included, so A was never locked.
"""

from __future__ import annotations

from django.test import Client

from tests.conftest import PASSWORD, Personas

LOGIN = "/accounts/login/"
OFFICE_NAT = "10.20.30.40"  # every computer of an office reaches the portal from this one address


def _try(username: str, password: str, address: str = OFFICE_NAT) -> int:
    response = Client().post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)
    return response.status_code


def test_a_good_login_to_another_account_does_not_clear_the_victims_failures(personas: Personas) -> None:
    answers = []
    for _ in range(3):
        answers.append([_try("staff1", f"guess-{n}") for n in range(4)])
        assert _try("district1", PASSWORD) == 302  # the attacker's own account, from the same address
    # The fifth wrong password for staff1 locks it, whatever the good logins in between.
    assert answers[0] == [200, 200, 200, 200]
    assert answers[1][0] == 429
    assert set(answers[1][1:] + answers[2]) == {429}
    # Locked for everyone: the right password from another address is refused too.
    assert _try("staff1", PASSWORD, address="10.99.99.99") == 429
    page = Client().post(LOGIN, {"username": "staff1", "password": PASSWORD}, REMOTE_ADDR="10.99.99.99")
    assert "ระงับการเข้าสู่ระบบชั่วคราว" in page.content.decode()


def test_the_victim_is_locked_at_the_fifth_failure_even_when_good_logins_come_in_between(
    personas: Personas,
) -> None:
    for n in range(4):
        assert _try("staff1", f"guess-{n}") == 200
        assert _try("district1", PASSWORD) == 302
    assert _try("staff1", "guess-4") == 429


def test_a_good_login_still_clears_the_accounts_own_failures(personas: Personas) -> None:
    for _ in range(3):
        for n in range(4):
            assert _try("staff1", f"typo-{n}") == 200
        assert _try("staff1", PASSWORD) == 302  # the owner remembers: the count starts again


def test_an_office_behind_one_address_is_not_locked_by_its_colleagues_typos(personas: Personas) -> None:
    # Four people of one office mistype once each and give up (they will ask the admin); all of them
    # come from the office's one NAT address.
    for name in ["district1", "official1", "admin1", "somchai"]:
        assert _try(name, "typo") == 200
    # A colleague signs in: the address is an office at work, not a guesser, so its count starts again...
    assert _try("staff1", PASSWORD) == 302
    # ...and the next colleague's typo (the fifth failure from the address) does not lock the office out.
    assert _try("outsider", "typo") == 200
    assert _try("outsider", PASSWORD) == 302
    # The four accounts keep their own failures: each is one failure nearer its own lock.
    for _ in range(3):
        assert _try("district1", "guess", address="10.77.77.77") == 200
    assert _try("district1", "guess", address="10.77.77.77") == 429
