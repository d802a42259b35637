"""The home page, the projects, the index pages, the standard pages and the contact form."""

import datetime

from events.models import EventIndexPage
from home.models import ContactPage, HomePage, StandardPage
from news.models import NewsIndexPage
from projects.models import CityRole, PartnerRole, ProjectIndexPage, ProjectPage

from .data_common import (
    BOTH_PROJECTS_FUNDED,
    CONSORTIUM_HEADING,
    EU_DISCLAIMER,
    FUNDING_HEADING,
    FUNDING_PROGRAMME,
    PACTESUR_PILLARS,
)
from .spec import (
    UL,
    Heading,
    P,
    PageSpec,
    Paragraphs,
    Pillar,
    Rich,
    Stream,
    T,
    city,
    image,
    page,
    partner,
)

PROJECT_FULL_NAME = "Protect Allied Cities against TErrorism in Securing Urban aReas"

HOME = PageSpec(
    key="home",
    model=HomePage,
    slug="pactesur-home",
    parent=None,
    fields={
        "title": T(en="Home", fr="Accueil", it="Pagina iniziale", es="Inicio"),
        "search_description": T(
            en="European cooperation projects led by the City of Nice on the protection of "
            "urban public spaces: training, police exchanges, news and events.",
            fr="Projets de coopération européenne menés par la Ville de Nice sur la "
            "protection des espaces publics urbains : formations, échanges de policiers, "
            "actualités et événements.",
            it="Progetti di cooperazione europea guidati dalla Città di Nizza sulla "
            "protezione degli spazi pubblici urbani: formazione, scambi tra polizie, notizie "
            "ed eventi.",
            es="Proyectos de cooperación europea liderados por la Ciudad de Niza sobre la "
            "protección de los espacios públicos urbanos: formación, intercambios "
            "policiales, noticias y eventos.",
        ),
        "hero_title": T(
            en="Safer public spaces for Europe’s cities",
            fr="Des espaces publics plus sûrs pour les villes d’Europe",
            it="Spazi pubblici più sicuri per le città d’Europa",
            es="Espacios públicos más seguros para las ciudades de Europa",
        ),
        "hero_text": T(
            en="PACTESUR and PACTESUR2 bring together European cities, their local police "
            "forces and their networks to protect squares, streets and promenades while "
            "keeping them open and welcoming.",
            fr="PACTESUR et PACTESUR2 réunissent des villes européennes, leurs polices "
            "municipales et leurs réseaux pour protéger places, rues et promenades tout en "
            "les gardant ouvertes et accueillantes.",
            it="PACTESUR e PACTESUR2 riuniscono città europee, le loro polizie locali e le "
            "loro reti per proteggere piazze, strade e lungomari, mantenendoli aperti e "
            "accoglienti.",
            es="PACTESUR y PACTESUR2 reúnen a ciudades europeas, a sus policías locales y a "
            "sus redes para proteger plazas, calles y paseos sin que dejen de ser abiertos "
            "y acogedores.",
        ),
        "hero_image": image("hero"),
        "social_image": image("hero"),
        "featured_project": page("project-pactesur2"),
        "pillars_heading": T(
            en="Four pillars of work",
            fr="Quatre piliers d’action",
            it="Quattro pilastri di lavoro",
            es="Cuatro pilares de trabajo",
        ),
        "pillars": Stream(*PACTESUR_PILLARS),
        "body": Stream(
            Heading(
                T(
                    en="Cities working together",
                    fr="Des villes qui coopèrent",
                    it="Città che collaborano",
                    es="Ciudades que cooperan",
                )
            ),
            Paragraphs(
                P(
                    T(
                        en="Public spaces are where city life happens, and that openness "
                        "also makes them vulnerable. Since 2019, the PACTESUR projects have "
                        "given cities a framework to compare their practices, train their "
                        "staff together and learn from one another.",
                        fr="Les espaces publics sont le cœur de la vie urbaine, et cette "
                        "ouverture les rend aussi vulnérables. Depuis 2019, les projets "
                        "PACTESUR offrent aux villes un cadre pour comparer leurs pratiques, "
                        "former ensemble leurs équipes et apprendre les unes des autres.",
                        it="Gli spazi pubblici sono il cuore della vita urbana, e proprio "
                        "questa apertura li rende vulnerabili. Dal 2019 i progetti PACTESUR "
                        "offrono alle città un quadro in cui confrontare le proprie pratiche, "
                        "formare insieme il personale e imparare le une dalle altre.",
                        es="Los espacios públicos son el corazón de la vida urbana, y esa "
                        "misma apertura los hace vulnerables. Desde 2019, los proyectos "
                        "PACTESUR ofrecen a las ciudades un marco para comparar sus "
                        "prácticas, formar juntos a su personal y aprender unas de otras.",
                    )
                ),
                BOTH_PROJECTS_FUNDED,
            ),
        ),
    },
)

PROJECT_INDEX = PageSpec(
    key="projects",
    model=ProjectIndexPage,
    slug="projects",
    parent="home",
    show_in_menus=True,
    fields={
        "title": T(en="Projects", fr="Projets", it="Progetti", es="Proyectos"),
        "intro": Rich(
            P(
                T(
                    en="Two successive projects, led by the City of Nice and co-funded by "
                    "the European Union, have brought cities, local police forces and "
                    "European networks together around the security of public spaces.",
                    fr="Deux projets successifs, menés par la Ville de Nice et cofinancés par "
                    "l’Union européenne, ont réuni villes, polices municipales et réseaux "
                    "européens autour de la sécurité des espaces publics.",
                    it="Due progetti consecutivi, guidati dalla Città di Nizza e cofinanziati "
                    "dall’Unione europea, hanno riunito città, polizie locali e reti europee "
                    "intorno alla sicurezza degli spazi pubblici.",
                    es="Dos proyectos sucesivos, liderados por la Ciudad de Niza y "
                    "cofinanciados por la Unión Europea, han reunido a ciudades, policías "
                    "locales y redes europeas en torno a la seguridad de los espacios "
                    "públicos.",
                )
            )
        ),
    },
)

PACTESUR_WORKING_GROUP = (
    "athens",
    "edinburgh",
    "essen",
    "gdansk",
    "leeds",
    "lisboa",
    "london",
    "madrid",
    "munich",
    "riga",
    "xabia",
)

