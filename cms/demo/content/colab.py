"""The MenEngage CoLab's peer-learning sessions (seed 003): member-led sessions
from proposals, in English, Spanish and French.

The programme, the call's theme, guidelines and alignment quote the seed. The
member organisations, their proposals and the two sessions were written for the
demo in the spirit of the call, and say so where a reader sees them.

A proposal is learning data in ONE language (the one its member wrote it in), as
on the real site: proposals here are in English, Spanish or French. The two
accepted ones were written in English and became session pages, which editors
then published in all three languages.
"""

# Typographic apostrophes and dashes are wanted in the site's text.
# ruff: noqa: RUF001

from dataclasses import dataclass

from ..bilingual import RichText, T, Text, html, p, ul
from .kinds import Programme

COLAB = Programme(
    key="programme-colab",
    title=T(
        "MenEngage CoLab peer-learning sessions",
        "Sesiones de aprendizaje entre pares del CoLab de MenEngage",
        fr="Sessions d’apprentissage entre pairs du CoLab de MenEngage",
    ),
    slug=T(
        "colab-peer-learning-sessions",
        "sesiones-colab-aprendizaje-entre-pares",
        fr="sessions-colab-apprentissage-entre-pairs",
    ),
    fields={
        "introduction": T(
            "A monthly space where members and partners of MenEngage Alliance "
            "shape and lead online sessions to share expertise, skills and "
            "experiences.",
            "Un espacio mensual en el que miembros y socios de la Alianza "
            "MenEngage diseñan y dirigen sesiones en línea para compartir "
            "conocimientos, habilidades y experiencias.",
            fr="Un espace mensuel où les membres et partenaires de l’Alliance "
            "MenEngage conçoivent et animent des sessions en ligne pour partager "
            "expertises, compétences et expériences.",
        ),
        "programme_format": "proposal_sessions",
        "languages": ["en", "es", "fr"],
        # A global alliance: the call and the sessions are announced in UTC, and
        # each page shows the reader's own time beside it.
        "time_zone": "UTC",
    },
    modules=(),
)

GOALS = (
    T(
        "Raising awareness of promising practices",
        "Dar a conocer prácticas prometedoras",
        fr="Faire connaître des pratiques prometteuses",
    ),
    T(
        "Strengthening capacities",
        "Fortalecer capacidades",
        fr="Renforcer les capacités",
    ),
    T(
        "Exchanging lessons learnt",
        "Intercambiar lecciones aprendidas",
        fr="Échanger les leçons apprises",
    ),
    T(
        "Inspiring further innovative approaches in the field",
        "Inspirar nuevos enfoques innovadores en este campo",
        fr="Inspirer de nouvelles approches innovantes dans ce domaine",
    ),
)

UBUNTU_THEMES = (
    T("Accountability", "Rendición de cuentas", fr="Redevabilité"),
    T("Intersectionality", "Interseccionalidad", fr="Intersectionnalité"),
    T("Feminisms", "Feminismos", fr="Féminismes"),
    T("Power-with", "Poder con", fr="Pouvoir avec"),
    T("Transformation", "Transformación", fr="Transformation"),
)

