"""Citizens (市民): self-registration, the citizen profile, privacy, recommendations.

Built on Plone's own membership: the registration and personal-information forms of
plone.app.users, the member fields of ``profiles/default/userschema.xml`` and the
MailHost for the set-your-password link; see docs/citizens.md.
"""
