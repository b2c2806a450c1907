"""The Mutual Learning Program (seeds 000, 001): modules of 6, 3, 3 and 3 sessions."""

# Typographic apostrophes and dashes are wanted in the site's text.
# ruff: noqa: RUF001

from ..bilingual import T, html, ol, p, ul
from .kinds import Module, Programme, SessionTopic

PROGRAMME_INDEX = {
    "title": T("Programmes", "Programas", fr="Programmes"),
    "slug": T("programmes", "programas", fr="programmes"),
    "introduction": T(
        "Peer-learning programmes for organisations and professionals who care for "
        "children, families and communities.",
        "Programas de aprendizaje entre pares para organizaciones y profesionales "
        "que cuidan de niñas, niños, familias y comunidades.",
        fr="Des programmes d’apprentissage entre pairs pour les organisations et "
        "les professionnels qui prennent soin des enfants, des familles et des "
        "communautés.",
    ),
}

READ_NOTE = T("Read before the session.", "Lectura previa a la sesión.")
WATCH_NOTE = T("Watch before the session.", "Para ver antes de la sesión.")

MODULE_1 = Module(
    key="mlp-m1",
    number=1,
    title=T(
        "Collaborative and dialogic practices", "Prácticas colaborativas y dialógicas"
    ),
    slug=T(
        "collaborative-and-dialogic-practices", "practicas-colaborativas-y-dialogicas"
    ),
    introduction=T(
        "Six sessions on the principles of collaborative and dialogic practices. "
        "Every participant starts here.",
        "Seis sesiones sobre los principios de las prácticas colaborativas y "
        "dialógicas. Todas las personas participantes comienzan aquí.",
    ),
    description=html(
        p(
            "Through six sessions, you’ll explore the principles of Collaborative "
            "and Dialogic Practices. Together, we’ll uncover how to spark meaningful "
            "dialogue, collaboration and ask transformative questions. We reflect on "
            "how to bring the principles into your own context.",
            "A lo largo de seis sesiones, explorarás los principios de las Prácticas "
            "Colaborativas y Dialógicas. Juntos descubriremos cómo despertar un "
            "diálogo significativo y la colaboración, y cómo hacer preguntas "
            "transformadoras. Reflexionamos sobre cómo llevar estos principios a tu "
            "propio contexto.",
        ),
        p(
            "Also, if you’re eager to grow as a facilitator, this is the perfect "
            "opportunity to take your abilities to the next level! Get ready to "
            "elevate your facilitation skills!",
            "Además, si quieres crecer como facilitador o facilitadora, ¡esta es la "
            "oportunidad perfecta para llevar tus habilidades al siguiente nivel! "
            "¡Prepárate para fortalecer tus habilidades de facilitación!",
        ),
    ),
    duration_weeks=6,
    required_first=True,
    topics=(
        SessionTopic(
            key="mlp-m1-s1",
            title=T("Philosophy and premises", "Filosofía y premisas"),
            slug=T("philosophy-and-premises", "filosofia-y-premisas"),
            summary=T(
                "We explore where collaborative and dialogic practices come from and "
                "the premises that guide them: people are experts on their own "
                "lives, and change grows out of dialogue.",
                "Exploramos de dónde vienen las prácticas colaborativas y dialógicas "
                "y las premisas que las guían: las personas son expertas en su "
                "propia vida y el cambio nace del diálogo.",
            ),
            sub_topics=(
                T(
                    "Where collaborative and dialogic practices come from",
                    "El origen de las prácticas colaborativas y dialógicas",
                ),
                T(
                    "The premises that guide our work",
                    "Las premisas que guían nuestro trabajo",
                ),
                T("Getting to know each other as a group", "Conocernos como grupo"),
            ),
            forum_questions=(
                T(
                    "Which premise of collaborative practice feels closest to how you "
                    "already work, and which one challenges you most?",
                    "¿Qué premisa de la práctica colaborativa se parece más a tu "
                    "forma de trabajar y cuál te desafía más?",
                ),
                T(
                    "Think of a moment when a family surprised you. What did you "
                    "learn from it?",
                    "Piensa en un momento en que una familia te sorprendió. ¿Qué "
                    "aprendiste de esa experiencia?",
                ),
            ),
            materials=("pub-dialogue-guide", "video-welcome"),
        ),
        SessionTopic(
            key="mlp-m1-s2",
            title=T("The position of not knowing", "La posición de no saber"),
            slug=T("the-position-of-not-knowing", "la-posicion-de-no-saber"),
            summary=T(
                "What changes when we stop being the expert in the room? We look at "
                "curiosity, humility and listening as professional skills.",
                "¿Qué cambia cuando dejamos de ser la persona experta en la sala? "
                "Miramos la curiosidad, la humildad y la escucha como habilidades "
                "profesionales.",
            ),
            sub_topics=(
                T("Curiosity instead of certainty", "Curiosidad en lugar de certeza"),
                T(
                    "Listening to understand, not to answer",
                    "Escuchar para comprender, no para responder",
                ),
                T(
                    "The family as expert of its own life",
                    "La familia como experta en su propia vida",
                ),
            ),
            forum_questions=(
                T(
                    "When do you find it hardest to take the position of not knowing "
                    "in your work?",
                    "¿En qué momentos te resulta más difícil adoptar la posición de "
                    "no saber en tu trabajo?",
                ),
                T(
                    "What helps you stay curious when you think you already know the "
                    "answer?",
                    "¿Qué te ayuda a mantener la curiosidad cuando crees que ya sabes "
                    "la respuesta?",
                ),
            ),
            materials=("video-not-knowing", "pub-dialogue-guide"),
        ),
        SessionTopic(
            key="mlp-m1-s3",
            title=T("How to generate dialogue", "Cómo generar diálogo"),
            slug=T("how-to-generate-dialogue", "como-generar-dialogo"),
            summary=T(
                "We practise the conditions that make dialogue possible: a safe "
                "space, open questions and room for every voice.",
                "Practicamos las condiciones que hacen posible el diálogo: un espacio "
                "seguro, preguntas abiertas y lugar para todas las voces.",
            ),
            sub_topics=(
                T(
                    "Creating a safe space for conversation",
                    "Crear un espacio seguro para la conversación",
                ),
                T(
                    "Open and transformative questions",
                    "Preguntas abiertas y transformadoras",
                ),
                T("Making room for every voice", "Dar lugar a todas las voces"),
            ),
            forum_questions=(
                T(
                    "Share a question that opened up a conversation with a child or a "
                    "family. Why do you think it worked?",
                    "Comparte una pregunta que abrió una conversación con una niña, "
                    "un niño o una familia. ¿Por qué crees que funcionó?",
                ),
                T(
                    "What gets in the way of dialogue in your organisation?",
                    "¿Qué dificulta el diálogo en tu organización?",
                ),
            ),
            materials=("pub-dialogue-guide",),
        ),
        SessionTopic(
            key="mlp-m1-s4",
            title=T(
                "Dialogues that generate possibilities",
                "Diálogos que generan posibilidades",
            ),
            slug=T(
                "dialogues-that-generate-possibilities",
                "dialogos-que-generan-posibilidades",
            ),
            summary=T(
                "We look at how conversations can move from problems to "
                "possibilities, and how families and professionals can create new "
                "options together.",
                "Vemos cómo las conversaciones pueden pasar de los problemas a las "
                "posibilidades, y cómo familias y profesionales pueden crear juntos "
                "nuevas opciones.",
            ),
            sub_topics=(
                T(
                    "From problem talk to possibility talk",
                    "De hablar de problemas a hablar de posibilidades",
                ),
                T(
                    "Deciding the next steps together with the family",
                    "Decidir los próximos pasos junto con la familia",
                ),
            ),
            forum_questions=(
                T(
                    "Describe a conversation that opened a possibility nobody had "
                    "seen before.",
                    "Describe una conversación que abrió una posibilidad que nadie "
                    "había visto antes.",
                ),
                T(
                    "How do you make sure that the next steps are decided together "
                    "with the family?",
                    "¿Cómo te aseguras de que los próximos pasos se decidan junto con "
                    "la familia?",
                ),
            ),
            materials=("pub-case-management", "video-not-knowing"),
        ),
        SessionTopic(
            key="mlp-m1-s5",
            title=T("Reflective teams", "Equipos reflexivos"),
            slug=T("reflective-teams", "equipos-reflexivos"),
            summary=T(
                "A reflective team listens to a conversation and then reflects "
                "aloud, offering new perspectives without judging. We try it out "
                "together.",
                "Un equipo reflexivo escucha una conversación y luego reflexiona en "
                "voz alta, ofreciendo nuevas perspectivas sin juzgar. Lo ponemos en "
                "práctica juntos.",
            ),
            sub_topics=(
                T("How a reflective team works", "Cómo funciona un equipo reflexivo"),
                T("Reflecting without judging", "Reflexionar sin juzgar"),
                T(
                    "Reflective teams in case discussions",
                    "Equipos reflexivos en el análisis de casos",
                ),
            ),
            forum_questions=(
                T(
                    "Have you ever listened while a group reflected on your "
                    "situation? How did it feel?",
                    "¿Alguna vez escuchaste mientras un grupo reflexionaba sobre tu "
                    "situación? ¿Cómo te sentiste?",
                ),
                T(
                    "Where in your organisation could a reflective team make a "
                    "difference?",
                    "¿En qué parte de tu organización podría marcar la diferencia un "
                    "equipo reflexivo?",
                ),
            ),
            materials=("video-reflective-teams", "pub-dialogue-guide"),
        ),
        SessionTopic(
            key="mlp-m1-s6",
            title=T("Facilitation skills", "Habilidades de facilitación"),
            slug=T("facilitation-skills", "habilidades-de-facilitacion"),
            summary=T(
                "For those eager to grow as facilitators: we practise holding a group "
                "conversation, keeping it open and bringing the principles into your "
                "own context.",
                "Para quienes quieren crecer en la facilitación: practicamos cómo "
                "sostener una conversación grupal, mantenerla abierta y llevar los "
                "principios a tu propio contexto.",
            ),
            sub_topics=(
                T("Holding a group conversation", "Sostener una conversación grupal"),
                T(
                    "Bringing the principles into your own context",
                    "Llevar los principios a tu propio contexto",
                ),
                T("Looking back on Module 1", "Una mirada al Módulo 1"),
            ),
            forum_questions=(
                T(
                    "Which facilitation skill do you want to develop further, and why?",
                    "¿Qué habilidad de facilitación quieres seguir desarrollando y "
                    "por qué?",
                ),
                T(
                    "What will you take from this module into your daily work?",
                    "¿Qué te llevas de este módulo a tu trabajo diario?",
                ),
            ),
            materials=("video-reflective-teams", "pub-dialogue-guide"),
        ),
    ),
)