PROGRAMME_BODY = (
    (
        "heading",
        T(
            "A new space for peer learning",
            "Un nuevo espacio de aprendizaje entre pares",
            fr="Un nouvel espace d’apprentissage entre pairs",
        ),
    ),
    html(
        p(
            "The CoLab peer-learning sessions are part of the MenEngage Learning "
            "Collaborative, a series of opportunities for cross-learning among "
            "members and partners of MenEngage Alliance globally. They bring "
            "together members and partners to strengthen our collective "
            "capabilities and knowledge-base for transforming patriarchal "
            "masculinities and working with men and boys for gender equality, "
            "LGBTIQ rights and social justice.",
            "Las sesiones de aprendizaje entre pares forman parte del CoLab, el "
            "Colaborativo de Aprendizaje de MenEngage: una serie de oportunidades "
            "de aprendizaje cruzado entre miembros y socios de la Alianza MenEngage "
            "en todo el mundo. Reúnen a miembros y socios para fortalecer nuestras "
            "capacidades colectivas y nuestra base de conocimientos para "
            "transformar las masculinidades patriarcales y trabajar con hombres y "
            "niños por la igualdad de género, los derechos LGBTIQ y la justicia "
            "social.",
            "Les sessions d’apprentissage entre pairs font partie du CoLab, le "
            "Collaboratif d’apprentissage de MenEngage : une série d’occasions "
            "d’apprentissage croisé entre membres et partenaires de l’Alliance "
            "MenEngage dans le monde entier. Elles réunissent membres et partenaires "
            "pour renforcer nos capacités collectives et notre base de "
            "connaissances afin de transformer les masculinités patriarcales et de "
            "travailler avec les hommes et les garçons pour l’égalité de genre, les "
            "droits LGBTIQ et la justice sociale.",
        ),
        p(
            "Goals of the CoLab peer-learning sessions include:",
            "Entre los objetivos de las sesiones del CoLab están:",
            "Les sessions du CoLab visent notamment à :",
        ),
        ul(*GOALS),
    ),
    (
        "heading",
        T(
            "Building on the Ubuntu Symposium",
            "A partir del Simposio Ubuntu",
            fr="Dans la lignée du Symposium Ubuntu",
        ),
    ),
    html(
        p(
            "The CoLab was inspired by the 3rd MenEngage Global Symposium – the "
            "Ubuntu Symposium – which mainly took place online over an extended "
            "period. Members make submissions for sessions, and successful "
            "submissions are invited to develop and lead a session, informed by "
            "the symposium’s five themes:",
            "El CoLab se inspiró en el 3.er Simposio Global de MenEngage – el "
            "Simposio Ubuntu –, que se realizó principalmente en línea durante un "
            "período prolongado. Los miembros presentan propuestas de sesiones, y "
            "las seleccionadas reciben la invitación a preparar y dirigir una "
            "sesión, guiadas por los cinco temas del simposio:",
            "Le CoLab s’inspire du 3e Symposium mondial de MenEngage – le Symposium "
            "Ubuntu –, qui s’est principalement tenu en ligne sur une longue "
            "période. Les membres soumettent des propositions de sessions, et les "
            "propositions retenues sont invitées à préparer et animer une session, "
            "en s’appuyant sur les cinq thèmes du symposium :",
        ),
        ul(*UBUNTU_THEMES),
    ),
    (
        "heading",
        T(
            "Live interpretation and recordings",
            "Interpretación en vivo y grabaciones",
            fr="Interprétation en direct et enregistrements",
        ),
    ),
    p(
        "The Global Secretariat facilitates the online platform, manages invites "
        "and promotion, records each session and provides live interpretation in "
        "English, Spanish and French. Recordings are published for each language.",
        "El Secretariado Global facilita la plataforma en línea, gestiona las "
        "invitaciones y la difusión, graba cada sesión y ofrece interpretación en "
        "vivo en inglés, español y francés. Las grabaciones se publican en cada "
        "idioma.",
        "Le Secrétariat mondial gère la plateforme en ligne, les invitations et la "
        "promotion, enregistre chaque session et assure l’interprétation en direct "
        "en anglais, en espagnol et en français. Les enregistrements sont publiés "
        "dans chaque langue.",
    ),
)

# --- The call ------------------------------------------------------------------------

CALL_KEY = "call-colab-vawg"

