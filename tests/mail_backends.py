"""An email backend for tests whose mail server can be switched off."""

import smtplib

from django.core.mail.backends.locmem import EmailBackend


class SwitchableSmtp(EmailBackend):
    down = False

    def send_messages(self, messages):
        if SwitchableSmtp.down:
            raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
        return super().send_messages(messages)
