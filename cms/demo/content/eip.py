"""The Effective Institutions Platform's Learning Events (seed 002): an event series.

The first event, its objectives, key questions and background reading quote the
seed. The second event and the documents' inner text were written for the demo in
the spirit of the series, and say so.
"""

# Typographic apostrophes and dashes are wanted in the site's text.
# ruff: noqa: RUF001

from datetime import date

from ..bilingual import T, Text, html, p, ul
from .kinds import BackgroundDocument, LearningEvent, Programme, Publication

PLATFORM = T("Effective Institutions Platform", "Plataforma de Instituciones Eficaces")

EIP = Programme(
    key="programme-eip",
    title=T(
        "Learning Events of the Effective Institutions Platform",
        "Eventos de aprendizaje de la Plataforma de Instituciones Eficaces",
    ),
    slug=T("eip-learning-events", "eventos-de-aprendizaje-eip"),
    fields={
        "introduction": T(
            "The Effective Institutions Platform is organising a series of Learning "
            "Events as part of its efforts to support Peer-to-Peer (P2P) approaches "
            "to facilitate institutional reform.",
            "La Plataforma de Instituciones Eficaces organiza una serie de eventos de "
            "aprendizaje como parte de sus esfuerzos por apoyar los enfoques entre "
            "pares (P2P) que facilitan la reforma institucional.",
        ),
        "programme_format": "event_series",
        "languages": ["en", "es"],
        # The platform's secretariat plans in Paris time; "COB" is 17:00 there.
        "time_zone": "Europe/Paris",
    },
    modules=(),
)

# The series' two-fold objective, the same for every event.
OBJECTIVES = (
    T(
        "To discuss the good P2P practices with a view to solicit further insights "
        "and experiences on these methods.",
        "Conversar sobre las buenas prácticas entre pares (P2P) con el fin de "
        "recoger más ideas y experiencias sobre estos métodos.",
    ),
    T(
        "To discuss the ways in which monitoring, evaluation and learning (MEL) can "
        "be used both to facilitate these ways of working and to track and measure "
        "results.",
        "Conversar sobre las formas en que el monitoreo, la evaluación y el "
        "aprendizaje (MEL) pueden usarse tanto para facilitar estas formas de "
        "trabajo como para dar seguimiento a los resultados y medirlos.",
    ),
)

PROGRAMME_BODY = (
    ("heading", T("Two objectives", "Dos objetivos")),
    html(
        p(
            "The objective of these events is two-fold:",
            "El objetivo de estos eventos es doble:",
        ),
        ul(*OBJECTIVES),
    ),
    ("heading", T("How to take part", "Cómo participar")),
    p(
        "Each event page gives its theme, the key questions to be discussed and "
        "the background documents. Confirm your participation on the page before "
        "its RSVP deadline; the confirmation email has a link to change your "
        "answer.",
        "Cada página de evento presenta su tema, las preguntas clave que se "
        "debatirán y los documentos de referencia. Confirma tu participación en la "
        "página antes de la fecha límite; el correo de confirmación trae un enlace "
        "para cambiar tu respuesta.",
    ),
)

STOCKTAKING_REPORT = BackgroundDocument(
    key="eip-doc-stocktaking",
    kind="report",
    title=T(
        "Stocktaking Report on evidence gathering among partners",
        "Informe de balance sobre la recopilación de evidencia entre socios",
    ),
    sections=(
        (
            T("About this report", "Sobre este informe"),
            (
                T(
                    "The report outlines some initial observations and lessons for "
                    "identifying good approaches and practices towards monitoring, "
                    "evaluation and learning (MEL) on peer-to-peer learning for "
                    "institutional change.",
                    "El informe presenta algunas observaciones y lecciones iniciales "
                    "para identificar buenos enfoques y prácticas de monitoreo, "
                    "evaluación y aprendizaje (MEL) del aprendizaje entre pares para "
                    "el cambio institucional.",
                ),
            ),
        ),
        (
            T("Initial observations", "Observaciones iniciales"),
            (
                T(
                    "Partners value trust built over time above any single activity.",
                    "Los socios valoran la confianza construida con el tiempo por "
                    "encima de cualquier actividad aislada.",
                ),
                T(
                    "MEL is mostly designed for accountability; few partnerships use "
                    "it to learn while the work goes on.",
                    "El MEL se diseña sobre todo para la rendición de cuentas; pocas "
                    "alianzas lo usan para aprender mientras el trabajo avanza.",
                ),
            ),
        ),
    ),
)

