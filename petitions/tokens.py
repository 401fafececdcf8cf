"""Links in the petition emails. Both expire (they end up in mail archives and
access logs): confirming after three days, withdrawing after 30 (signing again
sends a fresh one). Both are tied to a signature's random secret, never to its
id or email, and use only characters Wagtail page routes accept (letters,
digits and hyphens)."""

import time
from datetime import timedelta

from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.http import base36_to_int, int_to_base36

CONFIRM_LINK_VALID_FOR = timedelta(days=3)
WITHDRAW_LINK_VALID_FOR = timedelta(days=30)


def _mac(purpose, *parts):
    return salted_hmac(f"petitions.{purpose}", ":".join(parts)).hexdigest()[:40]


def _token(purpose, signature, now=None):
    secret = signature.secret.hex
    stamp = int_to_base36(int(now if now is not None else time.time()))
    return f"{secret}-{stamp}-{_mac(purpose, secret, stamp)}"


def _secret(purpose, token, valid_for):
    """The secret, or None when the link is forged or older than valid_for."""
    try:
        secret, stamp, mac = token.split("-")
        issued = base36_to_int(stamp)
    except ValueError:
        return None
    if not constant_time_compare(mac, _mac(purpose, secret, stamp)):
        return None
    if time.time() - issued > valid_for.total_seconds():
        return None
    return secret


def confirm_token(signature, now=None):
    return _token("confirm", signature, now)


def withdraw_token(signature, now=None):
    return _token("withdraw", signature, now)


def secret_from_confirm_token(token):
    return _secret("confirm", token, CONFIRM_LINK_VALID_FOR)


def secret_from_withdraw_token(token):
    return _secret("withdraw", token, WITHDRAW_LINK_VALID_FOR)
