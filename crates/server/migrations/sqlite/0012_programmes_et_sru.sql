-- The territory's other levers, as data it maintains: each housing programme's fragility
-- class under the intercommunal collective agreement (ACI), matched to listings by street
-- as QPVs are; each commune's social-housing inventory against its SRU obligation.

CREATE TABLE programmes (
    id         INTEGER PRIMARY KEY,
    commune_id INTEGER NOT NULL REFERENCES communes (id),
    nom        TEXT NOT NULL CHECK (length(nom) BETWEEN 1 AND 120),
    voie       TEXT NOT NULL CHECK (length(voie) BETWEEN 1 AND 120),
    fragilite  TEXT NOT NULL CHECK (fragilite IN ('fragile', 'a_surveiller', 'equilibre')),
    UNIQUE (commune_id, voie)
);

CREATE TABLE sru (
    commune_id             INTEGER PRIMARY KEY REFERENCES communes (id),
    annee                  INTEGER NOT NULL CHECK (annee BETWEEN 2000 AND 2100),
    logements_sociaux      INTEGER NOT NULL CHECK (logements_sociaux >= 0),
    residences_principales INTEGER NOT NULL CHECK (residences_principales > 0),
    taux_obligation        INTEGER NOT NULL CHECK (taux_obligation IN (20, 25))
);