MODULE_2 = Module(
    key="mlp-m2",
    number=2,
    title=T(
        "How to work with families and communities",
        "Cómo trabajar con familias y comunidades",
    ),
    slug=T(
        "how-to-work-with-families-and-communities",
        "como-trabajar-con-familias-y-comunidades",
    ),
    introduction=T(
        "Three sessions that apply collaborative and dialogic practices to working "
        "with children, families and communities.",
        "Tres sesiones que aplican las prácticas colaborativas y dialógicas al "
        "trabajo con niñas, niños, familias y comunidades.",
    ),
    description=p(
        "In this module we apply the collaborative and dialogic practices to working "
        "with children, families, and communities. Key topics include the impact of "
        "institutionalization, family engagement, case management, and the "
        "reintegration process.",
        "En este módulo aplicamos las prácticas colaborativas y dialógicas al trabajo "
        "con niñas, niños, familias y comunidades. Los temas clave incluyen el "
        "impacto de la institucionalización, la participación de las familias, la "
        "gestión de casos y el proceso de reintegración.",
    ),
    duration_weeks=6,
    topics=(
        SessionTopic(
            key="mlp-m2-s1",
            title=T(
                "Impact of institutionalization",
                "El impacto de la institucionalización",
            ),
            slug=T(
                "impact-of-institutionalization", "impacto-de-la-institucionalizacion"
            ),
            summary=T(
                "What does growing up in an institution do to children, and what role "
                "can families play? We connect the evidence with participants’ own "
                "experiences and look at family engagement.",
                "¿Qué efectos tiene crecer en una institución para niñas y niños, y "
                "qué papel pueden tener las familias? Conectamos la evidencia con las "
                "experiencias de quienes participan y abordamos la participación de "
                "las familias.",
            ),
            sub_topics=(
                T(
                    "How institutional care affects children",
                    "Cómo afecta el cuidado institucional a niñas y niños",
                ),
                T("Family engagement", "Participación de las familias"),
            ),
            forum_questions=(
                T(
                    "How do you involve families while a child is still in "
                    "residential care?",
                    "¿Cómo involucras a las familias mientras una niña o un niño "
                    "sigue en cuidado residencial?",
                ),
                T(
                    "What have you seen change in a child when the family became more "
                    "involved?",
                    "¿Qué cambios has visto en una niña o un niño cuando la familia "
                    "se involucró más?",
                ),
            ),
            materials=(
                "pub-from-institutions-to-families",
                "pub-keeping-families-together",
            ),
        ),
        SessionTopic(
            key="mlp-m2-s2",
            title=T("Case management", "Gestión de casos"),
            slug=T("case-management", "gestion-de-casos"),
            summary=T(
                "Case management in a collaborative way: from assessing needs to "
                "planning, reporting and follow-up, together with the family and the "
                "network around it.",
                "La gestión de casos de forma colaborativa: desde la evaluación de "
                "necesidades hasta la planificación, el registro y el seguimiento, "
                "junto con la familia y la red que la rodea.",
            ),
            sub_topics=(
                T("Needs assessment", "Evaluación de necesidades"),
                T("Intervention planning", "Planificación de la intervención"),
                T("Reporting and follow-up", "Registro y seguimiento"),
                T("Networks around the family", "Redes alrededor de la familia"),
            ),
            forum_questions=(
                T(
                    "How do families take part in the assessment of their own needs "
                    "in your organisation?",
                    "¿Cómo participan las familias en la evaluación de sus propias "
                    "necesidades en tu organización?",
                ),
                T(
                    "Who is part of the network around the families you work with, "
                    "and who is missing?",
                    "¿Quiénes forman parte de la red alrededor de las familias con "
                    "las que trabajas y quiénes faltan?",
                ),
            ),
            materials=("pub-case-management", "video-not-knowing"),
        ),
        SessionTopic(
            key="mlp-m2-s3",
            title=T("Reintegration processes", "Procesos de reintegración"),
            slug=T("reintegration-processes", "procesos-de-reintegracion"),
            summary=T(
                "How to support children returning to their families, and how to "
                "work with families in specific situations like crisis, loss and "
                "abuse.",
                "Cómo acompañar a niñas y niños que regresan con sus familias y cómo "
                "trabajar con familias en situaciones específicas como crisis, "
                "pérdidas y abuso.",
            ),
            sub_topics=(
                T(
                    "Preparing the child and the family for reintegration",
                    "Preparar a la niña o al niño y a la familia para la reintegración",
                ),
                T("Working with families in crisis", "Trabajar con familias en crisis"),
                T("Loss and abuse", "Pérdida y abuso"),
            ),
            forum_questions=(
                T(
                    "What does a good reintegration look like from the child’s point "
                    "of view?",
                    "¿Cómo es una buena reintegración desde el punto de vista de la "
                    "niña o el niño?",
                ),
                T(
                    "How do you stay in dialogue with a family during a crisis?",
                    "¿Cómo mantienes el diálogo con una familia durante una crisis?",
                ),
            ),
            materials=("pub-keeping-families-together", "pub-case-management"),
        ),
    ),
)

