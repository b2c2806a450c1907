"""The site around the programmes: home, about, privacy, terms, contact, navigation."""

# Typographic apostrophes and dashes are wanted in the site's text.
# ruff: noqa: RUF001

from ..bilingual import T, html, p, ul

# The site's SiteIdentity snippet, in each demo language.
ORGANISATION_NAMES = T(
    "Mutual Learning Program",
    "Programa de Aprendizaje Mutuo",
    fr="Programme d’apprentissage mutuel",
)
ORGANISATION_NAME = ORGANISATION_NAMES.en
CONTACT_EMAIL = "info@example.org"
NOREPLY_EMAIL = "noreply@example.org"

# Seed 000: "Testimonials". The quotes are anonymous on the programme's page.
TESTIMONIAL_ROLE = T(
    "Participant, Mutual Learning Program",
    "Participante del Programa de Aprendizaje Mutuo",
    fr="Participant au Programme d’apprentissage mutuel",
)
TESTIMONIALS = (
    T(
        "The sessions with Rocio were so enriching. I thought I knew better but I "
        "did not. I learned new things about dialogue. It’s not about me, it’s "
        "about the client. It’s not about the client getting professional "
        "assistance from me. But it’s about us doing things together to solve the "
        "challenges. Our client – professional relationship changed.",
        "Las sesiones con Rocío fueron muy enriquecedoras. Creía que sabía más, "
        "pero no era así. Aprendí cosas nuevas sobre el diálogo. No se trata de mí, "
        "se trata de la persona a la que acompaño. No se trata de que reciba "
        "asistencia profesional de mi parte, sino de que hagamos las cosas juntos "
        "para resolver los desafíos. Nuestra relación entre cliente y profesional "
        "cambió.",
        fr="Les séances avec Rocío ont été très enrichissantes. Je croyais en savoir "
        "davantage, mais ce n’était pas le cas. J’ai appris de nouvelles choses sur "
        "le dialogue. Il ne s’agit pas de moi, il s’agit de la personne que "
        "j’accompagne. Il ne s’agit pas qu’elle reçoive une aide professionnelle de "
        "ma part, mais que nous fassions les choses ensemble pour relever les "
        "défis. Notre relation entre client et professionnel a changé.",
    ),
    T(
        "For me the MLP is about sharing various practices and learning from each "
        "other. Like a peer group. It’s been good to work with different countries "
        "and different perspectives. I find that very useful.",
        "Para mí, el Programa de Aprendizaje Mutuo consiste en compartir distintas "
        "prácticas y aprender unos de otros, como un grupo de pares. Ha sido bueno "
        "trabajar con diferentes países y diferentes perspectivas. Me resulta muy "
        "útil.",
        fr="Pour moi, le Programme d’apprentissage mutuel consiste à partager "
        "diverses pratiques et à apprendre les uns des autres, comme un groupe de "
        "pairs. C’était bien de travailler avec différents pays et différentes "
        "perspectives. Je trouve cela très utile.",
    ),
    T(
        "Every time I learn something new",
        "Cada vez aprendo algo nuevo",
        fr="À chaque fois, j’apprends quelque chose de nouveau",
    ),
    T(
        "I learned sometimes we don’t work on the best interest of the child, but "
        "on our own interest. We do it our way. The family is now more important "
        "than anything. That is inspiring.",
        "Aprendí que a veces no trabajamos por el interés superior de la niña o el "
        "niño, sino por nuestro propio interés. Lo hacemos a nuestra manera. Ahora "
        "la familia es más importante que cualquier otra cosa. Eso es inspirador.",
        fr="J’ai appris que parfois nous n’agissons pas dans l’intérêt supérieur de "
        "l’enfant, mais dans notre propre intérêt. Nous faisons les choses à notre "
        "manière. Désormais, la famille compte plus que tout. C’est inspirant.",
    ),
    T(
        "I feel very lucky to have the opportunity to reflect with other people "
        "from other parts of the world.",
        "Es una gran suerte tener la oportunidad de reflexionar con personas de "
        "otras partes del mundo.",
        fr="J’ai beaucoup de chance d’avoir l’occasion de réfléchir avec des "
        "personnes d’autres régions du monde.",
    ),
)

