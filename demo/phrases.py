"""A small multilingual phrase bank for generated load data (generate_load_data).

Texts are assembled from topics, kinds of item and sentence patterns, each written in the
four languages, with the city's name in the page's language: every generated item reads
differently in each language (and the search index gets real words to stem), without
pretending to be good prose.
"""

TOPICS = [
    {
        "en": "protecting public spaces",
        "fr": "la protection des espaces publics",
        "it": "la protezione degli spazi pubblici",
        "es": "la protección de los espacios públicos",
    },
    {
        "en": "crowd safety at large events",
        "fr": "la sécurité des foules lors des grands événements",
        "it": "la sicurezza delle folle nei grandi eventi",
        "es": "la seguridad de las multitudes en los grandes eventos",
    },
    {
        "en": "security by design in urban planning",
        "fr": "la sécurité dès la conception urbaine",
        "it": "la sicurezza fin dalla progettazione urbana",
        "es": "la seguridad desde el diseño urbano",
    },
    {
        "en": "cooperation between municipal and national police",
        "fr": "la coopération entre police municipale et police nationale",
        "it": "la cooperazione tra polizia locale e polizia nazionale",
        "es": "la cooperación entre policía municipal y policía nacional",
    },
    {
        "en": "video protection and the right to privacy",
        "fr": "la vidéoprotection et le droit à la vie privée",
        "it": "la videosorveglianza e il diritto alla riservatezza",
        "es": "la videoprotección y el derecho a la intimidad",
    },
    {
        "en": "the safety of Christmas markets",
        "fr": "la sécurité des marchés de Noël",
        "it": "la sicurezza dei mercatini di Natale",
        "es": "la seguridad de los mercados navideños",
    },
    {
        "en": "training local security staff",
        "fr": "la formation des agents de sécurité locale",
        "it": "la formazione degli operatori della sicurezza locale",
        "es": "la formación del personal de seguridad local",
    },
    {
        "en": "involving citizens in prevention",
        "fr": "l’implication des citoyens dans la prévention",
        "it": "il coinvolgimento dei cittadini nella prevenzione",
        "es": "la participación ciudadana en la prevención",
    },
    {
        "en": "risk assessment for pedestrian areas",
        "fr": "l’évaluation des risques des zones piétonnes",
        "it": "la valutazione dei rischi delle aree pedonali",
        "es": "la evaluación de riesgos de las zonas peatonales",
    },
    {
        "en": "resilience of transport hubs",
        "fr": "la résilience des pôles de transport",
        "it": "la resilienza dei nodi di trasporto",
        "es": "la resiliencia de los nodos de transporte",
    },
]

NEWS_KINDS = [
    {"en": "Report", "fr": "Compte rendu", "it": "Resoconto", "es": "Informe"},
    {"en": "Interview", "fr": "Entretien", "it": "Intervista", "es": "Entrevista"},
    {
        "en": "Study visit",
        "fr": "Visite d’étude",
        "it": "Visita di studio",
        "es": "Visita de estudio",
    },
    {"en": "Guide", "fr": "Guide", "it": "Guida", "es": "Guía"},
    {"en": "News", "fr": "Actualité", "it": "Notizia", "es": "Noticia"},
]

EVENT_KINDS = {
    "workshop": {"en": "Workshop", "fr": "Atelier", "it": "Laboratorio", "es": "Taller"},
    "training": {
        "en": "Training course",
        "fr": "Formation",
        "it": "Corso di formazione",
        "es": "Curso de formación",
    },
    "webconference": {
        "en": "Web-conference",
        "fr": "Webconférence",
        "it": "Webconferenza",
        "es": "Webconferencia",
    },
    "police_exchange": {
        "en": "Police exchange",
        "fr": "Échange de policiers",
        "it": "Scambio di agenti",
        "es": "Intercambio policial",
    },
    "conference": {"en": "Conference", "fr": "Conférence", "it": "Conferenza", "es": "Conferencia"},
    "assembly": {"en": "Assembly", "fr": "Assemblée", "it": "Assemblea", "es": "Asamblea"},
}

# Title patterns: {kind}, {topic}, {city}, {number}.
NEWS_TITLES = {
    "en": "{kind} from {city}: {topic} ({number})",
    "fr": "{kind} de {city} : {topic} ({number})",
    "it": "{kind} da {city}: {topic} ({number})",
    "es": "{kind} desde {city}: {topic} ({number})",
}
EVENT_TITLES = {
    "en": "{kind} in {city} on {topic} ({number})",
    "fr": "{kind} à {city} sur {topic} ({number})",
    "it": "{kind} a {city} su {topic} ({number})",
    "es": "{kind} en {city} sobre {topic} ({number})",
}

