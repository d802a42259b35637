"""Texts used in several places (the pillars, the funding statement, common headings)."""

from .spec import P, Pillar, T

PACTESUR_PILLARS = (
    Pillar(
        T(
            en="Standards and local governance",
            fr="Normes et gouvernance locale",
            it="Norme e governance locale",
            es="Normas y gobernanza local",
        ),
        T(
            en="A thorough look at the standards, legal frameworks and local governance "
            "arrangements that shape the security of public spaces.",
            fr="Une analyse approfondie des normes, des cadres juridiques et des modes de "
            "gouvernance locale qui encadrent la sécurité des espaces publics.",
            it="Un’analisi approfondita delle norme, dei quadri giuridici e dei modelli di "
            "governance locale che regolano la sicurezza degli spazi pubblici.",
            es="Un análisis en profundidad de las normas, los marcos jurídicos y los modelos "
            "de gobernanza local que rigen la seguridad de los espacios públicos.",
        ),
    ),
    Pillar(
        T(
            en="Specialised training",
            fr="Formation spécialisée",
            it="Formazione specialistica",
            es="Formación especializada",
        ),
        T(
            en="Training courses designed for local police officers and the other "
            "practitioners who keep public spaces safe.",
            fr="Des formations conçues pour les policiers municipaux et les autres "
            "professionnels qui veillent à la sécurité des espaces publics.",
            it="Corsi di formazione pensati per gli agenti di polizia locale e per gli altri "
            "operatori che garantiscono la sicurezza degli spazi pubblici.",
            es="Cursos de formación pensados para los agentes de policía local y los demás "
            "profesionales que velan por la seguridad de los espacios públicos.",
        ),
    ),
    Pillar(
        T(
            en="Awareness among citizens and elected officials",
            fr="Sensibilisation des citoyens et des élus",
            it="Sensibilizzazione di cittadini e amministratori",
            es="Sensibilización de la ciudadanía y de los cargos electos",
        ),
        T(
            en="Helping residents and politicians see the part they play in prevention and "
            "in the security of the places they share.",
            fr="Aider les habitants et les responsables politiques à prendre conscience de "
            "leur rôle dans la prévention et dans la sécurité des lieux qu’ils partagent.",
            it="Aiutare cittadini e amministratori a riconoscere il proprio ruolo nella "
            "prevenzione e nella sicurezza dei luoghi che condividono.",
            es="Ayudar a vecinos y responsables políticos a reconocer su papel en la "
            "prevención y en la seguridad de los lugares que comparten.",
        ),
    ),
    Pillar(
        T(
            en="Well-targeted local investments",
            fr="Des investissements locaux bien ciblés",
            it="Investimenti locali mirati",
            es="Inversiones locales bien orientadas",
        ),
        T(
            en="Sharing experience from the field to choose the investments that best "
            "protect open public spaces without closing them off.",
            fr="Partager l’expérience de terrain pour choisir les investissements qui "
            "protègent le mieux les espaces publics ouverts, sans les fermer.",
            it="Condividere l’esperienza sul campo per scegliere gli investimenti che "
            "proteggono meglio gli spazi pubblici aperti, senza chiuderli.",
            es="Compartir la experiencia sobre el terreno para elegir las inversiones que "
            "mejor protegen los espacios públicos abiertos, sin cerrarlos.",
        ),
    ),
)

FUNDING_PROGRAMME = T(
    en="Internal Security Fund – Police (ISF-P)",
    fr="Fonds pour la sécurité intérieure – volet Police (FSI-P)",
    it="Fondo Sicurezza Interna – Polizia (ISF-P)",
    es="Fondo de Seguridad Interior – Policía (FSI-P)",
)

BOTH_PROJECTS_FUNDED = P(
    T(
        en="Both projects are co-funded by the European Union’s Internal Security Fund – "
        "Police (ISF-P).",
        fr="Les deux projets sont cofinancés par le Fonds pour la sécurité intérieure – "
        "volet Police (FSI-P) de l’Union européenne.",
        it="Entrambi i progetti sono cofinanziati dal Fondo Sicurezza Interna – Polizia "
        "(ISF-P) dell’Unione europea.",
        es="Ambos proyectos están cofinanciados por el Fondo de Seguridad Interior – "
        "Policía (FSI-P) de la Unión Europea.",
    )
)

EU_DISCLAIMER = P(
    T(
        en="Views and opinions expressed on this site are those of the authors only and do "
        "not necessarily reflect those of the European Union. Neither the European Union "
        "nor the granting authority can be held responsible for them.",
        fr="Les points de vue et les opinions exprimés sur ce site n’engagent que leurs "
        "auteurs et ne reflètent pas nécessairement ceux de l’Union européenne. Ni l’Union "
        "européenne ni l’autorité chargée de l’octroi ne peuvent en être tenues pour "
        "responsables.",
        it="I punti di vista e le opinioni espressi su questo sito sono esclusivamente "
        "quelli degli autori e non riflettono necessariamente quelli dell’Unione europea. "
        "Né l’Unione europea né l’autorità che concede il finanziamento possono esserne "
        "ritenute responsabili.",
        es="Los puntos de vista y las opiniones expresados en este sitio son únicamente los "
        "de sus autores y no reflejan necesariamente los de la Unión Europea. Ni la Unión "
        "Europea ni la autoridad otorgante pueden ser consideradas responsables de ellos.",
    )
)

FUNDING_HEADING = T(en="Funding", fr="Financement", it="Finanziamento", es="Financiación")
CONSORTIUM_HEADING = T(
    en="The consortium", fr="Le consortium", it="Il consorzio", es="El consorcio"
)
