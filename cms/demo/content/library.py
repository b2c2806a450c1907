"""Sample publications and videos: the materials participants review before sessions.

They are demo material written for this site (the seeds name the kinds of material,
not the titles); each PDF and video says so on its first page or frame.
"""

from ..bilingual import T, html, p
from . import eip
from .kinds import Publication, Topic, Video

TOPICS = (
    Topic(
        "topic-dialogic-practice",
        T(
            "Collaborative and dialogic practice",
            "Prácticas colaborativas y dialógicas",
        ),
        T(
            "collaborative-and-dialogic-practice",
            "practicas-colaborativas-y-dialogicas",
        ),
    ),
    Topic(
        "topic-family-engagement",
        T("Family engagement", "Participación de las familias"),
        T("family-engagement", "participacion-de-las-familias"),
    ),
    Topic(
        "topic-case-management",
        T("Case management", "Gestión de casos"),
        T("case-management", "gestion-de-casos"),
    ),
    Topic(
        "topic-gatekeeping",
        T("Gatekeeping", "Control de ingreso (gatekeeping)"),
        T("gatekeeping", "control-de-ingreso"),
    ),
    Topic(
        "topic-family-based-care",
        T("Family- and community-based care", "Cuidado familiar y comunitario"),
        T("family-and-community-based-care", "cuidado-familiar-y-comunitario"),
    ),
    Topic(
        "topic-caring-for-caregivers",
        T("Caring for caregivers", "Cuidado de quienes cuidan"),
        T("caring-for-caregivers", "cuidado-de-quienes-cuidan"),
    ),
)

PUBLICATION_INDEX = {
    "title": T("Publications", "Publicaciones"),
    "slug": T("publications", "publicaciones"),
    "introduction": T(
        "Guides, notes and studies that participants review before the sessions. "
        "Filter them by year or by topic.",
        "Guías, notas y estudios que quienes participan revisan antes de las "
        "sesiones. Puedes filtrarlos por año o por tema.",
    ),
}

PUBLICATIONS = (
    Publication(
        key="pub-dialogue-guide",
        title=T(
            "Dialogue in everyday care: a practical guide",
            "El diálogo en el cuidado cotidiano: una guía práctica",
        ),
        slug=T("dialogue-in-everyday-care", "el-dialogo-en-el-cuidado-cotidiano"),
        authors=("Lucía Fernández", "Samuel Okoro"),
        year=2023,
        topics=("topic-dialogic-practice",),
        summary=html(
            p(
                "A short guide to the principles of collaborative and dialogic "
                "practice: taking the position of not knowing, listening to "
                "understand and asking questions that open new possibilities.",
                "Una guía breve sobre los principios de las prácticas colaborativas "
                "y dialógicas: adoptar la posición de no saber, escuchar para "
                "comprender y hacer preguntas que abran nuevas posibilidades.",
            ),
            p(
                "Each chapter ends with an exercise to try with your team. "
                "<b>Review it before the first sessions of Module 1.</b>",
                "Cada capítulo termina con un ejercicio para hacer con tu equipo. "
                "<b>Revísala antes de las primeras sesiones del Módulo 1.</b>",
            ),
        ),
    ),
    Publication(
        key="pub-keeping-families-together",
        title=T(
            "Keeping families together: notes on gatekeeping",
            "Mantener unidas a las familias: notas sobre el control de ingreso",
        ),
        slug=T("keeping-families-together", "mantener-unidas-a-las-familias"),
        authors=("Marieke Jansen",),
        year=2024,
        topics=("topic-gatekeeping", "topic-family-based-care"),
        summary=html(
            p(
                "How can we make sure that children are placed in alternative care "
                "only when it is truly necessary? These notes describe preventive "
                "practices and the decisions that keep children with their families.",
                "¿Cómo asegurar que niñas y niños sean ubicados en cuidado "
                "alternativo solo cuando es realmente necesario? Estas notas "
                "describen prácticas preventivas y las decisiones que permiten que "
                "permanezcan con sus familias.",
            ),
            p(
                "With examples from organisations that took part in earlier editions.",
                "Con ejemplos de organizaciones que participaron en ediciones "
                "anteriores.",
            ),
        ),
    ),
    Publication(
        key="pub-case-management",
        title=T(
            "Case management with families: a companion",
            "Gestión de casos con familias: una guía de acompañamiento",
        ),
        slug=T("case-management-with-families", "gestion-de-casos-con-familias"),
        authors=("Tomás Rivera", "Grace Mwangi"),
        year=2022,
        topics=("topic-case-management", "topic-family-engagement"),
        summary=html(
            p(
                "From needs assessment to intervention planning, reporting and "
                "follow-up: a step-by-step companion that keeps the family at the "
                "centre of every decision.",
                "De la evaluación de necesidades a la planificación de la "
                "intervención, el registro y el seguimiento: una guía paso a paso "
                "que mantiene a la familia en el centro de cada decisión.",
            ),
            p(
                "Includes a map to draw the <i>network around the family</i> together "
                "with the family.",
                "Incluye un mapa para dibujar la <i>red alrededor de la familia</i> "
                "junto con la propia familia.",
            ),
        ),
    ),
    Publication(
        key="pub-from-institutions-to-families",
        title=T(
            "From institutions to families: lessons from transition",
            "De las instituciones a las familias: aprendizajes de la transición",
        ),
        slug=T(
            "from-institutions-to-families",
            "de-las-instituciones-a-las-familias",
        ),
        authors=("Mutual Learning Program team",),
        year=2024,
        topics=("topic-family-based-care",),
        summary=html(
            p(
                "Local organisations tell how they moved from institutional care to "
                "family- and community-based care: what worked, what was hard and "
                "what they would do differently.",
                "Organizaciones locales cuentan cómo pasaron del cuidado "
                "institucional al cuidado familiar y comunitario: qué funcionó, qué "
                "fue difícil y qué harían de otra manera.",
            ),
        ),
    ),
    Publication(
        key="pub-caring-for-those-who-care",
        title=T("Caring for those who care", "Cuidar a quienes cuidan"),
        slug=T("caring-for-those-who-care", "cuidar-a-quienes-cuidan"),
        authors=("Ana Morales",),
        year=2025,
        topics=("topic-caring-for-caregivers",),
        summary=html(
            p(
                "Working with children and families in difficult situations asks a "
                "lot of caregivers. This booklet offers simple practices of mutual "
                "care for teams.",
                "Trabajar con niñas, niños y familias en situaciones difíciles exige "
                "mucho a quienes cuidan. Este cuadernillo ofrece prácticas sencillas "
                "de cuidado mutuo para los equipos.",
            ),
        ),
    ),
    # The learning note an event of the Learning Events series links to.
    eip.TRUST_NOTE,
)