MODULE_3 = Module(
    key="mlp-m3",
    number=3,
    title=T("The “HOW” of transformation", "El “CÓMO” de la transformación"),
    slug=T("the-how-of-transformation", "el-como-de-la-transformacion"),
    introduction=T(
        "Three sessions on building stronger family-based care practices together.",
        "Tres sesiones para construir juntos prácticas de cuidado familiar más "
        "sólidas.",
    ),
    description=p(
        "We deep dive into the HOW of transformation and building stronger family "
        "based care practices together. We will journey through different family and "
        "community based care practices, gatekeeping, the transition from "
        "institutional care, networking and advocacy.",
        "Profundizamos en el CÓMO de la transformación y en la construcción conjunta "
        "de prácticas de cuidado familiar más sólidas. Recorreremos distintas "
        "prácticas de cuidado familiar y comunitario, el control de ingreso "
        "(gatekeeping), la transición desde el cuidado institucional, el trabajo en "
        "red y la incidencia.",
    ),
    duration_weeks=6,
    topics=(
        SessionTopic(
            key="mlp-m3-s1",
            title=T("Gatekeeping practices", "Prácticas de control de ingreso"),
            slug=T("gatekeeping-practices", "practicas-de-control-de-ingreso"),
            summary=T(
                "Gatekeeping makes sure that children are placed in alternative care "
                "only when it is truly necessary. We share preventive care practices "
                "and alternatives in family- and community-based care.",
                "El control de ingreso (gatekeeping) garantiza que niñas y niños solo "
                "sean ubicados en cuidado alternativo cuando es realmente necesario. "
                "Compartimos prácticas de cuidado preventivo y alternativas de "
                "cuidado familiar y comunitario.",
            ),
            sub_topics=(
                T("Preventive care", "Cuidado preventivo"),
                T(
                    "Alternative family- and community-based care",
                    "Alternativas de cuidado familiar y comunitario",
                ),
            ),
            forum_questions=(
                T(
                    "In your context, who decides whether a child enters alternative "
                    "care, and how?",
                    "En tu contexto, ¿quién decide si una niña o un niño ingresa al "
                    "cuidado alternativo y cómo se decide?",
                ),
                T(
                    "Share one preventive practice that has kept a family together.",
                    "Comparte una práctica preventiva que haya permitido que una "
                    "familia siga unida.",
                ),
            ),
            materials=("pub-keeping-families-together",),
        ),
        SessionTopic(
            key="mlp-m3-s2",
            title=T(
                "Transitioning from institutional care to family-based care",
                "La transición del cuidado institucional al cuidado familiar",
            ),
            slug=T(
                "transitioning-to-family-based-care", "transicion-al-cuidado-familiar"
            ),
            summary=T(
                "Local organisations share their experiences of transforming "
                "institutional care into family- and community-based care: what "
                "worked, what was hard and what they would do differently.",
                "Organizaciones locales comparten sus experiencias de transformación "
                "del cuidado institucional en cuidado familiar y comunitario: qué "
                "funcionó, qué fue difícil y qué harían de otra manera.",
            ),
            sub_topics=(
                T(
                    "Experiences of local organisations",
                    "Experiencias de organizaciones locales",
                ),
                T(
                    "Bringing staff, children and families along",
                    "Sumar al proceso al personal, a las niñas, los niños y las "
                    "familias",
                ),
            ),
            forum_questions=(
                T(
                    "What is the biggest fear in your organisation about the "
                    "transition, and how could you talk about it?",
                    "¿Cuál es el mayor temor en tu organización respecto a la "
                    "transición y cómo podrían conversarlo?",
                ),
                T(
                    "Which step of the transition would you like to learn more about "
                    "from other participants?",
                    "¿Sobre qué paso de la transición te gustaría aprender más de "
                    "otras personas participantes?",
                ),
            ),
            materials=("pub-from-institutions-to-families", "video-welcome"),
        ),
        SessionTopic(
            key="mlp-m3-s3",
            title=T("Networking and advocacy", "Trabajo en red e incidencia"),
            slug=T("networking-and-advocacy", "trabajo-en-red-e-incidencia"),
            summary=T(
                "Sessions with other actors of the child protection system: how to "
                "build networks and advocate for family-based care together.",
                "Sesiones con otros actores del sistema de protección de la infancia: "
                "cómo construir redes e impulsar juntos la incidencia a favor del "
                "cuidado familiar.",
            ),
            sub_topics=(
                T(
                    "Mapping the child protection system",
                    "Mapear el sistema de protección de la infancia",
                ),
                T("Building alliances", "Construir alianzas"),
                T(
                    "Advocacy for family-based care",
                    "Incidencia a favor del cuidado familiar",
                ),
            ),
            forum_questions=(
                T(
                    "Which actor of the child protection system would you most like "
                    "to bring into dialogue with your organisation?",
                    "¿Qué actor del sistema de protección de la infancia te gustaría "
                    "sumar al diálogo con tu organización?",
                ),
                T(
                    "Share an advocacy success, however small. What made it possible?",
                    "Comparte un logro de incidencia, por pequeño que sea. ¿Qué lo "
                    "hizo posible?",
                ),
                T(
                    "What would you need from other organisations to advocate "
                    "together?",
                    "¿Qué necesitarías de otras organizaciones para hacer incidencia "
                    "en conjunto?",
                ),
            ),
            materials=(
                "pub-from-institutions-to-families",
                "pub-keeping-families-together",
            ),
        ),
    ),
)

