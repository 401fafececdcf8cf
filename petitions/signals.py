"""The petitions' own signal: a signature's email is due (sent by PetitionPage.sign;
tasks.py queues the email). Defined apart so the models need not know the tasks."""

from django.dispatch import Signal

signature_email_due = Signal()  # keyword arguments: signature_id, site_url
