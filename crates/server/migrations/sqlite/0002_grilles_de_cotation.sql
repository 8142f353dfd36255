-- Scoring grids (grilles de cotation), versioned per territory, and each territory's
-- settings. The content is the JSON of clef-domain's `Grille` / `ParametresTerritoire`:
-- the rules crate validates it on the way in and on the way out.

CREATE TABLE grilles (
    id            INTEGER PRIMARY KEY,
    territoire_id INTEGER NOT NULL REFERENCES territoires (id),
    version       INTEGER NOT NULL CHECK (version > 0),
    en_vigueur_le TEXT NOT NULL CHECK (date(en_vigueur_le) = en_vigueur_le),
    contenu       TEXT NOT NULL CHECK (json_valid(contenu)),
    publiee_le    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    UNIQUE (territoire_id, version)
);

CREATE TABLE parametres_territoire (
    territoire_id INTEGER PRIMARY KEY REFERENCES territoires (id),
    contenu       TEXT NOT NULL CHECK (json_valid(contenu))
);