MODULE_4 = Module(
    key="mlp-m4",
    number=4,
    title=T("Community-based care", "Cuidado basado en la comunidad"),
    slug=T("community-based-care", "cuidado-basado-en-la-comunidad"),
    introduction=T(
        "Three sessions on the art of co-constructing with communities, and a "
        "closing session on caring for the caregiver.",
        "Tres sesiones sobre el arte de construir junto con las comunidades, con un "
        "cierre dedicado al cuidado de quienes cuidan.",
    ),
    description=p(
        "In this module we go into the art of co-constructing with communities. It "
        "will be filled with the sharing of experiences and collaborative "
        "exploration of how to work effectively within communities for a sustainable "
        "impact.",
        "En este módulo nos adentramos en el arte de construir junto con las "
        "comunidades. Estará lleno de experiencias compartidas y de exploración "
        "colaborativa sobre cómo trabajar de manera eficaz dentro de las comunidades "
        "para lograr un impacto sostenible.",
    ),
    duration_weeks=6,
    topics=(
        SessionTopic(
            key="mlp-m4-s1",
            title=T(
                "Co-constructing with communities",
                "Construir junto con las comunidades",
            ),
            slug=T(
                "co-constructing-with-communities",
                "construir-junto-con-las-comunidades",
            ),
            summary=T(
                "The art of co-constructing with communities: starting from what "
                "communities already do to care for their children.",
                "El arte de construir junto con las comunidades: partir de lo que las "
                "comunidades ya hacen para cuidar a sus niñas y niños.",
            ),
            sub_topics=(
                T(
                    "Starting from community strengths",
                    "Partir de las fortalezas de la comunidad",
                ),
                T(
                    "Dialogue with community leaders and families",
                    "Diálogo con líderes comunitarios y familias",
                ),
            ),
            forum_questions=(
                T(
                    "What does your community already do to care for children "
                    "without outside help?",
                    "¿Qué hace ya tu comunidad para cuidar a niñas y niños sin ayuda "
                    "externa?",
                ),
                T(
                    "How do you make sure community members are co-authors, not only "
                    "beneficiaries?",
                    "¿Cómo te aseguras de que los miembros de la comunidad sean "
                    "coautores y no solo beneficiarios?",
                ),
            ),
            materials=("pub-keeping-families-together", "video-reflective-teams"),
        ),
        SessionTopic(
            key="mlp-m4-s2",
            title=T(
                "Working within communities for sustainable impact",
                "Trabajar dentro de las comunidades para un impacto sostenible",
            ),
            slug=T("working-within-communities", "trabajar-dentro-de-las-comunidades"),
            summary=T(
                "We share experiences and explore together how to work effectively "
                "within communities, so that change lasts after a project ends.",
                "Compartimos experiencias y exploramos juntos cómo trabajar de manera "
                "eficaz dentro de las comunidades, para que el cambio perdure cuando "
                "termina un proyecto.",
            ),
            sub_topics=(
                T(
                    "Sharing experiences from the field",
                    "Compartir experiencias de terreno",
                ),
                T(
                    "What makes impact sustainable",
                    "Qué hace que el impacto sea sostenible",
                ),
            ),
            forum_questions=(
                T(
                    "Think of a community initiative that lasted. What kept it going?",
                    "Piensa en una iniciativa comunitaria que perduró. ¿Qué la "
                    "mantuvo en pie?",
                ),
                T(
                    "What would your community need to continue without your "
                    "organisation?",
                    "¿Qué necesitaría tu comunidad para seguir adelante sin tu "
                    "organización?",
                ),
            ),
            materials=("pub-from-institutions-to-families",),
        ),
        SessionTopic(
            key="mlp-m4-s3",
            title=T(
                "Mutual care of the caregiver and wrap-up",
                "Cuidado mutuo de quienes cuidan y cierre",
            ),
            slug=T("mutual-care-of-the-caregiver", "cuidado-mutuo-de-quienes-cuidan"),
            summary=T(
                "Caring for children and families asks a lot of us. We close the "
                "programme by looking at how we care for ourselves and each other, "
                "and by looking back on what we learned together.",
                "Cuidar de niñas, niños y familias nos exige mucho. Cerramos el "
                "programa mirando cómo nos cuidamos y nos cuidamos entre todos, y "
                "repasando lo que aprendimos juntos.",
            ),
            sub_topics=(
                T("Caring for the caregiver", "Cuidar a quien cuida"),
                T("Mutual support in teams", "Apoyo mutuo en los equipos"),
                T("Wrap-up of the programme", "Cierre del programa"),
            ),
            forum_questions=(
                T(
                    "What helps you recharge after a difficult day at work?",
                    "¿Qué te ayuda a recargar energías después de un día difícil de "
                    "trabajo?",
                ),
                T(
                    "How does your team take care of each other?",
                    "¿Cómo se cuidan entre sí en tu equipo?",
                ),
                T(
                    "What is the most important thing you take away from the "
                    "programme?",
                    "¿Qué es lo más importante que te llevas del programa?",
                ),
            ),
            materials=("pub-caring-for-those-who-care", "video-welcome"),
        ),
    ),
)

