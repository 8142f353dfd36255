//! The writes of the demonstration data (`crate::demo` decides what; this says how it is
//! stored). Every write is idempotent where a second start runs it again.

use super::Drapeau;
use super::Erreur;
use crate::demo::OffreDemo;
use clef_domain::Jour;
use clef_domain::api::{EtatCandidature, GenreNotification, Role};
use clef_domain::demande::DemandeSaisie;
use clef_domain::offre::Code;
use clef_domain::territoire::ParametresTerritoire;
use sqlx::{AnyConnection, AnyPool};

/// The territory (created if needed); returns its id.
pub async fn territoire(tx: &mut AnyConnection, slug: &str, nom: &str) -> Result<i64, Erreur> {
    sqlx::query(
        "INSERT INTO territoires (slug, nom) VALUES ($1, $2) ON CONFLICT (slug) DO NOTHING",
    )
    .bind(slug)
    .bind(nom)
    .execute(&mut *tx)
    .await?;
    Ok(
        sqlx::query_scalar("SELECT id FROM territoires WHERE slug = $1")
            .bind(slug)
            .fetch_one(&mut *tx)
            .await?,
    )
}

/// A commune of the territory (in the "autres régions" zone of the ceilings).
pub async fn commune(
    tx: &mut AnyConnection,
    territoire_id: i64,
    slug: &str,
    nom: &str,
) -> Result<(), Erreur> {
    sqlx::query(
        "INSERT INTO communes (territoire_id, slug, nom, zone) VALUES ($1, $2, $3, 'autres_regions')
         ON CONFLICT (slug) DO NOTHING",
    )
    .bind(territoire_id)
    .bind(slug)
    .bind(nom)
    .execute(tx)
    .await?;
    Ok(())
}

/// A QPV of a commune, with the streets it covers.
pub async fn qpv(
    tx: &mut AnyConnection,
    commune: &str,
    nom: &str,
    voies: &[&str],
) -> Result<(), Erreur> {
    sqlx::query(
        "INSERT INTO qpv (commune_id, nom) SELECT id, $1 FROM communes WHERE slug = $2
         ON CONFLICT (commune_id, nom) DO NOTHING",
    )
    .bind(nom)
    .bind(commune)
    .execute(&mut *tx)
    .await?;
    for voie in voies {
        sqlx::query(
            "INSERT INTO qpv_voies (qpv_id, voie)
             SELECT q.id, $1 FROM qpv q JOIN communes c ON c.id = q.commune_id
             WHERE c.slug = $2 AND q.nom = $3 ON CONFLICT DO NOTHING",
        )
        .bind(voie)
        .bind(commune)
        .bind(nom)
        .execute(&mut *tx)
        .await?;
    }
    Ok(())
}

/// A landlord of the territory.
pub async fn bailleur(
    tx: &mut AnyConnection,
    territoire_id: i64,
    slug: &str,
    nom: &str,
) -> Result<(), Erreur> {
    sqlx::query(
        "INSERT INTO bailleurs (territoire_id, slug, nom) VALUES ($1, $2, $3) ON CONFLICT (slug) DO NOTHING",
    )
    .bind(territoire_id)
    .bind(slug)
    .bind(nom)
    .execute(tx)
    .await?;
    Ok(())
}

/// The territory's settings, unless it has some.
pub async fn parametres(
    tx: &mut AnyConnection,
    territoire_id: i64,
    parametres: &ParametresTerritoire,
) -> Result<(), Erreur> {
    let contenu = serde_json::to_string(parametres)
        .map_err(|e| Erreur::Ecriture(format!("paramètres : {e}")))?;
    sqlx::query(
        "INSERT INTO parametres_territoire (territoire_id, contenu) VALUES ($1, $2)
         ON CONFLICT DO NOTHING",
    )
    .bind(territoire_id)
    .bind(contenu)
    .execute(tx)
    .await?;
    Ok(())
}

/// A housing programme and its fragility class (a `Fragilite` code).
pub async fn programme(
    tx: &mut AnyConnection,
    commune: &str,
    nom: &str,
    voie: &str,
    fragilite: &str,
) -> Result<(), Erreur> {
    sqlx::query(
        "INSERT INTO programmes (commune_id, nom, voie, fragilite)
         SELECT id, $1, $2, $3 FROM communes WHERE slug = $4 ON CONFLICT DO NOTHING",
    )
    .bind(nom)
    .bind(voie)
    .bind(fragilite)
    .bind(commune)
    .execute(tx)
    .await?;
    Ok(())
}