PACTESUR = PageSpec(
    key="project-pactesur",
    model=ProjectPage,
    slug="pactesur",
    parent="projects",
    fields={
        "title": T.same("PACTESUR"),
        "acronym": "PACTESUR",
        # The official name of both projects is English in every language.
        "full_name": T.same(PROJECT_FULL_NAME),
        "start_date": datetime.date(2019, 1, 1),
        "end_date": datetime.date(2021, 12, 31),
        "funding_programme": FUNDING_PROGRAMME,
        "summary": T(
            en="From 2019 to 2021, PACTESUR helped cities and local security actors protect "
            "their open public spaces, first of all against terrorist threats but also "
            "against the other risks these places face.",
            fr="De 2019 à 2021, PACTESUR a aidé les villes et les acteurs locaux de la "
            "sécurité à protéger leurs espaces publics ouverts, avant tout face à la menace "
            "terroriste, mais aussi face aux autres risques propres à ces lieux.",
            it="Dal 2019 al 2021 PACTESUR ha aiutato le città e gli attori locali della "
            "sicurezza a proteggere i loro spazi pubblici aperti, soprattutto dalla minaccia "
            "terroristica ma anche dagli altri rischi tipici di questi luoghi.",
            es="De 2019 a 2021, PACTESUR ayudó a las ciudades y a los actores locales de la "
            "seguridad a proteger sus espacios públicos abiertos, sobre todo frente a la "
            "amenaza terrorista, pero también frente a los demás riesgos propios de estos "
            "lugares.",
        ),
        "objectives": Rich(
            P(
                T(
                    en="PACTESUR set out to give cities and local actors the means to secure "
                    "their public spaces. The project drew on:",
                    fr="PACTESUR visait à donner aux villes et aux acteurs locaux les moyens "
                    "de sécuriser leurs espaces publics. Le projet s’appuyait sur :",
                    it="PACTESUR intendeva dare alle città e agli attori locali i mezzi per "
                    "rendere sicuri i loro spazi pubblici. Il progetto si basava su:",
                    es="PACTESUR se propuso dar a las ciudades y a los actores locales los "
                    "medios para proteger sus espacios públicos. El proyecto se apoyaba en:",
                )
            ),
            UL(
                (
                    T(
                        en="the experience of three flagship cities committed to convergent "
                        "urban security strategies;",
                        fr="l’expérience de trois villes phares engagées dans des stratégies "
                        "convergentes de sécurité urbaine ;",
                        it="l’esperienza di tre città faro impegnate in strategie convergenti "
                        "di sicurezza urbana;",
                        es="la experiencia de tres ciudades faro comprometidas con "
                        "estrategias convergentes de seguridad urbana;",
                    ),
                    T(
                        en="the expertise of the European and Italian networks of local "
                        "authorities;",
                        fr="l’expertise des réseaux européen et italien de collectivités locales ;",
                        it="le competenze delle reti europea e italiana degli enti locali;",
                        es="los conocimientos de las redes europea e italiana de autoridades "
                        "locales;",
                    ),
                    T(
                        en="the knowledge of eleven European cities facing specific issues "
                        "in their own public spaces.",
                        fr="les connaissances de onze villes européennes confrontées à des "
                        "enjeux particuliers dans leurs propres espaces publics.",
                        it="le conoscenze di undici città europee alle prese con "
                        "problematiche specifiche nei propri spazi pubblici.",
                        es="el saber de once ciudades europeas que afrontan retos "
                        "particulares en sus propios espacios públicos.",
                    ),
                )
            ),
        ),
        "pillars": Stream(*PACTESUR_PILLARS),
        "body": Stream(
            Heading(CONSORTIUM_HEADING),
            Paragraphs(
                P(
                    T(
                        en="Nice led the project with Turin and Liège as fellow flagship "
                        "cities, all three committed to closer cooperation on urban "
                        "security. Three partners completed the consortium: ANCI Piemonte, "
                        "the European Forum for Urban Security (Efus) and Métropole Nice "
                        "Côte d’Azur (NCA).",
                        fr="Nice pilotait le projet aux côtés de Turin et de Liège, les deux "
                        "autres villes phares, toutes trois décidées à renforcer leur "
                        "coopération en matière de sécurité urbaine. Trois partenaires "
                        "complétaient le consortium : l’ANCI Piemonte, le Forum européen pour "
                        "la sécurité urbaine (Efus) et la Métropole Nice Côte d’Azur (NCA).",
                        it="Nizza guidava il progetto insieme a Torino e Liegi, le altre due "
                        "città faro, tutte decise a rafforzare la cooperazione in materia di "
                        "sicurezza urbana. Completavano il consorzio tre partner: ANCI "
                        "Piemonte, il Forum europeo per la sicurezza urbana (Efus) e la "
                        "Métropole Nice Côte d’Azur (NCA).",
                        es="Niza dirigía el proyecto junto con Turín y Lieja, las otras dos "
                        "ciudades faro, todas ellas decididas a reforzar su cooperación en "
                        "materia de seguridad urbana. Completaban el consorcio tres socios: "
                        "ANCI Piemonte, el Foro Europeo para la Seguridad Urbana (Efus) y la "
                        "Métropole Nice Côte d’Azur (NCA).",
                    )
                )
            ),
            Heading(
                T(
                    en="A working group of eleven cities",
                    fr="Un groupe de travail de onze villes",
                    it="Un gruppo di lavoro di undici città",
                    es="Un grupo de trabajo de once ciudades",
                )
            ),
            Paragraphs(
                P(
                    T(
                        en="Efus coordinated a working group of eleven European cities with "
                        "particular experience of protecting urban public spaces: Athens, "
                        "Edinburgh, Essen, Gdańsk, Leeds, Lisbon, London, Madrid, Munich, "
                        "Riga and Xàbia.",
                        fr="L’Efus animait un groupe de travail de onze villes européennes "
                        "ayant une expérience particulière de la protection des espaces "
                        "publics urbains : Athènes, Édimbourg, Essen, Gdańsk, Leeds, "
                        "Lisbonne, Londres, Madrid, Munich, Riga et Xàbia.",
                        it="Efus coordinava un gruppo di lavoro di undici città europee con "
                        "un’esperienza specifica nella protezione degli spazi pubblici "
                        "urbani: Atene, Edimburgo, Essen, Danzica, Leeds, Lisbona, Londra, "
                        "Madrid, Monaco di Baviera, Riga e Xàbia.",
                        es="Efus coordinaba un grupo de trabajo de once ciudades europeas con "
                        "una experiencia particular en la protección de los espacios "
                        "públicos urbanos: Atenas, Edimburgo, Essen, Gdańsk, Leeds, Lisboa, "
                        "Londres, Madrid, Múnich, Riga y Xàbia.",
                    )
                )
            ),
            Heading(FUNDING_HEADING),
            Paragraphs(
                P(
                    T(
                        en="PACTESUR was co-funded by the European Union’s Internal Security "
                        "Fund – Police (ISF-P).",
                        fr="PACTESUR a été cofinancé par le Fonds pour la sécurité intérieure "
                        "– volet Police (FSI-P) de l’Union européenne.",
                        it="PACTESUR è stato cofinanziato dal Fondo Sicurezza Interna – "
                        "Polizia (ISF-P) dell’Unione europea.",
                        es="PACTESUR fue cofinanciado por el Fondo de Seguridad Interior – "
                        "Policía (FSI-P) de la Unión Europea.",
                    )
                )
            ),
        ),
    },
    children={
        "project_partners": [
            {"partner": partner("nice"), "role": PartnerRole.LEAD},
            {"partner": partner("torino"), "role": PartnerRole.PARTNER},
            {"partner": partner("liege"), "role": PartnerRole.PARTNER},
            {"partner": partner("anci-piemonte"), "role": PartnerRole.PARTNER},
            {"partner": partner("efus"), "role": PartnerRole.PARTNER},
            {"partner": partner("nca"), "role": PartnerRole.PARTNER},
        ],
        "project_cities": [
            {"city": city("nice"), "role": CityRole.FLAGSHIP},
            {"city": city("torino"), "role": CityRole.FLAGSHIP},
            {"city": city("liege"), "role": CityRole.FLAGSHIP},
        ]
        + [{"city": city(key), "role": CityRole.WORKING_GROUP} for key in PACTESUR_WORKING_GROUP],
    },
)

