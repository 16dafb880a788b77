"""allauth's login stages, adapted to accounts with an e-mail address, a phone number or both."""

from allauth.account import stages


class EmailVerificationStage(stages.EmailVerificationStage):
    """An account without an e-mail address has nothing to confirm by e-mail (its phone is
    confirmed by code instead); allauth's stage, with mandatory verification, would stop it
    forever."""

    def handle(self):
        user = self.login.user
        if user is not None and not user.email:
            return None, True
        return super().handle()


class PhoneVerificationStage(stages.PhoneVerificationStage):
    """Only an account that signs in with its phone confirms it at sign-in: a phone number
    typed on the profile beside a confirmed e-mail is a contact detail, and its owner is not
    stopped by a text message at the next sign-in."""

    def handle(self):
        user = self.login.user
        if user is not None and user.email:
            return None, True
        return super().handle()
