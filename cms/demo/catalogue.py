"""The programmes as page specs, and the presentations their session topics link."""

from dataclasses import dataclass

from . import colab, events
from .bilingual import T, Text, same
from .blocks import call_to_action, heading, paragraph, stream
from .content import mlp, seminar, site
from .content.kinds import Module, Programme, SessionTopic
from .specs import Doc, PageSpec, Ref

PROGRAMMES = (mlp.MLP, seminar.SEMINAR)


@dataclass(frozen=True)
class Deck:
    """A presentation (a PDF of slides) made in each language."""

    key: str
    title: Text
    subtitle: Text
    slides: tuple[tuple[Text, tuple[Text, ...]], ...]


def deck_key(programme: Programme, module: Module) -> str:
    if programme.deck_per_module:
        return f"deck-{module.key}"
    return f"deck-{programme.key}"


def deck_title(programme: Programme, module: Module) -> Text:
    if programme.deck_per_module:
        return T("Module {n} presentation", "Presentación del módulo {n}").format(
            n=same(str(module.number))
        )
    return T("Seminar presentation", "Presentación del seminario")


def _materials(programme: Programme, module: Module, topic: SessionTopic) -> list:
    items = [
        (
            "page",
            {
                "page": Ref(key),
                "note": mlp.READ_NOTE if key.startswith("pub-") else mlp.WATCH_NOTE,
            },
        )
        for key in topic.materials
    ]
    description = T(
        "The slides on “{topic}” to review before the meeting.",
        "Las diapositivas sobre “{topic}” para revisar antes del encuentro.",
    ).format(topic=topic.title)
    items.append(
        (
            "presentation",
            {
                "title": deck_title(programme, module),
                "document": Doc(f"{deck_key(programme, module)}-en"),
                "description": description,
            },
        )
    )
    return items


def session_topic_spec(programme, module, topic) -> PageSpec:
    return PageSpec(
        topic.key,
        "catalogue.SessionTopicPage",
        {
            "title": topic.title,
            "slug": topic.slug,
            "summary": topic.summary,
            "sub_topics": [("sub_topic", text) for text in topic.sub_topics],
            "materials": _materials(programme, module, topic),
            "forum_questions": [("question", text) for text in topic.forum_questions],
        },
    )


def module_spec(programme: Programme, module: Module) -> PageSpec:
    body = [paragraph(module.description)] if module.description else []
    return PageSpec(
        module.key,
        "catalogue.ModulePage",
        {
            "title": module.title,
            "slug": module.slug,
            "module_number": module.number,
            "number_of_sessions": len(module.topics),
            "duration_weeks": module.duration_weeks,
            "is_required_first": module.required_first,
            "introduction": module.introduction,
            "body": body,
        },
        children=tuple(
            session_topic_spec(programme, module, topic) for topic in module.topics
        ),
    )


def _mlp_streams() -> dict:
    texts = mlp.MLP_TEXTS
    return {
        "philosophy": [paragraph(texts["philosophy"])],
        "method": stream(texts["method"]),
        "preparation": [paragraph(texts["preparation"])],
        "what_you_get": [paragraph(texts["what_you_get"])],
        "body": [
            heading(texts["info_heading"]),
            paragraph(site.INFO_SESSIONS),
            call_to_action(texts["info_cta"], "contact"),
            (
                "quote",
                {
                    "quote": site.TESTIMONIALS[2],
                    "attribution": texts["quote_attribution"],
                },
            ),
        ],
    }


def _seminar_streams() -> dict:
    texts = seminar.SEMINAR_TEXTS
    return {
        "philosophy": [paragraph(texts["philosophy"])],
        "body": [*stream(texts["body"]), call_to_action(texts["cta"], "contact")],
    }


def programme_spec(programme: Programme, streams: dict) -> PageSpec:
    return PageSpec(
        programme.key,
        "catalogue.ProgrammePage",
        {
            "title": programme.title,
            "slug": programme.slug,
            **programme.fields,
            **streams,
        },
        children=tuple(module_spec(programme, module) for module in programme.modules),
    )


def programme_specs() -> list[PageSpec]:
    return [
        PageSpec(
            "programmes",
            "catalogue.ProgrammeIndexPage",
            mlp.PROGRAMME_INDEX,
            children=(
                programme_spec(mlp.MLP, _mlp_streams()),
                programme_spec(seminar.SEMINAR, _seminar_streams()),
                events.programme_spec(),
                colab.programme_spec(),
            ),
        )
    ]


def decks() -> list[Deck]:
    """The tailor-made presentations that session topics link to."""
    result = []
    for programme in PROGRAMMES:
        if not programme.deck_per_module:
            # One deck for the whole programme, a slide per module.
            first = programme.modules[0]
            slides = tuple(
                (module.title, tuple(topic.title for topic in module.topics))
                for module in programme.modules
            )
            result.append(
                Deck(
                    deck_key(programme, first),
                    deck_title(programme, first),
                    programme.title,
                    slides,
                )
            )
            continue
        for module in programme.modules:
            subtitle = same("{programme} · {module}").format(
                programme=programme.title, module=module.title
            )
            slides = tuple((topic.title, topic.sub_topics) for topic in module.topics)
            result.append(
                Deck(
                    deck_key(programme, module),
                    deck_title(programme, module),
                    subtitle,
                    slides,
                )
            )
    return result