/// A commune's SRU inventory: year, social homes, main residences, obligation rate.
pub async fn inventaire_sru(
    tx: &mut AnyConnection,
    commune: &str,
    (annee, logements_sociaux, residences_principales, taux): (i64, i64, i64, i64),
) -> Result<(), Erreur> {
    sqlx::query(
        "INSERT INTO sru (commune_id, annee, logements_sociaux, residences_principales, taux_obligation)
         SELECT id, $1, $2, $3, $4 FROM communes WHERE slug = $5 ON CONFLICT DO NOTHING",
    )
    .bind(annee)
    .bind(logements_sociaux)
    .bind(residences_principales)
    .bind(taux)
    .bind(commune)
    .execute(tx)
    .await?;
    Ok(())
}

/// Inserts a listing and its photos unless its reference is already there; true when
/// inserted.
pub async fn offre(tx: &mut AnyConnection, o: &OffreDemo) -> Result<bool, Erreur> {
    let inseree: Option<i64> = sqlx::query_scalar(
        "INSERT INTO offres (reference, bailleur_id, commune_id, qpv_id, titre, adresse, description,
            typologie, pieces, surface_dixiemes, etage, ascenseur, accessible_pmr, loyer_centimes,
            charges_centimes, financement, dpe, reservataire, ouverture, cloture, demo)
         SELECT $1, b.id, c.id, (SELECT q.id FROM qpv q WHERE q.commune_id = c.id AND q.nom = $2),
            $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, 1
         FROM bailleurs b, communes c WHERE b.slug = $19 AND c.slug = $20
         ON CONFLICT (reference) DO NOTHING RETURNING id",
    )
    .bind(&o.reference)
    .bind(o.qpv)
    .bind(&o.titre)
    .bind(&o.adresse)
    .bind(&o.description)
    .bind(o.typologie.code())
    .bind(i64::from(o.typologie.pieces()))
    .bind(i64::from(o.surface.dixiemes()))
    .bind(i64::from(o.etage))
    .bind(Drapeau(o.ascenseur))
    .bind(Drapeau(o.accessible_pmr))
    .bind(o.loyer.centimes())
    .bind(o.charges.centimes())
    .bind(o.financement.code())
    .bind(o.dpe.code())
    .bind(o.reservataire.code())
    .bind(o.fenetre.ouverture().to_string())
    .bind(o.fenetre.cloture().to_string())
    .bind(o.bailleur)
    .bind(o.commune)
    .fetch_optional(&mut *tx)
    .await?;
    let Some(offre_id) = inseree else {
        return Ok(false);
    };
    for (rang, photo) in o.photos.iter().enumerate() {
        sqlx::query(
            "INSERT INTO photos (offre_id, rang, url, texte_alternatif) VALUES ($1, $2, $3, $4)",
        )
        .bind(offre_id)
        .bind(rang as i64)
        .bind(photo.url)
        .bind(photo.texte_alternatif)
        .execute(&mut *tx)
        .await?;
    }
    Ok(true)
}

/// The demo's past is not news: every notification so far counts as e-mailed.
pub async fn passe_deja_annonce(base: &AnyPool) -> Result<(), Erreur> {
    sqlx::query("UPDATE notifications SET envoyee_le = cree_le WHERE envoyee_le IS NULL")
        .execute(base)
        .await?;
    Ok(())
}

/// A demo account (the same password hash for all), unless the e-mail is taken; returns
/// its id.
pub async fn compte(
    tx: &mut AnyConnection,
    email: &str,
    hache: &str,
    role: Role,
) -> Result<i64, Erreur> {
    sqlx::query(
        "INSERT INTO comptes (email, mot_de_passe, role, demo) VALUES ($1, $2, $3, 1)
         ON CONFLICT DO NOTHING",
    )
    .bind(email)
    .bind(hache)
    .bind(role.code())
    .execute(&mut *tx)
    .await?;
    Ok(
        sqlx::query_scalar("SELECT id FROM comptes WHERE email = $1")
            .bind(email)
            .fetch_one(&mut *tx)
            .await?,
    )
}

