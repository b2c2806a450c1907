"""Dataset sizes: the issue's full size, and a quick one (`make bench QUICK=1`)."""

from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class Sizes:
    pages_per_language: int
    images: int
    posts: int
    long_thread_posts: int

    def as_dict(self) -> dict:
        return asdict(self)


FULL = Sizes(pages_per_language=2000, images=500, posts=50_000, long_thread_posts=5000)
QUICK = Sizes(pages_per_language=150, images=40, posts=5000, long_thread_posts=1000)
