-- Advisors of support structures (France Services), the mandates applicants give those
-- structures, and the journal of what advisors did under them. The placeholder tables of
-- 0001 were never filled: they are replaced by their real shape.

DROP TABLE conseillers;
DROP TABLE structures_accompagnement;

CREATE TABLE structures (
    id            INTEGER PRIMARY KEY,
    territoire_id INTEGER NOT NULL REFERENCES territoires (id),
    slug          TEXT NOT NULL UNIQUE,
    nom           TEXT NOT NULL CHECK (length(nom) BETWEEN 1 AND 120),
    commune       TEXT NOT NULL CHECK (length(commune) BETWEEN 1 AND 120)
);

-- An advisor's account, bound to one structure, with its TOTP secret (base32). A code is
-- accepted once: `dernier_pas` is the last 30-second step used.
CREATE TABLE conseillers (
    compte_id    INTEGER PRIMARY KEY REFERENCES comptes (id) ON DELETE CASCADE,
    structure_id INTEGER NOT NULL REFERENCES structures (id),
    nom          TEXT NOT NULL CHECK (length(nom) BETWEEN 1 AND 120),
    secret_totp  TEXT NOT NULL CHECK (length(secret_totp) >= 26),
    dernier_pas  INTEGER NOT NULL DEFAULT 0
);

-- A mandate: an applicant lets a structure act for them. `actes` is the JSON list of
-- clef-domain's `Acte`. Started at the counter, it waits for the one-time code shown in the
-- applicant's account (`code`, cleared once used); started by the applicant, it is
-- confirmed at once. Times are Unix seconds, days ISO 8601.
CREATE TABLE mandats (
    id             INTEGER PRIMARY KEY,
    demandeur_id   INTEGER NOT NULL REFERENCES demandeurs (id),
    structure_id   INTEGER NOT NULL REFERENCES structures (id),
    actes          TEXT NOT NULL CHECK (json_valid(actes)),
    debut          TEXT NOT NULL CHECK (date(debut) = debut),
    fin            TEXT NOT NULL CHECK (date(fin) = fin AND fin >= debut),
    cree_a         INTEGER NOT NULL,
    demande_par    INTEGER REFERENCES comptes (id),
    confirme_a     INTEGER,
    revoque_a      INTEGER,
    code           TEXT CHECK (code IS NULL OR length(code) = 6),
    code_expire_a  INTEGER,
    essais         INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX mandats_par_demandeur ON mandats (demandeur_id);

-- The applicant an advisor's session acts for, if any.
ALTER TABLE sessions ADD COLUMN mandat_id INTEGER REFERENCES mandats (id);

-- Journal entries of acts done for an applicant under a mandate.
ALTER TABLE journal ADD COLUMN demandeur_id INTEGER REFERENCES demandeurs (id);
ALTER TABLE journal ADD COLUMN mandat_id INTEGER REFERENCES mandats (id);
CREATE INDEX journal_par_demandeur ON journal (demandeur_id);
