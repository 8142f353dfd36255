-- The territory's staff (EPCI): an account bound to one territory, who publishes the grid
-- and the settings.
CREATE TABLE agents_territoire (
    compte_id     INTEGER PRIMARY KEY REFERENCES comptes (id) ON DELETE CASCADE,
    territoire_id INTEGER NOT NULL REFERENCES territoires (id),
    nom           TEXT NOT NULL CHECK (length(nom) BETWEEN 1 AND 120)
);
