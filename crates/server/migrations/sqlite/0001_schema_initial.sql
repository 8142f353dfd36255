-- Clef, initial schema. Dates are ISO 8601 text ('2026-11-30'), money integer cents,
-- surfaces tenths of m². Codes match clef-domain's `Code` spellings.

-- The intercommunal authority (EPCI) that publishes the scoring grid and the CIA targets.
CREATE TABLE territoires (
    id      INTEGER PRIMARY KEY,
    slug    TEXT NOT NULL UNIQUE,
    nom     TEXT NOT NULL
);

CREATE TABLE communes (
    id            INTEGER PRIMARY KEY,
    territoire_id INTEGER NOT NULL REFERENCES territoires (id),
    slug          TEXT NOT NULL UNIQUE,
    nom           TEXT NOT NULL,
    zone          TEXT NOT NULL CHECK (zone IN ('paris_communes_limitrophes', 'ile_de_france', 'autres_regions'))
);

-- Priority neighbourhoods of city policy (quartiers prioritaires de la politique de la ville).
CREATE TABLE qpv (
    id         INTEGER PRIMARY KEY,
    commune_id INTEGER NOT NULL REFERENCES communes (id),
    nom        TEXT NOT NULL,
    UNIQUE (commune_id, nom)
);

-- Social landlords (bailleurs sociaux).
CREATE TABLE bailleurs (
    id            INTEGER PRIMARY KEY,
    territoire_id INTEGER NOT NULL REFERENCES territoires (id),
    slug          TEXT NOT NULL UNIQUE,
    nom           TEXT NOT NULL
);

-- Listings (offres de logement).
CREATE TABLE offres (
    id               INTEGER PRIMARY KEY,
    reference        TEXT NOT NULL UNIQUE,
    bailleur_id      INTEGER NOT NULL REFERENCES bailleurs (id),
    commune_id       INTEGER NOT NULL REFERENCES communes (id),
    qpv_id           INTEGER REFERENCES qpv (id),
    titre            TEXT NOT NULL CHECK (length(titre) BETWEEN 1 AND 120),
    adresse          TEXT NOT NULL CHECK (length(adresse) BETWEEN 1 AND 200),
    description      TEXT NOT NULL,
    typologie        TEXT NOT NULL CHECK (typologie IN ('T1', 'T2', 'T3', 'T4', 'T5', 'T6')),
    pieces           INTEGER NOT NULL CHECK (pieces BETWEEN 1 AND 12),
    surface_dixiemes INTEGER NOT NULL CHECK (surface_dixiemes BETWEEN 1 AND 10000),
    etage            INTEGER NOT NULL CHECK (etage BETWEEN -1 AND 60),
    ascenseur        INTEGER NOT NULL CHECK (ascenseur IN (0, 1)),
    accessible_pmr   INTEGER NOT NULL CHECK (accessible_pmr IN (0, 1)),
    loyer_centimes   INTEGER NOT NULL CHECK (loyer_centimes > 0),
    charges_centimes INTEGER NOT NULL CHECK (charges_centimes >= 0),
    financement      TEXT NOT NULL CHECK (financement IN ('PLAI', 'PLUS', 'PLS')),
    dpe              TEXT NOT NULL CHECK (dpe IN ('A', 'B', 'C', 'D', 'E', 'F', 'G')),
    reservataire     TEXT NOT NULL CHECK (reservataire IN ('etat', 'action_logement', 'collectivite', 'bailleur')),
    ouverture        TEXT NOT NULL CHECK (date(ouverture) = ouverture),
    cloture          TEXT NOT NULL CHECK (date(cloture) = cloture),
    demo             INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0, 1)),
    cree_le          TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    CHECK (cloture >= ouverture)
);
CREATE INDEX offres_par_cloture ON offres (cloture, id);
CREATE INDEX offres_par_commune ON offres (commune_id);

CREATE TABLE photos (
    id               INTEGER PRIMARY KEY,
    offre_id         INTEGER NOT NULL REFERENCES offres (id) ON DELETE CASCADE,
    rang             INTEGER NOT NULL CHECK (rang >= 0),
    url              TEXT NOT NULL,
    texte_alternatif TEXT NOT NULL CHECK (length(texte_alternatif) > 0),
    UNIQUE (offre_id, rang)
);

-- The following tables are filled by later work (accounts, applications, commissions,
-- advisors); they are here so the shape of the data is settled from the start.

-- Applicants (demandeurs), identified by their numéro unique.
CREATE TABLE demandeurs (
    id            INTEGER PRIMARY KEY,
    numero_unique TEXT NOT NULL UNIQUE,
    email         TEXT NOT NULL UNIQUE,
    date_depot    TEXT NOT NULL CHECK (date(date_depot) = date_depot),
    cree_le       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

-- Applications (candidatures): one per applicant and listing.
CREATE TABLE candidatures (
    id           INTEGER PRIMARY KEY,
    offre_id     INTEGER NOT NULL REFERENCES offres (id),
    demandeur_id INTEGER NOT NULL REFERENCES demandeurs (id),
    etat         TEXT NOT NULL CHECK (etat IN ('deposee', 'retiree', 'classee', 'presentee', 'attribuee', 'non_retenue')),
    deposee_le   TEXT NOT NULL,
    UNIQUE (offre_id, demandeur_id)
);

-- Landlord staff, bound to one organisation.
CREATE TABLE agents_bailleur (
    id          INTEGER PRIMARY KEY,
    bailleur_id INTEGER NOT NULL REFERENCES bailleurs (id),
    email       TEXT NOT NULL UNIQUE,
    nom         TEXT NOT NULL
);

-- Structures that help applicants (France Services counters, social services).
CREATE TABLE structures_accompagnement (
    id            INTEGER PRIMARY KEY,
    territoire_id INTEGER NOT NULL REFERENCES territoires (id),
    nom           TEXT NOT NULL
);

-- Advisors (conseillers), acting for applicants only under a mandate.
CREATE TABLE conseillers (
    id           INTEGER PRIMARY KEY,
    structure_id INTEGER NOT NULL REFERENCES structures_accompagnement (id),
    email        TEXT NOT NULL UNIQUE,
    nom          TEXT NOT NULL
);
