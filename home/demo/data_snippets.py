"""Partners and cities of the PACTESUR projects, in the four languages of the site.

Official websites are given only where they are well established; coordinates are the
usual city-centre ones, rounded to four decimals.
"""

from decimal import Decimal

from partners.models import PartnerKind, PopulationBand

from .spec import P, Rich, SnippetSpec, T


def _city(key, name, country, lat, lon, band, website, description):
    return SnippetSpec(
        key=key,
        fields={
            "name": name,
            "country": country,
            "latitude": Decimal(lat),
            "longitude": Decimal(lon),
            "population_band": band,
            "website": website,
            "description": Rich(P(description)),
        },
    )


PARTNERS = [
    SnippetSpec(
        key="nice",
        fields={
            "name": T(
                en="City of Nice",
                fr="Ville de Nice",
                it="Città di Nizza",
                es="Ciudad de Niza",
            ),
            "short_name": T(en="Nice", fr="Nice", it="Nizza", es="Niza"),
            "kind": PartnerKind.CITY,
            "country": "FR",
            "website": "https://www.nice.fr/",
            "description": Rich(
                P(
                    T(
                        en="Lead partner of PACTESUR and PACTESUR2, the City of Nice "
                        "coordinates the consortium and its activities.",
                        fr="Chef de file de PACTESUR et de PACTESUR2, la Ville de Nice "
                        "coordonne le consortium et ses activités.",
                        it="Capofila di PACTESUR e PACTESUR2, la Città di Nizza coordina "
                        "il consorzio e le sue attività.",
                        es="Socio principal de PACTESUR y PACTESUR2, la Ciudad de Niza "
                        "coordina el consorcio y sus actividades.",
                    )
                )
            ),
        },
    ),
    SnippetSpec(
        key="torino",
        fields={
            "name": T(
                en="City of Turin",
                fr="Ville de Turin",
                it="Città di Torino",
                es="Ciudad de Turín",
            ),
            "short_name": T(en="Turin", fr="Turin", it="Torino", es="Turín"),
            "kind": PartnerKind.CITY,
            "country": "IT",
            "website": "https://www.comune.torino.it/",
            "description": Rich(
                P(
                    T(
                        en="Flagship city of PACTESUR and PACTESUR2, Turin brings the "
                        "experience of its local police to the consortium.",
                        fr="Ville phare de PACTESUR et de PACTESUR2, Turin apporte au "
                        "consortium l’expérience de sa police locale.",
                        it="Città faro di PACTESUR e PACTESUR2, Torino mette a disposizione "
                        "del consorzio l’esperienza della sua Polizia Locale.",
                        es="Ciudad faro de PACTESUR y PACTESUR2, Turín aporta al consorcio "
                        "la experiencia de su policía local.",
                    )
                )
            ),
        },
    ),
    SnippetSpec(
        key="anci-piemonte",
        fields={
            "name": T(
                en="National Association of Italian Municipalities – Piedmont",
                fr="Association nationale des communes italiennes – Piémont",
                it="Associazione Nazionale Comuni Italiani – Piemonte",
                es="Asociación Nacional de Municipios Italianos – Piamonte",
            ),
            "short_name": T.same("ANCI Piemonte"),
            "kind": PartnerKind.MUNICIPAL_ASSOCIATION,
            "country": "IT",
            "website": "https://anci.piemonte.it/",
            "description": Rich(
                P(
                    T(
                        en="ANCI Piemonte represents the municipalities of Piedmont and "
                        "shares the projects’ results with local authorities across Italy.",
                        fr="L’ANCI Piemonte représente les communes du Piémont et diffuse "
                        "les résultats des projets auprès des collectivités de toute "
                        "l’Italie.",
                        it="ANCI Piemonte rappresenta i comuni piemontesi e diffonde i "
                        "risultati dei progetti presso gli enti locali di tutta Italia.",
                        es="ANCI Piemonte representa a los municipios del Piamonte y "
                        "difunde los resultados de los proyectos entre las autoridades "
                        "locales de toda Italia.",
                    )
                )
            ),
        },
    ),
    SnippetSpec(
        key="liege",
        fields={
            "name": T(
                en="City of Liège",
                fr="Ville de Liège",
                it="Città di Liegi",
                es="Ciudad de Lieja",
            ),
            "short_name": T(en="Liège", fr="Liège", it="Liegi", es="Lieja"),
            "kind": PartnerKind.CITY,
            "country": "BE",
            "website": "https://www.liege.be/",
            "description": Rich(
                P(
                    T(
                        en="Flagship city of PACTESUR and PACTESUR2, Liège hosted the "
                        "PACTESUR Local Governance Workshop in May 2021.",
                        fr="Ville phare de PACTESUR et de PACTESUR2, Liège a accueilli "
                        "l’atelier PACTESUR sur la gouvernance locale en mai 2021.",
                        it="Città faro di PACTESUR e PACTESUR2, Liegi ha ospitato il "
                        "workshop PACTESUR sulla governance locale nel maggio 2021.",
                        es="Ciudad faro de PACTESUR y PACTESUR2, Lieja acogió el taller "
                        "de PACTESUR sobre gobernanza local en mayo de 2021.",
                    )
                )
            ),
        },
    ),
    SnippetSpec(
        key="madrid",
        fields={
            "name": T(
                en="City of Madrid",
                fr="Ville de Madrid",
                it="Città di Madrid",
                es="Ayuntamiento de Madrid",
            ),
            "short_name": T.same("Madrid"),
            "kind": PartnerKind.CITY,
            "country": "ES",
            "website": "https://www.madrid.es/",
            "description": Rich(
                P(
                    T(
                        en="Madrid took part in the PACTESUR working group of European "
                        "cities before becoming a flagship city of PACTESUR2.",
                        fr="Madrid a participé au groupe de travail de villes européennes "
                        "de PACTESUR avant de devenir ville phare de PACTESUR2.",
                        it="Madrid ha partecipato al gruppo di lavoro di città europee di "
                        "PACTESUR prima di diventare città faro di PACTESUR2.",
                        es="Madrid participó en el grupo de trabajo de ciudades europeas "
                        "de PACTESUR antes de convertirse en ciudad faro de PACTESUR2.",
                    )
                )
            ),
        },
    ),
    SnippetSpec(
        key="efus",
        fields={
            "name": T(
                en="European Forum for Urban Security",
                fr="Forum européen pour la sécurité urbaine",
                it="Forum europeo per la sicurezza urbana",
                es="Foro Europeo para la Seguridad Urbana",
            ),
            "short_name": T.same("Efus"),
            "kind": PartnerKind.EUROPEAN_NETWORK,
            "country": "FR",
            "website": "https://efus.eu/",
            "description": Rich(
                P(
                    T(
                        en="The European network of local and regional authorities working "
                        "on urban security. Efus led the PACTESUR working group of eleven "
                        "cities and shares the results of both projects with its members.",
                        fr="Le réseau européen des collectivités locales et régionales "
                        "engagées sur la sécurité urbaine. L’Efus a animé le groupe de "
                        "travail de onze villes de PACTESUR et diffuse les résultats des "
                        "deux projets auprès de ses membres.",
                        it="La rete europea degli enti locali e regionali impegnati sulla "
                        "sicurezza urbana. Efus ha coordinato il gruppo di lavoro di undici "
                        "città di PACTESUR e diffonde i risultati di entrambi i progetti "
                        "tra i suoi membri.",
                        es="La red europea de autoridades locales y regionales comprometidas "
                        "con la seguridad urbana. Efus coordinó el grupo de trabajo de once "
                        "ciudades de PACTESUR y difunde los resultados de ambos proyectos "
                        "entre sus miembros.",
                    )
                )
            ),
        },
    ),
    SnippetSpec(
        key="nca",
        fields={
            "name": T.same("Métropole Nice Côte d’Azur"),
            "short_name": T.same("NCA"),
            # A metropolitan authority grouping the municipalities of the Nice area: the
            # closest of the available kinds.
            "kind": PartnerKind.MUNICIPAL_ASSOCIATION,
            "country": "FR",
            "website": "https://www.nicecotedazur.org/",
            "description": Rich(
                P(
                    T(
                        en="The metropolitan authority of the Nice area, a partner of the "
                        "first PACTESUR project.",
                        fr="La métropole de l’agglomération niçoise, partenaire du premier "
                        "projet PACTESUR.",
                        it="L’ente metropolitano dell’area di Nizza, partner del primo "
                        "progetto PACTESUR.",
                        es="La entidad metropolitana del área de Niza, socia del primer "
                        "proyecto PACTESUR.",
                    )
                )
            ),
        },
    ),
]