PACTESUR2 = PageSpec(
    key="project-pactesur2",
    model=ProjectPage,
    slug="pactesur2",
    parent="projects",
    fields={
        "title": T.same("PACTESUR2"),
        "acronym": "PACTESUR2",
        "full_name": T.same(f"{PROJECT_FULL_NAME} 2"),
        "start_date": datetime.date(2023, 9, 1),
        "end_date": datetime.date(2025, 8, 31),
        "funding_programme": FUNDING_PROGRAMME,
        "summary": T(
            en="PACTESUR2 (September 2023 – August 2025) built on the first project: "
            "high-level training for local police forces, police exchanges between cities, "
            "more citizen involvement and stronger public-private cooperation.",
            fr="PACTESUR2 (septembre 2023 – août 2025) a prolongé le premier projet : "
            "formations de haut niveau pour les polices locales, échanges de policiers "
            "entre villes, participation accrue des citoyens et coopération public-privé "
            "renforcée.",
            it="PACTESUR2 (settembre 2023 – agosto 2025) ha proseguito il lavoro del primo "
            "progetto: formazione di alto livello per le polizie locali, scambi di agenti "
            "tra città, maggiore partecipazione dei cittadini e una cooperazione "
            "pubblico-privato più solida.",
            es="PACTESUR2 (septiembre de 2023 – agosto de 2025) dio continuidad al primer "
            "proyecto: formación de alto nivel para las policías locales, intercambios de "
            "agentes entre ciudades, más participación ciudadana y una cooperación "
            "público-privada más sólida.",
        ),
        "objectives": Rich(
            P(
                T(
                    en="PACTESUR2 aimed to improve the protection of public spaces by helping "
                    "cities develop and apply good practices at local level. It pursued "
                    "three objectives:",
                    fr="PACTESUR2 visait à améliorer la protection des espaces publics en "
                    "aidant les villes à développer et à appliquer de bonnes pratiques à "
                    "l’échelle locale. Le projet poursuivait trois objectifs :",
                    it="PACTESUR2 mirava a migliorare la protezione degli spazi pubblici "
                    "aiutando le città a sviluppare e applicare buone pratiche a livello "
                    "locale. Il progetto perseguiva tre obiettivi:",
                    es="PACTESUR2 buscaba mejorar la protección de los espacios públicos "
                    "ayudando a las ciudades a desarrollar y aplicar buenas prácticas a "
                    "escala local. El proyecto perseguía tres objetivos:",
                )
            ),
            UL(
                (
                    T(
                        en="**Better-trained local police forces**, through high-level "
                        "training courses and police exchanges between cities during "
                        "international events, so that good practices spread quickly "
                        "across Member States;",
                        fr="**Des polices locales mieux formées**, grâce à des formations de "
                        "haut niveau et à des échanges de policiers entre villes lors "
                        "d’événements internationaux, afin que les bonnes pratiques se "
                        "diffusent rapidement dans les États membres ;",
                        it="**Polizie locali meglio formate**, grazie a corsi di alto livello "
                        "e a scambi di agenti tra città in occasione di eventi "
                        "internazionali, perché le buone pratiche si diffondano rapidamente "
                        "negli Stati membri;",
                        es="**Policías locales mejor formadas**, gracias a cursos de alto "
                        "nivel y a intercambios de agentes entre ciudades durante eventos "
                        "internacionales, para que las buenas prácticas se extiendan con "
                        "rapidez por los Estados miembros;",
                    ),
                    T(
                        en="**Citizens more involved** in the security of their public "
                        "spaces, and more aware of being European citizens;",
                        fr="**Des citoyens plus impliqués** dans la sécurité de leurs espaces "
                        "publics et plus conscients d’être des citoyens européens ;",
                        it="**Cittadini più coinvolti** nella sicurezza dei loro spazi "
                        "pubblici e più consapevoli di essere cittadini europei;",
                        es="**Una ciudadanía más implicada** en la seguridad de sus espacios "
                        "públicos y más consciente de su condición de ciudadanía europea;",
                    ),
                    T(
                        en="**Stronger cooperation** between the public and private sectors "
                        "in the field of security.",
                        fr="**Une coopération renforcée** entre secteur public et secteur "
                        "privé dans le domaine de la sécurité.",
                        it="**Una cooperazione più forte** tra settore pubblico e privato nel "
                        "campo della sicurezza.",
                        es="**Una cooperación más estrecha** entre los sectores público y "
                        "privado en el ámbito de la seguridad.",
                    ),
                )
            ),
        ),
        "pillars": Stream(
            Pillar(
                T(
                    en="High-level training",
                    fr="Formation de haut niveau",
                    it="Formazione di alto livello",
                    es="Formación de alto nivel",
                ),
                T(
                    en="Training courses for local police officers, so that good practices "
                    "are shared and applied quickly in every partner city.",
                    fr="Des formations pour les policiers municipaux, afin que les bonnes "
                    "pratiques soient partagées et appliquées rapidement dans chaque ville "
                    "partenaire.",
                    it="Corsi di formazione per gli agenti di polizia locale, perché le buone "
                    "pratiche vengano condivise e applicate rapidamente in ogni città "
                    "partner.",
                    es="Cursos de formación para agentes de policía local, para que las "
                    "buenas prácticas se compartan y se apliquen con rapidez en cada ciudad "
                    "socia.",
                ),
            ),
            Pillar(
                T(
                    en="Police exchanges",
                    fr="Échanges de policiers",
                    it="Scambi tra polizie",
                    es="Intercambios policiales",
                ),
                T(
                    en="Officers from partner cities work alongside their counterparts "
                    "during major international events, strengthening cooperation between "
                    "European police forces.",
                    fr="Des policiers des villes partenaires travaillent aux côtés de leurs "
                    "homologues lors de grands événements internationaux, ce qui renforce la "
                    "coopération entre polices européennes.",
                    it="Agenti delle città partner lavorano al fianco dei colleghi durante "
                    "grandi eventi internazionali, rafforzando la cooperazione tra le "
                    "polizie europee.",
                    es="Agentes de las ciudades socias trabajan junto a sus homólogos durante "
                    "grandes eventos internacionales, lo que refuerza la cooperación entre "
                    "las policías europeas.",
                ),
            ),
            Pillar(
                T(
                    en="Citizen participation",
                    fr="Participation citoyenne",
                    it="Partecipazione dei cittadini",
                    es="Participación ciudadana",
                ),
                T(
                    en="Involving residents in the security of their public spaces and in "
                    "what it means to be a European citizen.",
                    fr="Associer les habitants à la sécurité de leurs espaces publics et à ce "
                    "que signifie être citoyen européen.",
                    it="Coinvolgere i cittadini nella sicurezza dei loro spazi pubblici e in "
                    "ciò che significa essere cittadini europei.",
                    es="Implicar a la ciudadanía en la seguridad de sus espacios públicos y "
                    "en lo que significa ser ciudadano europeo.",
                ),
            ),
            Pillar(
                T(
                    en="Public-private cooperation",
                    fr="Coopération public-privé",
                    it="Cooperazione pubblico-privato",
                    es="Cooperación público-privada",
                ),
                T(
                    en="Bringing public authorities and private actors together to share "
                    "responsibility for security.",
                    fr="Rapprocher autorités publiques et acteurs privés pour partager la "
                    "responsabilité de la sécurité.",
                    it="Avvicinare autorità pubbliche e attori privati per condividere la "
                    "responsabilità della sicurezza.",
                    es="Acercar a las autoridades públicas y a los actores privados para "
                    "compartir la responsabilidad de la seguridad.",
                ),
            ),
        ),
        "body": Stream(
            Heading(
                T(
                    en="Why public spaces?",
                    fr="Pourquoi les espaces publics ?",
                    it="Perché gli spazi pubblici?",
                    es="¿Por qué los espacios públicos?",
                )
            ),
            Paragraphs(
                P(
                    T(
                        en="Protecting public spaces remains one of the main challenges for "
                        "European cities, exposed as they are to many kinds of threats. New "
                        "technologies and awareness campaigns help, but the heart of the "
                        "matter is still the presence of police on the ground: their "
                        "equipment, their training, how they cooperate with the private "
                        "sector and how they relate to residents.",
                        fr="La protection des espaces publics reste l’un des grands défis des "
                        "villes européennes, exposées à des menaces de toutes sortes. Les "
                        "nouvelles technologies et les actions de sensibilisation y "
                        "contribuent, mais l’essentiel demeure la présence des policiers sur "
                        "le terrain : leurs équipements, leur formation, leur coopération "
                        "avec le secteur privé et leur relation avec les habitants.",
                        it="La protezione degli spazi pubblici resta una delle principali "
                        "sfide per le città europee, esposte a minacce di ogni tipo. Le "
                        "nuove tecnologie e le campagne di sensibilizzazione aiutano, ma "
                        "l’elemento centrale rimane la presenza delle forze di polizia sul "
                        "territorio: i loro strumenti, la loro formazione, la cooperazione "
                        "con il settore privato e il rapporto con i cittadini.",
                        es="La protección de los espacios públicos sigue siendo uno de los "
                        "principales retos de las ciudades europeas, expuestas a amenazas de "
                        "todo tipo. Las nuevas tecnologías y las campañas de sensibilización "
                        "ayudan, pero lo esencial sigue siendo la presencia policial sobre "
                        "el terreno: sus medios, su formación, su cooperación con el sector "
                        "privado y su relación con los vecinos.",
                    )
                )
            ),
            Heading(
                T(
                    en="A network across Europe",
                    fr="Un réseau à l’échelle européenne",
                    it="Una rete in tutta Europa",
                    es="Una red por toda Europa",
                )
            ),
            Paragraphs(
                P(
                    T(
                        en="Four flagship cities with proactive security policies (Nice, "
                        "Madrid, Turin and Liège) led the work. Twelve follower cities, "
                        "reflecting the diversity of Europe, took part in the activities, "
                        "and the project’s results reached more than 1,000 European cities "
                        "of every size through the Efus and ANCI networks.",
                        fr="Quatre villes phares aux politiques de sécurité proactives (Nice, "
                        "Madrid, Turin et Liège) conduisaient les travaux. Douze villes "
                        "suiveuses, à l’image de la diversité de l’Europe, prenaient part "
                        "aux activités, et les résultats du projet ont été diffusés auprès "
                        "de plus de 1\u202f000 villes européennes de toutes tailles grâce aux "
                        "réseaux de l’Efus et de l’ANCI.",
                        it="Quattro città faro con politiche di sicurezza proattive (Nizza, "
                        "Madrid, Torino e Liegi) guidavano i lavori. Dodici città follower, "
                        "rappresentative della diversità dell’Europa, partecipavano alle "
                        "attività, e i risultati del progetto hanno raggiunto più di 1.000 "
                        "città europee di ogni dimensione attraverso le reti di Efus e ANCI.",
                        es="Cuatro ciudades faro con políticas de seguridad proactivas (Niza, "
                        "Madrid, Turín y Lieja) dirigían los trabajos. Doce ciudades "
                        "seguidoras, reflejo de la diversidad de Europa, participaban en las "
                        "actividades, y los resultados del proyecto llegaron a más de 1000 "
                        "ciudades europeas de todos los tamaños a través de las redes de "
                        "Efus y ANCI.",
                    )
                )
            ),
            Heading(FUNDING_HEADING),
            Paragraphs(
                P(
                    T(
                        en="PACTESUR2 was co-funded by the European Union’s Internal Security "
                        "Fund – Police (ISF-P).",
                        fr="PACTESUR2 a été cofinancé par le Fonds pour la sécurité "
                        "intérieure – volet Police (FSI-P) de l’Union européenne.",
                        it="PACTESUR2 è stato cofinanziato dal Fondo Sicurezza Interna – "
                        "Polizia (ISF-P) dell’Unione europea.",
                        es="PACTESUR2 fue cofinanciado por el Fondo de Seguridad Interior – "
                        "Policía (FSI-P) de la Unión Europea.",
                    )
                )
            ),
        ),
    },
    children={
        "project_partners": [
            {"partner": partner("nice"), "role": PartnerRole.LEAD},
            {"partner": partner("torino"), "role": PartnerRole.PARTNER},
            {"partner": partner("anci-piemonte"), "role": PartnerRole.PARTNER},
            {"partner": partner("liege"), "role": PartnerRole.PARTNER},
            {"partner": partner("madrid"), "role": PartnerRole.PARTNER},
            {"partner": partner("efus"), "role": PartnerRole.PARTNER},
        ],
        "project_cities": [
            {"city": city("nice"), "role": CityRole.FLAGSHIP},
            {"city": city("madrid"), "role": CityRole.FLAGSHIP},
            {"city": city("torino"), "role": CityRole.FLAGSHIP},
            {"city": city("liege"), "role": CityRole.FLAGSHIP},
        ],
    },
)

