-- The streets each priority neighbourhood (QPV) covers, as the territory keeps them: a
-- listing's QPV is computed from its address, never chosen by whoever publishes it.
CREATE TABLE qpv_voies (
    qpv_id INTEGER NOT NULL REFERENCES qpv (id) ON DELETE CASCADE,
    voie   TEXT NOT NULL CHECK (length(voie) BETWEEN 1 AND 200),
    PRIMARY KEY (qpv_id, voie)
);
