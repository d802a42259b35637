"""News items and events.

Past items have fixed dates. The upcoming events (a "save the date", an event open for
registration, a postponed one) are placed relative to the day the content is loaded, so
that the demo always has something to come; their texts never mention a date, so that
only the dates change from one day to the next.
"""

import datetime
from zoneinfo import ZoneInfo

from events.models import EventFormat, EventPage, EventStatus, EventType
from news.models import NewsPage

from .spec import Heading, P, PageSpec, Paragraphs, Stream, T, city, image, page, partner

BRUSSELS = ZoneInfo("Europe/Brussels")
PARIS = ZoneInfo("Europe/Paris")
ROME = ZoneInfo("Europe/Rome")
MADRID = ZoneInfo("Europe/Madrid")


def at(day, hour, minute, tz):
    """An aware datetime at a local time of a day."""
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=tz)


def news(today):
    """The news items; `today` is the local date of the load."""
    return [
        PageSpec(
            key="news-pactesur-initial-review",
            model=NewsPage,
            slug="pactesur-initial-review",
            parent="news",
            fields={
                "title": T(
                    en="PACTESUR after two years: a first review",
                    fr="PACTESUR, deux ans après : un premier bilan",
                    it="PACTESUR dopo due anni: un primo bilancio",
                    es="PACTESUR, dos años después: un primer balance",
                ),
                "date": datetime.date(2021, 3, 15),
                "summary": T(
                    en="Two years after the project began, the Efus team looks back at what "
                    "PACTESUR has achieved for the security of public spaces and at the "
                    "challenges still ahead.",
                    fr="Deux ans après le lancement du projet, l’équipe de l’Efus revient sur "
                    "ce que PACTESUR a apporté à la sécurité des espaces publics et sur les "
                    "défis qui restent à relever.",
                    it="A due anni dall’avvio del progetto, il team di Efus ripercorre i "
                    "risultati di PACTESUR per la sicurezza degli spazi pubblici e le sfide "
                    "ancora da affrontare.",
                    es="Dos años después del inicio del proyecto, el equipo de Efus repasa lo "
                    "que PACTESUR ha aportado a la seguridad de los espacios públicos y los "
                    "retos que quedan por delante.",
                ),
                "image": image("network"),
                "project": page("project-pactesur"),
                "cities": [city("nice"), city("torino"), city("liege")],
                "body": Stream(
                    Paragraphs(
                        P(
                            T(
                                en="How can cities and local security actors better protect "
                                "public spaces that are, by nature, open and vulnerable? "
                                "PACTESUR has been working on that question since January "
                                "2019, and Efus has taken stock of the first two years.",
                                fr="Comment les villes et les acteurs locaux de la sécurité "
                                "peuvent-ils mieux protéger des espaces publics par nature "
                                "ouverts et vulnérables ? PACTESUR travaille sur cette "
                                "question depuis janvier 2019, et l’Efus dresse le bilan des "
                                "deux premières années.",
                                it="Come possono le città e gli attori locali della sicurezza "
                                "proteggere meglio spazi pubblici per natura aperti e "
                                "vulnerabili? PACTESUR lavora su questa domanda dal gennaio "
                                "2019, ed Efus traccia un bilancio dei primi due anni.",
                                es="¿Cómo pueden las ciudades y los actores locales de la "
                                "seguridad proteger mejor unos espacios públicos que, por "
                                "naturaleza, son abiertos y vulnerables? PACTESUR trabaja "
                                "sobre esta cuestión desde enero de 2019, y Efus hace "
                                "balance de los dos primeros años.",
                            )
                        )
                    ),
                    Heading(
                        T(
                            en="What the project is for",
                            fr="La raison d’être du projet",
                            it="A cosa serve il progetto",
                            es="Para qué sirve el proyecto",
                        )
                    ),
                    Paragraphs(
                        P(
                            T(
                                en="PACTESUR gives cities and local actors the means to "
                                "secure their public spaces, above all against terrorist "
                                "threats but also against the other risks that come with "
                                "open, crowded places.",
                                fr="PACTESUR donne aux villes et aux acteurs locaux les "
                                "moyens de sécuriser leurs espaces publics, avant tout face à "
                                "la menace terroriste, mais aussi face aux autres risques "
                                "liés aux lieux ouverts et fréquentés.",
                                it="PACTESUR fornisce alle città e agli attori locali gli "
                                "strumenti per rendere sicuri i loro spazi pubblici, "
                                "soprattutto contro la minaccia terroristica ma anche contro "
                                "gli altri rischi legati ai luoghi aperti e affollati.",
                                es="PACTESUR da a las ciudades y a los actores locales los "
                                "medios para proteger sus espacios públicos, sobre todo "
                                "frente a la amenaza terrorista, pero también frente a los "
                                "demás riesgos de los lugares abiertos y concurridos.",
                            )
                        )
                    ),
                    Heading(
                        T(
                            en="Who takes part",
                            fr="Qui participe",
                            it="Chi partecipa",
                            es="Quién participa",
                        )
                    ),
                    Paragraphs(
                        P(
                            T(
                                en="Three flagship cities (Nice, Turin and Liège) are "
                                "strengthening their cooperation and aligning their urban "
                                "security strategies, together with three partners: ANCI "
                                "Piemonte, Efus and Métropole Nice Côte d’Azur (NCA). Efus "
                                "also runs a working group of eleven European cities that "
                                "share their own experience of protecting public spaces.",
                                fr="Trois villes phares (Nice, Turin et Liège) renforcent "
                                "leur coopération et rapprochent leurs stratégies de sécurité "
                                "urbaine, avec trois partenaires : l’ANCI Piemonte, l’Efus et "
                                "la Métropole Nice Côte d’Azur (NCA). L’Efus anime en outre "
                                "un groupe de travail de onze villes européennes qui "
                                "partagent leur propre expérience de la protection des "
                                "espaces publics.",
                                it="Tre città faro (Nizza, Torino e Liegi) rafforzano la loro "
                                "cooperazione e avvicinano le loro strategie di sicurezza "
                                "urbana, insieme a tre partner: ANCI Piemonte, Efus e la "
                                "Métropole Nice Côte d’Azur (NCA). Efus coordina inoltre un "
                                "gruppo di lavoro di undici città europee che condividono la "
                                "propria esperienza nella protezione degli spazi pubblici.",
                                es="Tres ciudades faro (Niza, Turín y Lieja) refuerzan su "
                                "cooperación y acercan sus estrategias de seguridad urbana, "
                                "junto con tres socios: ANCI Piemonte, Efus y la Métropole "
                                "Nice Côte d’Azur (NCA). Efus coordina además un grupo de "
                                "trabajo de once ciudades europeas que comparten su propia "
                                "experiencia en la protección de los espacios públicos.",
                            )
                        )
                    ),
                    Heading(
                        T(
                            en="Four pillars",
                            fr="Quatre piliers",
                            it="Quattro pilastri",
                            es="Cuatro pilares",
                        )
                    ),
                    Paragraphs(
                        P(
                            T(
                                en="The work is organised around four pillars: standards and "
                                "local governance, specialised training, awareness among "
                                "citizens and elected officials, and well-targeted local "
                                "investments. The review also identifies the challenges "
                                "that lie ahead for the rest of the project.",
                                fr="Les travaux s’organisent autour de quatre piliers : normes "
                                "et gouvernance locale, formation spécialisée, "
                                "sensibilisation des citoyens et des élus, et investissements "
                                "locaux bien ciblés. Le bilan recense également les défis à "
                                "relever d’ici la fin du projet.",
                                it="Il lavoro è organizzato intorno a quattro pilastri: norme "
                                "e governance locale, formazione specialistica, "
                                "sensibilizzazione di cittadini e amministratori, e "
                                "investimenti locali mirati. Il bilancio individua anche le "
                                "sfide da affrontare fino alla conclusione del progetto.",
                                es="El trabajo se organiza en torno a cuatro pilares: normas "
                                "y gobernanza local, formación especializada, sensibilización "
                                "de la ciudadanía y de los cargos electos, e inversiones "
                                "locales bien orientadas. El balance identifica también los "
                                "retos que quedan por afrontar hasta el final del proyecto.",
                            )
                        )
                    ),
                ),
            },
        ),
        PageSpec(
            key="news-security-by-design-webconference",
            model=NewsPage,
            slug="security-by-design-webconference",
            parent="news",
            fields={
                "title": T(
                    en="Save the date: Security by Design in the protection of public spaces",
                    fr="À vos agendas : la sécurité dès la conception pour protéger les "
                    "espaces publics",
                    it="Da segnare in agenda: la sicurezza fin dalla progettazione per "
                    "proteggere gli spazi pubblici",
                    es="Reserve la fecha: la seguridad desde el diseño en la protección de los "
                    "espacios públicos",
                ),
                "date": datetime.date(2021, 4, 20),
                "summary": T(
                    en="Efus is holding a web-conference on how urban planning, design and "
                    "management can make public spaces safer, and on what cities can learn "
                    "from practice across Europe.",
                    fr="L’Efus organise une web-conférence sur la manière dont l’urbanisme, "
                    "l’aménagement et la gestion peuvent rendre les espaces publics plus "
                    "sûrs, et sur les enseignements à tirer des pratiques européennes.",
                    it="Efus organizza una web conference su come la pianificazione urbana, la "
                    "progettazione e la gestione possano rendere più sicuri gli spazi "
                    "pubblici, e su ciò che le città possono imparare dalle pratiche europee.",
                    es="Efus organiza una conferencia en línea sobre cómo el urbanismo, el "
                    "diseño y la gestión pueden hacer más seguros los espacios públicos, y "
                    "sobre lo que las ciudades pueden aprender de las prácticas europeas.",
                ),
                "image": image("network"),
                "project": page("project-pactesur"),
                "related_events": [page("event-security-by-design-webconference")],
                "body": Stream(
                    Paragraphs(
                        P(
                            T(
                                en="Within its working group on security and innovation, the "
                                "European Forum for Urban Security (Efus) is organising a "
                                "web-conference entitled “Urban planning, design and "
                                "management of security in public spaces: what can we learn "
                                "from European practices?”",
                                fr="Dans le cadre de son groupe de travail sur la sécurité et "
                                "l’innovation, le Forum européen pour la sécurité urbaine "
                                "(Efus) organise une web-conférence intitulée "
                                "« Urbanisme, aménagement et gestion de la sécurité des "
                                "espaces publics : quels enseignements tirer des pratiques "
                                "européennes ? »",
                                it="Nell’ambito del suo gruppo di lavoro su sicurezza e "
                                "innovazione, il Forum europeo per la sicurezza urbana (Efus) "
                                "organizza una web conference dal titolo «Pianificazione "
                                "urbana, progettazione e gestione della sicurezza negli spazi "
                                "pubblici: cosa possiamo imparare dalle pratiche europee?»",
                                es="En el marco de su grupo de trabajo sobre seguridad e "
                                "innovación, el Foro Europeo para la Seguridad Urbana (Efus) "
                                "organiza una conferencia en línea titulada «Urbanismo, "
                                "diseño y gestión de la seguridad en los espacios públicos: "
                                "¿qué podemos aprender de las prácticas europeas?»",
                            )
                        )
                    ),
                    Heading(
                        T(
                            en="Why security by design?",
                            fr="Pourquoi la sécurité dès la conception ?",
                            it="Perché la sicurezza fin dalla progettazione?",
                            es="¿Por qué la seguridad desde el diseño?",
                        )
                    ),
                    Paragraphs(
                        P(
                            T(
                                en="Security by design means taking safety into account from "
                                "the very first sketch of a square, a street or a park, "
                                "rather than adding barriers afterwards. The web-conference "
                                "will look at how cities combine protection with open and "
                                "pleasant public spaces.",
                                fr="La sécurité dès la conception consiste à penser la "
                                "sécurité dès la première esquisse d’une place, d’une rue ou "
                                "d’un parc, plutôt que d’ajouter des obstacles après coup. "
                                "La web-conférence examinera comment les villes concilient "
                                "protection et espaces publics ouverts et agréables.",
                                it="Sicurezza fin dalla progettazione significa tenere conto "
                                "della sicurezza fin dal primo schizzo di una piazza, di una "
                                "strada o di un parco, invece di aggiungere barriere in un "
                                "secondo momento. La web conference esaminerà come le città "
                                "conciliano protezione e spazi pubblici aperti e piacevoli.",
                                es="La seguridad desde el diseño consiste en tener en cuenta "
                                "la seguridad desde el primer boceto de una plaza, una calle "
                                "o un parque, en lugar de añadir barreras después. La "
                                "conferencia en línea analizará cómo las ciudades concilian "
                                "la protección con unos espacios públicos abiertos y "
                                "agradables.",
                            )
                        ),
                        P(
                            T(
                                en="It is aimed at local authorities, police forces, urban "
                                "planners and researchers.",
                                fr="Elle s’adresse aux collectivités locales, aux forces de "
                                "police, aux urbanistes et aux chercheurs.",
                                it="È rivolta agli enti locali, alle forze di polizia, agli "
                                "urbanisti e ai ricercatori.",
                                es="Está dirigida a las autoridades locales, las fuerzas "
                                "policiales, los urbanistas y los investigadores.",
                            )
                        ),
                    ),
                ),
            },
        ),
        PageSpec(
            key="news-liege-local-governance-workshop",
            model=NewsPage,
            slug="liege-local-governance-workshop",
            parent="news",
            fields={
                "title": T(
                    en="Local Governance Workshop in Liège: 90 participants online",
                    fr="Atelier sur la gouvernance locale à Liège : 90 participants en ligne",
                    it="Workshop sulla governance locale a Liegi: 90 partecipanti online",
                    es="Taller sobre gobernanza local en Lieja: 90 participantes en línea",
                ),
                "date": datetime.date(2021, 5, 12),
                "summary": T(
                    en="Hosted by the City of Liège on 5 and 6 May 2021, the latest PACTESUR "
                    "Local Governance Workshop brought together 90 participants, almost all "
                    "of them online because of travel restrictions.",
                    fr="Organisé par la Ville de Liège les 5 et 6 mai 2021, le dernier atelier "
                    "PACTESUR sur la gouvernance locale a réuni 90 participants, presque tous "
                    "en ligne en raison des restrictions de déplacement.",
                    it="Ospitato dalla Città di Liegi il 5 e 6 maggio 2021, l’ultimo workshop "
                    "PACTESUR sulla governance locale ha riunito 90 partecipanti, quasi tutti "
                    "online a causa delle restrizioni agli spostamenti.",
                    es="Organizado por la Ciudad de Lieja los días 5 y 6 de mayo de 2021, el "
                    "último taller de PACTESUR sobre gobernanza local reunió a 90 "
                    "participantes, casi todos en línea debido a las restricciones de viaje.",
                ),
                "image": image("liege"),
                "project": page("project-pactesur"),
                "cities": [city("liege")],
                "related_events": [page("event-liege-local-governance-workshop")],
                "body": Stream(
                    Paragraphs(
                        P(
                            T(
                                en="On 5 and 6 May 2021 the City of Liège hosted the latest "
                                "PACTESUR Local Governance Workshop, which brought together "
                                "90 participants.",
                                fr="Les 5 et 6 mai 2021, la Ville de Liège a accueilli le "
                                "dernier atelier PACTESUR sur la gouvernance locale, qui a "
                                "réuni 90 participants.",
                                it="Il 5 e 6 maggio 2021 la Città di Liegi ha ospitato "
                                "l’ultimo workshop PACTESUR sulla governance locale, che ha "
                                "riunito 90 partecipanti.",
                                es="Los días 5 y 6 de mayo de 2021, la Ciudad de Lieja acogió "
                                "el último taller de PACTESUR sobre gobernanza local, que "
                                "reunió a 90 participantes.",
                            )
                        )
                    ),
                    Heading(
                        T(
                            en="A workshop held online",
                            fr="Un atelier en ligne",
                            it="Un workshop online",
                            es="Un taller en línea",
                        )
                    ),
                    Paragraphs(
                        P(
                            T(
                                en="Because of the travel restrictions in force at the time, "
                                "the workshop took place entirely online, except for the "
                                "local partners, who met in Liège.",
                                fr="En raison des restrictions de déplacement alors en "
                                "vigueur, l’atelier s’est tenu entièrement en ligne, à "
                                "l’exception des partenaires locaux, réunis à Liège.",
                                it="A causa delle restrizioni agli spostamenti allora in "
                                "vigore, il workshop si è svolto interamente online, ad "
                                "eccezione dei partner locali, riuniti a Liegi.",
                                es="Debido a las restricciones de viaje vigentes en aquel "
                                "momento, el taller se celebró íntegramente en línea, salvo "
                                "para los socios locales, que se reunieron en Lieja.",
                            )
                        )
                    ),
                    Heading(
                        T(
                            en="Local governance of security",
                            fr="La gouvernance locale de la sécurité",
                            it="La governance locale della sicurezza",
                            es="La gobernanza local de la seguridad",
                        )
                    ),
                    Paragraphs(
                        P(
                            T(
                                en="Local governance is one of the four pillars of PACTESUR: "
                                "how standards, legal frameworks and the way local actors "
                                "organise themselves shape the protection of public spaces. "
                                "The workshop gave cities a chance to compare their "
                                "approaches on these questions.",
                                fr="La gouvernance locale est l’un des quatre piliers de "
                                "PACTESUR : comment les normes, les cadres juridiques et "
                                "l’organisation des acteurs locaux influencent la protection "
                                "des espaces publics. L’atelier a permis aux villes de "
                                "comparer leurs approches sur ces questions.",
                                it="La governance locale è uno dei quattro pilastri di "
                                "PACTESUR: come le norme, i quadri giuridici e "
                                "l’organizzazione degli attori locali incidono sulla "
                                "protezione degli spazi pubblici. Il workshop ha permesso "
                                "alle città di confrontare i propri approcci su questi temi.",
                                es="La gobernanza local es uno de los cuatro pilares de "
                                "PACTESUR: cómo las normas, los marcos jurídicos y la "
                                "organización de los actores locales influyen en la "
                                "protección de los espacios públicos. El taller permitió a "
                                "las ciudades comparar sus enfoques sobre estas cuestiones.",
                            )
                        )
                    ),
                ),
            },
        ),
        PageSpec(
            key="news-pactesur2-starts",
            model=NewsPage,
            slug="pactesur2-starts",
            parent="news",
            fields={
                "title": T(
                    en="PACTESUR2 gets under way",
                    fr="Coup d’envoi de PACTESUR2",
                    it="Al via PACTESUR2",
                    es="Arranca PACTESUR2",
                ),
                "date": datetime.date(2023, 9, 15),
                "summary": T(
                    en="The second PACTESUR project started on 1 September 2023 for two years, "
                    "with four flagship cities, a European and an Italian network, and a "
                    "programme focused on training and police exchanges.",
                    fr="Le deuxième projet PACTESUR a démarré le 1er septembre 2023 pour deux "
                    "ans, avec quatre villes phares, un réseau européen et un réseau italien, "
                    "et un programme centré sur la formation et les échanges de policiers.",
                    it="Il secondo progetto PACTESUR è partito il 1° settembre 2023 per due "
                    "anni, con quattro città faro, una rete europea e una italiana, e un "
                    "programma incentrato sulla formazione e sugli scambi tra polizie.",
                    es="El segundo proyecto PACTESUR comenzó el 1 de septiembre de 2023 para "
                    "dos años, con cuatro ciudades faro, una red europea y otra italiana, y "
                    "un programa centrado en la formación y los intercambios policiales.",
                ),
                "image": image("nice"),
                "project": page("project-pactesur2"),
                "cities": [city("nice"), city("madrid"), city("torino"), city("liege")],
                "body": Stream(
                    Paragraphs(
                        P(
                            T(
                                en="PACTESUR2 began on 1 September 2023 and runs until 31 "
                                "August 2025. Led by the City of Nice, it brings together the "
                                "cities of Turin, Liège and Madrid, ANCI Piemonte and the "
                                "European Forum for Urban Security (Efus).",
                                fr="PACTESUR2 a commencé le 1er septembre 2023 et se "
                                "poursuit jusqu’au 31 août 2025. Mené par la Ville de Nice, "
                                "il réunit les villes de Turin, Liège et Madrid, l’ANCI "
                                "Piemonte et le Forum européen pour la sécurité urbaine "
                                "(Efus).",
                                it="PACTESUR2 è iniziato il 1° settembre 2023 e proseguirà "
                                "fino al 31 agosto 2025. Guidato dalla Città di Nizza, "
                                "riunisce le città di Torino, Liegi e Madrid, ANCI Piemonte e "
                                "il Forum europeo per la sicurezza urbana (Efus).",
                                es="PACTESUR2 comenzó el 1 de septiembre de 2023 y se "
                                "prolongará hasta el 31 de agosto de 2025. Liderado por la "
                                "Ciudad de Niza, reúne a las ciudades de Turín, Lieja y "
                                "Madrid, a ANCI Piemonte y al Foro Europeo para la Seguridad "
                                "Urbana (Efus).",
                            )
                        )
                    ),
                    Heading(
                        T(
                            en="Building on PACTESUR",
                            fr="Dans la continuité de PACTESUR",
                            it="Sulla scia di PACTESUR",
                            es="Tras la estela de PACTESUR",
                        )
                    ),
                    Paragraphs(
                        P(
                            T(
                                en="The new project continues the work of PACTESUR "
                                "(2019–2021). Its two main pillars are high-level training "
                                "courses for local police forces and exchanges of officers "
                                "between cities during international events.",
                                fr="Le nouveau projet prolonge les travaux de PACTESUR "
                                "(2019-2021). Ses deux piliers principaux sont des formations "
                                "de haut niveau pour les polices locales et des échanges de "
                                "policiers entre villes lors d’événements internationaux.",
                                it="Il nuovo progetto prosegue il lavoro di PACTESUR "
                                "(2019-2021). I suoi due pilastri principali sono corsi di "
                                "formazione di alto livello per le polizie locali e scambi "
                                "di agenti tra città in occasione di eventi internazionali.",
                                es="El nuevo proyecto continúa el trabajo de PACTESUR "
                                "(2019-2021). Sus dos pilares principales son los cursos de "
                                "formación de alto nivel para las policías locales y los "
                                "intercambios de agentes entre ciudades durante eventos "
                                "internacionales.",
                            )
                        ),
                        P(
                            T(
                                en="Twelve follower cities will take part in the activities, "
                                "and the results will be shared with more than 1,000 "
                                "European cities through the Efus and ANCI networks.",
                                fr="Douze villes suiveuses participeront aux activités, et "
                                "les résultats seront partagés avec plus de 1\u202f000 villes "
                                "européennes grâce aux réseaux de l’Efus et de l’ANCI.",
                                it="Dodici città follower parteciperanno alle attività e i "
                                "risultati saranno condivisi con oltre 1.000 città europee "
                                "attraverso le reti di Efus e ANCI.",
                                es="Doce ciudades seguidoras participarán en las actividades, "
                                "y los resultados se compartirán con más de 1000 ciudades "
                                "europeas a través de las redes de Efus y ANCI.",
                            )
                        ),
                    ),
                ),
            },
        ),
        PageSpec(
            key="news-anci-national-assembly-2024",
            model=NewsPage,
            slug="anci-national-assembly-2024",
            parent="news",
            fields={
                "title": T(
                    en="PACTESUR2 at the 2024 National Assembly of Italian municipalities",
                    fr="PACTESUR2 à l’Assemblée nationale 2024 des communes italiennes",
                    it="PACTESUR2 all’Assemblea nazionale ANCI 2024",
                    es="PACTESUR2 en la Asamblea Nacional 2024 de los municipios italianos",
                ),
                "date": datetime.date(2024, 11, 25),
                "summary": T(
                    en="PACTESUR2 had a pop-up space at the 2024 National Assembly of ANCI, "
                    "the association of Italian municipalities, held in Turin in November "
                    "2024.",
                    fr="PACTESUR2 disposait d’un espace éphémère à l’Assemblée nationale 2024 "
                    "de l’ANCI, l’association des communes italiennes, qui s’est tenue à "
                    "Turin en novembre 2024.",
                    it="PACTESUR2 era presente con uno spazio pop-up all’Assemblea nazionale "
                    "2024 dell’ANCI, l’associazione dei comuni italiani, che si è svolta a "
                    "Torino nel novembre 2024.",
                    es="PACTESUR2 contó con un espacio temporal en la Asamblea Nacional 2024 "
                    "de la ANCI, la asociación de municipios italianos, celebrada en Turín "
                    "en noviembre de 2024.",
                ),
                "image": image("torino"),
                "project": page("project-pactesur2"),
                "cities": [city("torino")],
                "related_events": [page("event-anci-national-assembly-2024")],
                "body": Stream(
                    Paragraphs(
                        P(
                            T(
                                en="From 20 to 22 November 2024, Turin hosted the annual "
                                "National Assembly of ANCI, the National Association of "
                                "Italian Municipalities, which brings together mayors and "
                                "local officials from all over Italy.",
                                fr="Du 20 au 22 novembre 2024, Turin a accueilli l’Assemblée "
                                "nationale annuelle de l’ANCI, l’Association nationale des "
                                "communes italiennes, qui réunit maires et élus locaux de "
                                "toute l’Italie.",
                                it="Dal 20 al 22 novembre 2024 Torino ha ospitato l’Assemblea "
                                "nazionale annuale dell’ANCI, l’Associazione Nazionale "
                                "Comuni Italiani, che riunisce sindaci e amministratori "
                                "locali da tutta Italia.",
                                es="Del 20 al 22 de noviembre de 2024, Turín acogió la "
                                "Asamblea Nacional anual de la ANCI, la Asociación Nacional "
                                "de Municipios Italianos, que reúne a alcaldes y cargos "
                                "locales de toda Italia.",
                            )
                        ),
                        P(
                            T(
                                en="PACTESUR2 was presented there in a pop-up space, an "
                                "opportunity to introduce the project’s work on the security "
                                "of public spaces to local authorities beyond the partner "
                                "cities.",
                                fr="PACTESUR2 y a été présenté dans un espace éphémère, "
                                "l’occasion de faire connaître les travaux du projet sur la "
                                "sécurité des espaces publics à des collectivités au-delà "
                                "des villes partenaires.",
                                it="PACTESUR2 vi è stato presentato in uno spazio pop-up, "
                                "un’occasione per far conoscere il lavoro del progetto sulla "
                                "sicurezza degli spazi pubblici agli enti locali oltre le "
                                "città partner.",
                                es="PACTESUR2 se presentó allí en un espacio temporal, una "
                                "ocasión para dar a conocer el trabajo del proyecto sobre la "
                                "seguridad de los espacios públicos a autoridades locales "
                                "más allá de las ciudades socias.",
                            )
                        ),
                        P(
                            T(
                                en="Reaching municipalities through their own networks is "
                                "central to PACTESUR2: through ANCI and Efus, its results are "
                                "shared with more than 1,000 cities of every size.",
                                fr="Toucher les communes par leurs propres réseaux est au "
                                "cœur de PACTESUR2 : grâce à l’ANCI et à l’Efus, ses "
                                "résultats sont partagés avec plus de 1\u202f000 villes de "
                                "toutes tailles.",
                                it="Raggiungere i comuni attraverso le loro reti è al centro "
                                "di PACTESUR2: grazie ad ANCI ed Efus, i suoi risultati "
                                "vengono condivisi con oltre 1.000 città di ogni dimensione.",
                                es="Llegar a los municipios a través de sus propias redes es "
                                "esencial para PACTESUR2: gracias a la ANCI y a Efus, sus "
                                "resultados se comparten con más de 1000 ciudades de todos "
                                "los tamaños.",
                            )
                        ),
                    ),
                ),
            },
        ),
        PageSpec(
            key="news-nice-police-exchange-registration",
            model=NewsPage,
            slug="nice-police-exchange-registration",
            parent="news",
            fields={
                "title": T(
                    en="Registration open for the police exchange in Nice",
                    fr="Inscriptions ouvertes pour l’échange de policiers à Nice",
                    it="Aperte le iscrizioni allo scambio tra polizie a Nizza",
                    es="Abiertas las inscripciones para el intercambio policial en Niza",
                ),
                "date": today - datetime.timedelta(days=7),
                "summary": T(
                    en="Local police officers and security managers can now register for the "
                    "two-day exchange in Nice. Places are limited to 40.",
                    fr="Policiers municipaux et responsables de la sécurité peuvent désormais "
                    "s’inscrire à l’échange de deux jours organisé à Nice. Le nombre de "
                    "places est limité à 40.",
                    it="Agenti di polizia locale e responsabili della sicurezza possono ora "
                    "iscriversi allo scambio di due giorni a Nizza. I posti sono limitati a "
                    "40.",
                    es="Agentes de policía local y responsables de seguridad ya pueden "
                    "inscribirse en el intercambio de dos días en Niza. Las plazas están "
                    "limitadas a 40.",
                ),
                "image": image("nice"),
                "project": page("project-pactesur2"),
                "cities": [city("nice")],
                "related_events": [page("event-nice-police-exchange")],
                "body": Stream(
                    Paragraphs(
                        P(
                            T(
                                en="Building on the results of PACTESUR2, the City of Nice is "
                                "welcoming officers from partner and follower cities for two "
                                "days of exchanges on policing busy public spaces.",
                                fr="Dans le prolongement de PACTESUR2, la Ville de Nice "
                                "accueille des policiers des villes partenaires et suiveuses "
                                "pour deux jours d’échanges sur la sécurisation des espaces "
                                "publics très fréquentés.",
                                it="Sulla base dei risultati di PACTESUR2, la Città di Nizza "
                                "accoglie agenti delle città partner e follower per due "
                                "giorni di scambi sulla sicurezza degli spazi pubblici molto "
                                "frequentati.",
                                es="A partir de los resultados de PACTESUR2, la Ciudad de Niza "
                                "recibe a agentes de las ciudades socias y seguidoras durante "
                                "dos días de intercambio sobre la seguridad de los espacios "
                                "públicos muy concurridos.",
                            )
                        ),
                        P(
                            T(
                                en="Registration is open on the event page until the day "
                                "before the exchange, within the limit of 40 places. Once "
                                "all places are taken, you can join the waiting list.",
                                fr="Les inscriptions sont ouvertes sur la page de l’événement "
                                "jusqu’à la veille de l’échange, dans la limite de 40 "
                                "places. Une fois toutes les places prises, vous pouvez vous "
                                "inscrire sur la liste d’attente.",
                                it="Le iscrizioni sono aperte sulla pagina dell’evento fino "
                                "al giorno prima dello scambio, nel limite di 40 posti. "
                                "Esauriti i posti, è possibile iscriversi alla lista "
                                "d’attesa.",
                                es="Las inscripciones están abiertas en la página del evento "
                                "hasta la víspera del intercambio, con un límite de 40 "
                                "plazas. Cuando se agoten, podrá apuntarse a la lista de "
                                "espera.",
                            )
                        ),
                    ),
                ),
            },
        ),
    ]