NEWS_INDEX = PageSpec(
    key="news",
    model=NewsIndexPage,
    slug="news",
    parent="home",
    show_in_menus=True,
    fields={
        "title": T(en="News", fr="Actualités", it="Notizie", es="Noticias"),
        "intro": Rich(
            P(
                T(
                    en="News from the PACTESUR projects: workshops, training, exchanges and "
                    "results.",
                    fr="Les actualités des projets PACTESUR : ateliers, formations, échanges "
                    "et résultats.",
                    it="Le notizie dai progetti PACTESUR: workshop, formazione, scambi e "
                    "risultati.",
                    es="Noticias de los proyectos PACTESUR: talleres, formación, "
                    "intercambios y resultados.",
                )
            )
        ),
    },
)

EVENT_INDEX = PageSpec(
    key="events",
    model=EventIndexPage,
    slug="events",
    parent="home",
    show_in_menus=True,
    fields={
        "title": T(en="Events", fr="Événements", it="Eventi", es="Eventos"),
        "intro": Rich(
            P(
                T(
                    en="Workshops, training courses, web-conferences and police exchanges "
                    "organised by the PACTESUR partners.",
                    fr="Ateliers, formations, web-conférences et échanges de policiers "
                    "organisés par les partenaires de PACTESUR.",
                    it="Workshop, corsi di formazione, web conference e scambi tra polizie "
                    "organizzati dai partner di PACTESUR.",
                    es="Talleres, cursos de formación, conferencias en línea e intercambios "
                    "policiales organizados por los socios de PACTESUR.",
                )
            )
        ),
    },
)

