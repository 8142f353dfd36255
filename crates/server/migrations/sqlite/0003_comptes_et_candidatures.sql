-- Accounts, sessions, applicants' requests, applications, notifications, saved searches,
-- frozen rankings and published results. Times are Unix seconds (INTEGER) where the server
-- compares them, ISO 8601 text where people read them.

-- The placeholder tables of 0001 were never filled: they are replaced by their real shape.
DROP TABLE candidatures;
DROP TABLE demandeurs;

-- Everyone who logs in. The e-mail is compared without case.
CREATE TABLE comptes (
    id           INTEGER PRIMARY KEY,
    email        TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(email) BETWEEN 3 AND 254),
    -- argon2id, PHC string format.
    mot_de_passe TEXT NOT NULL CHECK (mot_de_passe LIKE '$argon2id$%'),
    role         TEXT NOT NULL CHECK (role IN ('demandeur', 'bailleur', 'conseiller', 'territoire')),
    demo         INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0, 1)),
    cree_le      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

-- Server-side sessions: the cookie holds a random token, the database only its SHA-256.
CREATE TABLE sessions (
    empreinte   TEXT PRIMARY KEY,
    compte_id   INTEGER NOT NULL REFERENCES comptes (id) ON DELETE CASCADE,
    csrf        TEXT NOT NULL,
    cree_a      INTEGER NOT NULL,
    vu_a        INTEGER NOT NULL,
    expire_a    INTEGER NOT NULL
);
CREATE INDEX sessions_par_compte ON sessions (compte_id);

-- Failed log-ins, per account e-mail and per client address, for rate limiting.
CREATE TABLE echecs_connexion (
    id     INTEGER PRIMARY KEY,
    cle    TEXT NOT NULL,
    a      INTEGER NOT NULL
);
CREATE INDEX echecs_connexion_par_cle ON echecs_connexion (cle, a);

-- Applicants (demandeurs). `dossier` is the JSON of clef-domain's `DemandeSaisie`, always
-- valid when present (checked by the rules crate before it is written).
CREATE TABLE demandeurs (
    id             INTEGER PRIMARY KEY,
    compte_id      INTEGER NOT NULL UNIQUE REFERENCES comptes (id) ON DELETE CASCADE,
    numero_unique  TEXT NOT NULL UNIQUE,
    dossier        TEXT CHECK (dossier IS NULL OR json_valid(dossier)),
    dossier_maj_le TEXT
);

-- Applications (candidatures): one per applicant and listing; a withdrawn one may be
-- filed again while the window is open. Rank and score are written when the ranking is
-- frozen at closing (NULL before, and for ineligible households).
CREATE TABLE candidatures (
    id           INTEGER PRIMARY KEY,
    offre_id     INTEGER NOT NULL REFERENCES offres (id),
    demandeur_id INTEGER NOT NULL REFERENCES demandeurs (id),
    etat         TEXT NOT NULL CHECK (etat IN ('deposee', 'retiree', 'classee', 'presentee', 'attribuee', 'non_retenue')),
    deposee_le   TEXT NOT NULL CHECK (date(deposee_le) = deposee_le),
    retiree_le   TEXT CHECK (retiree_le IS NULL OR date(retiree_le) = retiree_le),
    rang         INTEGER CHECK (rang IS NULL OR rang > 0),
    score        INTEGER CHECK (score IS NULL OR score >= 0),
    -- Frozen at closing: the JSON of clef-domain's `Verdict` and `Score`.
    verdict      TEXT CHECK (verdict IS NULL OR json_valid(verdict)),
    cotation     TEXT CHECK (cotation IS NULL OR json_valid(cotation)),
    UNIQUE (offre_id, demandeur_id)
);
CREATE INDEX candidatures_par_demandeur ON candidatures (demandeur_id, etat);

-- A frozen ranking: the grid version used and when.
CREATE TABLE classements (
    offre_id       INTEGER PRIMARY KEY REFERENCES offres (id),
    grille_version INTEGER NOT NULL CHECK (grille_version > 0),
    classe_le      TEXT NOT NULL CHECK (date(classe_le) = classe_le),
    candidatures   INTEGER NOT NULL CHECK (candidatures >= 0),
    eligibles      INTEGER NOT NULL CHECK (eligibles >= 0 AND eligibles <= candidatures)
);

-- The published, anonymised outcome of a letting.
CREATE TABLE resultats (
    offre_id       INTEGER PRIMARY KEY REFERENCES classements (offre_id),
    decide_le      TEXT NOT NULL CHECK (date(decide_le) = decide_le),
    attribue_rang  INTEGER NOT NULL CHECK (attribue_rang > 0),
    attribue_score INTEGER NOT NULL CHECK (attribue_score >= 0)
);

-- Higher-ranked candidates the commission passed over, with the recorded motive.
CREATE TABLE passages (
    id        INTEGER PRIMARY KEY,
    offre_id  INTEGER NOT NULL REFERENCES resultats (offre_id),
    rang      INTEGER NOT NULL CHECK (rang > 0),
    score     INTEGER NOT NULL CHECK (score >= 0),
    motif     TEXT NOT NULL CHECK (motif IN ('desistement', 'logement_inadapte', 'taux_effort_excessif', 'dossier_incomplet', 'objectif_mixite')),
    precision TEXT NOT NULL CHECK (length(precision) <= 500),
    UNIQUE (offre_id, rang)
);

-- Searches saved from the filters; `derniere_offre` is the highest listing id already
-- considered, so only listings added later are announced.
CREATE TABLE recherches (
    id             INTEGER PRIMARY KEY,
    demandeur_id   INTEGER NOT NULL REFERENCES demandeurs (id) ON DELETE CASCADE,
    nom            TEXT NOT NULL CHECK (length(nom) BETWEEN 1 AND 80),
    requete        TEXT NOT NULL CHECK (length(requete) <= 500),
    derniere_offre INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE notifications (
    id             INTEGER PRIMARY KEY,
    demandeur_id   INTEGER NOT NULL REFERENCES demandeurs (id) ON DELETE CASCADE,
    genre          TEXT NOT NULL CHECK (genre IN ('candidature_deposee', 'candidature_retiree', 'offre_cloturee', 'candidature_classee', 'presentee_en_commission', 'attribuee', 'non_retenue', 'nouvelle_offre')),
    offre_id       INTEGER REFERENCES offres (id),
    candidature_id INTEGER REFERENCES candidatures (id),
    recherche_id   INTEGER REFERENCES recherches (id) ON DELETE SET NULL,
    lue            INTEGER NOT NULL DEFAULT 0 CHECK (lue IN (0, 1)),
    cree_le        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX notifications_par_demandeur ON notifications (demandeur_id, id);
-- Closings and new listings are found by looking; looking twice must not announce twice.
CREATE UNIQUE INDEX notifications_une_fois ON notifications (demandeur_id, genre, offre_id)
    WHERE genre IN ('offre_cloturee', 'nouvelle_offre');