CALL = {
    "title": T(
        "Call for session proposals: preventing violence against women and girls",
        "Convocatoria de propuestas de sesiones: prevenir la violencia contra las "
        "mujeres y las niñas",
        fr="Appel à propositions de sessions : prévenir la violence à l’égard des "
        "femmes et des filles",
    ),
    "slug": T(
        "call-for-session-proposals",
        "convocatoria-de-propuestas",
        fr="appel-a-propositions",
    ),
    "introduction": T(
        "Sessions that link to the theme of preventing and eliminating violence "
        "against women and girls, and gender-based violence more broadly – a "
        "priority for many members of MenEngage Alliance.",
        "Sesiones vinculadas al tema de la prevención y eliminación de la "
        "violencia contra las mujeres y las niñas, y de la violencia basada en "
        "género en general: una prioridad para muchos miembros de la Alianza "
        "MenEngage.",
        fr="Des sessions liées à la prévention et à l’élimination de la violence à "
        "l’égard des femmes et des filles, et plus largement des violences basées "
        "sur le genre – une priorité pour de nombreux membres de l’Alliance "
        "MenEngage.",
    ),
    "alignment_statement": T(
        "Our session is aligned with the mission of MenEngage Alliance and with "
        "its Accountability Framework.",
        "Nuestra sesión está alineada con la misión de la Alianza MenEngage y con "
        "su Marco de Rendición de Cuentas.",
        fr="Notre session est alignée sur la mission de l’Alliance MenEngage et sur "
        "son Cadre de redevabilité.",
    ),
}

GUIDELINES = (
    (
        "heading",
        T(
            "Guidelines for a CoLab session",
            "Pautas para una sesión del CoLab",
            fr="Lignes directrices pour une session du CoLab",
        ),
    ),
    html(
        p(
            "Submissions must be aligned with the mission of MenEngage Alliance, as "
            "well as its Accountability Framework.",
            "Las propuestas deben estar alineadas con la misión de la Alianza "
            "MenEngage y con su Marco de Rendición de Cuentas.",
            "Les propositions doivent être alignées sur la mission de l’Alliance "
            "MenEngage et sur son Cadre de redevabilité.",
        ),
        ul(
            T(
                "Share lessons learned from both failures and successes.",
                "Compartir lecciones aprendidas tanto de los fracasos como de los "
                "éxitos.",
                fr="Partager les leçons tirées des échecs comme des réussites.",
            ),
            T(
                "Include the results and impacts your programmes or initiatives "
                "have achieved, including sustainability.",
                "Incluir los resultados e impactos que sus programas o iniciativas "
                "han logrado, incluida su sostenibilidad.",
                fr="Présenter les résultats et les effets obtenus par vos programmes "
                "ou initiatives, y compris leur durabilité.",
            ),
            T(
                "Work with relevant partners, who can include non-members of "
                "MenEngage Alliance – for example researchers and practitioners "
                "presenting a collaboration together.",
                "Trabajar con socios pertinentes, que pueden no ser miembros de la "
                "Alianza MenEngage; por ejemplo, personas investigadoras y "
                "profesionales que presentan juntas una colaboración.",
                fr="Travailler avec des partenaires pertinents, qui peuvent ne pas "
                "être membres de l’Alliance MenEngage – par exemple des chercheurs "
                "et des praticiens présentant ensemble une collaboration.",
            ),
            T(
                "Present interconnected themes, informed by the five themes of the "
                "Ubuntu Symposium.",
                "Presentar temas interconectados, guiados por los cinco temas del "
                "Simposio Ubuntu.",
                fr="Présenter des thèmes interconnectés, en s’appuyant sur les cinq "
                "thèmes du Symposium Ubuntu.",
            ),
        ),
    ),
    (
        "heading",
        T("What happens next", "Qué sucede después", fr="Et ensuite"),
    ),
    p(
        "Any member of MenEngage Alliance may submit an idea for a session. Once "
        "received, a member of the Global Secretariat will contact you to discuss "
        "your submission, and will be available to provide support and guidance in "
        "shaping it. If you can provide capacity or resources for additional "
        "language interpretation, that is also encouraged.",
        "Cualquier miembro de la Alianza MenEngage puede proponer una idea de "
        "sesión. Una vez recibida, una persona del Secretariado Global se pondrá en "
        "contacto para conversar sobre la propuesta y estará disponible para "
        "ofrecer apoyo y orientación al darle forma. Si pueden aportar capacidad o "
        "recursos para interpretación en otros idiomas, también es bienvenido.",
        "Tout membre de l’Alliance MenEngage peut proposer une idée de session. À "
        "réception, une personne du Secrétariat mondial vous contactera pour en "
        "discuter et pourra vous apporter soutien et conseils pour la construire. "
        "Si vous pouvez fournir des capacités ou des ressources pour "
        "l’interprétation dans d’autres langues, c’est également bienvenu.",
    ),
)