HOME = {
    "title": T("Home", "Inicio", fr="Accueil"),
    "slug": T("home", "inicio", fr="accueil"),
    "hero_heading": T(
        "Mutual learning for care practitioners",
        "Aprendizaje mutuo entre profesionales del cuidado",
        fr="L’apprentissage mutuel entre professionnels de l’accompagnement",
    ),
    "hero_text": T(
        "An international community where organisations and professionals share "
        "their know-how, experiences and challenges to inspire change in the care "
        "of children and families. Twice a year, in English and Spanish.",
        "Una comunidad internacional donde organizaciones y profesionales comparten "
        "sus saberes, experiencias y desafíos para inspirar cambios en el cuidado "
        "de niñas, niños y familias. Dos veces al año, en inglés y en español.",
        fr="Une communauté internationale où des organisations et des "
        "professionnels partagent leurs savoir-faire, leurs expériences et leurs "
        "défis pour inspirer le changement dans l’accompagnement des enfants et "
        "des familles. Deux fois par an, en anglais et en espagnol.",
    ),
    "hero_cta_text": T(
        "Discover the programme", "Conoce el programa", fr="Découvrir le programme"
    ),
}

HOME_PHILOSOPHY = html(
    p(
        "The Mutual Learning Program is unique! Instead of telling people how to "
        "change, we invite organisations and professionals to share their know-how, "
        "experiences and challenges to inspire change.",
        "¡El Programa de Aprendizaje Mutuo es único! En lugar de decirle a la gente "
        "cómo cambiar, invitamos a organizaciones y profesionales a compartir sus "
        "saberes, experiencias y desafíos para inspirar el cambio.",
        "Le Programme d’apprentissage mutuel est unique\u00a0! Au lieu de dire aux "
        "gens comment changer, nous invitons des organisations et des "
        "professionnels à partager leurs savoir-faire, leurs expériences et leurs "
        "défis pour inspirer le changement.",
    ),
    p(
        "Day-to-day practice and human relationships are at the heart of "
        "everything we do. In other words, we are interested to hear from "
        "<b>you</b>.",
        "La práctica cotidiana y las relaciones humanas están en el centro de todo "
        "lo que hacemos. En otras palabras, nos interesa escucharte <b>a ti</b>.",
        "La pratique quotidienne et les relations humaines sont au cœur de tout ce "
        "que nous faisons. Autrement dit, c’est <b>vous</b> que nous voulons "
        "entendre.",
    ),
)

HOME_TEXTS = {
    "philosophy_heading": T(
        "Our philosophy", "Nuestra filosofía", fr="Notre philosophie"
    ),
    "philosophy_cta": T(
        "Read about our philosophy and method",
        "Lee sobre nuestra filosofía y método",
        fr="Découvrir notre philosophie et notre méthode",
    ),
    "cards_heading": T("Explore", "Explora", fr="Explorer"),
    "card_programme": T(
        "Four modules, six months and one international community of care "
        "practitioners.",
        "Cuatro módulos, seis meses y una comunidad internacional de profesionales "
        "del cuidado.",
        fr="Quatre modules, six mois et une communauté internationale de "
        "professionnels de l’accompagnement.",
    ),
    "card_publications": T(
        "Guides and notes to review before the sessions.",
        "Guías y notas para revisar antes de las sesiones.",
        fr="Des guides et des notes à consulter avant les séances.",
    ),
    "card_videos": T(
        "Short videos with captions in English and Spanish.",
        "Videos breves con subtítulos en inglés y en español.",
        fr="De courtes vidéos sous-titrées en anglais et en espagnol.",
    ),
    "testimonials_heading": T(
        "What participants say",
        "Lo que dicen quienes participan",
        fr="Ce qu’en disent les participants",
    ),
}

