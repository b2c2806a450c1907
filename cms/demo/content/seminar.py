"""The peer-to-peer seminar on migration and development (seed 004): six modules."""

# Typographic apostrophes and dashes are wanted in the site's text.
# ruff: noqa: RUF001

from ..bilingual import T, p
from .kinds import Module, Programme, SessionTopic

GROUP_DISCUSSION = T(
    "Group discussion of the current situation, gaps and challenges, and existing "
    "practice",
    "Debate en grupo sobre la situación actual, las brechas, los desafíos y las "
    "prácticas existentes",
)


def _module(number, title, slug, introduction, topic) -> Module:
    return Module(
        key=f"seminar-m{number}",
        number=number,
        title=title,
        slug=slug,
        introduction=introduction,
        description=None,
        topics=(topic,),
    )


def _topic(number, title, slug, summary, sub_topics, questions) -> SessionTopic:
    return SessionTopic(
        key=f"seminar-m{number}-s1",
        title=title,
        slug=slug,
        summary=summary,
        sub_topics=sub_topics,
        forum_questions=questions,
    )


MODULES = (
    _module(
        1,
        T("Professional dialogue", "Diálogo profesional"),
        T("professional-dialogue", "dialogo-profesional"),
        T(
            "Introduction and expectation check using the process of dialogue.",
            "Presentación y revisión de expectativas mediante el proceso de diálogo.",
        ),
        _topic(
            1,
            T(
                "Introduction and expectation check",
                "Presentación y revisión de expectativas",
            ),
            T(
                "introduction-and-expectation-check",
                "presentacion-y-revision-de-expectativas",
            ),
            T(
                "Participants introduce themselves and check their expectations using "
                "the process of dialogue, and discuss how peer-to-peer learning works.",
                "Las personas participantes se presentan y revisan sus expectativas "
                "mediante el proceso de diálogo, y conversan sobre cómo funciona el "
                "aprendizaje entre pares.",
            ),
            (
                T(
                    "Expectation check using the process of dialogue",
                    "Revisión de expectativas mediante el proceso de diálogo",
                ),
                T(
                    "The process of peer-to-peer learning",
                    "El proceso de aprendizaje entre pares",
                ),
            ),
            (
                T(
                    "What do you hope to take home from this seminar?",
                    "¿Qué esperas llevarte de este seminario?",
                ),
                T(
                    "How is learning usually shared between regions or countries in "
                    "your work?",
                    "¿Cómo se suele compartir el aprendizaje entre regiones o países "
                    "en tu trabajo?",
                ),
            ),
        ),
    ),
    _module(
        2,
        T("Understanding together", "Comprender juntos"),
        T("understanding-together", "comprender-juntos"),
        T(
            "A common understanding of the issues, challenges and gaps that the "
            "peer-to-peer learning intends to address.",
            "Una comprensión común de los problemas, los desafíos y las brechas que "
            "el aprendizaje entre pares busca abordar.",
        ),
        _topic(
            2,
            T(
                "Issues, challenges and gaps",
                "Problemas, desafíos y brechas",
            ),
            T("issues-challenges-and-gaps", "problemas-desafios-y-brechas"),
            T(
                "Using an interactive technique, participants come up with a common "
                "understanding of the issues, challenges and gaps that the "
                "peer-to-peer learning intends to address.",
                "Con una técnica interactiva, las personas participantes construyen "
                "una comprensión común de los problemas, los desafíos y las brechas "
                "que el aprendizaje entre pares busca abordar.",
            ),
            (
                T("An interactive technique", "Una técnica interactiva"),
                T("A common understanding", "Una comprensión común"),
            ),
            (
                T(
                    "Which challenge in migration and development would you most like "
                    "the group to understand together?",
                    "¿Qué desafío de la migración y el desarrollo te gustaría que el "
                    "grupo comprendiera en conjunto?",
                ),
                T(
                    "Which gaps do you see between policy and practice in your area?",
                    "¿Qué brechas ves entre las políticas y la práctica en tu área?",
                ),
            ),
        ),
    ),
    _module(
        3,
        T("Pre-departure phase", "Fase previa a la partida"),
        T("pre-departure-phase", "fase-previa-a-la-partida"),
        T(
            "Best practices in preparing prospective migrants and their families.",
            "Buenas prácticas para preparar a futuras personas migrantes y a sus "
            "familias.",
        ),
        _topic(
            3,
            T(
                "Preparing migrants and families before departure",
                "Preparar a migrantes y familias antes de la partida",
            ),
            T(
                "preparing-migrants-and-families",
                "preparar-a-migrantes-y-familias",
            ),
            T(
                "Best practices on pre-departure interventions that prepare "
                "prospective migrants and their families and ensure that their rights "
                "and welfare are protected.",
                "Buenas prácticas de intervención previa a la partida que preparan a "
                "futuras personas migrantes y a sus familias y garantizan la "
                "protección de sus derechos y su bienestar.",
            ),
            (
                GROUP_DISCUSSION,
                T(
                    "Best practices on pre-departure interventions",
                    "Buenas prácticas de intervención previa a la partida",
                ),
            ),
            (
                T(
                    "How are prospective migrants and their families prepared before "
                    "departure in your area?",
                    "¿Cómo se prepara en tu zona a quienes van a migrar y a sus "
                    "familias antes de la partida?",
                ),
                T(
                    "Which pre-departure practice would you like to replicate?",
                    "¿Qué práctica previa a la partida te gustaría replicar?",
                ),
            ),
        ),
    ),
    _module(
        4,
        T("On-site phase", "Fase en el país de destino"),
        T("on-site-phase", "fase-en-el-pais-de-destino"),
        T(
            "Best practices of on-site interventions with migrants and the diaspora.",
            "Buenas prácticas de intervención en destino con personas migrantes y la "
            "diáspora.",
        ),
        _topic(
            4,
            T(
                "Supporting migrants and engaging the diaspora",
                "Apoyar a las personas migrantes e involucrar a la diáspora",
            ),
            T("supporting-migrants-on-site", "apoyar-a-las-personas-migrantes"),
            T(
                "Best practices of on-site interventions: diaspora engagement, "
                "empowerment, mobilising savings and investment, onboarding and "
                "capacity building of migrants, and skills training.",
                "Buenas prácticas de intervención en destino: participación de la "
                "diáspora, empoderamiento, movilización del ahorro y la inversión, "
                "acogida y fortalecimiento de capacidades de las personas migrantes, "
                "y formación en habilidades.",
            ),
            (
                GROUP_DISCUSSION,
                T("Diaspora engagement", "Participación de la diáspora"),
                T(
                    "Mobilising savings and investment",
                    "Movilización del ahorro y la inversión",
                ),
                T("Skills training", "Formación en habilidades"),
            ),
            (
                T(
                    "How does your organisation stay in contact with migrants while "
                    "they are abroad?",
                    "¿Cómo mantiene tu organización el contacto con las personas "
                    "migrantes mientras están en el extranjero?",
                ),
                T(
                    "What role can the diaspora play in the development of your "
                    "community?",
                    "¿Qué papel puede desempeñar la diáspora en el desarrollo de tu "
                    "comunidad?",
                ),
            ),
        ),
    ),
    _module(
        5,
        T("Reintegration", "Reintegración"),
        T("reintegration", "reintegracion"),
        T(
            "Reintegration preparedness from the pre-departure, on-site and return "
            "phases.",
            "Preparación para la reintegración en las fases previa a la partida, en "
            "destino y de retorno.",
        ),
        _topic(
            5,
            T(
                "Reintegration preparedness from departure to return",
                "Preparación para la reintegración, de la partida al retorno",
            ),
            T("reintegration-preparedness", "preparacion-para-la-reintegracion"),
            T(
                "Best practices of national and local government, the private sector "
                "and civil society organisations: one-stop migration resource "
                "centres, village-level migrant and family support programmes, "
                "reintegration programmes for domestic workers, managing crisis "
                "return and mainstreaming migration in governance.",
                "Buenas prácticas de gobiernos nacionales y locales, el sector "
                "privado y organizaciones de la sociedad civil: centros integrales de "
                "recursos para la migración, programas comunitarios de apoyo a "
                "migrantes y sus familias, programas de reintegración para "
                "trabajadoras y trabajadores domésticos, gestión de retornos en "
                "situación de crisis e integración de la migración en la gestión "
                "pública.",
            ),
            (
                GROUP_DISCUSSION,
                T(
                    "One-stop migration resource centres",
                    "Centros integrales de recursos para la migración",
                ),
                T(
                    "Managing crisis return",
                    "Gestión de retornos en situación de crisis",
                ),
            ),
            (
                T(
                    "What makes a return successful for a migrant and the family?",
                    "¿Qué hace que un retorno sea exitoso para la persona migrante y "
                    "su familia?",
                ),
                T(
                    "How could a one-stop migration resource centre work in your "
                    "context?",
                    "¿Cómo podría funcionar en tu contexto un centro integral de "
                    "recursos para la migración?",
                ),
            ),
        ),
    ),
    _module(
        6,
        T(
            "Learning integration and forging partnership",
            "Integración de aprendizajes y construcción de alianzas",
        ),
        T(
            "learning-integration-and-partnership",
            "integracion-de-aprendizajes-y-alianzas",
        ),
        T(
            "Choosing the practices to replicate, and the partners to do it with.",
            "Elegir las prácticas que se quieren replicar y con quiénes hacerlo.",
        ),
        _topic(
            6,
            T("Who can be your partner?", "¿Con quién puedes aliarte?"),
            T("who-can-be-your-partner", "con-quien-puedes-aliarte"),
            T(
                "A group activity to identify the practice participants learned and "
                "want to replicate, their plans moving forward, and the organisations "
                "that can support their initiatives.",
                "Una actividad grupal para identificar la práctica aprendida que se "
                "quiere replicar, los planes a futuro y las organizaciones que pueden "
                "apoyar las iniciativas.",
            ),
            (
                T(
                    "Identifying the practice to replicate",
                    "Identificar la práctica que se quiere replicar",
                ),
                T("Plans moving forward", "Planes a futuro"),
                T("Forging partnerships", "Construir alianzas"),
            ),
            (
                T(
                    "Which practice from this seminar do you want to replicate first?",
                    "¿Qué práctica de este seminario quieres replicar primero?",
                ),
                T(
                    "Who could be your partner, and what would you ask of them?",
                    "¿Quién podría ser tu aliado y qué le pedirías?",
                ),
            ),
        ),
    ),
)

