-- Closing a listing early, with a reason: the window ends the day before, and the planned
-- closing day and the reason are kept.
ALTER TABLE offres ADD COLUMN cloture_prevue TEXT CHECK (cloture_prevue IS NULL OR date(cloture_prevue) = cloture_prevue);
ALTER TABLE offres ADD COLUMN motif_cloture TEXT CHECK (motif_cloture IS NULL OR length(motif_cloture) BETWEEN 1 AND 500);
