-- At the scale of a territory's whole history (issue 17). Tests read the query plans
-- (`EXPLAIN QUERY PLAN`) of the hot queries, so that none of these silently stops serving.

-- The search: every filter the app can send and the default order, in one index of the
-- listings applicants can see. Counting and choosing a page read it alone, never the
-- table's rows (their descriptions make a row ten times bigger than its entry here);
-- `retiree_le`, always NULL here, is in it for SQLite to see that it covers the query.
CREATE INDEX offres_recherche ON offres (
    cloture, id, ouverture, commune_id, qpv_id, typologie, financement, reservataire,
    accessible_pmr, loyer_centimes, charges_centimes, surface_dixiemes, pieces, retiree_le
) WHERE retiree_le IS NULL;

-- The same, a commune first: one commune's listings are found without reading the others'.
CREATE INDEX offres_recherche_par_commune ON offres (
    commune_id, cloture, id, ouverture, qpv_id, typologie, financement, reservataire,
    accessible_pmr, loyer_centimes, charges_centimes, surface_dixiemes, pieces, retiree_le
) WHERE retiree_le IS NULL;

-- Expired sessions are dropped at each log-in: by this index, not by reading them all.
CREATE INDEX sessions_par_expiration ON sessions (expire_a);

-- What answers computed from many rows are cached by (the search's counts, the open-data
-- file, the social-mix dashboard): a number that every change to what they read moves
-- on, in the same transaction, whichever instance of the server made it.
CREATE TABLE versions (
    nom    TEXT PRIMARY KEY CHECK (nom IN ('offres', 'locations')),
    numero INTEGER NOT NULL DEFAULT 0
);
INSERT INTO versions (nom) VALUES ('offres'), ('locations');

CREATE TRIGGER versions_offres_insert AFTER INSERT ON offres
BEGIN UPDATE versions SET numero = numero + 1 WHERE nom IN ('offres', 'locations'); END;
CREATE TRIGGER versions_offres_update AFTER UPDATE ON offres
BEGIN UPDATE versions SET numero = numero + 1 WHERE nom IN ('offres', 'locations'); END;
CREATE TRIGGER versions_offres_delete AFTER DELETE ON offres
BEGIN UPDATE versions SET numero = numero + 1 WHERE nom IN ('offres', 'locations'); END;
CREATE TRIGGER versions_photos_insert AFTER INSERT ON photos
BEGIN UPDATE versions SET numero = numero + 1 WHERE nom = 'offres'; END;
CREATE TRIGGER versions_photos_update AFTER UPDATE ON photos
BEGIN UPDATE versions SET numero = numero + 1 WHERE nom = 'offres'; END;
CREATE TRIGGER versions_photos_delete AFTER DELETE ON photos
BEGIN UPDATE versions SET numero = numero + 1 WHERE nom = 'offres'; END;
CREATE TRIGGER versions_resultats_insert AFTER INSERT ON resultats
BEGIN UPDATE versions SET numero = numero + 1 WHERE nom IN ('offres', 'locations'); END;
CREATE TRIGGER versions_resultats_update AFTER UPDATE ON resultats
BEGIN UPDATE versions SET numero = numero + 1 WHERE nom IN ('offres', 'locations'); END;
CREATE TRIGGER versions_resultats_delete AFTER DELETE ON resultats
BEGIN UPDATE versions SET numero = numero + 1 WHERE nom IN ('offres', 'locations'); END;
CREATE TRIGGER versions_programmes_insert AFTER INSERT ON programmes
BEGIN UPDATE versions SET numero = numero + 1 WHERE nom = 'locations'; END;
CREATE TRIGGER versions_programmes_update AFTER UPDATE ON programmes
BEGIN UPDATE versions SET numero = numero + 1 WHERE nom = 'locations'; END;
CREATE TRIGGER versions_programmes_delete AFTER DELETE ON programmes
BEGIN UPDATE versions SET numero = numero + 1 WHERE nom = 'locations'; END;
CREATE TRIGGER versions_communes_update AFTER UPDATE ON communes
BEGIN UPDATE versions SET numero = numero + 1 WHERE nom IN ('offres', 'locations'); END;
CREATE TRIGGER versions_qpv_insert AFTER INSERT ON qpv
BEGIN UPDATE versions SET numero = numero + 1 WHERE nom IN ('offres', 'locations'); END;
CREATE TRIGGER versions_qpv_update AFTER UPDATE ON qpv
BEGIN UPDATE versions SET numero = numero + 1 WHERE nom IN ('offres', 'locations'); END;
CREATE TRIGGER versions_bailleurs_update AFTER UPDATE ON bailleurs
BEGIN UPDATE versions SET numero = numero + 1 WHERE nom = 'locations'; END;
CREATE TRIGGER versions_parametres_insert AFTER INSERT ON parametres_territoire
BEGIN UPDATE versions SET numero = numero + 1 WHERE nom = 'locations'; END;
CREATE TRIGGER versions_parametres_update AFTER UPDATE ON parametres_territoire
BEGIN UPDATE versions SET numero = numero + 1 WHERE nom = 'locations'; END;