# The seed's objectives and target participants, as the programme's structured
# fields: a registration records a target group by its block's id.
OBJECTIVES_INTRO = T(
    "At the end of the seminar, the participants will be able to:",
    "Al finalizar el seminario, las personas participantes podrán:",
)
OBJECTIVES = (
    T(
        "Introduce dialogue technique in their own field of practice;",
        "Introducir la técnica del diálogo en su propio ámbito de trabajo;",
    ),
    T(
        "Share about the best practices of other countries or other regions that "
        "they can replicate or adopt; and",
        "Compartir buenas prácticas de otros países u otras regiones que puedan "
        "replicar o adoptar; y",
    ),
    T(
        "Forge partnership to be able to implement initiatives on migration and "
        "development.",
        "Construir alianzas para poner en marcha iniciativas sobre migración y "
        "desarrollo.",
    ),
)
TARGET_GROUPS_INTRO = T(
    "The seminar is designed for the following participants:",
    "El seminario está pensado para los siguientes participantes:",
)
TARGET_GROUPS = (
    T(
        "National, provincial, city and municipal government officials",
        "Funcionarias y funcionarios de gobiernos nacionales, provinciales, de "
        "ciudades y municipios",
    ),
    T(
        "Heads or key personnel of various agencies, departments and offices of "
        "provincial, city and municipal governments",
        "Responsables o personal clave de organismos, departamentos y oficinas de "
        "gobiernos provinciales, de ciudades y municipios",
    ),
    T(
        "Members of Migration and Development Councils/Committees",
        "Integrantes de consejos o comités de migración y desarrollo",
    ),
    T(
        "Heads and personnel of Migration Resource Centers",
        "Responsables y personal de centros de recursos para la migración",
    ),
    T(
        "Focal persons of local government units on Migration and Development",
        "Referentes de migración y desarrollo de los gobiernos locales",
    ),
    T(
        "Officers of associations of diaspora, families of migrants and "
        "organizations of migrant returnees",
        "Representantes de asociaciones de la diáspora, de familias de migrantes y "
        "de organizaciones de migrantes retornados",
    ),
    T(
        "Interested representatives of agencies and institutions in the academe, "
        "NGOs, church, and business communities",
        "Representantes interesados de organismos e instituciones del ámbito "
        "académico, ONG, iglesias y el sector empresarial",
    ),
)

