-- Landlord staff: an account bound to one organisation. The placeholder table of 0001 was
-- never filled; it is replaced by its real shape.
DROP TABLE agents_bailleur;

CREATE TABLE agents_bailleur (
    compte_id   INTEGER PRIMARY KEY REFERENCES comptes (id) ON DELETE CASCADE,
    bailleur_id INTEGER NOT NULL REFERENCES bailleurs (id),
    nom         TEXT NOT NULL CHECK (length(nom) BETWEEN 1 AND 120)
);
CREATE INDEX agents_par_bailleur ON agents_bailleur (bailleur_id);