PHILOSOPHY = html(
    p(
        "The Mutual Learning Program is unique! Our philosophy is based on:",
        "¡El Programa de Aprendizaje Mutuo es único! Nuestra filosofía se basa en:",
    ),
    ul(
        T(
            "<b>A bottom-up approach:</b> instead of telling people how to change, we "
            "invite organisations and professionals to share their know-how, "
            "experiences and challenges to inspire change.",
            "<b>Un enfoque de abajo hacia arriba:</b> en lugar de decirle a la gente "
            "cómo cambiar, invitamos a organizaciones y profesionales a compartir sus "
            "saberes, experiencias y desafíos para inspirar el cambio.",
        ),
        T(
            "<b>Day-to-day practices:</b> experiences of our participants, enriching "
            "materials and discussions will be central to the program.",
            "<b>Las prácticas cotidianas:</b> las experiencias de quienes participan, "
            "los materiales enriquecedores y los debates serán el centro del "
            "programa.",
        ),
        T(
            "<b>Human relationships:</b> we are nothing without the relationships with "
            "children, families, communities and other stakeholders.",
            "<b>Las relaciones humanas:</b> no somos nada sin las relaciones con "
            "niñas, niños, familias, comunidades y otros actores.",
        ),
    ),
    p(
        "In other words, we are interested to hear from YOU. In our international "
        "community, care-practitioners get connected with each other. Get inspired by "
        "like-minded people and those who think differently. Rich and fruitful "
        "conversations guaranteed.",
        "En otras palabras, nos interesa escucharte a TI. En nuestra comunidad "
        "internacional, profesionales del cuidado se conectan entre sí. Inspírate con "
        "personas afines y con quienes piensan distinto. Conversaciones ricas y "
        "fructíferas garantizadas.",
    ),
)

