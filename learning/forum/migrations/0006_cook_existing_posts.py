"""Cook the posts written before posts were cooked, and give them a language.

Their language is the author's preferred language where the user model has one
(the best guess left for old posts); otherwise it stays empty and the post is
shown untranslated.
"""

from django.conf import settings
from django.db import migrations

BATCH = 500


def cook_existing_posts(apps, schema_editor):
    # Today's rules: `forum_cook_posts` re-cooks with later ones when they change.
    from learning.forum.rendering import COOK_VERSION, markdown_render

    Post = apps.get_model("forum", "Post")
    User = apps.get_model(settings.AUTH_USER_MODEL)
    has_language = any(
        field.name == "preferred_language" for field in User._meta.get_fields()
    )
    batch = []
    posts = Post.objects.filter(cooked_version=0).select_related("author")
    for post in posts.iterator(chunk_size=BATCH):
        post.body_html = (
            markdown_render(text=post.body_markdown) if post.erased_at is None else ""
        )
        post.cooked_version = COOK_VERSION
        if has_language and not post.language:
            post.language = post.author.preferred_language or ""
        batch.append(post)
        if len(batch) == BATCH:
            Post.objects.bulk_update(batch, ["body_html", "cooked_version", "language"])
            batch = []
    Post.objects.bulk_update(batch, ["body_html", "cooked_version", "language"])


class Migration(migrations.Migration):
    dependencies = [
        ("forum", "0005_post_cooked_html_language_translations"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RunPython(cook_existing_posts, migrations.RunPython.noop),
    ]