ABOUT = PageSpec(
    key="about",
    model=StandardPage,
    slug="about",
    parent="home",
    show_in_menus=True,
    fields={
        "title": T(en="About", fr="À propos", it="Chi siamo", es="Quiénes somos"),
        "intro": T(
            en="PACTESUR brings together European cities and networks that want public "
            "spaces to remain open, lively and safe.",
            fr="PACTESUR réunit des villes et des réseaux européens qui veulent des espaces "
            "publics ouverts, vivants et sûrs.",
            it="PACTESUR riunisce città e reti europee che vogliono spazi pubblici aperti, "
            "vivaci e sicuri.",
            es="PACTESUR reúne a ciudades y redes europeas que quieren unos espacios "
            "públicos abiertos, animados y seguros.",
        ),
        "body": Stream(
            Heading(CONSORTIUM_HEADING),
            Paragraphs(
                P(
                    T(
                        en="The City of Nice leads the consortium. Its partners are the "
                        "cities of Turin, Liège and Madrid, ANCI Piemonte, which represents "
                        "the municipalities of Piedmont, and the European Forum for Urban "
                        "Security (Efus), the European network of local and regional "
                        "authorities working on urban security.",
                        fr="La Ville de Nice pilote le consortium. Ses partenaires sont les "
                        "villes de Turin, Liège et Madrid, l’ANCI Piemonte, qui représente "
                        "les communes du Piémont, et le Forum européen pour la sécurité "
                        "urbaine (Efus), le réseau européen des collectivités locales et "
                        "régionales engagées sur la sécurité urbaine.",
                        it="La Città di Nizza guida il consorzio. I suoi partner sono le città "
                        "di Torino, Liegi e Madrid, ANCI Piemonte, che rappresenta i comuni "
                        "piemontesi, e il Forum europeo per la sicurezza urbana (Efus), la "
                        "rete europea degli enti locali e regionali impegnati sulla "
                        "sicurezza urbana.",
                        es="La Ciudad de Niza dirige el consorcio. Sus socios son las "
                        "ciudades de Turín, Lieja y Madrid, ANCI Piemonte, que representa a "
                        "los municipios del Piamonte, y el Foro Europeo para la Seguridad "
                        "Urbana (Efus), la red europea de autoridades locales y regionales "
                        "comprometidas con la seguridad urbana.",
                    )
                )
            ),
            Heading(T(en="Two projects", fr="Deux projets", it="Due progetti", es="Dos proyectos")),
            Paragraphs(
                P(
                    T(
                        en="The first PACTESUR project ran from 2019 to 2021 with Nice, Turin "
                        "and Liège as flagship cities and a working group of eleven European "
                        "cities. PACTESUR2 followed from September 2023 to August 2025, with "
                        "Madrid joining the flagship cities and twelve follower cities "
                        "taking part.",
                        fr="Le premier projet PACTESUR s’est déroulé de 2019 à 2021, avec "
                        "Nice, Turin et Liège comme villes phares et un groupe de travail de "
                        "onze villes européennes. PACTESUR2 a pris le relais de septembre "
                        "2023 à août 2025 : Madrid a rejoint les villes phares et douze "
                        "villes suiveuses ont participé aux travaux.",
                        it="Il primo progetto PACTESUR si è svolto dal 2019 al 2021, con "
                        "Nizza, Torino e Liegi come città faro e un gruppo di lavoro di "
                        "undici città europee. PACTESUR2 è seguito da settembre 2023 ad "
                        "agosto 2025: Madrid si è unita alle città faro e dodici città "
                        "follower hanno partecipato ai lavori.",
                        es="El primer proyecto PACTESUR se desarrolló de 2019 a 2021, con "
                        "Niza, Turín y Lieja como ciudades faro y un grupo de trabajo de once "
                        "ciudades europeas. PACTESUR2 tomó el relevo de septiembre de 2023 a "
                        "agosto de 2025: Madrid se sumó a las ciudades faro y doce ciudades "
                        "seguidoras participaron en los trabajos.",
                    )
                )
            ),
            Heading(FUNDING_HEADING),
            Paragraphs(BOTH_PROJECTS_FUNDED, EU_DISCLAIMER),
        ),
    },
)

ACCESSIBILITY = PageSpec(
    key="accessibility",
    model=StandardPage,
    slug="accessibility",
    parent="home",
    fields={
        "title": T(
            en="Accessibility statement",
            fr="Déclaration d’accessibilité",
            it="Dichiarazione di accessibilità",
            es="Declaración de accesibilidad",
        ),
        "intro": T(
            en="The PACTESUR consortium is committed to making this website accessible, in "
            "accordance with Directive (EU) 2016/2102 on the accessibility of the websites "
            "and mobile applications of public sector bodies.",
            fr="Le consortium PACTESUR s’engage à rendre ce site web accessible, "
            "conformément à la directive (UE) 2016/2102 relative à l’accessibilité des sites "
            "internet et des applications mobiles des organismes du secteur public.",
            it="Il consorzio PACTESUR si impegna a rendere accessibile questo sito web, in "
            "conformità con la direttiva (UE) 2016/2102 relativa all’accessibilità dei siti "
            "web e delle applicazioni mobili degli enti pubblici.",
            es="El consorcio PACTESUR se compromete a hacer accesible este sitio web, de "
            "conformidad con la Directiva (UE) 2016/2102 sobre la accesibilidad de los "
            "sitios web y aplicaciones para dispositivos móviles de los organismos del "
            "sector público.",
        ),
        "body": Stream(
            Paragraphs(
                P(
                    T(
                        en="This statement applies to this website, in English, French, "
                        "Italian and Spanish.",
                        fr="La présente déclaration s’applique à ce site web, en anglais, en "
                        "français, en italien et en espagnol.",
                        it="La presente dichiarazione si applica a questo sito web, in "
                        "inglese, francese, italiano e spagnolo.",
                        es="La presente declaración se aplica a este sitio web, en inglés, "
                        "francés, italiano y español.",
                    )
                )
            ),
            Heading(
                T(
                    en="Compliance status",
                    fr="État de conformité",
                    it="Stato di conformità",
                    es="Situación de cumplimiento",
                )
            ),
            Paragraphs(
                P(
                    T(
                        en="This website is **partially compliant** with the European "
                        "standard EN 301 549 V3.2.1 and with level AA of the Web Content "
                        "Accessibility Guidelines (WCAG) 2.1, because of the non-compliances "
                        "listed below.",
                        fr="Ce site web est **partiellement conforme** à la norme européenne "
                        "EN 301 549 V3.2.1 et au niveau AA des Règles pour l’accessibilité "
                        "des contenus web (WCAG) 2.1, en raison des non-conformités "
                        "énumérées ci-dessous.",
                        it="Questo sito web è **parzialmente conforme** alla norma europea "
                        "EN 301 549 V3.2.1 e al livello AA delle Linee guida per "
                        "l’accessibilità dei contenuti web (WCAG) 2.1, a causa dei casi di "
                        "non conformità elencati di seguito.",
                        es="Este sitio web es **parcialmente conforme** con la norma europea "
                        "EN 301 549 V3.2.1 y con el nivel AA de las Pautas de Accesibilidad "
                        "para el Contenido Web (WCAG) 2.1, debido a los incumplimientos que "
                        "se enumeran a continuación.",
                    )
                )
            ),
            Heading(
                T(
                    en="Non-accessible content",
                    fr="Contenus non accessibles",
                    it="Contenuti non accessibili",
                    es="Contenido no accesible",
                )
            ),
            Paragraphs(
                P(
                    T(
                        en="The content listed below is not yet fully accessible:",
                        fr="Les contenus énumérés ci-dessous ne sont pas encore entièrement "
                        "accessibles :",
                        it="I contenuti elencati di seguito non sono ancora pienamente "
                        "accessibili:",
                        es="El contenido que se indica a continuación aún no es plenamente "
                        "accesible:",
                    )
                ),
                UL(
                    (
                        T(
                            en="some PDF documents published by the partners, such as "
                            "reports and presentations, are not structured for screen "
                            "readers (WCAG 1.3.1 and 4.1.2);",
                            fr="certains documents PDF publiés par les partenaires, comme des "
                            "rapports et des présentations, ne sont pas structurés pour les "
                            "lecteurs d’écran (critères WCAG 1.3.1 et 4.1.2) ;",
                            it="alcuni documenti PDF pubblicati dai partner, come rapporti e "
                            "presentazioni, non sono strutturati per i lettori di schermo "
                            "(criteri WCAG 1.3.1 e 4.1.2);",
                            es="algunos documentos PDF publicados por los socios, como "
                            "informes y presentaciones, no están estructurados para lectores "
                            "de pantalla (criterios WCAG 1.3.1 y 4.1.2);",
                        ),
                        T(
                            en="some videos of past events have no captions (WCAG 1.2.2);",
                            fr="certaines vidéos d’événements passés n’ont pas de sous-titres "
                            "(critère WCAG 1.2.2) ;",
                            it="alcuni video di eventi passati non sono sottotitolati "
                            "(criterio WCAG 1.2.2);",
                            es="algunos vídeos de eventos pasados no tienen subtítulos "
                            "(criterio WCAG 1.2.2);",
                        ),
                        T(
                            en="content embedded from other sites, such as videos, may not "
                            "meet every requirement and is outside the consortium’s control.",
                            fr="les contenus intégrés depuis d’autres sites, comme les "
                            "vidéos, peuvent ne pas satisfaire à toutes les exigences et "
                            "échappent au contrôle du consortium.",
                            it="i contenuti incorporati da altri siti, come i video, "
                            "potrebbero non soddisfare tutti i requisiti e non sono sotto il "
                            "controllo del consorzio.",
                            es="los contenidos integrados desde otros sitios, como los "
                            "vídeos, pueden no cumplir todos los requisitos y escapan al "
                            "control del consorcio.",
                        ),
                    )
                ),
                P(
                    T(
                        en="We are working to correct these issues and will update this "
                        "statement as they are fixed.",
                        fr="Nous travaillons à corriger ces problèmes et mettrons à jour la "
                        "présente déclaration au fur et à mesure des corrections.",
                        it="Stiamo lavorando per risolvere questi problemi e aggiorneremo la "
                        "presente dichiarazione man mano che saranno corretti.",
                        es="Estamos trabajando para corregir estos problemas y actualizaremos "
                        "la presente declaración a medida que se resuelvan.",
                    )
                ),
            ),
            Heading(
                T(
                    en="Preparation of this statement",
                    fr="Établissement de la présente déclaration",
                    it="Redazione della presente dichiarazione",
                    es="Preparación de la presente declaración",
                )
            ),
            Paragraphs(
                P(
                    T(
                        en="This statement was prepared on 2 November 2026. It is based on a "
                        "self-assessment by the consortium, with automated tests (axe-core) "
                        "and manual checks using a keyboard and a screen reader.",
                        fr="La présente déclaration a été établie le 2 novembre 2026. Elle "
                        "repose sur une auto-évaluation du consortium, au moyen de tests "
                        "automatisés (axe-core) et de vérifications manuelles au clavier et "
                        "avec un lecteur d’écran.",
                        it="La presente dichiarazione è stata redatta il 2 novembre 2026. Si "
                        "basa su un’autovalutazione del consorzio, con test automatici "
                        "(axe-core) e verifiche manuali da tastiera e con un lettore di "
                        "schermo.",
                        es="La presente declaración se preparó el 2 de noviembre de 2026. Se "
                        "basa en una autoevaluación del consorcio, con pruebas automáticas "
                        "(axe-core) y comprobaciones manuales con teclado y lector de "
                        "pantalla.",
                    )
                )
            ),
            Heading(
                T(
                    en="Feedback and contact information",
                    fr="Retour d’information et coordonnées",
                    it="Meccanismo di feedback e recapiti",
                    es="Observaciones y datos de contacto",
                )
            ),
            Paragraphs(
                P(
                    T(
                        en="If you find an accessibility problem on this site, or need some "
                        "content in an accessible format, please write to us through the "
                        "contact form or at contact@pactesur.eu. We aim to reply within 15 "
                        "working days.",
                        fr="Si vous rencontrez un problème d’accessibilité sur ce site, ou si "
                        "vous avez besoin d’un contenu dans un format accessible, écrivez-"
                        "nous au moyen du formulaire de contact ou à l’adresse "
                        "contact@pactesur.eu. Nous nous efforçons de répondre dans un délai "
                        "de 15 jours ouvrables.",
                        it="Se riscontrate un problema di accessibilità su questo sito, o se "
                        "avete bisogno di un contenuto in un formato accessibile, scriveteci "
                        "tramite il modulo di contatto o all’indirizzo contact@pactesur.eu. "
                        "Ci impegniamo a rispondere entro 15 giorni lavorativi.",
                        es="Si encuentra un problema de accesibilidad en este sitio, o si "
                        "necesita algún contenido en un formato accesible, escríbanos a "
                        "través del formulario de contacto o a la dirección "
                        "contact@pactesur.eu. Nos comprometemos a responder en un plazo de 15 "
                        "días hábiles.",
                    )
                )
            ),
            Heading(
                T(
                    en="Enforcement procedure",
                    fr="Procédure de mise en œuvre",
                    it="Procedura di attuazione",
                    es="Procedimiento de aplicación",
                )
            ),
            Paragraphs(
                P(
                    T(
                        en="If you are not satisfied with our reply, you can turn to the body "
                        "that enforces the Web Accessibility Directive in the country of the "
                        "partner concerned. For the lead partner, the City of Nice, this is "
                        "the Défenseur des droits (France).",
                        fr="Si notre réponse ne vous satisfait pas, vous pouvez vous adresser "
                        "à l’organisme chargé de faire appliquer la directive sur "
                        "l’accessibilité du web dans le pays du partenaire concerné. Pour le "
                        "chef de file, la Ville de Nice, il s’agit du Défenseur des droits "
                        "(France).",
                        it="Se la nostra risposta non vi soddisfa, potete rivolgervi "
                        "all’organismo incaricato di far rispettare la direttiva "
                        "sull’accessibilità del web nel paese del partner interessato. Per il "
                        "capofila, la Città di Nizza, si tratta del Défenseur des droits "
                        "(Francia).",
                        es="Si nuestra respuesta no le satisface, puede dirigirse al "
                        "organismo encargado de hacer cumplir la Directiva sobre "
                        "accesibilidad web en el país del socio correspondiente. Para el "
                        "socio principal, la Ciudad de Niza, se trata del Défenseur des "
                        "droits (Francia).",
                    )
                )
            ),
        ),
    },
)

