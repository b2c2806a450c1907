"""One person's data across learning: export and erase, for coordinators."""