ABOUT = {
    "title": T("About us", "Quiénes somos"),
    "slug": T("about", "quienes-somos"),
    "introduction": T(
        "The Mutual Learning Program brings together organisations and "
        "professionals who care for children, families and communities, to learn "
        "from each other.",
        "El Programa de Aprendizaje Mutuo reúne a organizaciones y profesionales que "
        "cuidan de niñas, niños, familias y comunidades para que aprendan unos de "
        "otros.",
    ),
    "sections": (
        (
            T("An international community", "Una comunidad internacional"),
            html(
                p(
                    "In our international community, care practitioners get "
                    "connected with each other. Get inspired by like-minded people "
                    "and by those who think differently. Rich and fruitful "
                    "conversations guaranteed.",
                    "En nuestra comunidad internacional, profesionales del cuidado se "
                    "conectan entre sí. Inspírate con personas afines y también con "
                    "quienes piensan distinto. Conversaciones ricas y fructíferas "
                    "garantizadas.",
                ),
                p(
                    "Every group brings together about 15 organisations with two or "
                    "three representatives each. Because we commit to working "
                    "together for six months, we invest in getting to know each "
                    "other.",
                    "Cada grupo reúne a unas 15 organizaciones, con dos o tres "
                    "representantes cada una. Como nos comprometemos a trabajar "
                    "juntos durante seis meses, dedicamos tiempo a conocernos.",
                ),
            ),
        ),
        (
            T("How we work", "Cómo trabajamos"),
            html(
                p(
                    "We do not tell people how to change. We start from the "
                    "experiences of participants, enriching materials and "
                    "discussions, and we believe that we are nothing without the "
                    "relationships with children, families, communities and other "
                    "stakeholders.",
                    "No le decimos a la gente cómo cambiar. Partimos de las "
                    "experiencias de quienes participan, de materiales enriquecedores "
                    "y de los debates, y creemos que no somos nada sin las "
                    "relaciones con niñas, niños, familias, comunidades y otros "
                    "actores.",
                ),
                p(
                    "The programme is given in English and Spanish, on an online "
                    "platform with discussion forums and in regular Zoom sessions.",
                    "El programa se ofrece en inglés y en español, en una plataforma "
                    "en línea con foros de discusión y en sesiones periódicas por "
                    "Zoom.",
                ),
            ),
        ),
    ),
    "cta": T("Get in touch", "Escríbenos"),
}