PRIVACY = PageSpec(
    key="privacy",
    model=StandardPage,
    slug="privacy",
    parent="home",
    fields={
        "title": T(
            en="Privacy notice",
            fr="Protection des données personnelles",
            it="Informativa sulla privacy",
            es="Aviso de privacidad",
        ),
        "intro": T(
            en="This notice explains which personal data this website collects, why, for how "
            "long, and what your rights are under the General Data Protection Regulation "
            "(GDPR).",
            fr="Cette page explique quelles données personnelles ce site collecte, dans quel "
            "but, pour combien de temps, et quels sont vos droits en vertu du règlement "
            "général sur la protection des données (RGPD).",
            it="Questa informativa spiega quali dati personali raccoglie questo sito, per "
            "quali finalità, per quanto tempo e quali sono i vostri diritti ai sensi del "
            "Regolamento generale sulla protezione dei dati (GDPR).",
            es="Este aviso explica qué datos personales recoge este sitio web, con qué fin, "
            "durante cuánto tiempo y cuáles son sus derechos en virtud del Reglamento "
            "General de Protección de Datos (RGPD).",
        ),
        "body": Stream(
            Heading(
                T(
                    en="Data controller",
                    fr="Responsable du traitement",
                    it="Titolare del trattamento",
                    es="Responsable del tratamiento",
                )
            ),
            Paragraphs(
                P(
                    T(
                        en="The data controller is the City of Nice, lead partner of the "
                        "PACTESUR projects. You can reach us through the contact form or at "
                        "contact@pactesur.eu.",
                        fr="Le responsable du traitement est la Ville de Nice, chef de file "
                        "des projets PACTESUR. Vous pouvez nous joindre au moyen du "
                        "formulaire de contact ou à l’adresse contact@pactesur.eu.",
                        it="Il titolare del trattamento è la Città di Nizza, capofila dei "
                        "progetti PACTESUR. Potete contattarci tramite il modulo di contatto "
                        "o all’indirizzo contact@pactesur.eu.",
                        es="El responsable del tratamiento es la Ciudad de Niza, socio "
                        "principal de los proyectos PACTESUR. Puede ponerse en contacto con "
                        "nosotros a través del formulario de contacto o en la dirección "
                        "contact@pactesur.eu.",
                    )
                )
            ),
            Heading(
                T(
                    en="What we collect and why",
                    fr="Données collectées et finalités",
                    it="Quali dati raccogliamo e perché",
                    es="Qué datos recogemos y por qué",
                )
            ),
            Paragraphs(
                UL(
                    (
                        T(
                            en="**Event registrations:** your name, e-mail address, "
                            "organisation and, where asked, your role, to manage your place, "
                            "send you practical information and keep a waiting list. The "
                            "legal basis is your consent, given when you register.",
                            fr="**Inscriptions aux événements :** vos nom, adresse "
                            "électronique, organisation et, le cas échéant, votre fonction, "
                            "pour gérer votre place, vous envoyer les informations pratiques "
                            "et tenir une liste d’attente. La base juridique est votre "
                            "consentement, donné lors de l’inscription.",
                            it="**Iscrizioni agli eventi:** nome, indirizzo e-mail, "
                            "organizzazione e, se richiesto, ruolo, per gestire il vostro "
                            "posto, inviarvi le informazioni pratiche e tenere una lista "
                            "d’attesa. La base giuridica è il vostro consenso, espresso al "
                            "momento dell’iscrizione.",
                            es="**Inscripciones en eventos:** su nombre, dirección de correo "
                            "electrónico, organización y, cuando se solicite, su cargo, para "
                            "gestionar su plaza, enviarle información práctica y llevar una "
                            "lista de espera. La base jurídica es su consentimiento, otorgado "
                            "al inscribirse.",
                        ),
                        T(
                            en="**Contact messages:** your name, e-mail address, organisation "
                            "if you give it, and your message, in order to answer you. The "
                            "legal basis is our legitimate interest in replying to the people "
                            "who write to us.",
                            fr="**Messages de contact :** vos nom, adresse électronique, "
                            "organisation si vous l’indiquez, et votre message, afin de vous "
                            "répondre. La base juridique est notre intérêt légitime à "
                            "répondre aux personnes qui nous écrivent.",
                            it="**Messaggi di contatto:** nome, indirizzo e-mail, "
                            "organizzazione se indicata e il vostro messaggio, per potervi "
                            "rispondere. La base giuridica è il nostro legittimo interesse a "
                            "rispondere a chi ci scrive.",
                            es="**Mensajes de contacto:** su nombre, dirección de correo "
                            "electrónico, organización si la indica y su mensaje, para poder "
                            "responderle. La base jurídica es nuestro interés legítimo en "
                            "responder a quienes nos escriben.",
                        ),
                    )
                )
            ),
            Heading(
                T(
                    en="How long we keep your data",
                    fr="Durée de conservation",
                    it="Per quanto tempo conserviamo i dati",
                    es="Cuánto tiempo conservamos sus datos",
                )
            ),
            Paragraphs(
                P(
                    T(
                        en="Registration data is deleted automatically a set number of days "
                        "after the event; only anonymous attendance figures may be kept. "
                        "Contact messages are kept for at most one year after our last "
                        "exchange.",
                        fr="Les données d’inscription sont supprimées automatiquement un "
                        "nombre de jours déterminé après l’événement ; seuls des chiffres de "
                        "participation anonymes peuvent être conservés. Les messages de "
                        "contact sont conservés au maximum un an après notre dernier "
                        "échange.",
                        it="I dati di iscrizione vengono cancellati automaticamente un numero "
                        "stabilito di giorni dopo l’evento; possono essere conservati "
                        "soltanto dati anonimi sulla partecipazione. I messaggi di contatto "
                        "sono conservati al massimo per un anno dopo l’ultimo scambio.",
                        es="Los datos de inscripción se eliminan automáticamente un número "
                        "determinado de días después del evento; solo pueden conservarse "
                        "cifras anónimas de asistencia. Los mensajes de contacto se "
                        "conservan como máximo un año después de nuestro último intercambio.",
                    )
                )
            ),
            Heading(
                T(
                    en="Who sees your data",
                    fr="Destinataires des données",
                    it="Chi vede i vostri dati",
                    es="Quién ve sus datos",
                )
            ),
            Paragraphs(
                P(
                    T(
                        en="Only the staff of the partner that organises the event, or that "
                        "answers your message, can see your data. We do not sell it or share "
                        "it with anyone else, and it is stored in the European Union.",
                        fr="Seul le personnel du partenaire qui organise l’événement ou qui "
                        "répond à votre message a accès à vos données. Nous ne les vendons "
                        "pas, ne les communiquons à personne d’autre, et elles sont "
                        "hébergées dans l’Union européenne.",
                        it="Solo il personale del partner che organizza l’evento o che "
                        "risponde al vostro messaggio può vedere i vostri dati. Non li "
                        "vendiamo né li condividiamo con altri, e sono conservati "
                        "nell’Unione europea.",
                        es="Solo el personal del socio que organiza el evento o que responde "
                        "a su mensaje puede ver sus datos. No los vendemos ni los "
                        "compartimos con nadie más, y se almacenan en la Unión Europea.",
                    )
                )
            ),
            Heading(
                T(
                    en="Cookies and trackers",
                    fr="Cookies et traceurs",
                    it="Cookie e traccianti",
                    es="Cookies y rastreadores",
                )
            ),
            Paragraphs(
                P(
                    T(
                        en="This site uses no analytics, advertising or social media "
                        "trackers, and loads no third-party fonts or scripts. The only "
                        "cookie is a security cookie set when you fill in a form, which "
                        "protects it against cross-site request forgery.",
                        fr="Ce site n’utilise aucun outil de mesure d’audience, de publicité "
                        "ou de réseaux sociaux, et ne charge aucune police ni aucun script "
                        "tiers. Le seul cookie est un cookie de sécurité, déposé lorsque "
                        "vous remplissez un formulaire, qui le protège contre la "
                        "falsification de requêtes intersites.",
                        it="Questo sito non utilizza strumenti di analisi, pubblicità o "
                        "traccianti dei social network, e non carica font o script di terze "
                        "parti. L’unico cookie è un cookie di sicurezza impostato quando "
                        "compilate un modulo, per proteggerlo dalla falsificazione di "
                        "richieste tra siti.",
                        es="Este sitio no utiliza herramientas de analítica, publicidad ni "
                        "rastreadores de redes sociales, y no carga fuentes ni scripts de "
                        "terceros. La única cookie es una cookie de seguridad que se instala "
                        "cuando rellena un formulario, para protegerlo contra la "
                        "falsificación de peticiones en sitios cruzados.",
                    )
                )
            ),
            Heading(T(en="Your rights", fr="Vos droits", it="I vostri diritti", es="Sus derechos")),
            Paragraphs(
                P(
                    T(
                        en="You have the right to access, correct and delete your data, to "
                        "restrict or object to its processing, to data portability, and to "
                        "withdraw your consent at any time. To exercise these rights, write "
                        "to us through the contact form. You may also lodge a complaint with "
                        "a data protection authority, such as the CNIL in France.",
                        fr="Vous disposez d’un droit d’accès, de rectification et "
                        "d’effacement de vos données, d’un droit à la limitation du "
                        "traitement et d’opposition, d’un droit à la portabilité, et vous "
                        "pouvez retirer votre consentement à tout moment. Pour exercer ces "
                        "droits, écrivez-nous au moyen du formulaire de contact. Vous pouvez "
                        "également introduire une réclamation auprès d’une autorité de "
                        "protection des données, comme la CNIL en France.",
                        it="Avete il diritto di accedere ai vostri dati, di rettificarli e di "
                        "cancellarli, di limitarne il trattamento o di opporvi, il diritto "
                        "alla portabilità e il diritto di revocare il consenso in qualsiasi "
                        "momento. Per esercitare questi diritti, scriveteci tramite il "
                        "modulo di contatto. Potete inoltre proporre reclamo a un’autorità "
                        "di protezione dei dati, come la CNIL in Francia.",
                        es="Tiene derecho a acceder a sus datos, rectificarlos y suprimirlos, "
                        "a limitar su tratamiento u oponerse a él, a la portabilidad de los "
                        "datos y a retirar su consentimiento en cualquier momento. Para "
                        "ejercer estos derechos, escríbanos a través del formulario de "
                        "contacto. También puede presentar una reclamación ante una "
                        "autoridad de protección de datos, como la CNIL en Francia.",
                    )
                )
            ),
        ),
    },
)

