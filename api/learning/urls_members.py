"""A person's own learning data, the forum and attendance marking."""

urlpatterns: list = []
