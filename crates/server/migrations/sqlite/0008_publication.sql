-- Publishing: drafts written by landlord staff, the photos they upload, and withdrawal.

-- A listing being written; the project is the JSON of clef-domain's `ProjetOffre` and may
-- be incomplete: it is checked in full only when published.
CREATE TABLE brouillons (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    bailleur_id INTEGER NOT NULL REFERENCES bailleurs (id),
    projet      TEXT NOT NULL CHECK (json_valid(projet)),
    modifie_le  TEXT NOT NULL
);
CREATE INDEX brouillons_par_bailleur ON brouillons (bailleur_id, id);

-- Uploaded photos, re-encoded as JPEG without metadata, named by the SHA-256 of that JPEG.
CREATE TABLE images (
    id          INTEGER PRIMARY KEY,
    bailleur_id INTEGER NOT NULL REFERENCES bailleurs (id),
    empreinte   TEXT NOT NULL CHECK (length(empreinte) = 64),
    contenu     BLOB NOT NULL,
    largeur     INTEGER NOT NULL CHECK (largeur > 0),
    hauteur     INTEGER NOT NULL CHECK (hauteur > 0),
    cree_le     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    UNIQUE (bailleur_id, empreinte)
);
CREATE INDEX images_par_empreinte ON images (empreinte);

-- A listing withdrawn before its window ended: hidden from applicants, its applications
-- withdrawn. What applicants relied on (rent, financing, typology) changes only this way.
ALTER TABLE offres ADD COLUMN retiree_le TEXT CHECK (retiree_le IS NULL OR date(retiree_le) = retiree_le);