@dataclass(frozen=True)
class Criterion:
    name: Text
    description: Text
    weight: int


# What the seed asks of a submission, weighted by how much the secretariat says
# it counts: alignment first, then lessons and results, then partners.
RUBRIC = (
    Criterion(
        T(
            "Alignment with the mission and the Accountability Framework",
            "Alineación con la misión y el Marco de Rendición de Cuentas",
            fr="Alignement sur la mission et le Cadre de redevabilité",
        ),
        T(
            "The session serves the Alliance’s mission and follows its "
            "Accountability Framework, including accountability to women’s rights "
            "organisations.",
            "La sesión sirve a la misión de la Alianza y sigue su Marco de "
            "Rendición de Cuentas, incluida la rendición de cuentas ante las "
            "organizaciones de derechos de las mujeres.",
            fr="La session sert la mission de l’Alliance et suit son Cadre de "
            "redevabilité, y compris la redevabilité envers les organisations de "
            "défense des droits des femmes.",
        ),
        3,
    ),
    Criterion(
        T(
            "Lessons learned from failures and successes",
            "Lecciones aprendidas de fracasos y éxitos",
            fr="Leçons tirées des échecs et des réussites",
        ),
        T(
            "It shares honestly what did not work as well as what did.",
            "Comparte con honestidad lo que no funcionó y lo que sí.",
            fr="Elle partage honnêtement ce qui n’a pas fonctionné comme ce qui a "
            "fonctionné.",
        ),
        2,
    ),
    Criterion(
        T(
            "Results and impact",
            "Resultados e impacto",
            fr="Résultats et impact",
        ),
        T(
            "It shows what the work achieved, and whether it lasts.",
            "Muestra lo que logró el trabajo y si es sostenible.",
            fr="Elle montre ce que le travail a permis d’obtenir, et si cela dure.",
        ),
        2,
    ),
    Criterion(
        T("Partners", "Socios", fr="Partenaires"),
        T(
            "It is prepared with relevant partners, members or not.",
            "Se prepara con socios pertinentes, sean miembros o no.",
            fr="Elle est préparée avec des partenaires pertinents, membres ou non.",
        ),
        1,
    ),
)
SCORE_SCALE = 5

# --- Organisations and people --------------------------------------------------------


@dataclass(frozen=True)
class Organisation:
    key: str
    name: str
    country: str
    domain: str


FATHERS = Organisation(
    "fathers", "Fathers Forward Network", "Kenya", "fathersforward.example.org"
)
RED_HOMBRES = Organisation(
    "red", "Red de Hombres por la Igualdad", "Bolivia", "redhombres.example.org"
)
MASCULINITES = Organisation(
    "masculinites", "Masculinités Positives", "Senegal", "masculinites.example.org"
)
SECRETARIAT = Organisation(
    "secretariat",
    "MenEngage Alliance Global Secretariat",
    "",
    "secretariat.example.org",
)
MEMBER_ORGANISATIONS = (FATHERS, RED_HOMBRES, MASCULINITES)

# --- Proposals -----------------------------------------------------------------------


@dataclass(frozen=True)
class ProposalText:
    """A member's proposal, in the one language they wrote it in."""

    key: str
    proposer: str  # the demo account's email
    language: str
    title: str
    summary: str
    lessons_learned: str
    results: str
    partners: str
    session_languages: tuple[str, ...]
    # Months after the current one the member would like the session in.
    months_ahead: int


def _proposal(key, proposer, language, texts, languages, months_ahead):
    title, summary, lessons, results, partners = texts
    return ProposalText(
        key, proposer, language, title, summary, lessons, results, partners,
        tuple(languages), months_ahead,
    )  # fmt: skip