LEGAL_NOTICE = PageSpec(
    key="legal-notice",
    model=StandardPage,
    slug="legal-notice",
    parent="home",
    fields={
        "title": T(en="Legal notice", fr="Mentions légales", it="Note legali", es="Aviso legal"),
        "intro": T(
            en="Information about the publisher and the host of this website.",
            fr="Informations sur l’éditeur et l’hébergeur de ce site.",
            it="Informazioni sull’editore e sul fornitore di hosting di questo sito.",
            es="Información sobre el editor y el proveedor de alojamiento de este sitio web.",
        ),
        "body": Stream(
            Heading(T(en="Publisher", fr="Éditeur", it="Editore", es="Editor")),
            Paragraphs(
                P(
                    T(
                        en="This website is published by the City of Nice (France), lead "
                        "partner, on behalf of the PACTESUR consortium. Contact: "
                        "contact@pactesur.eu.",
                        fr="Ce site est édité par la Ville de Nice (France), chef de file, "
                        "pour le compte du consortium PACTESUR. Contact : "
                        "contact@pactesur.eu.",
                        it="Questo sito è pubblicato dalla Città di Nizza (Francia), "
                        "capofila, per conto del consorzio PACTESUR. Contatto: "
                        "contact@pactesur.eu.",
                        es="Este sitio web lo publica la Ciudad de Niza (Francia), socio "
                        "principal, en nombre del consorcio PACTESUR. Contacto: "
                        "contact@pactesur.eu.",
                    )
                )
            ),
            Heading(T(en="Hosting", fr="Hébergement", it="Hosting", es="Alojamiento")),
            Paragraphs(
                P(
                    T(
                        en="The site is hosted in the European Union. The name and address "
                        "of the hosting provider are available on request.",
                        fr="Le site est hébergé dans l’Union européenne. Le nom et l’adresse "
                        "de l’hébergeur sont communiqués sur demande.",
                        it="Il sito è ospitato nell’Unione europea. Il nome e l’indirizzo del "
                        "fornitore di hosting sono disponibili su richiesta.",
                        es="El sitio está alojado en la Unión Europea. El nombre y la "
                        "dirección del proveedor de alojamiento se facilitan previa "
                        "solicitud.",
                    )
                )
            ),
            Heading(
                T(
                    en="Intellectual property",
                    fr="Propriété intellectuelle",
                    it="Proprietà intellettuale",
                    es="Propiedad intelectual",
                )
            ),
            Paragraphs(
                P(
                    T(
                        en="Texts on this site may be reused for non-commercial purposes, "
                        "provided the source is acknowledged. Logos and photographs remain "
                        "the property of their owners.",
                        fr="Les textes de ce site peuvent être réutilisés à des fins non "
                        "commerciales, à condition d’en citer la source. Les logos et les "
                        "photographies restent la propriété de leurs titulaires.",
                        it="I testi di questo sito possono essere riutilizzati per fini non "
                        "commerciali, a condizione di citarne la fonte. Loghi e fotografie "
                        "restano di proprietà dei rispettivi titolari.",
                        es="Los textos de este sitio pueden reutilizarse con fines no "
                        "comerciales, siempre que se cite la fuente. Los logotipos y las "
                        "fotografías siguen siendo propiedad de sus titulares.",
                    )
                )
            ),
            Heading(
                T(
                    en="European Union funding",
                    fr="Financement de l’Union européenne",
                    it="Finanziamento dell’Unione europea",
                    es="Financiación de la Unión Europea",
                )
            ),
            Paragraphs(BOTH_PROJECTS_FUNDED, EU_DISCLAIMER),
        ),
    },
)