PRIVACY = {
    "title": T("Privacy statement", "Declaración de privacidad"),
    "slug": T("privacy-statement", "declaracion-de-privacidad"),
    "introduction": T(
        "This statement explains which personal data the Mutual Learning Program "
        "platform keeps, why, and how you can ask for a copy or for its erasure.",
        "Esta declaración explica qué datos personales conserva la plataforma del "
        "Programa de Aprendizaje Mutuo, con qué fin y cómo puedes solicitar una "
        "copia o su eliminación.",
    ),
    "sections": (
        (
            T("What we keep", "Qué datos conservamos"),
            html(
                ul(
                    T(
                        "<b>Your account:</b> your email address, first and last "
                        "name, preferred language and time zone. Your password is "
                        "stored only as a secure hash.",
                        "<b>Tu cuenta:</b> tu dirección de correo electrónico, tu "
                        "nombre y apellido, tu idioma preferido y tu zona horaria. "
                        "Tu contraseña se guarda solo como un hash seguro.",
                    ),
                    T(
                        "<b>Your organisation:</b> the organisation you represent "
                        "and its contact details.",
                        "<b>Tu organización:</b> la organización que representas y "
                        "sus datos de contacto.",
                    ),
                    T(
                        "<b>Your enrolment:</b> the editions and modules you enrol "
                        "in and the status of your enrolment.",
                        "<b>Tu inscripción:</b> las ediciones y los módulos en los "
                        "que te inscribes y el estado de tu inscripción.",
                    ),
                    T(
                        "<b>Your attendance:</b> whether you took part in each Zoom "
                        "session, which we need to issue certificates.",
                        "<b>Tu asistencia:</b> si participaste en cada sesión de "
                        "Zoom, dato que necesitamos para emitir los certificados.",
                    ),
                    T(
                        "<b>Your forum posts:</b> what you write in the forums, "
                        "visible to the participants and facilitators of your "
                        "edition.",
                        "<b>Tus mensajes en el foro:</b> lo que escribes en los "
                        "foros, visible para participantes y facilitadores de tu "
                        "edición.",
                    ),
                    T(
                        "<b>Your certificates:</b> the certificates issued to you "
                        "and their verification code.",
                        "<b>Tus certificados:</b> los certificados emitidos a tu "
                        "nombre y su código de verificación.",
                    ),
                    T(
                        "<b>Messages you send us</b> through the contact form.",
                        "<b>Los mensajes que nos envías</b> mediante el formulario "
                        "de contacto.",
                    ),
                ),
            ),
        ),
        (
            T("Why we keep it", "Para qué los usamos"),
            html(
                p(
                    "We use these data only to run the programme: to organise the "
                    "groups and sessions, to let participants talk to each other in "
                    "the forums, to issue certificates and to answer your "
                    "questions. We do not sell them or share them with advertisers.",
                    "Usamos estos datos solo para llevar adelante el programa: "
                    "organizar los grupos y las sesiones, permitir que quienes "
                    "participan conversen en los foros, emitir certificados y "
                    "responder tus consultas. No los vendemos ni los compartimos "
                    "con anunciantes.",
                ),
            ),
        ),
        (
            T(
                "A copy of your data, or its erasure",
                "Copia o eliminación de tus datos",
            ),
            html(
                p(
                    "You can ask for an export of all the personal data we keep "
                    "about you, or for its erasure, by writing to "
                    '<a href="mailto:info@example.org">info@example.org</a>. We '
                    "answer within one month.",
                    "Puedes solicitar una exportación de todos los datos personales "
                    "que conservamos sobre ti, o su eliminación, escribiendo a "
                    '<a href="mailto:info@example.org">info@example.org</a>. '
                    "Respondemos en el plazo de un mes.",
                ),
                p(
                    "On request, a programme coordinator exports or erases your "
                    "data: your account, your place as a representative and your "
                    "information session sign-ups. Your organisation's enrolment "
                    "stays, without your name, so that places are counted right.",
                    "Si lo solicitas, una persona coordinadora del programa exporta "
                    "o elimina tus datos: tu cuenta, tu lugar como representante y "
                    "tus inscripciones en sesiones informativas. La inscripción de "
                    "tu organización se mantiene, sin tu nombre, para que los cupos "
                    "se cuenten correctamente.",
                ),
                p(
                    "When we erase your account, your forum posts stay visible "
                    "without your name, so that the conversations of your group "
                    "still make sense.",
                    "Cuando eliminamos tu cuenta, tus mensajes en el foro siguen "
                    "visibles sin tu nombre, para que las conversaciones de tu grupo "
                    "sigan teniendo sentido.",
                ),
            ),
        ),
    ),
}

