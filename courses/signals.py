"""What the courses app announces to others, so they can react without `courses` importing them.

`enrollment_completed` is sent once per enrollment, after the commit that completed it, with
`enrollment_id`; the certification app listens to issue the certificate."""

from django.dispatch import Signal

enrollment_completed = Signal()