CONTACT = PageSpec(
    key="contact",
    model=ContactPage,
    slug="contact",
    parent="home",
    show_in_menus=True,
    fields={
        "title": T(en="Contact", fr="Nous contacter", it="Contatti", es="Contacto"),
        "intro": Rich(
            P(
                T(
                    en="A question about the projects, an idea for a partnership or a request "
                    "from the press? Write to us and the right partner will get back to you.",
                    fr="Une question sur les projets, une idée de partenariat ou une demande "
                    "de la presse ? Écrivez-nous et le partenaire concerné vous répondra.",
                    it="Una domanda sui progetti, un’idea di collaborazione o una richiesta "
                    "della stampa? Scriveteci e vi risponderà il partner competente.",
                    es="¿Una pregunta sobre los proyectos, una idea de colaboración o una "
                    "solicitud de la prensa? Escríbanos y le responderá el socio "
                    "correspondiente.",
                )
            ),
            P(
                T(
                    en="Required fields are marked as such. We use your details only to reply "
                    "to you (see our privacy notice).",
                    fr="Les champs obligatoires sont signalés comme tels. Nous utilisons vos "
                    "coordonnées uniquement pour vous répondre (voir notre page sur la "
                    "protection des données personnelles).",
                    it="I campi obbligatori sono indicati come tali. Usiamo i vostri dati "
                    "solo per rispondervi (consultate la nostra informativa sulla privacy).",
                    es="Los campos obligatorios están señalados como tales. Solo utilizamos "
                    "sus datos para responderle (consulte nuestro aviso de privacidad).",
                )
            ),
        ),
        "thank_you_text": Rich(
            P(
                T(
                    en="Thank you for your message. We will reply as soon as possible, "
                    "usually within a few working days.",
                    fr="Merci pour votre message. Nous vous répondrons dans les meilleurs "
                    "délais, en général sous quelques jours ouvrables.",
                    it="Grazie per il vostro messaggio. Vi risponderemo il prima possibile, "
                    "di solito entro pochi giorni lavorativi.",
                    es="Gracias por su mensaje. Le responderemos lo antes posible, "
                    "normalmente en unos pocos días hábiles.",
                )
            )
        ),
        "subject": T(
            en="New message from the PACTESUR website",
            fr="Nouveau message depuis le site PACTESUR",
            it="Nuovo messaggio dal sito PACTESUR",
            es="Nuevo mensaje desde el sitio web de PACTESUR",
        ),
        "to_address": "contact@pactesur.eu",
        "from_address": "no-reply@pactesur.eu",
    },
    children={
        "form_fields": [
            {
                "key": "contact-name",
                "label": T(
                    en="Full name", fr="Nom et prénom", it="Nome e cognome", es="Nombre y apellidos"
                ),
                "field_type": "singleline",
                "required": True,
            },
            {
                "key": "contact-email",
                "label": T(
                    en="E-mail address",
                    fr="Adresse électronique",
                    it="Indirizzo e-mail",
                    es="Correo electrónico",
                ),
                "help_text": T(
                    en="We will only use it to reply to you.",
                    fr="Elle ne servira qu’à vous répondre.",
                    it="Lo useremo solo per rispondervi.",
                    es="Solo lo utilizaremos para responderle.",
                ),
                "field_type": "email",
                "required": True,
            },
            {
                "key": "contact-organisation",
                "label": T(
                    en="Organisation (optional)",
                    fr="Organisation (facultatif)",
                    it="Organizzazione (facoltativo)",
                    es="Organización (opcional)",
                ),
                "help_text": T(
                    en="For example your city, police force or association.",
                    fr="Par exemple votre ville, votre service de police ou votre association.",
                    it="Ad esempio il vostro comune, il corpo di polizia o l’associazione.",
                    es="Por ejemplo, su ayuntamiento, su cuerpo de policía o su asociación.",
                ),
                "field_type": "singleline",
                "required": False,
            },
            {
                "key": "contact-message",
                "label": T(
                    en="Your message", fr="Votre message", it="Il vostro messaggio", es="Su mensaje"
                ),
                "help_text": T(
                    en="Please do not include sensitive personal data.",
                    fr="Merci de ne pas y inclure de données personnelles sensibles.",
                    it="Vi preghiamo di non includere dati personali sensibili.",
                    es="Le rogamos que no incluya datos personales sensibles.",
                ),
                "field_type": "multiline",
                "required": True,
            },
        ]
    },
)
