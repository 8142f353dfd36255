-- The commission (CALEOL): which candidates are presented, why a higher-ranked one was
-- passed over (recorded before the result exists, published with it), and an append-only
-- journal of what staff did.

-- Passages now belong to the frozen ranking, not to the published result.
CREATE TABLE passages_nouveau (
    id        INTEGER PRIMARY KEY,
    offre_id  INTEGER NOT NULL REFERENCES classements (offre_id),
    rang      INTEGER NOT NULL CHECK (rang > 0),
    score     INTEGER NOT NULL CHECK (score >= 0),
    motif     TEXT NOT NULL CHECK (motif IN ('desistement', 'refus_du_logement', 'plafond_depasse', 'logement_inadapte', 'taux_effort_excessif', 'dossier_incomplet', 'objectif_mixite')),
    precision TEXT NOT NULL CHECK (length(precision) BETWEEN 1 AND 500),
    UNIQUE (offre_id, rang)
);
INSERT INTO passages_nouveau SELECT id, offre_id, rang, score, motif, precision FROM passages;
DROP TABLE passages;
ALTER TABLE passages_nouveau RENAME TO passages;

-- What the letting counts for in the social-mix targets (the home's QPV and réservataire
-- are the listing's).
ALTER TABLE resultats ADD COLUMN premier_quartile INTEGER NOT NULL DEFAULT 0 CHECK (premier_quartile IN (0, 1));
ALTER TABLE resultats ADD COLUMN prioritaire INTEGER NOT NULL DEFAULT 0 CHECK (prioritaire IN (0, 1));

-- Who did what, when: written once, never changed.
CREATE TABLE journal (
    id        INTEGER PRIMARY KEY,
    a         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    compte_id INTEGER NOT NULL REFERENCES comptes (id),
    acte      TEXT NOT NULL CHECK (length(acte) BETWEEN 1 AND 80),
    offre_id  INTEGER REFERENCES offres (id),
    details   TEXT NOT NULL CHECK (json_valid(details))
);
CREATE TRIGGER journal_sans_modification BEFORE UPDATE ON journal
BEGIN
    SELECT RAISE(ABORT, 'le journal ne se modifie pas');
END;
CREATE TRIGGER journal_sans_suppression BEFORE DELETE ON journal
BEGIN
    SELECT RAISE(ABORT, 'le journal ne se supprime pas');
END;
