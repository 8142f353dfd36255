-- The rehousing operation a letting's household came from (urban renewal or ORCOD): such
-- lettings count with the first quartile outside QPV (code de la construction et de
-- l'habitation, L.441-1). NULL when none.
ALTER TABLE resultats ADD COLUMN relogement TEXT
    CHECK (relogement IS NULL OR relogement IN ('renouvellement_urbain', 'orcod'));
