-- The commission's decision on each presented candidate, then the candidate's answer.
CREATE TABLE decisions (
    candidature_id   INTEGER PRIMARY KEY REFERENCES candidatures (id),
    offre_id         INTEGER NOT NULL REFERENCES offres (id),
    -- Attributed in rank 1, 2 or 3 (the order the home is offered in) ...
    rang_attribution INTEGER CHECK (rang_attribution BETWEEN 1 AND 3),
    -- ... or refused, with the legal motive.
    motif_refus      TEXT CHECK (motif_refus IN ('plafond_depasse', 'dossier_incomplet', 'logement_inadapte', 'taux_effort_excessif')),
    decide_le        TEXT NOT NULL CHECK (date(decide_le) = decide_le),
    reponse          TEXT CHECK (reponse IN ('accepte', 'refuse')),
    motif_reponse    TEXT CHECK (motif_reponse IS NULL OR length(motif_reponse) <= 500),
    repondu_le       TEXT CHECK (repondu_le IS NULL OR date(repondu_le) = repondu_le),
    CHECK ((rang_attribution IS NULL) != (motif_refus IS NULL)),
    CHECK (reponse IS NULL OR rang_attribution IS NOT NULL),
    UNIQUE (offre_id, rang_attribution)
);

-- Notifications gain the offer of a home ("proposee"); SQLite changes a CHECK by copying.
CREATE TABLE notifications_nouveau (
    id             INTEGER PRIMARY KEY,
    demandeur_id   INTEGER NOT NULL REFERENCES demandeurs (id) ON DELETE CASCADE,
    genre          TEXT NOT NULL CHECK (genre IN ('candidature_deposee', 'candidature_retiree', 'offre_cloturee', 'candidature_classee', 'presentee_en_commission', 'proposee', 'attribuee', 'non_retenue', 'nouvelle_offre')),
    offre_id       INTEGER REFERENCES offres (id),
    candidature_id INTEGER REFERENCES candidatures (id),
    recherche_id   INTEGER REFERENCES recherches (id) ON DELETE SET NULL,
    lue            INTEGER NOT NULL DEFAULT 0 CHECK (lue IN (0, 1)),
    cree_le        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
INSERT INTO notifications_nouveau SELECT id, demandeur_id, genre, offre_id, candidature_id, recherche_id, lue, cree_le FROM notifications;
DROP TABLE notifications;
ALTER TABLE notifications_nouveau RENAME TO notifications;
CREATE INDEX notifications_par_demandeur ON notifications (demandeur_id, id);
CREATE UNIQUE INDEX notifications_une_fois ON notifications (demandeur_id, genre, offre_id)
    WHERE genre IN ('offre_cloturee', 'nouvelle_offre');