def events(today):
    """The events; `today` is the local date of the load."""
    training_day = today + datetime.timedelta(days=120)
    exchange_day = today + datetime.timedelta(days=42)
    madrid_day = today + datetime.timedelta(days=75)
    return [
        PageSpec(
            key="event-liege-local-governance-workshop",
            model=EventPage,
            slug="liege-local-governance-workshop-2021",
            parent="events",
            fields={
                "title": T(
                    en="Local Governance Workshop in Liège",
                    fr="Atelier sur la gouvernance locale à Liège",
                    it="Workshop sulla governance locale a Liegi",
                    es="Taller sobre gobernanza local en Lieja",
                ),
                "start": at(datetime.date(2021, 5, 5), 9, 0, BRUSSELS),
                "end": at(datetime.date(2021, 5, 6), 17, 0, BRUSSELS),
                "timezone": "Europe/Brussels",
                "event_type": EventType.WORKSHOP,
                "format": EventFormat.ONLINE,
                "online_url": "https://events.example.org/pactesur/liege-local-governance",
                "city": city("liege"),
                "organiser": partner("liege"),
                "project": page("project-pactesur"),
                "image": image("liege"),
                "participants_count": 90,
                "report": page("news-liege-local-governance-workshop"),
                "summary": T(
                    en="Two days of exchanges on the local governance of public-space "
                    "security, hosted by the City of Liège and held online.",
                    fr="Deux jours d’échanges sur la gouvernance locale de la sécurité des "
                    "espaces publics, organisés par la Ville de Liège et tenus en ligne.",
                    it="Due giorni di scambi sulla governance locale della sicurezza degli "
                    "spazi pubblici, ospitati dalla Città di Liegi e svolti online.",
                    es="Dos días de intercambios sobre la gobernanza local de la seguridad de "
                    "los espacios públicos, organizados por la Ciudad de Lieja y celebrados "
                    "en línea.",
                ),
                "body": Stream(
                    Paragraphs(
                        P(
                            T(
                                en="The workshop gave the PACTESUR partners and the "
                                "participating cities an opportunity to compare how they "
                                "organise the security of their public spaces. Only the "
                                "local partners met in person in Liège; all other "
                                "participants joined online.",
                                fr="L’atelier a permis aux partenaires de PACTESUR et aux "
                                "villes participantes de comparer la manière dont elles "
                                "organisent la sécurité de leurs espaces publics. Seuls les "
                                "partenaires locaux se sont réunis à Liège ; tous les autres "
                                "participants ont suivi les travaux en ligne.",
                                it="Il workshop ha offerto ai partner di PACTESUR e alle città "
                                "partecipanti l’occasione di confrontare il modo in cui "
                                "organizzano la sicurezza dei loro spazi pubblici. Solo i "
                                "partner locali si sono riuniti a Liegi; tutti gli altri "
                                "partecipanti si sono collegati online.",
                                es="El taller permitió a los socios de PACTESUR y a las "
                                "ciudades participantes comparar cómo organizan la seguridad "
                                "de sus espacios públicos. Solo los socios locales se "
                                "reunieron en Lieja; el resto de participantes se conectó en "
                                "línea.",
                            )
                        )
                    ),
                ),
            },
        ),
        PageSpec(
            key="event-security-by-design-webconference",
            model=EventPage,
            slug="security-by-design-webconference",
            parent="events",
            fields={
                "title": T(
                    en="Security by Design in the protection of public spaces",
                    fr="La sécurité dès la conception dans la protection des espaces publics",
                    it="La sicurezza fin dalla progettazione nella protezione degli spazi pubblici",
                    es="La seguridad desde el diseño en la protección de los espacios públicos",
                ),
                # The seeds give no date for this web-conference: a plausible one in the
                # weeks after its announcement.
                "start": at(datetime.date(2021, 5, 27), 14, 0, PARIS),
                "end": at(datetime.date(2021, 5, 27), 16, 0, PARIS),
                "timezone": "Europe/Paris",
                "event_type": EventType.WEBCONFERENCE,
                "format": EventFormat.ONLINE,
                "online_url": "https://events.example.org/efus/security-by-design",
                "organiser": partner("efus"),
                "project": page("project-pactesur"),
                "image": image("network"),
                "summary": T(
                    en="An Efus web-conference on urban planning, design and management for "
                    "safer public spaces, and on the lessons of European practice.",
                    fr="Une web-conférence de l’Efus sur l’urbanisme, l’aménagement et la "
                    "gestion au service d’espaces publics plus sûrs, et sur les "
                    "enseignements des pratiques européennes.",
                    it="Una web conference di Efus sulla pianificazione urbana, la "
                    "progettazione e la gestione al servizio di spazi pubblici più sicuri, e "
                    "sugli insegnamenti delle pratiche europee.",
                    es="Una conferencia en línea de Efus sobre urbanismo, diseño y gestión al "
                    "servicio de unos espacios públicos más seguros, y sobre las lecciones "
                    "de las prácticas europeas.",
                ),
                "body": Stream(
                    Paragraphs(
                        P(
                            T(
                                en="Organised by Efus within its working group on security "
                                "and innovation, this web-conference looked at how the way "
                                "public spaces are planned, designed and managed can make "
                                "them safer without making them less open.",
                                fr="Organisée par l’Efus dans le cadre de son groupe de "
                                "travail sur la sécurité et l’innovation, cette "
                                "web-conférence s’est intéressée à la manière dont la "
                                "planification, l’aménagement et la gestion des espaces "
                                "publics peuvent les rendre plus sûrs sans les rendre moins "
                                "ouverts.",
                                it="Organizzata da Efus nell’ambito del suo gruppo di lavoro "
                                "su sicurezza e innovazione, questa web conference ha "
                                "esaminato come la pianificazione, la progettazione e la "
                                "gestione degli spazi pubblici possano renderli più sicuri "
                                "senza renderli meno aperti.",
                                es="Organizada por Efus en el marco de su grupo de trabajo "
                                "sobre seguridad e innovación, esta conferencia en línea "
                                "analizó cómo la planificación, el diseño y la gestión de "
                                "los espacios públicos pueden hacerlos más seguros sin que "
                                "pierdan su carácter abierto.",
                            )
                        )
                    ),
                ),
            },
        ),
        PageSpec(
            key="event-anci-national-assembly-2024",
            model=EventPage,
            slug="anci-national-assembly-2024",
            parent="events",
            fields={
                "title": T(
                    en="ANCI National Assembly 2024: the PACTESUR2 pop-up",
                    fr="Assemblée nationale de l’ANCI 2024 : l’espace PACTESUR2",
                    it="Assemblea nazionale ANCI 2024: il pop-up di PACTESUR2",
                    es="Asamblea Nacional de la ANCI 2024: el espacio de PACTESUR2",
                ),
                "start": at(datetime.date(2024, 11, 20), 9, 0, ROME),
                "end": at(datetime.date(2024, 11, 22), 18, 0, ROME),
                "timezone": "Europe/Rome",
                "all_day": True,
                "event_type": EventType.ASSEMBLY,
                "format": EventFormat.IN_PERSON,
                "venue": T(
                    en="Lingotto Fiere, Turin",
                    fr="Lingotto Fiere, Turin",
                    it="Lingotto Fiere, Torino",
                    es="Lingotto Fiere, Turín",
                ),
                "city": city("torino"),
                "project": page("project-pactesur2"),
                "image": image("torino"),
                "report": page("news-anci-national-assembly-2024"),
                "summary": T(
                    en="PACTESUR2 in a pop-up space at the annual assembly of Italian "
                    "municipalities in Turin.",
                    fr="PACTESUR2 dans un espace éphémère à l’assemblée annuelle des communes "
                    "italiennes, à Turin.",
                    it="PACTESUR2 in uno spazio pop-up all’assemblea annuale dei comuni "
                    "italiani a Torino.",
                    es="PACTESUR2 en un espacio temporal en la asamblea anual de los "
                    "municipios italianos, en Turín.",
                ),
                "body": Stream(
                    Paragraphs(
                        P(
                            T(
                                en="The annual National Assembly of ANCI gathers mayors and "
                                "local officials from all over Italy. PACTESUR2 used the "
                                "occasion to present its work on the security of public "
                                "spaces.",
                                fr="L’Assemblée nationale annuelle de l’ANCI rassemble des "
                                "maires et des élus locaux de toute l’Italie. PACTESUR2 en a "
                                "profité pour présenter ses travaux sur la sécurité des "
                                "espaces publics.",
                                it="L’Assemblea nazionale annuale dell’ANCI riunisce sindaci e "
                                "amministratori locali da tutta Italia. PACTESUR2 ha colto "
                                "l’occasione per presentare il proprio lavoro sulla "
                                "sicurezza degli spazi pubblici.",
                                es="La Asamblea Nacional anual de la ANCI reúne a alcaldes y "
                                "cargos locales de toda Italia. PACTESUR2 aprovechó la "
                                "ocasión para presentar su trabajo sobre la seguridad de los "
                                "espacios públicos.",
                            )
                        )
                    ),
                ),
            },
        ),
        PageSpec(
            key="event-torino-training-course",
            model=EventPage,
            slug="torino-training-course",
            parent="events",
            fields={
                "title": T(
                    en="Training course on protecting crowded public spaces",
                    fr="Formation sur la protection des espaces publics très fréquentés",
                    it="Corso di formazione sulla protezione degli spazi pubblici affollati",
                    es="Curso de formación sobre la protección de espacios públicos concurridos",
                ),
                "start": at(training_day, 9, 0, ROME),
                "end": at(training_day + datetime.timedelta(days=1), 17, 0, ROME),
                "timezone": "Europe/Rome",
                "is_save_the_date": True,
                "event_type": EventType.TRAINING,
                "format": EventFormat.IN_PERSON,
                "city": city("torino"),
                "organiser": partner("torino"),
                "project": page("project-pactesur2"),
                "image": image("torino"),
                "summary": T(
                    en="Save the date: a two-day course in Turin for local police officers "
                    "and security managers. The programme will be published soon.",
                    fr="À vos agendas : une formation de deux jours à Turin pour les "
                    "policiers municipaux et les responsables de la sécurité. Le programme "
                    "sera publié prochainement.",
                    it="Da segnare in agenda: un corso di due giorni a Torino per agenti di "
                    "polizia locale e responsabili della sicurezza. Il programma sarà "
                    "pubblicato a breve.",
                    es="Reserve la fecha: un curso de dos días en Turín para agentes de "
                    "policía local y responsables de seguridad. El programa se publicará "
                    "próximamente.",
                ),
                "body": Stream(
                    Paragraphs(
                        P(
                            T(
                                en="Building on the PACTESUR2 training programme, the City of "
                                "Turin and its local police are preparing a course on "
                                "managing security in busy squares and at large public "
                                "gatherings. Details of the venue, speakers and registration "
                                "will follow.",
                                fr="Dans le prolongement du programme de formation de "
                                "PACTESUR2, la Ville de Turin et sa police locale préparent "
                                "une formation sur la gestion de la sécurité dans les places "
                                "animées et lors des grands rassemblements publics. Le lieu, "
                                "les intervenants et les modalités d’inscription seront "
                                "précisés ultérieurement.",
                                it="Sulla base del programma di formazione di PACTESUR2, la "
                                "Città di Torino e la sua Polizia Locale stanno preparando un "
                                "corso sulla gestione della sicurezza nelle piazze affollate "
                                "e nei grandi eventi pubblici. Sede, relatori e modalità di "
                                "iscrizione saranno comunicati in seguito.",
                                es="A partir del programa de formación de PACTESUR2, la "
                                "Ciudad de Turín y su policía local preparan un curso sobre "
                                "la gestión de la seguridad en plazas concurridas y grandes "
                                "concentraciones públicas. La sede, los ponentes y la "
                                "inscripción se anunciarán más adelante.",
                            )
                        )
                    ),
                ),
            },
        ),
        PageSpec(
            key="event-nice-police-exchange",
            model=EventPage,
            slug="nice-police-exchange",
            parent="events",
            fields={
                "title": T(
                    en="Police exchange in Nice: securing the sea front",
                    fr="Échange de policiers à Nice : sécuriser le front de mer",
                    it="Scambio tra polizie a Nizza: la sicurezza del lungomare",
                    es="Intercambio policial en Niza: la seguridad del paseo marítimo",
                ),
                "start": at(exchange_day, 9, 0, PARIS),
                "end": at(exchange_day + datetime.timedelta(days=1), 17, 30, PARIS),
                "timezone": "Europe/Paris",
                "event_type": EventType.POLICE_EXCHANGE,
                "format": EventFormat.IN_PERSON,
                "venue": T(
                    en="Centre universitaire méditerranéen, 65 Promenade des Anglais, Nice",
                    fr="Centre universitaire méditerranéen, 65 promenade des Anglais, Nice",
                    it="Centre universitaire méditerranéen, 65 Promenade des Anglais, Nizza",
                    es="Centre universitaire méditerranéen, 65 Promenade des Anglais, Niza",
                ),
                "city": city("nice"),
                "organiser": partner("nice"),
                "project": page("project-pactesur2"),
                "image": image("nice"),
                "registration_enabled": True,
                "registration_opens_at": at(today - datetime.timedelta(days=7), 9, 0, PARIS),
                "registration_closes_at": at(
                    exchange_day - datetime.timedelta(days=1), 23, 59, PARIS
                ),
                "capacity": 40,
                "summary": T(
                    en="Two days in Nice for local police officers from partner cities: field "
                    "visits along the Promenade des Anglais and workshops on protecting busy "
                    "public spaces.",
                    fr="Deux jours à Nice pour des policiers municipaux des villes "
                    "partenaires : visites de terrain sur la promenade des Anglais et "
                    "ateliers sur la protection des espaces publics très fréquentés.",
                    it="Due giorni a Nizza per agenti di polizia locale delle città partner: "
                    "visite sul campo lungo la Promenade des Anglais e workshop sulla "
                    "protezione degli spazi pubblici affollati.",
                    es="Dos días en Niza para agentes de policía local de las ciudades "
                    "socias: visitas sobre el terreno por el Paseo de los Ingleses y "
                    "talleres sobre la protección de espacios públicos concurridos.",
                ),
                "body": Stream(
                    Heading(T(en="Programme", fr="Programme", it="Programma", es="Programa")),
                    Paragraphs(
                        P(
                            T(
                                en="**Day 1:** welcome at the Centre universitaire "
                                "méditerranéen, presentation of Nice’s security "
                                "arrangements and a field visit along the Promenade des "
                                "Anglais.",
                                fr="**Premier jour :** accueil au Centre universitaire "
                                "méditerranéen, présentation du dispositif de sécurité "
                                "niçois et visite de terrain sur la promenade des Anglais.",
                                it="**Primo giorno:** accoglienza al Centre universitaire "
                                "méditerranéen, presentazione del sistema di sicurezza di "
                                "Nizza e visita sul campo lungo la Promenade des Anglais.",
                                es="**Primer día:** recepción en el Centre universitaire "
                                "méditerranéen, presentación del dispositivo de seguridad de "
                                "Niza y visita sobre el terreno por el Paseo de los Ingleses.",
                            )
                        ),
                        P(
                            T(
                                en="**Day 2:** workshops on crowd management, cooperation "
                                "with private security staff and communication with the "
                                "public, followed by conclusions.",
                                fr="**Deuxième jour :** ateliers sur la gestion des foules, la "
                                "coopération avec les agents de sécurité privée et la "
                                "communication avec le public, suivis des conclusions.",
                                it="**Secondo giorno:** workshop sulla gestione della folla, "
                                "sulla cooperazione con il personale della sicurezza privata "
                                "e sulla comunicazione con il pubblico, seguiti dalle "
                                "conclusioni.",
                                es="**Segundo día:** talleres sobre gestión de multitudes, "
                                "cooperación con el personal de seguridad privada y "
                                "comunicación con el público, seguidos de las conclusiones.",
                            )
                        ),
                    ),
                    Heading(
                        T(
                            en="Who can register",
                            fr="Qui peut s’inscrire",
                            it="Chi può iscriversi",
                            es="Quién puede inscribirse",
                        )
                    ),
                    Paragraphs(
                        P(
                            T(
                                en="The exchange is intended for local police officers and "
                                "municipal security managers. Places are limited to 40; "
                                "registration closes the day before the event.",
                                fr="L’échange s’adresse aux policiers municipaux et aux "
                                "responsables municipaux de la sécurité. Le nombre de places "
                                "est limité à 40 ; les inscriptions sont closes la veille de "
                                "l’événement.",
                                it="Lo scambio è rivolto ad agenti di polizia locale e a "
                                "responsabili comunali della sicurezza. I posti sono "
                                "limitati a 40; le iscrizioni si chiudono il giorno prima "
                                "dell’evento.",
                                es="El intercambio está dirigido a agentes de policía local y "
                                "a responsables municipales de seguridad. Las plazas están "
                                "limitadas a 40; las inscripciones se cierran la víspera del "
                                "evento.",
                            )
                        )
                    ),
                ),
            },
        ),
        PageSpec(
            key="event-madrid-public-private-workshop",
            model=EventPage,
            slug="madrid-public-private-cooperation-workshop",
            parent="events",
            fields={
                "title": T(
                    en="Workshop on public-private cooperation in Madrid",
                    fr="Atelier sur la coopération public-privé à Madrid",
                    it="Workshop sulla cooperazione pubblico-privato a Madrid",
                    es="Taller sobre cooperación público-privada en Madrid",
                ),
                "start": at(madrid_day, 9, 30, MADRID),
                "end": at(madrid_day, 17, 0, MADRID),
                "timezone": "Europe/Madrid",
                "status": EventStatus.POSTPONED,
                "event_type": EventType.WORKSHOP,
                "format": EventFormat.IN_PERSON,
                "city": city("madrid"),
                "organiser": partner("madrid"),
                "project": page("project-pactesur2"),
                "image": image("madrid"),
                "summary": T(
                    en="Postponed: the workshop on cooperation between the police and private "
                    "security actors in Madrid will take place at a later date.",
                    fr="Reporté : l’atelier sur la coopération entre la police et les acteurs "
                    "de la sécurité privée à Madrid aura lieu à une date ultérieure.",
                    it="Rinviato: il workshop sulla cooperazione tra polizia e operatori della "
                    "sicurezza privata a Madrid si terrà in una data successiva.",
                    es="Aplazado: el taller sobre cooperación entre la policía y los actores "
                    "de la seguridad privada en Madrid se celebrará más adelante.",
                ),
                "body": Stream(
                    Paragraphs(
                        P(
                            T(
                                en="The City of Madrid has postponed this workshop. The new "
                                "date will be announced on this page; anyone interested can "
                                "already contact the organisers through the contact form.",
                                fr="La Ville de Madrid a reporté cet atelier. La nouvelle "
                                "date sera annoncée sur cette page ; les personnes "
                                "intéressées peuvent d’ores et déjà contacter les "
                                "organisateurs au moyen du formulaire de contact.",
                                it="La Città di Madrid ha rinviato questo workshop. La nuova "
                                "data sarà annunciata su questa pagina; chi è interessato "
                                "può già contattare gli organizzatori tramite il modulo di "
                                "contatto.",
                                es="El Ayuntamiento de Madrid ha aplazado este taller. La "
                                "nueva fecha se anunciará en esta página; las personas "
                                "interesadas ya pueden ponerse en contacto con los "
                                "organizadores a través del formulario de contacto.",
                            )
                        )
                    ),
                ),
            },
        ),
    ]
