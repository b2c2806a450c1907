"""Public learning endpoints: editions, information sessions, enrolment,
certificate verification."""

urlpatterns: list = []
