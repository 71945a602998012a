"""Every login lockout goes to the log, with the account and the source it came from."""

import logging

from axes.signals import user_locked_out
from django.dispatch import receiver

logger = logging.getLogger("apps.accounts.lockout")


@receiver(user_locked_out, dispatch_uid="accounts-log-lockout")
def log_lockout(sender, request=None, username=None, ip_address=None, **kwargs):
    logger.warning("login locked out: account=%s source=%s", username, ip_address)