CITIES = [
    _city(
        "nice",
        T(en="Nice", fr="Nice", it="Nizza", es="Niza"),
        "FR",
        "43.7034",
        "7.2663",
        PopulationBand.FROM_250K,
        "https://www.nice.fr/",
        T(
            en="France’s fifth-largest city, on the Mediterranean coast, known for its "
            "Promenade des Anglais.",
            fr="Cinquième ville de France, sur la côte méditerranéenne, connue pour sa "
            "promenade des Anglais.",
            it="Quinta città della Francia, sulla costa mediterranea, famosa per la sua "
            "Promenade des Anglais.",
            es="Quinta ciudad de Francia, a orillas del Mediterráneo, conocida por su "
            "Paseo de los Ingleses.",
        ),
    ),
    _city(
        "torino",
        T(en="Turin", fr="Turin", it="Torino", es="Turín"),
        "IT",
        "45.0703",
        "7.6869",
        PopulationBand.FROM_250K,
        "https://www.comune.torino.it/",
        T(
            en="Capital of Piedmont, in north-western Italy, on the river Po.",
            fr="Capitale du Piémont, dans le nord-ouest de l’Italie, sur les rives du Pô.",
            it="Capoluogo del Piemonte, nell’Italia nord-occidentale, sulle rive del Po.",
            es="Capital del Piamonte, en el noroeste de Italia, a orillas del Po.",
        ),
    ),
    _city(
        "liege",
        T(en="Liège", fr="Liège", it="Liegi", es="Lieja"),
        "BE",
        "50.6326",
        "5.5797",
        PopulationBand.FROM_50K,
        "https://www.liege.be/",
        T(
            en="The largest city of Wallonia, in eastern Belgium, on the river Meuse.",
            fr="La plus grande ville de Wallonie, dans l’est de la Belgique, sur la Meuse.",
            it="La città più grande della Vallonia, nel Belgio orientale, sulla Mosa.",
            es="La mayor ciudad de Valonia, en el este de Bélgica, a orillas del Mosa.",
        ),
    ),
    _city(
        "madrid",
        T.same("Madrid"),
        "ES",
        "40.4168",
        "-3.7038",
        PopulationBand.OVER_1M,
        "https://www.madrid.es/",
        T(
            en="Capital of Spain and its largest city.",
            fr="Capitale de l’Espagne et sa plus grande ville.",
            it="Capitale della Spagna e sua città più popolosa.",
            es="Capital de España y su ciudad más poblada.",
        ),
    ),
    _city(
        "athens",
        T(en="Athens", fr="Athènes", it="Atene", es="Atenas"),
        "GR",
        "37.9838",
        "23.7275",
        PopulationBand.FROM_250K,
        "https://www.cityofathens.gr/",
        T(
            en="Capital of Greece.",
            fr="Capitale de la Grèce.",
            it="Capitale della Grecia.",
            es="Capital de Grecia.",
        ),
    ),
    _city(
        "edinburgh",
        T(en="Edinburgh", fr="Édimbourg", it="Edimburgo", es="Edimburgo"),
        "GB",
        "55.9533",
        "-3.1883",
        PopulationBand.FROM_250K,
        "https://www.edinburgh.gov.uk/",
        T(
            en="Capital of Scotland.",
            fr="Capitale de l’Écosse.",
            it="Capitale della Scozia.",
            es="Capital de Escocia.",
        ),
    ),
    _city(
        "essen",
        T.same("Essen"),
        "DE",
        "51.4556",
        "7.0116",
        PopulationBand.FROM_250K,
        "https://www.essen.de/",
        T(
            en="One of the main cities of the Ruhr, in North Rhine-Westphalia, Germany.",
            fr="L’une des principales villes de la Ruhr, en Rhénanie-du-Nord-Westphalie "
            "(Allemagne).",
            it="Una delle principali città della Ruhr, nella Renania Settentrionale-"
            "Vestfalia (Germania).",
            es="Una de las principales ciudades del Ruhr, en Renania del Norte-Westfalia "
            "(Alemania).",
        ),
    ),
    _city(
        "gdansk",
        T(en="Gdańsk", fr="Gdańsk", it="Danzica", es="Gdańsk"),
        "PL",
        "54.3520",
        "18.6466",
        PopulationBand.FROM_250K,
        "https://www.gdansk.pl/",
        T(
            en="Port city on the Baltic coast of Poland.",
            fr="Ville portuaire de la côte balte, en Pologne.",
            it="Città portuale sulla costa baltica della Polonia.",
            es="Ciudad portuaria de la costa báltica de Polonia.",
        ),
    ),
    _city(
        "leeds",
        T.same("Leeds"),
        "GB",
        "53.8008",
        "-1.5491",
        PopulationBand.FROM_250K,
        "https://www.leeds.gov.uk/",
        T(
            en="A major city of West Yorkshire, in the north of England.",
            fr="Grande ville du Yorkshire de l’Ouest, dans le nord de l’Angleterre.",
            it="Grande città del West Yorkshire, nel nord dell’Inghilterra.",
            es="Gran ciudad de Yorkshire del Oeste, en el norte de Inglaterra.",
        ),
    ),
    _city(
        "lisboa",
        T(en="Lisbon", fr="Lisbonne", it="Lisbona", es="Lisboa"),
        "PT",
        "38.7223",
        "-9.1393",
        PopulationBand.FROM_250K,
        "https://www.lisboa.pt/",
        T(
            en="Capital of Portugal, at the mouth of the Tagus.",
            fr="Capitale du Portugal, à l’embouchure du Tage.",
            it="Capitale del Portogallo, alla foce del Tago.",
            es="Capital de Portugal, en la desembocadura del Tajo.",
        ),
    ),
    _city(
        "london",
        T(en="London", fr="Londres", it="Londra", es="Londres"),
        "GB",
        "51.5072",
        "-0.1276",
        PopulationBand.OVER_1M,
        "https://www.london.gov.uk/",
        T(
            en="Capital of the United Kingdom.",
            fr="Capitale du Royaume-Uni.",
            it="Capitale del Regno Unito.",
            es="Capital del Reino Unido.",
        ),
    ),
    _city(
        "munich",
        T(en="Munich", fr="Munich", it="Monaco di Baviera", es="Múnich"),
        "DE",
        "48.1351",
        "11.5820",
        PopulationBand.OVER_1M,
        "https://www.muenchen.de/",
        T(
            en="Capital of Bavaria, in southern Germany.",
            fr="Capitale de la Bavière, dans le sud de l’Allemagne.",
            it="Capoluogo della Baviera, nella Germania meridionale.",
            es="Capital de Baviera, en el sur de Alemania.",
        ),
    ),
    _city(
        "riga",
        T.same("Riga"),
        "LV",
        "56.9496",
        "24.1052",
        PopulationBand.FROM_250K,
        "https://www.riga.lv/",
        T(
            en="Capital of Latvia, on the Gulf of Riga.",
            fr="Capitale de la Lettonie, sur le golfe de Riga.",
            it="Capitale della Lettonia, sul golfo di Riga.",
            es="Capital de Letonia, a orillas del golfo de Riga.",
        ),
    ),
    _city(
        "xabia",
        T.same("Xàbia"),
        "ES",
        "38.7896",
        "0.1661",
        PopulationBand.UNDER_50K,
        "https://www.xabia.org/",
        T(
            en="Coastal town on the Costa Blanca, in the province of Alicante.",
            fr="Ville côtière de la Costa Blanca, dans la province d’Alicante.",
            it="Cittadina costiera della Costa Blanca, in provincia di Alicante.",
            es="Localidad costera de la Costa Blanca, en la provincia de Alicante.",
        ),
    ),
]
