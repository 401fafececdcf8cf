"""Links in the confirmation email. Confirming expires; withdrawing does not
(until the personal data itself is gone). Both are tied to a signature's random
secret, never to its id or email, and use only characters Wagtail page routes
accept (letters, digits and hyphens)."""

import time
from datetime import timedelta

from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.http import base36_to_int, int_to_base36

CONFIRM_LINK_VALID_FOR = timedelta(days=3)


def _mac(purpose, *parts):
    return salted_hmac(f"petitions.{purpose}", ":".join(parts)).hexdigest()[:40]


def confirm_token(signature, now=None):
    secret = signature.secret.hex
    stamp = int_to_base36(int(now if now is not None else time.time()))
    return f"{secret}-{stamp}-{_mac('confirm', secret, stamp)}"


def withdraw_token(signature):
    secret = signature.secret.hex
    return f"{secret}-{_mac('withdraw', secret)}"


def secret_from_confirm_token(token):
    """The secret, or None when the link is forged or older than CONFIRM_LINK_VALID_FOR."""
    try:
        secret, stamp, mac = token.split("-")
        issued = base36_to_int(stamp)
    except ValueError:
        return None
    if not constant_time_compare(mac, _mac("confirm", secret, stamp)):
        return None
    if time.time() - issued > CONFIRM_LINK_VALID_FOR.total_seconds():
        return None
    return secret


def secret_from_withdraw_token(token):
    try:
        secret, mac = token.split("-")
    except ValueError:
        return None
    return secret if constant_time_compare(mac, _mac("withdraw", secret)) else None