METHOD = (
    ("heading", T("Twice a year", "Dos veces al año")),
    html(
        p(
            "Twice a year we open the doors to our 6-month program. Provided in "
            "English and Spanish, our methodology consists of two main elements:",
            "Dos veces al año abrimos las puertas de nuestro programa de 6 meses. "
            "Ofrecida en inglés y en español, nuestra metodología tiene dos elementos "
            "principales:",
        ),
        ol(
            T(
                "The online MLP platform for learning and sharing of materials, "
                "including discussion forums.",
                "La plataforma en línea del programa para aprender y compartir "
                "materiales, con foros de discusión.",
            ),
            T(
                "Regular Zoom sessions for discussion and reflection.",
                "Sesiones periódicas por Zoom para el diálogo y la reflexión.",
            ),
        ),
        p(
            "Every group consists of about 15 organisations with 2-3 representatives "
            "each. Because we make the commitment to work together for six months, we "
            "invest in getting to know each other.",
            "Cada grupo reúne a unas 15 organizaciones con 2 o 3 representantes cada "
            "una. Como asumimos el compromiso de trabajar juntos durante seis meses, "
            "dedicamos tiempo a conocernos.",
        ),
    ),
    ("heading", T("Method and content", "Método y contenidos")),
    html(
        p(
            "The program is built around four transformative modules. You can choose "
            "or combine them to tailor the experience to your needs.",
            "El programa se construye en torno a cuatro módulos transformadores. "
            "Puedes elegirlos o combinarlos para adaptar la experiencia a tus "
            "necesidades.",
        ),
        p(
            "Every participant starts with Module 1: Collaborative and Dialogic "
            "Practices, which lays the foundation for all the other modules. From "
            "there, you can choose to continue with one, two, or all three additional "
            "modules.",
            "Todas las personas participantes comienzan con el Módulo 1: Prácticas "
            "Colaborativas y Dialógicas, que sienta las bases de todos los demás "
            "módulos. A partir de allí, puedes continuar con uno, dos o los tres "
            "módulos adicionales.",
        ),
        p(
            "Want the full experience? We highly recommend committing to the complete "
            "program for the deepest learning and impact. But we know life is busy, so "
            "the flexibility is yours: pick the modules that best align with your "
            "interests and goals!",
            "¿Quieres vivir la experiencia completa? Te recomendamos comprometerte con "
            "el programa completo para lograr el aprendizaje y el impacto más "
            "profundos. Pero sabemos que la vida es ajetreada, así que la flexibilidad "
            "es tuya: ¡elige los módulos que mejor se ajusten a tus intereses y "
            "objetivos!",
        ),
    ),
)