TERMS = {
    "title": T("Subscription terms", "Condiciones de inscripción"),
    "slug": T("subscription-terms", "condiciones-de-inscripcion"),
    "introduction": T(
        "What we ask of the organisations and professionals who sign up for the "
        "programme, and what they can expect from us.",
        "Lo que pedimos a las organizaciones y profesionales que se inscriben en el "
        "programa, y lo que pueden esperar de nosotros.",
    ),
    "sections": (
        (
            T("Who can sign up", "Quiénes pueden inscribirse"),
            html(
                p(
                    "Organisations sign up with two or three representatives. Every "
                    "group consists of about 15 organisations, and there are "
                    "limited spots available in each edition.",
                    "Las organizaciones se inscriben con dos o tres representantes. "
                    "Cada grupo reúne a unas 15 organizaciones y los cupos de cada "
                    "edición son limitados.",
                ),
            ),
        ),
        (
            T("Modules", "Módulos"),
            html(
                p(
                    "Every participant starts with Module 1: Collaborative and "
                    "dialogic practices. From there, you can continue with one, two "
                    "or all three additional modules.",
                    "Todas las personas participantes comienzan con el Módulo 1: "
                    "Prácticas colaborativas y dialógicas. A partir de allí, puedes "
                    "continuar con uno, dos o los tres módulos adicionales.",
                ),
            ),
        ),
        (
            T("What we ask of you", "Lo que te pedimos"),
            ul(
                T(
                    "Review the materials before each session.",
                    "Revisar los materiales antes de cada sesión.",
                ),
                T(
                    "Share your reflections in the forum before each session.",
                    "Compartir tus reflexiones en el foro antes de cada sesión.",
                ),
                T(
                    "Join the Zoom sessions; each session takes max. 2 hours.",
                    "Participar en las sesiones por Zoom; cada sesión dura como "
                    "máximo 2 horas.",
                ),
                T(
                    "Let us know as soon as possible if you cannot take part, so "
                    "that another organisation can take your place.",
                    "Avisarnos lo antes posible si no puedes participar, para que "
                    "otra organización pueda ocupar tu lugar.",
                ),
            ),
        ),
        (
            T("Certificate", "Certificado"),
            html(
                p(
                    "After completion of the programme and a good attendance rate, "
                    "you receive a certificate. A good attendance rate means that "
                    "you took part in at least 75% of the sessions of your modules.",
                    "Al completar el programa con una buena asistencia, recibirás "
                    "un certificado. Una buena asistencia significa haber "
                    "participado en al menos el 75 % de las sesiones de tus "
                    "módulos.",
                ),
            ),
        ),
    ),
}

CONTACT = {
    "title": T("Contact", "Contacto"),
    "slug": T("contact", "contacto"),
    "introduction": p(
        "Questions about the programme, the next edition or the information "
        "sessions? Write to us and we will answer within a few working days.",
        "¿Tienes preguntas sobre el programa, la próxima edición o las sesiones "
        "informativas? Escríbenos y te responderemos en pocos días hábiles.",
    ),
    "thank_you_text": p(
        "Thank you for your message. We will get back to you soon.",
        "Gracias por tu mensaje. Te responderemos pronto.",
    ),
    "subject": T("Message from the website", "Mensaje desde el sitio web"),
}

# (clean name, field type, required, label): the names stay the same in Spanish so
# that the submissions of both forms have the same columns.
CONTACT_FIELDS = (
    ("name", "singleline", True, T("Your name", "Tu nombre")),
    ("email", "email", True, T("Email address", "Correo electrónico")),
    ("organisation", "singleline", False, T("Organisation", "Organización")),
    ("message", "multiline", True, T("Message", "Mensaje")),
)

MAIN_MENU_NAME = T("Main menu", "Menú principal", fr="Menu principal")
FOOTER_NAME = T("Footer", "Pie de página", fr="Pied de page")
FOOTER_TEXT = p(
    "<b>Mutual Learning Program</b> – All rights reserved.",
    "<b>Programa de Aprendizaje Mutuo</b> – Todos los derechos reservados.",
    "<b>Programme d’apprentissage mutuel</b> – Tous droits réservés.",
)
# Menu links show their page's title, so they need no label of their own.
MAIN_MENU = (
    ("programmes", ("programme-mlp", "programme-seminar", "programme-eip")),
    ("publications", ()),
    ("videos", ()),
    ("about", ()),
    ("contact", ()),
)
FOOTER_LINKS = ("privacy", "terms", "contact")

# Used in the programme pages' "information sessions" block.
INFO_SESSIONS = html(
    p(
        "Want to know more? We would love to see you during one of our information "
        "sessions, where we share more details about the programme. Don’t forget "
        "to adjust the time to your time zone.",
        "¿Quieres saber más? Nos encantaría verte en una de nuestras sesiones "
        "informativas, donde compartimos más detalles sobre el programa. No olvides "
        "ajustar el horario a tu zona horaria.",
    ),
    ul(
        T(
            "Wednesday, January 15th, 2:00–3:00 PM GMT",
            "Miércoles 15 de enero, de 14:00 a 15:00 GMT",
        ),
        T(
            "Tuesday, January 28th, 2:00–3:00 PM GMT",
            "Martes 28 de enero, de 14:00 a 15:00 GMT",
        ),
    ),
)
