-- The commission's decisions in the five categories of R.441-3 (code de la construction et
-- de l'habitation): attribution (rank 1 to the number examined, the order the home is
-- offered in), attribution under a suspensive condition (a document awaited by a
-- deadline, then fulfilled or lapsed), non-attribution with its motive, inadmissibility
-- with its motive. SQLite changes CHECKs by copying the table.
CREATE TABLE decisions_nouveau (
    candidature_id   INTEGER PRIMARY KEY REFERENCES candidatures (id),
    offre_id         INTEGER NOT NULL REFERENCES offres (id),
    genre            TEXT NOT NULL CHECK (genre IN ('attribution', 'attribution_sous_condition', 'non_attribution', 'irrecevabilite')),
    rang_attribution INTEGER CHECK (rang_attribution > 0),
    motif            TEXT CHECK (motif IN ('autre_candidat_retenu', 'dossier_incomplet', 'logement_inadapte', 'taux_effort_excessif', 'plafond_depasse', 'condition_sejour')),
    piece            TEXT CHECK (piece IN ('identite', 'titre_sejour', 'avis_imposition', 'justificatif_ressources', 'situation_familiale', 'logement_actuel')),
    echeance         TEXT CHECK (echeance IS NULL OR date(echeance) = echeance),
    condition        TEXT CHECK (condition IN ('remplie', 'caduque')),
    condition_le     TEXT CHECK (condition_le IS NULL OR date(condition_le) = condition_le),
    decide_le        TEXT NOT NULL CHECK (date(decide_le) = decide_le),
    reponse          TEXT CHECK (reponse IN ('accepte', 'refuse')),
    motif_reponse    TEXT CHECK (motif_reponse IS NULL OR length(motif_reponse) <= 500),
    repondu_le       TEXT CHECK (repondu_le IS NULL OR date(repondu_le) = repondu_le),
    CHECK ((genre IN ('attribution', 'attribution_sous_condition')) = (rang_attribution IS NOT NULL)),
    CHECK ((genre IN ('non_attribution', 'irrecevabilite')) = (motif IS NOT NULL)),
    CHECK ((genre = 'attribution_sous_condition') = (piece IS NOT NULL AND echeance IS NOT NULL)),
    CHECK (condition IS NULL OR genre = 'attribution_sous_condition'),
    CHECK ((condition IS NULL) = (condition_le IS NULL)),
    CHECK (reponse IS NULL OR rang_attribution IS NOT NULL),
    UNIQUE (offre_id, rang_attribution)
);
-- A refusal for resources above the ceiling was an inadmissibility (R.441-3 e).
INSERT INTO decisions_nouveau (candidature_id, offre_id, genre, rang_attribution, motif, decide_le, reponse, motif_reponse, repondu_le)
SELECT candidature_id, offre_id,
       CASE WHEN rang_attribution IS NOT NULL THEN 'attribution'
            WHEN motif_refus = 'plafond_depasse' THEN 'irrecevabilite'
            ELSE 'non_attribution' END,
       rang_attribution, motif_refus, decide_le, reponse, motif_reponse, repondu_le
FROM decisions;
DROP TABLE decisions;
ALTER TABLE decisions_nouveau RENAME TO decisions;

-- Why the commission examined fewer than three candidates, when it did (R.441-3).
ALTER TABLE classements ADD COLUMN exception TEXT
    CHECK (exception IS NULL OR exception IN ('insuffisance_candidats', 'designation_prefet', 'logement_plai_adapte'));

-- Notifications gain the attribution under a suspensive condition.
CREATE TABLE notifications_nouveau (
    id             INTEGER PRIMARY KEY,
    demandeur_id   INTEGER NOT NULL REFERENCES demandeurs (id) ON DELETE CASCADE,
    genre          TEXT NOT NULL CHECK (genre IN ('candidature_deposee', 'candidature_retiree', 'offre_cloturee', 'candidature_classee', 'presentee_en_commission', 'attribuee_sous_condition', 'proposee', 'attribuee', 'non_retenue', 'nouvelle_offre')),
    offre_id       INTEGER REFERENCES offres (id),
    candidature_id INTEGER REFERENCES candidatures (id),
    recherche_id   INTEGER REFERENCES recherches (id) ON DELETE SET NULL,
    lue            INTEGER NOT NULL DEFAULT 0 CHECK (lue IN (0, 1)),
    cree_le        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    envoyee_le     TEXT
);
INSERT INTO notifications_nouveau SELECT id, demandeur_id, genre, offre_id, candidature_id, recherche_id, lue, cree_le, envoyee_le FROM notifications;
DROP TABLE notifications;
ALTER TABLE notifications_nouveau RENAME TO notifications;
CREATE INDEX notifications_par_demandeur ON notifications (demandeur_id, id);
CREATE UNIQUE INDEX notifications_une_fois ON notifications (demandeur_id, genre, offre_id)
    WHERE genre IN ('offre_cloturee', 'nouvelle_offre');
CREATE INDEX notifications_a_envoyer ON notifications (demandeur_id) WHERE envoyee_le IS NULL;