PREPARATION = html(
    p(
        "We ask you to review materials in advance of the sessions, including:",
        "Te pedimos que revises materiales antes de las sesiones, entre ellos:",
    ),
    ul(
        T("Existing publications", "Publicaciones existentes"),
        T("Existing video materials", "Materiales en video existentes"),
        T("Tailor-made presentations", "Presentaciones hechas a medida"),
        T("Tailor-made video materials", "Materiales en video hechos a medida"),
    ),
    p(
        "In addition, we invite you to actively participate and share your "
        "reflections in the forum before each session by responding to questions "
        "related to the content of each module. There is also the possibility of "
        "sharing other materials which participants regard as useful.",
        "Además, te invitamos a participar activamente y compartir tus reflexiones "
        "en el foro antes de cada sesión, respondiendo preguntas relacionadas con el "
        "contenido de cada módulo. También es posible compartir otros materiales que "
        "quienes participan consideren útiles.",
    ),
    p(
        "In the Zoom sessions, you will be invited to join the dialogue with other "
        "participants by giving your unique insight on the revised materials and "
        "videos. Most importantly, your valuable experiences might inspire others and "
        "the other way around, while everyone is collectively trying to solve case "
        "studies. Each session takes max. 2 hours.",
        "En las sesiones por Zoom, te invitaremos a sumarte al diálogo con otras "
        "personas participantes aportando tu mirada única sobre los materiales y "
        "videos revisados. Sobre todo, tus valiosas experiencias pueden inspirar a "
        "otros, y viceversa, mientras todo el grupo intenta resolver casos de "
        "estudio. Cada sesión dura como máximo 2 horas.",
    ),
)