TRUST_NOTE_DRAFT = BackgroundDocument(
    key="eip-doc-trust-note-draft",
    kind="learning_note",
    title=T(
        "EIP Learning Note on mutuality and trust-building (first draft)",
        "Nota de aprendizaje de la EIP sobre mutualidad y construcción de confianza "
        "(primer borrador)",
    ),
    sections=(
        (
            T("Why trust", "Por qué la confianza"),
            (
                T(
                    "Trust-based learning often relies on a sense of mutuality – a "
                    "two-way flow of information and learning around a clearly "
                    "defined agenda of mutual interest.",
                    "El aprendizaje basado en la confianza suele apoyarse en un "
                    "sentido de mutualidad: un flujo de información y aprendizaje en "
                    "ambas direcciones, en torno a una agenda de interés común "
                    "claramente definida.",
                ),
            ),
        ),
        (
            T("Questions for the event", "Preguntas para el evento"),
            (
                T(
                    "This draft will be completed with the insights of the Learning "
                    "Event on trust-based learning between peers.",
                    "Este borrador se completará con las ideas del evento de "
                    "aprendizaje sobre el aprendizaje basado en la confianza entre "
                    "pares.",
                ),
            ),
        ),
    ),
)


def _agenda(key: str, title: Text, items: tuple[Text, ...]) -> BackgroundDocument:
    return BackgroundDocument(
        key=key,
        kind="agenda",
        title=title,
        sections=((T("Agenda", "Agenda"), items),),
    )


WELCOME = T(
    "Welcome and introduction of participants (10 minutes)",
    "Bienvenida y presentación de participantes (10 minutos)",
)
WRAP_UP = T(
    "Wrap-up: what goes into the Learning Note (10 minutes)",
    "Cierre: lo que pasa a la nota de aprendizaje (10 minutos)",
)

TRUST_AGENDA = _agenda(
    "eip-doc-trust-agenda",
    T(
        "Draft agenda: trust-based learning between peers",
        "Agenda preliminar: aprendizaje basado en la confianza entre pares",
    ),
    (
        WELCOME,
        T(
            "Findings of the survey among EIP members on trust (15 minutes)",
            "Resultados de la encuesta entre miembros de la EIP sobre la confianza "
            "(15 minutos)",
        ),
        T(
            "Two partnerships tell their story (30 minutes)",
            "Dos alianzas cuentan su experiencia (30 minutos)",
        ),
        T(
            "Discussion of the key questions in small groups (45 minutes)",
            "Debate de las preguntas clave en grupos pequeños (45 minutos)",
        ),
        WRAP_UP,
    ),
)

MEL_AGENDA = _agenda(
    "eip-doc-mel-agenda",
    T(
        "Draft agenda: MEL approaches as learning tools",
        "Agenda preliminar: los enfoques de MEL como herramientas de aprendizaje",
    ),
    (
        WELCOME,
        T(
            "What the Stocktaking Report found on MEL (15 minutes)",
            "Lo que encontró el informe de balance sobre el MEL (15 minutos)",
        ),
        T(
            "A partnership shows its results framework (25 minutes)",
            "Una alianza presenta su marco de resultados (25 minutos)",
        ),
        T(
            "Discussion of the key questions in small groups (50 minutes)",
            "Debate de las preguntas clave en grupos pequeños (50 minutos)",
        ),
        WRAP_UP,
    ),
)