/// Binds a staff account to its landlord.
pub async fn agent_bailleur(
    tx: &mut AnyConnection,
    email: &str,
    bailleur: &str,
    nom: &str,
) -> Result<(), Erreur> {
    sqlx::query(
        "INSERT INTO agents_bailleur (compte_id, bailleur_id, nom)
         SELECT c.id, b.id, $1 FROM comptes c, bailleurs b WHERE c.email = $2 AND b.slug = $3
         ON CONFLICT DO NOTHING",
    )
    .bind(nom)
    .bind(email)
    .bind(bailleur)
    .execute(tx)
    .await?;
    Ok(())
}

/// Binds a staff account to its territory.
pub async fn agent_territoire(
    tx: &mut AnyConnection,
    email: &str,
    territoire: &str,
    nom: &str,
) -> Result<(), Erreur> {
    sqlx::query(
        "INSERT INTO agents_territoire (compte_id, territoire_id, nom)
         SELECT c.id, t.id, $1 FROM comptes c, territoires t WHERE c.email = $2 AND t.slug = $3
         ON CONFLICT DO NOTHING",
    )
    .bind(nom)
    .bind(email)
    .bind(territoire)
    .execute(tx)
    .await?;
    Ok(())
}

/// A support structure of the territory.
pub async fn structure(
    tx: &mut AnyConnection,
    territoire_id: i64,
    (slug, nom, commune): (&str, &str, &str),
) -> Result<(), Erreur> {
    sqlx::query(
        "INSERT INTO structures (territoire_id, slug, nom, commune) VALUES ($1, $2, $3, $4)
         ON CONFLICT (slug) DO NOTHING",
    )
    .bind(territoire_id)
    .bind(slug)
    .bind(nom)
    .bind(commune)
    .execute(tx)
    .await?;
    Ok(())
}

/// Binds an advisor account to its structure, with its TOTP secret.
pub async fn conseiller(
    tx: &mut AnyConnection,
    email: &str,
    structure: &str,
    nom: &str,
    secret: &str,
) -> Result<(), Erreur> {
    sqlx::query(
        "INSERT INTO conseillers (compte_id, structure_id, nom, secret_totp)
         SELECT c.id, s.id, $1, $2 FROM comptes c, structures s WHERE c.email = $3 AND s.slug = $4
         ON CONFLICT DO NOTHING",
    )
    .bind(nom)
    .bind(secret)
    .bind(email)
    .bind(structure)
    .execute(tx)
    .await?;
    Ok(())
}

/// Whether the demo accounts were seeded already.
pub async fn comptes_semes(base: &AnyPool) -> Result<bool, Erreur> {
    Ok(
        sqlx::query_scalar::<_, Drapeau>("SELECT EXISTS (SELECT 1 FROM comptes WHERE demo = 1)")
            .fetch_one(base)
            .await?
            .0,
    )
}

/// An applicant with their request, saved on `jour`; returns the applicant's id.
pub async fn demandeur(
    tx: &mut AnyConnection,
    compte_id: i64,
    saisie: &DemandeSaisie,
    jour: Jour,
) -> Result<i64, Erreur> {
    let dossier =
        serde_json::to_string(saisie).map_err(|e| Erreur::Ecriture(format!("dossier : {e}")))?;
    Ok(sqlx::query_scalar(
        "INSERT INTO demandeurs (compte_id, numero_unique, dossier, dossier_maj_le)
         VALUES ($1, $2, $3, $4) RETURNING id",
    )
    .bind(compte_id)
    .bind(&saisie.numero_unique)
    .bind(dossier)
    .bind(jour.to_string())
    .fetch_one(tx)
    .await?)
}

/// The demo listings, in creation order.
pub async fn offres_demo(base: &AnyPool) -> Result<Vec<i64>, Erreur> {
    Ok(
        sqlx::query_scalar("SELECT id FROM offres WHERE demo = 1 ORDER BY id")
            .fetch_all(base)
            .await?,
    )
}

/// The listings of a territory's generated history (`demo::histoire`), in creation order.
pub async fn offres_historiques(base: &AnyPool) -> Result<Vec<i64>, Erreur> {
    Ok(
        sqlx::query_scalar("SELECT id FROM offres WHERE reference LIKE 'HIST-%' ORDER BY id")
            .fetch_all(base)
            .await?,
    )
}