# Each run has its own place (see cms/demo/seminar_run.py); the page says who hosts.
BODY = (
    ("heading", T("Hosting a seminar", "Organizar un seminario")),
    p(
        "Any country interested to conduct peer to peer learning can host the "
        "seminar; each run meets in the place its hosts choose.",
        "Cualquier país interesado en realizar un aprendizaje entre pares puede "
        "organizar el seminario; cada edición se reúne en el lugar que eligen "
        "sus anfitriones.",
    ),
)

SEMINAR = Programme(
    key="programme-seminar",
    title=T(
        "Peer-to-peer seminar on migration and development",
        "Seminario entre pares sobre migración y desarrollo",
    ),
    slug=T(
        "peer-to-peer-seminar-on-migration-and-development",
        "seminario-entre-pares-sobre-migracion-y-desarrollo",
    ),
    fields={
        "introduction": T(
            "A three to four-day learning program that provides avenues for sharing "
            "and learning about best practices of national and local government "
            "units, NGOs, private sector and diaspora organizations between countries "
            "or between regions in one country.",
            "Un programa de aprendizaje de tres a cuatro días que abre espacios para "
            "compartir y aprender sobre buenas prácticas de gobiernos nacionales y "
            "locales, ONG, el sector privado y organizaciones de la diáspora, entre "
            "países o entre regiones de un mismo país.",
        ),
        "programme_format": "seminar",
        "languages": ["en", "es"],
        "time_zone": "UTC",
        "objectives_intro": OBJECTIVES_INTRO,
        "objectives": [("objective", text) for text in OBJECTIVES],
        "target_groups_intro": TARGET_GROUPS_INTRO,
        "target_groups": [("target_group", text) for text in TARGET_GROUPS],
    },
    modules=MODULES,
    deck_per_module=False,
)

SEMINAR_TEXTS = {
    "philosophy": p(
        "It uses professional dialogue technique in facilitating the peer to peer "
        "learning: participants learn from each other’s practice rather than from "
        "lectures.",
        "Utiliza la técnica del diálogo profesional para facilitar el aprendizaje "
        "entre pares: quienes participan aprenden de la práctica de los demás y no "
        "de clases expositivas.",
    ),
    "body": BODY,
    "cta": T("Ask about hosting a seminar", "Consulta cómo organizar un seminario"),
}