# The member accounts (cms/demo/accounts.py) by their role in the demo.
MEMBER_KENYA = "member-a.colab@example.org"
MEMBER_BOLIVIA = "member-b.colab@example.org"
MEMBER_SENEGAL = "member-c.colab@example.org"
MEMBER_KENYA_2 = "member-d.colab@example.org"
SECRETARIAT_EMAIL = "secretariat@example.org"
SECRETARIAT_FR_EMAIL = "secretariat-fr@example.org"
# Who speaks for which organisation.
MEMBERS = {
    MEMBER_KENYA: FATHERS,
    MEMBER_KENYA_2: FATHERS,
    MEMBER_BOLIVIA: RED_HOMBRES,
    MEMBER_SENEGAL: MASCULINITES,
    SECRETARIAT_EMAIL: SECRETARIAT,
    SECRETARIAT_FR_EMAIL: SECRETARIAT,
}

DRAFT = _proposal(
    "draft",
    MEMBER_KENYA_2,
    "en",
    (
        "Fathers’ circles: talking about violence at home",
        "How small groups of fathers meeting every week in three counties began "
        "to name violence at home and to change how they parent.",
        "(Draft) Circles led by fathers worked better than those led by staff; "
        "still to write: what went wrong in the first county.",
        "",
        "",
    ),
    ("en",),
    2,
)

SUBMITTED = _proposal(
    "submitted",
    MEMBER_BOLIVIA,
    "es",
    (
        "Líderes religiosos contra la violencia hacia las mujeres",
        "Cómo trabajamos con pastores y sacerdotes de El Alto para que sus "
        "prédicas y consejerías nombren la violencia y acompañen a las mujeres.",
        "Los talleres aislados no cambiaron nada; lo que funcionó fue acompañar a "
        "cada líder durante un año y hacerlo junto con organizaciones de mujeres.",
        "Doce congregaciones tienen hoy un protocolo para atender y derivar casos; "
        "las derivaciones a servicios aumentaron en dos años.",
        "Colectivo de Mujeres de El Alto; una red ecuménica local.",
    ),
    ("es", "en"),
    2,
)

QUESTIONED = _proposal(
    "questioned",
    MEMBER_SENEGAL,
    "fr",
    (
        "Des témoins aux alliés : campagnes dans les universités",
        "Une campagne menée par des étudiants dans quatre universités pour que les "
        "témoins de harcèlement interviennent et soutiennent les victimes.",
        "Les affiches seules n’ont eu aucun effet ; les ateliers de mise en "
        "situation, animés avec des associations féministes, ont fonctionné.",
        "Deux universités ont adopté une procédure de signalement ; 600 étudiants "
        "formés à intervenir.",
        "Association des étudiantes de Dakar ; deux chercheuses en sociologie.",
    ),
    ("fr", "en"),
    3,
)

REVIEWED = _proposal(
    "reviewed",
    MEMBER_KENYA,
    "en",
    (
        "Accountable practice: men’s groups reporting to women’s rights organisations",
        "What happened when our men’s groups agreed to report every quarter to a "
        "panel of women’s rights organisations on what they do and how.",
        "The first reports were defensive; the panel’s questions changed how we "
        "plan. We also lost two groups that did not want to be held to account.",
        "Plans are now reviewed with the panel; two harmful campaign messages "
        "were withdrawn before launch.",
        "Kisumu Women’s Rights Forum; a university gender studies department.",
    ),
    ("en", "fr"),
    3,
)

DECLINED = _proposal(
    "declined",
    MEMBER_BOLIVIA,
    "es",
    (
        "Una liga de fútbol por la igualdad",
        "Un torneo juvenil en el que cada partido empieza con una charla sobre "
        "violencia de género.",
        "A los jugadores les gustó el torneo; no medimos si algo cambió.",
        "Ocho equipos y 160 jóvenes participaron en la primera temporada.",
        "La liga municipal de fútbol.",
    ),
    ("es",),
    2,
)
DECLINE_MESSAGE = (
    "Gracias por la propuesta. Esta convocatoria busca resultados y lecciones que "
    "ya puedan compartirse; los invitamos a presentarla de nuevo cuando tengan los "
    "resultados de la segunda temporada."
)