/// A log-in session as `compte::session` stores one (only the token's hash).
pub async fn seance(
    tx: &mut AnyConnection,
    compte_id: i64,
    empreinte: &str,
    cree_a: i64,
    expire_a: i64,
) -> Result<(), Erreur> {
    sqlx::query(
        "INSERT INTO sessions (empreinte, compte_id, csrf, cree_a, vu_a, expire_a)
         VALUES ($1, $2, $1, $3, $3, $4)",
    )
    .bind(empreinte)
    .bind(compte_id)
    .bind(cree_a)
    .bind(expire_a)
    .execute(tx)
    .await?;
    Ok(())
}

/// An application filed on `jour`, its notification already read.
pub async fn candidature(
    tx: &mut AnyConnection,
    offre_id: i64,
    demandeur_id: i64,
    jour: Jour,
) -> Result<(), Erreur> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO candidatures (offre_id, demandeur_id, etat, deposee_le) VALUES ($1, $2, $3, $4)
         RETURNING id",
    )
    .bind(offre_id)
    .bind(demandeur_id)
    .bind(EtatCandidature::Deposee.code())
    .bind(jour.to_string())
    .fetch_one(&mut *tx)
    .await?;
    sqlx::query(
        "INSERT INTO notifications (demandeur_id, genre, offre_id, candidature_id, lue)
         VALUES ($1, $2, $3, $4, 1)",
    )
    .bind(demandeur_id)
    .bind(GenreNotification::CandidatureDeposee.code())
    .bind(offre_id)
    .bind(id)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// A ranked candidate: application, applicant, rank, score.
pub type Classe = (i64, i64, i64, i64);

/// The eligible candidates of a ranked listing, by rank.
pub async fn classes(base: &AnyPool, offre_id: i64) -> Result<Vec<Classe>, Erreur> {
    Ok(sqlx::query_as(
        "SELECT id, demandeur_id, rang, score FROM candidatures
         WHERE offre_id = $1 AND rang IS NOT NULL ORDER BY rang",
    )
    .bind(offre_id)
    .fetch_all(base)
    .await?)
}

/// A decision of the commission as the demo records it (codes of the `decisions` table).
pub struct DecisionDemo<'a> {
    pub candidature_id: i64,
    pub offre_id: i64,
    pub genre: &'a str,
    pub rang_attribution: Option<i64>,
    pub motif: Option<&'a str>,
    pub piece: Option<&'a str>,
    pub echeance: Option<Jour>,
    /// The suspensive condition's outcome (`remplie`), on the decision's day.
    pub condition: Option<&'a str>,
    /// The household's answer (accepted), on the decision's day.
    pub acceptee: bool,
    pub decide_le: Jour,
}

/// Records a decision.
pub async fn decision(tx: &mut AnyConnection, d: &DecisionDemo<'_>) -> Result<(), Erreur> {
    sqlx::query(
        "INSERT INTO decisions (candidature_id, offre_id, genre, rang_attribution, motif, piece,
            echeance, condition, condition_le, decide_le, reponse, repondu_le)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, CASE WHEN $8 IS NULL THEN NULL ELSE $9 END, $9,
            CASE WHEN $10 THEN $11 END, CASE WHEN $10 THEN $9 END)",
    )
    .bind(d.candidature_id)
    .bind(d.offre_id)
    .bind(d.genre)
    .bind(d.rang_attribution)
    .bind(d.motif)
    .bind(d.piece)
    .bind(d.echeance.map(|j| j.to_string()))
    .bind(d.condition)
    .bind(d.decide_le.to_string())
    .bind(d.acceptee)
    .bind(super::decisions::ACCEPTE)
    .execute(tx)
    .await?;
    Ok(())
}

/// Records that the commission examined fewer than three candidates for lack of them.
pub async fn insuffisance_de_candidats(
    tx: &mut AnyConnection,
    offre_id: i64,
) -> Result<(), Erreur> {
    sqlx::query("UPDATE classements SET exception = $1 WHERE offre_id = $2")
        .bind(clef_domain::api::ExceptionTroisCandidats::InsuffisanceCandidats.code())
        .bind(offre_id)
        .execute(tx)
        .await?;
    Ok(())
}

/// A passed-over candidate with its motive.
pub async fn passage(
    tx: &mut AnyConnection,
    offre_id: i64,
    (rang, score): (i64, i64),
    motif: clef_domain::api::MotifPassage,
    precision: &str,
) -> Result<(), Erreur> {
    sqlx::query(
        "INSERT INTO passages (offre_id, rang, score, motif, precision) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(offre_id)
    .bind(rang)
    .bind(score)
    .bind(motif.code())
    .bind(precision)
    .execute(tx)
    .await?;
    Ok(())
}