TRUST_EVENT = LearningEvent(
    key="event-eip-trust",
    title=T(
        "Trust-based learning between peers and how to ensure quality P2P "
        "partnerships for institutional strengthening",
        "El aprendizaje basado en la confianza entre pares y cómo asegurar alianzas "
        "P2P de calidad para el fortalecimiento institucional",
    ),
    slug=T("trust-based-learning-between-peers", "aprendizaje-basado-en-la-confianza"),
    theme=T(
        "This first event will focus on trust-based learning between peers, "
        "including how to promote mutual learning, address power imbalances in the "
        "partnership, encourage two-way flows of information and learning, and "
        "create a sense of joint purpose between participating institutions.",
        "Este primer evento se centrará en el aprendizaje basado en la confianza "
        "entre pares: cómo promover el aprendizaje mutuo, abordar los desequilibrios "
        "de poder en la alianza, fomentar flujos de información y aprendizaje en "
        "ambas direcciones y crear un sentido de propósito común entre las "
        "instituciones participantes.",
    ),
    objectives=OBJECTIVES,
    key_questions=(
        T(
            "How is trust and mutuality best supported in different kinds of "
            "partnerships?",
            "¿Cómo se apoyan mejor la confianza y la mutualidad en distintos tipos de "
            "alianzas?",
        ),
        T(
            "How do we ensure effective communication between peers and the "
            "co-definition of goals and objectives?",
            "¿Cómo aseguramos una comunicación eficaz entre pares y la definición "
            "conjunta de metas y objetivos?",
        ),
        T(
            "How do we build trust and ensure mutuality in different kinds of "
            "partnerships?",
            "¿Cómo construimos confianza y aseguramos la mutualidad en distintos "
            "tipos de alianzas?",
        ),
        T(
            "How can MEL approaches be designed and applied not only as "
            "accountability mechanisms but also as dynamic learning tools?",
            "¿Cómo pueden diseñarse y aplicarse los enfoques de MEL no solo como "
            "mecanismos de rendición de cuentas, sino también como herramientas "
            "dinámicas de aprendizaje?",
        ),
    ),
    body=html(
        p(
            "The importance of trust in peer learning is emerging as a major theme in "
            "the ongoing discussion, and in a survey among EIP members engaged in P2P "
            "learning, members highlighted the centrality of trust and trust-building "
            "over time as essential to success. Trust-based learning often relies on "
            "a sense of mutuality – a two-way flow of information and learning around "
            "a clearly defined agenda of mutual interest.",
            "La importancia de la confianza en el aprendizaje entre pares se perfila "
            "como un tema central de la discusión en curso y, en una encuesta entre "
            "miembros de la EIP que participan en aprendizaje P2P, los miembros "
            "destacaron que la confianza y su construcción a lo largo del tiempo son "
            "esenciales para el éxito. El aprendizaje basado en la confianza suele "
            "apoyarse en un sentido de mutualidad: un flujo de información y "
            "aprendizaje en ambas direcciones, en torno a una agenda de interés común "
            "claramente definida.",
        ),
        p(
            "Bringing together a range of actors and practitioners, the event aims to "
            "contribute to an exchange on effective ways to foster these crucial "
            "qualities.",
            "Al reunir a una variedad de actores y profesionales, el evento busca "
            "contribuir a un intercambio sobre formas eficaces de fomentar estas "
            "cualidades fundamentales.",
        ),
        p(
            "Insights from this event will feed into a dedicated EIP Learning Note on "
            "the theme of mutuality and trust-building. A first draft of this "
            "Learning Note is attached as background reading along with a draft "
            "agenda and the overall Stocktaking Report on evidence gathering among "
            "partners.",
            "Las ideas de este evento alimentarán una nota de aprendizaje de la EIP "
            "dedicada a la mutualidad y la construcción de confianza. Se adjunta un "
            "primer borrador de esta nota como lectura de referencia, junto con una "
            "agenda preliminar y el informe de balance sobre la recopilación de "
            "evidencia entre socios.",
        ),
    ),
    documents=(TRUST_NOTE_DRAFT, TRUST_AGENDA, STOCKTAKING_REPORT),
    learning_note="pub-eip-trust-note",
)