WITHDRAWN = _proposal(
    "withdrawn",
    MEMBER_SENEGAL,
    "fr",
    (
        "Les radios communautaires contre les mariages précoces",
        "Des émissions animées par des hommes et des femmes des villages sur les "
        "mariages précoces et les violences qui les accompagnent.",
        "Les émissions en langues locales ont touché bien plus de monde que celles "
        "en français.",
        "Trois radios diffusent l’émission chaque semaine depuis un an.",
        "Réseau des radios communautaires de Casamance.",
    ),
    ("fr",),
    4,
)

QUESTION = (
    "Could the session include one of the student survivors’ associations as a "
    "co-presenter, so that the session is accountable to them?"
)
ANSWERED_QUESTION = (
    "You mention losing two groups: could you say in the session what you learned "
    "from that?"
)
ANSWER = (
    "Yes. One of the facilitators of those groups agreed to speak about why they "
    "left and what we would do differently."
)

# --- The sessions: accepted proposals, then pages -----------------------------------


@dataclass(frozen=True)
class Session:
    """An accepted proposal and the session page editors made of it."""

    proposal: ProposalText
    title: Text
    slug: Text
    introduction: Text
    key_questions: tuple[Text, ...]
    body: RichText


DEMO_NOTE = p(
    "<i>Demo text: this session was written for the demo site in the spirit of "
    "the call.</i>",
    "<i>Texto de demostración: esta sesión se escribió para el sitio de "
    "demostración en el espíritu de la convocatoria.</i>",
    "<i>Texte de démonstration : cette session a été écrite pour le site de "
    "démonstration dans l’esprit de l’appel.</i>",
)

SCHOOLS = Session(
    proposal=_proposal(
        "schools",
        MEMBER_KENYA,
        "en",
        (
            "Transforming masculinities in schools: what worked and what did not",
            "Three years of school clubs where boys and girls question what it "
            "means to be a man, run with teachers in twelve schools.",
            "Clubs run by teachers alone drifted back to lectures; clubs co-run by "
            "young women facilitators kept the conversation honest.",
            "Fewer reports of sexual harassment in nine of twelve schools; the "
            "county adopted the club guide.",
            "Kisumu Women’s Rights Forum; the county education office.",
        ),
        ("en", "es", "fr"),
        0,
    ),
    title=T(
        "Transforming masculinities in schools: what worked and what did not",
        "Transformar las masculinidades en la escuela: qué funcionó y qué no",
        fr="Transformer les masculinités à l’école : ce qui a marché et ce qui n’a "
        "pas marché",
    ),
    slug=T(
        "transforming-masculinities-in-schools",
        "transformar-las-masculinidades-en-la-escuela",
        fr="transformer-les-masculinites-a-l-ecole",
    ),
    introduction=T(
        "Three years of school clubs where boys and girls question what it means "
        "to be a man, run with teachers in twelve schools.",
        "Tres años de clubes escolares en los que chicos y chicas cuestionan qué "
        "significa ser hombre, dirigidos junto con docentes en doce escuelas.",
        fr="Trois ans de clubs scolaires où garçons et filles interrogent ce que "
        "signifie être un homme, animés avec des enseignants dans douze écoles.",
    ),
    key_questions=(
        T(
            "How do we keep school clubs accountable to girls and young women?",
            "¿Cómo logramos que los clubes escolares rindan cuentas ante las niñas "
            "y las jóvenes?",
            fr="Comment rendre les clubs scolaires redevables envers les filles et "
            "les jeunes femmes ?",
        ),
        T(
            "What does it take for a school system to adopt a club guide?",
            "¿Qué hace falta para que un sistema escolar adopte una guía de clubes?",
            fr="Que faut-il pour qu’un système scolaire adopte un guide de clubs ?",
        ),
    ),
    body=html(
        p(
            "Clubs run by teachers alone drifted back to lectures; clubs co-run by "
            "young women facilitators kept the conversation honest.",
            "Los clubes dirigidos solo por docentes volvieron a las clases "
            "magistrales; los clubes codirigidos por jóvenes facilitadoras "
            "mantuvieron una conversación honesta.",
            "Les clubs animés par les seuls enseignants sont revenus au cours "
            "magistral ; ceux coanimés par de jeunes femmes sont restés des lieux "
            "de dialogue sincère.",
        ),
        p(
            "Fewer reports of sexual harassment in nine of twelve schools; the "
            "county adopted the club guide.",
            "Menos denuncias de acoso sexual en nueve de las doce escuelas; el "
            "condado adoptó la guía de los clubes.",
            "Moins de signalements de harcèlement sexuel dans neuf écoles sur "
            "douze ; le comté a adopté le guide des clubs.",
        ),
        DEMO_NOTE,
    ),
)