VIDEO_INDEX = {
    "title": T("Videos", "Videos"),
    "slug": T("videos", "videos"),
    "introduction": T(
        "Short videos to watch before the sessions, with captions in English and "
        "Spanish.",
        "Videos breves para ver antes de las sesiones, con subtítulos en inglés y "
        "en español.",
    ),
}

VIDEOS = (
    Video(
        key="video-welcome",
        title=T(
            "Welcome to the Mutual Learning Program",
            "Bienvenida al Programa de Aprendizaje Mutuo",
        ),
        slug=T(
            "welcome-to-the-mutual-learning-program",
            "bienvenida-al-programa-de-aprendizaje-mutuo",
        ),
        description=T(
            "A short welcome to the programme: who takes part, how the modules work "
            "and what to expect from the first session.",
            "Una breve bienvenida al programa: quiénes participan, cómo funcionan "
            "los módulos y qué esperar de la primera sesión.",
        ),
        cues=(
            T(
                "Welcome to the Mutual Learning Program.",
                "Te damos la bienvenida al Programa de Aprendizaje Mutuo.",
            ),
            T(
                "Twice a year, organisations meet to learn from each other.",
                "Dos veces al año, organizaciones se reúnen para aprender unas de "
                "otras.",
            ),
            T("We look forward to meeting you.", "Esperamos conocerte pronto."),
        ),
        palette="dawn",
    ),
    Video(
        key="video-not-knowing",
        title=T("The position of not knowing", "La posición de no saber"),
        slug=T("the-position-of-not-knowing", "la-posicion-de-no-saber"),
        description=T(
            "What changes when we stop being the expert in the room? A short "
            "introduction to curiosity and listening as professional skills.",
            "¿Qué cambia cuando dejamos de ser la persona experta en la sala? Una "
            "breve introducción a la curiosidad y la escucha como habilidades "
            "profesionales.",
        ),
        cues=(
            T("It is not about me.", "No se trata de mí."),
            T(
                "It is about doing things together.",
                "Se trata de hacer las cosas juntos.",
            ),
            T("Stay curious.", "Mantén la curiosidad."),
        ),
        palette="lagoon",
    ),
    Video(
        key="video-reflective-teams",
        title=T("Reflective teams in practice", "Equipos reflexivos en la práctica"),
        slug=T("reflective-teams-in-practice", "equipos-reflexivos-en-la-practica"),
        description=T(
            "How a reflective team listens to a conversation and then reflects "
            "aloud, offering new perspectives without judging.",
            "Cómo un equipo reflexivo escucha una conversación y luego reflexiona "
            "en voz alta, ofreciendo nuevas perspectivas sin juzgar.",
        ),
        cues=(
            T("First, we listen.", "Primero, escuchamos."),
            T("Then, we reflect aloud.", "Luego, reflexionamos en voz alta."),
            T(
                "New perspectives, without judging.",
                "Nuevas perspectivas, sin juzgar.",
            ),
        ),
        palette="plum",
    ),
)