MEL_EVENT = LearningEvent(
    key="event-eip-mel",
    title=T(
        "MEL approaches as learning tools in peer-to-peer partnerships",
        "Los enfoques de MEL como herramientas de aprendizaje en las alianzas entre "
        "pares",
    ),
    slug=T("mel-approaches-as-learning-tools", "enfoques-de-mel-para-aprender"),
    theme=T(
        "This second event will focus on monitoring, evaluation and learning (MEL) "
        "in peer-to-peer partnerships: how partners agree from the start on what to "
        "track, feed what they learn back into the partnership while it runs, and "
        "report results without turning learning into a compliance exercise.",
        "Este segundo evento se centrará en el monitoreo, la evaluación y el "
        "aprendizaje (MEL) en las alianzas entre pares: cómo los socios acuerdan "
        "desde el inicio qué seguir, cómo llevan lo aprendido de vuelta a la alianza "
        "mientras está en marcha y cómo informan los resultados sin convertir el "
        "aprendizaje en un trámite de cumplimiento.",
    ),
    objectives=OBJECTIVES,
    key_questions=(
        T(
            "Which results of a partnership matter to both partners, and how do we "
            "agree on them at the start?",
            "¿Qué resultados de una alianza importan a ambos socios y cómo los "
            "acordamos desde el inicio?",
        ),
        T(
            "How can MEL findings be fed back into a partnership while it is still "
            "running?",
            "¿Cómo pueden los hallazgos del MEL volver a la alianza mientras todavía "
            "está en marcha?",
        ),
        T(
            "What makes an indicator useful for learning rather than only for "
            "accountability?",
            "¿Qué hace que un indicador sirva para aprender y no solo para rendir "
            "cuentas?",
        ),
        T(
            "How do we capture changes in relationships and trust, which are hard "
            "to measure?",
            "¿Cómo registramos los cambios en las relaciones y en la confianza, que "
            "son difíciles de medir?",
        ),
    ),
    body=html(
        p(
            "The first event of the series found that MEL is mostly designed for "
            "accountability. This event takes up the fourth of its key questions: "
            "how MEL approaches can also serve as dynamic learning tools.",
            "El primer evento de la serie encontró que el MEL se diseña sobre todo "
            "para la rendición de cuentas. Este evento retoma la cuarta de sus "
            "preguntas clave: cómo los enfoques de MEL pueden servir también como "
            "herramientas dinámicas de aprendizaje.",
        ),
        p(
            "<i>Demo text: this event was written for the demo site in the spirit "
            "of the series.</i>",
            "<i>Texto de demostración: este evento se escribió para el sitio de "
            "demostración en el espíritu de la serie.</i>",
        ),
    ),
    documents=(MEL_AGENDA, STOCKTAKING_REPORT),
)

EVENTS = (TRUST_EVENT, MEL_EVENT)

TRUST_NOTE = Publication(
    key="pub-eip-trust-note",
    title=T(
        "Mutuality and trust-building in peer-to-peer partnerships: an EIP "
        "Learning Note",
        "Mutualidad y construcción de confianza en las alianzas entre pares: una "
        "nota de aprendizaje de la EIP",
    ),
    slug=T("eip-learning-note-mutuality-and-trust", "nota-eip-mutualidad-y-confianza"),
    authors=("Effective Institutions Platform",),
    # Published after the series' first event, which the demo dates a few weeks
    # before the day it is loaded.
    year=date.today().year,
    topics=(),
    summary=html(
        p(
            "What the Learning Event on trust-based learning between peers found: "
            "trust grows from a clearly defined agenda of mutual interest, from "
            "two-way flows of information and from addressing power imbalances "
            "openly.",
            "Lo que encontró el evento de aprendizaje sobre el aprendizaje basado en "
            "la confianza entre pares: la confianza crece a partir de una agenda de "
            "interés común claramente definida, de flujos de información en ambas "
            "direcciones y de abordar abiertamente los desequilibrios de poder.",
        ),
        ul(
            T(
                "Define goals and objectives together, and revisit them.",
                "Definir juntos las metas y los objetivos, y revisarlos.",
            ),
            T(
                "Let both institutions learn, not only the one that receives support.",
                "Que ambas instituciones aprendan, no solo la que recibe apoyo.",
            ),
            T(
                "Use MEL to learn during the partnership, not only to report after it.",
                "Usar el MEL para aprender durante la alianza, no solo para informar "
                "al final.",
            ),
        ),
        p(
            "<i>Demo text: a sample learning note written for the demo site.</i>",
            "<i>Texto de demostración: una nota de aprendizaje de ejemplo escrita "
            "para el sitio de demostración.</i>",
        ),
    ),
)