POWER_WITH = Session(
    proposal=_proposal(
        "power-with",
        MEMBER_KENYA_2,
        "en",
        (
            "Power-with: co-leading prevention programmes with women’s rights "
            "organisations",
            "How a network of men’s groups and a women’s rights coalition designed "
            "and ran a violence prevention programme as equal partners.",
            "Sharing the budget was harder than sharing the stage; a written "
            "agreement on decisions saved the partnership in its second year.",
            "The programme reached 40 communities; the coalition now leads its "
            "evaluation.",
            "Kisumu Women’s Rights Forum.",
        ),
        ("en", "es", "fr"),
        1,
    ),
    title=T(
        "Power-with: co-leading prevention programmes with women’s rights "
        "organisations",
        "Poder con: codirigir programas de prevención con organizaciones de "
        "derechos de las mujeres",
        fr="Pouvoir avec : codiriger des programmes de prévention avec des "
        "organisations de défense des droits des femmes",
    ),
    slug=T(
        "power-with-co-leading-prevention-programmes",
        "poder-con-codirigir-programas-de-prevencion",
        fr="pouvoir-avec-codiriger-des-programmes-de-prevention",
    ),
    introduction=T(
        "How a network of men’s groups and a women’s rights coalition designed "
        "and ran a violence prevention programme as equal partners.",
        "Cómo una red de grupos de hombres y una coalición por los derechos de las "
        "mujeres diseñaron y llevaron adelante un programa de prevención de la "
        "violencia como socios en pie de igualdad.",
        fr="Comment un réseau de groupes d’hommes et une coalition pour les droits "
        "des femmes ont conçu et mené un programme de prévention de la violence en "
        "partenaires égaux.",
    ),
    key_questions=(
        T(
            "How do partners share decisions and budgets, not only the stage?",
            "¿Cómo comparten los socios las decisiones y el presupuesto, y no solo "
            "el escenario?",
            fr="Comment les partenaires partagent-ils les décisions et le budget, et "
            "pas seulement la tribune ?",
        ),
        T(
            "Who should lead the evaluation of a joint programme?",
            "¿Quién debería dirigir la evaluación de un programa conjunto?",
            fr="Qui devrait diriger l’évaluation d’un programme commun ?",
        ),
    ),
    body=html(
        p(
            "Sharing the budget was harder than sharing the stage; a written "
            "agreement on decisions saved the partnership in its second year.",
            "Compartir el presupuesto fue más difícil que compartir el escenario; "
            "un acuerdo escrito sobre la toma de decisiones salvó la alianza en su "
            "segundo año.",
            "Partager le budget a été plus difficile que partager la tribune ; un "
            "accord écrit sur les décisions a sauvé le partenariat la deuxième "
            "année.",
        ),
        DEMO_NOTE,
    ),
)

SESSIONS = (SCHOOLS, POWER_WITH)