SUMMARIES = [
    {
        "en": "Partners met in {city} to compare their practice on {topic}.",
        "fr": "Les partenaires se sont réunis à {city} pour comparer leurs pratiques sur {topic}.",
        "it": "I partner si sono riuniti a {city} per confrontare le loro pratiche su {topic}.",
        "es": "Los socios se reunieron en {city} para comparar sus prácticas sobre {topic}.",
    },
    {
        "en": "What {city} has learnt about {topic}, and what other cities can reuse.",
        "fr": "Ce que {city} a appris sur {topic}, et ce que d’autres villes peuvent reprendre.",
        "it": "Che cosa ha imparato {city} su {topic} e che cosa possono riprendere altre città.",
        "es": "Lo que {city} ha aprendido sobre {topic} y lo que otras ciudades pueden reutilizar.",
    },
    {
        "en": "A day of exchanges in {city} on {topic}, with field visits and workshops.",
        "fr": "Une journée d’échanges à {city} sur {topic}, avec visites de terrain et ateliers.",
        "it": "Una giornata di scambi a {city} su {topic}, con visite sul campo e laboratori.",
        "es": "Una jornada de intercambios en {city} sobre {topic}, con visitas y talleres.",
    },
]

SENTENCES = [
    {
        "en": "Local authorities are on the front line when it comes to the security of "
        "open spaces.",
        "fr": "Les collectivités locales sont en première ligne pour la sécurité des espaces "
        "ouverts.",
        "it": "Le autorità locali sono in prima linea per la sicurezza degli spazi aperti.",
        "es": "Las autoridades locales están en primera línea en la seguridad de los "
        "espacios abiertos.",
    },
    {
        "en": "The participants shared tools, methods and lessons learnt from recent incidents.",
        "fr": "Les participants ont partagé des outils, des méthodes et les leçons tirées "
        "d’incidents récents.",
        "it": "I partecipanti hanno condiviso strumenti, metodi e lezioni apprese da "
        "incidenti recenti.",
        "es": "Los participantes compartieron herramientas, métodos y lecciones aprendidas "
        "de incidentes recientes.",
    },
    {
        "en": "Protective measures must respect fundamental rights and keep the city welcoming.",
        "fr": "Les mesures de protection doivent respecter les droits fondamentaux et garder "
        "la ville accueillante.",
        "it": "Le misure di protezione devono rispettare i diritti fondamentali e mantenere "
        "la città accogliente.",
        "es": "Las medidas de protección deben respetar los derechos fundamentales y "
        "mantener la ciudad acogedora.",
    },
    {
        "en": "Urban planners, police officers and event organisers worked side by side.",
        "fr": "Urbanistes, policiers et organisateurs d’événements ont travaillé côte à côte.",
        "it": "Urbanisti, agenti di polizia e organizzatori di eventi hanno lavorato fianco "
        "a fianco.",
        "es": "Urbanistas, policías y organizadores de eventos trabajaron codo con codo.",
    },
    {
        "en": "The results will feed into the practical guide published at the end of the project.",
        "fr": "Les résultats alimenteront le guide pratique publié à la fin du projet.",
        "it": "I risultati confluiranno nella guida pratica pubblicata alla fine del progetto.",
        "es": "Los resultados nutrirán la guía práctica publicada al final del proyecto.",
    },
    {
        "en": "Smaller municipalities asked for simple, affordable solutions they can "
        "apply quickly.",
        "fr": "Les petites communes ont demandé des solutions simples et abordables, "
        "applicables rapidement.",
        "it": "I comuni più piccoli hanno chiesto soluzioni semplici ed economiche da "
        "applicare rapidamente.",
        "es": "Los municipios pequeños pidieron soluciones sencillas y asequibles que "
        "puedan aplicar rápidamente.",
    },
]

HEADINGS = [
    {
        "en": "What was discussed",
        "fr": "Ce qui a été discuté",
        "it": "Di cosa si è parlato",
        "es": "Lo que se debatió",
    },
    {"en": "Next steps", "fr": "Prochaines étapes", "it": "Prossimi passi", "es": "Próximos pasos"},
]

VENUES = {
    "en": "City hall, conference room {number}",
    "fr": "Hôtel de ville, salle de conférence {number}",
    "it": "Municipio, sala conferenze {number}",
    "es": "Ayuntamiento, sala de conferencias {number}",
}

TAGS = ["public spaces", "police", "training", "urban design", "prevention", "events"]
