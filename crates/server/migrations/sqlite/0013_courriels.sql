-- Password resets: a single-use, short-lived link sent by e-mail. The link carries a random
-- token; the database keeps only its SHA-256, as for sessions.
CREATE TABLE reinitialisations (
    empreinte  TEXT PRIMARY KEY,
    compte_id  INTEGER NOT NULL REFERENCES comptes (id) ON DELETE CASCADE,
    -- Unix seconds, on the server's clock.
    cree_a     INTEGER NOT NULL,
    expire_a   INTEGER NOT NULL,
    utilise_a  INTEGER,
    CHECK (expire_a > cree_a)
);
CREATE INDEX reinitialisations_par_compte ON reinitialisations (compte_id, cree_a);

-- Applicants choose whether their notifications also come by e-mail (yes by default:
-- they are about their own applications and the searches they saved).
ALTER TABLE comptes ADD COLUMN alertes_courriel INTEGER NOT NULL DEFAULT 1
    CHECK (alertes_courriel IN (0, 1));

-- When a notification went out by e-mail; those written before e-mails existed count as sent.
ALTER TABLE notifications ADD COLUMN envoyee_le TEXT;
UPDATE notifications SET envoyee_le = cree_le;
CREATE INDEX notifications_a_envoyer ON notifications (demandeur_id) WHERE envoyee_le IS NULL;