WHAT_YOU_GET = ul(
    T(
        "Six months of dialogue with care practitioners from different countries and "
        "perspectives.",
        "Seis meses de diálogo con profesionales del cuidado de distintos países y "
        "perspectivas.",
    ),
    T(
        "Materials to review before each session: publications, videos and "
        "tailor-made presentations.",
        "Materiales para revisar antes de cada sesión: publicaciones, videos y "
        "presentaciones hechas a medida.",
    ),
    T(
        "A forum to share reflections and questions before each session.",
        "Un foro para compartir reflexiones y preguntas antes de cada sesión.",
    ),
    T(
        "Stronger facilitation skills to bring the principles into your own context.",
        "Mayores habilidades de facilitación para llevar los principios a tu propio "
        "contexto.",
    ),
    T(
        "A certificate after completion of the programme and a good attendance rate.",
        "Un certificado al completar el programa con una buena asistencia.",
    ),
)

MLP = Programme(
    key="programme-mlp",
    title=T("Mutual Learning Program", "Programa de Aprendizaje Mutuo"),
    slug=T("mutual-learning-program", "programa-de-aprendizaje-mutuo"),
    fields={
        "introduction": T(
            "Six months of peer learning for organisations and professionals who care "
            "for children, families and communities: four modules, regular Zoom "
            "sessions and forums, in English and Spanish.",
            "Seis meses de aprendizaje entre pares para organizaciones y "
            "profesionales que cuidan de niñas, niños, familias y comunidades: cuatro "
            "módulos, sesiones periódicas por Zoom y foros, en inglés y en español.",
        ),
        "programme_format": "online_sessions",
        "languages": ["en", "es"],
        "time_zone": "Europe/London",
        "certificate_rule": T(
            "After completion of the programme and a good attendance rate, you "
            "receive a certificate.",
            "Al completar el programa con una buena asistencia, recibirás un "
            "certificado.",
        ),
        "certificate_attendance_threshold": 75,
    },
    modules=(MODULE_1, MODULE_2, MODULE_3, MODULE_4),
)

MLP_TEXTS = {
    "philosophy": PHILOSOPHY,
    "method": METHOD,
    "preparation": PREPARATION,
    "what_you_get": WHAT_YOU_GET,
    "info_heading": T("Information sessions", "Sesiones informativas"),
    "info_cta": T("Ask about the next edition", "Pregunta por la próxima edición"),
    "quote_attribution": T("Programme participant", "Participante del programa"),
}
