"""/api/v1/ learning endpoints: editions, information sessions, enrolment,
a person's own data, forum, attendance and certificate verification. Reads go
through learning's selectors (membership-scoped), writes through its services."""
