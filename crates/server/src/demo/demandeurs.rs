//! Demonstration applicants: one account per role to try Clef with, and generated
//! households (from a fixed seed) who applied to the demo listings, so that ranks, the
//! histogram and the published results have something to show. All invented.

use crate::candidatures::{OffreACoter, classement, en_json};
use crate::probleme::ErreurApi;
use clef_domain::Jour;
use clef_domain::api::{EtatCandidature, GenreNotification, MotifPassage};
use clef_domain::demande::{Demande, DemandeSaisie, Lien, LogementActuel, Membre};
use clef_domain::eligibilite::verifier;
use clef_domain::offre::{Code, EtatOffre};
use clef_domain::{Euros, Surface};
use sqlx::SqlitePool;

/// The password of every demo account (listed in the README).
pub const MOT_DE_PASSE: &str = "clef-demo-2026";
/// Its argon2id hash, computed once: seeding stays fast.
pub(super) const HACHE: &str = "$argon2id$v=19$m=19456,t=2,p=1$Y2xlZi1kZW1vLTIwMjYtcw$JtxR6TNxvBkUWK9TLNm0W7yrOxH1MJuSNtzZx4SPMLI";

/// One account per role (e-mail, role).
pub const COMPTES: [(&str, &str); 4] = [
    ("demandeur@demo.clef.fr", "demandeur"),
    ("bailleur@demo.clef.fr", "bailleur"),
    ("conseiller@demo.clef.fr", "conseiller"),
    ("territoire@demo.clef.fr", "territoire"),
];

/// Landlord staff of the demo (e-mail, landlord's slug, name); the first is in `COMPTES`.
pub const AGENTS: [(&str, &str, &str); 3] = [
    (
        "bailleur@demo.clef.fr",
        "logis-artois",
        "Agent de démonstration, Logis de l'Artois",
    ),
    (
        "bailleur-lys@demo.clef.fr",
        "toits-de-la-lys",
        "Agent de démonstration, Toits de la Lys",
    ),
    (
        "bailleur-bassin@demo.clef.fr",
        "maisons-du-bassin",
        "Agent de démonstration, Maisons du Bassin",
    ),
];

/// Binds each demo staff account to its landlord (creating the accounts that are not
/// there), and the territory's to the territory; safe to run on every start.
pub async fn lier_agents(base: &SqlitePool) -> Result<(), ErreurApi> {
    let mut tx = base.begin().await?;
    for (email, bailleur, nom) in AGENTS {
        sqlx::query(
            "INSERT OR IGNORE INTO comptes (email, mot_de_passe, role, demo) VALUES (?, ?, 'bailleur', 1)",
        )
        .bind(email)
        .bind(HACHE)
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            "INSERT OR IGNORE INTO agents_bailleur (compte_id, bailleur_id, nom)
             SELECT c.id, b.id, ? FROM comptes c, bailleurs b WHERE c.email = ? AND b.slug = ?",
        )
        .bind(nom)
        .bind(email)
        .bind(bailleur)
        .execute(&mut *tx)
        .await?;
    }
    sqlx::query(
        "INSERT OR IGNORE INTO agents_territoire (compte_id, territoire_id, nom)
         SELECT c.id, t.id, 'Agent de démonstration, Béthune-Bruay' FROM comptes c, territoires t
         WHERE c.email = 'territoire@demo.clef.fr' AND t.slug = ?",
    )
    .bind(super::TERRITOIRE.0)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The demo applicant's numéro unique.
pub const NUMERO_DEMO: &str = "0622305000123456PC";

pub const MENAGES: usize = 180;
const GRAINE: u64 = 59_400;

fn membre(age: u8, lien: Lien, a_charge: bool, carte_invalidite: bool) -> Membre {
    Membre {
        age,
        lien,
        a_charge,
        carte_invalidite,
        ressources_mensuelles: None,
    }
}

/// The demo applicant: a couple with a child, housed by parents, working in the area.
pub fn saisie_demo() -> DemandeSaisie {
    DemandeSaisie {
        numero_unique: NUMERO_DEMO.into(),
        date_depot: "2023-05-10".into(),
        membres: vec![
            membre(31, Lien::Demandeur, false, false),
            membre(29, Lien::Conjoint, false, false),
            membre(4, Lien::Enfant, true, false),
        ],
        rfr_n2: Some(1_950_000),
        rfr_n1: None,
        douze_derniers_mois: None,
        logement_actuel: LogementActuel::default(),
        situations: vec![
            "heberge_chez_parents".into(),
            "rapprochement_travail".into(),
        ],
    }
}

const SITUATIONS: [&str; 12] = [
    "dalo",
    "sortie_hebergement",
    "sans_logement",
    "logement_indigne",
    "menace_expulsion",
    "sur_occupation",
    "reprise_activite",
    "rapprochement_travail",
    "separation",
    "heberge_chez_parents",
    "mutation",
    "handicap",
];

fn menage(alea: &mut fastrand::Rng, n: usize, aujourdhui: Jour) -> DemandeSaisie {
    let depot = aujourdhui.plus_jours(-alea.i32(30..=8 * 365));
    let mut membres = vec![membre(alea.u8(19..=72), Lien::Demandeur, false, false)];
    if alea.u8(0..10) < 5 {
        membres.push(membre(alea.u8(19..=70), Lien::Conjoint, false, false));
    }
    for _ in 0..alea.usize(0..=3) {
        membres.push(membre(alea.u8(0..=17), Lien::Enfant, true, false));
    }
    let mut situations: Vec<String> = Vec::new();
    for _ in 0..alea.usize(0..=2) {
        let s = SITUATIONS[alea.usize(..SITUATIONS.len())];
        if !situations.iter().any(|d| d == s) {
            situations.push(s.into());
        }
    }
    // In the demo, a household declaring a disability (CASF L.114) also holds the card
    // (L.241-3); in life, many do not.
    if situations.iter().any(|s| s == "handicap") {
        membres[0].carte_invalidite = true;
    }
    let personnes = membres.len() as i64;
    let loyer = alea.bool().then(|| Euros::from_euros(alea.i64(280..=720)));
    DemandeSaisie {
        numero_unique: format!("062{:02}{:02}{:09}DM", depot.annee() % 100, depot.mois(), n),
        date_depot: depot.to_string(),
        rfr_n2: Some(alea.i64(4_000..=14_000 + 4_000 * personnes) * 100),
        rfr_n1: None,
        douze_derniers_mois: None,
        logement_actuel: LogementActuel {
            loyer_charges: loyer,
            aide_logement: loyer.map(|_| Euros::from_euros(alea.i64(0..=250))),
            surface: loyer.map(|_| Surface::from_dixiemes(alea.u32(180..=900))),
        },
        membres,
        situations,
    }
}

async fn creer_compte(
    base: &mut sqlx::SqliteConnection,
    email: &str,
    role: &str,
) -> Result<i64, ErreurApi> {
    Ok(
        sqlx::query("INSERT INTO comptes (email, mot_de_passe, role, demo) VALUES (?, ?, ?, 1)")
            .bind(email)
            .bind(HACHE)
            .bind(role)
            .execute(base)
            .await?
            .last_insert_rowid(),
    )
}

async fn creer_demandeur(
    base: &mut sqlx::SqliteConnection,
    compte_id: i64,
    saisie: &DemandeSaisie,
    aujourdhui: Jour,
) -> Result<i64, ErreurApi> {
    Ok(sqlx::query(
        "INSERT INTO demandeurs (compte_id, numero_unique, dossier, dossier_maj_le) VALUES (?, ?, ?, ?)",
    )
    .bind(compte_id)
    .bind(&saisie.numero_unique)
    .bind(en_json(saisie)?)
    .bind(aujourdhui.to_string())
    .execute(base)
    .await?
    .last_insert_rowid())
}

/// Seeds the accounts and the applications, once (nothing is added if demo accounts exist).
pub async fn semer(base: &SqlitePool, aujourdhui: Jour) -> Result<bool, ErreurApi> {
    let deja: bool = sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM comptes WHERE demo = 1)")
        .fetch_one(base)
        .await?;
    if deja {
        lier_agents(base).await?;
        return Ok(false);
    }
    let mut demandeurs: Vec<(i64, Demande)> = Vec::new();
    let mut tx = base.begin().await?;
    for (email, role) in COMPTES {
        let compte = creer_compte(&mut tx, email, role).await?;
        if role == "demandeur" {
            let saisie = saisie_demo();
            let id = creer_demandeur(&mut tx, compte, &saisie, aujourdhui).await?;
            demandeurs.push((id, Demande::depuis_saisie(saisie).map_err(invalide)?));
        }
    }
    let mut alea = fastrand::Rng::with_seed(GRAINE);
    for n in 1..=MENAGES {
        let compte =
            creer_compte(&mut tx, &format!("menage-{n:03}@demo.clef.fr"), "demandeur").await?;
        let saisie = menage(&mut alea, n, aujourdhui);
        let id = creer_demandeur(&mut tx, compte, &saisie, aujourdhui).await?;
        demandeurs.push((id, Demande::depuis_saisie(saisie).map_err(invalide)?));
    }
    tx.commit().await?;
    let ids: Vec<i64> = sqlx::query_scalar("SELECT id FROM offres WHERE demo = 1 ORDER BY id")
        .fetch_all(base)
        .await?;
    let mut offres = Vec::new();
    for id in ids {
        if let Some(o) = OffreACoter::charger(base, id, aujourdhui).await? {
            offres.push(o);
        }
    }
    lier_agents(base).await?;
    postuler(base, &mut alea, &demandeurs, &offres, aujourdhui).await?;
    for offre in offres
        .iter()
        .filter(|o| o.detail.resume.etat == EtatOffre::Cloturee)
    {
        let cloture = offre.detail.resume.cloture;
        classement::figer(base, offre, cloture.plus_jours(1)).await?;
        if cloture.plus_jours(12) <= aujourdhui {
            decider(
                base,
                &mut alea,
                offre.detail.resume.id,
                cloture.plus_jours(10),
            )
            .await?;
        }
    }
    Ok(true)
}

fn invalide(e: Vec<clef_domain::ErreurChamp>) -> ErreurApi {
    ErreurApi::Interne(format!("ménage de démonstration invalide : {e:?}"))
}

/// Each household applies to up to 3 open listings and up to 2 closed ones, where
/// eligible; the demo applicant to 2 open ones and one decided.
async fn postuler(
    base: &SqlitePool,
    alea: &mut fastrand::Rng,
    demandeurs: &[(i64, Demande)],
    offres: &[OffreACoter],
    aujourdhui: Jour,
) -> Result<(), ErreurApi> {
    let mut tx = base.begin().await?;
    for (rang, (demandeur_id, demande)) in demandeurs.iter().enumerate() {
        let (ouvertes_max, cloturees_max) = if rang == 0 { (2, 1) } else { (3, 2) };
        let mut ouvertes = 0;
        let mut cloturees = 0;
        let depart = if rang == 0 {
            0
        } else {
            alea.usize(..offres.len())
        };
        for k in 0..offres.len() {
            let offre = &offres[(depart + k * 7) % offres.len()];
            let resume = &offre.detail.resume;
            let (compte, max) = match resume.etat {
                EtatOffre::Ouverte => (&mut ouvertes, ouvertes_max),
                EtatOffre::Cloturee if resume.cloture.plus_jours(12) <= aujourdhui || rang > 0 => {
                    (&mut cloturees, cloturees_max)
                }
                _ => continue,
            };
            if *compte >= max || (rang > 0 && alea.u8(0..10) < 4) {
                continue;
            }
            if !verifier(demande, &offre.logement, &offre.territoire, Euros::ZERO).eligible() {
                continue;
            }
            *compte += 1;
            let depose = resume.ouverture.max(demande.date_depot).min(aujourdhui);
            sqlx::query(
                "INSERT INTO candidatures (offre_id, demandeur_id, etat, deposee_le)
                 VALUES (?, ?, ?, ?)",
            )
            .bind(resume.id)
            .bind(demandeur_id)
            .bind(EtatCandidature::Deposee.code())
            .bind(depose.to_string())
            .execute(&mut *tx)
            .await?;
            sqlx::query(
                "INSERT INTO notifications (demandeur_id, genre, offre_id, candidature_id, lue)
                 VALUES (?, ?, ?, last_insert_rowid(), 1)",
            )
            .bind(demandeur_id)
            .bind(GenreNotification::CandidatureDeposee.code())
            .bind(resume.id)
            .execute(&mut *tx)
            .await?;
        }
    }
    tx.commit().await?;
    Ok(())
}

/// The commission's decisions on a frozen ranking: the first three are presented; the
/// first gets the home, except on one listing in three where the first withdrew; every
/// category of R.441-3 appears across the demo's lettings.
async fn decider(
    base: &SqlitePool,
    alea: &mut fastrand::Rng,
    offre_id: i64,
    decide_le: Jour,
) -> Result<(), ErreurApi> {
    let classes: Vec<(i64, i64, i64, i64)> = sqlx::query_as(
        "SELECT id, demandeur_id, rang, score FROM candidatures
         WHERE offre_id = ? AND rang IS NOT NULL ORDER BY rang",
    )
    .bind(offre_id)
    .fetch_all(base)
    .await?;
    if classes.is_empty() {
        return Ok(());
    }
    let passe = classes.len() >= 2 && alea.u8(0..3) == 0;
    let choisi = if passe { 1 } else { 0 };
    let mut tx = base.begin().await?;
    for (i, (id, demandeur_id, rang, _)) in classes.iter().enumerate() {
        let (etat, genre) = if i == choisi {
            (EtatCandidature::Attribuee, GenreNotification::Attribuee)
        } else {
            (EtatCandidature::NonRetenue, GenreNotification::NonRetenue)
        };
        sqlx::query("UPDATE candidatures SET etat = ? WHERE id = ?")
            .bind(etat.code())
            .bind(id)
            .execute(&mut *tx)
            .await?;
        if *rang <= 3 {
            sqlx::query(
                "INSERT INTO notifications (demandeur_id, genre, offre_id, candidature_id)
                 VALUES (?, ?, ?, ?)",
            )
            .bind(demandeur_id)
            .bind(GenreNotification::PresenteeEnCommission.code())
            .bind(offre_id)
            .bind(id)
            .execute(&mut *tx)
            .await?;
        }
        sqlx::query(
            "INSERT INTO notifications (demandeur_id, genre, offre_id, candidature_id) VALUES (?, ?, ?, ?)",
        )
        .bind(demandeur_id)
        .bind(genre.code())
        .bind(offre_id)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    }
    let (choisi_id, demandeur_id, rang, score) = classes[choisi];
    // The commission attributed it in rank 1 (on one listing in four under a suspensive
    // condition, the tax notice arriving in time) and the household accepted: the outcome
    // as staff record it, so that the landlord's screens show a let home as one.
    let (genre, piece, echeance, condition) = if alea.u8(0..4) == 0 {
        (
            "attribution_sous_condition",
            Some("avis_imposition"),
            Some(decide_le.plus_jours(15).to_string()),
            Some("remplie"),
        )
    } else {
        ("attribution", None, None, None)
    };
    sqlx::query(
        "INSERT INTO decisions (candidature_id, offre_id, genre, rang_attribution, piece, echeance, condition, condition_le, decide_le, reponse, repondu_le)
         VALUES (?1, ?2, ?3, 1, ?4, ?5, ?6, CASE WHEN ?6 IS NULL THEN NULL ELSE ?7 END, ?7, 'accepte', ?7)",
    )
    .bind(choisi_id)
    .bind(offre_id)
    .bind(genre)
    .bind(piece)
    .bind(echeance)
    .bind(condition)
    .bind(decide_le.to_string())
    .execute(&mut *tx)
    .await?;
    // The other candidates examined: the next one ranked second in the attribution order
    // (R.441-3 b), the one after it inadmissible on one listing in three (resources above
    // the ceiling on the documents) or not attributed.
    let autres = classes
        .iter()
        .enumerate()
        .filter(|(i, c)| *i != choisi && !(passe && *i == 0) && c.2 <= 3);
    for (n, (_, (id, ..))) in autres.enumerate() {
        let (genre, rang, motif) = match n {
            0 => ("attribution", Some(2), None),
            _ if alea.u8(0..3) == 0 => ("irrecevabilite", None, Some("plafond_depasse")),
            _ => ("non_attribution", None, Some("autre_candidat_retenu")),
        };
        sqlx::query(
            "INSERT INTO decisions (candidature_id, offre_id, genre, rang_attribution, motif, decide_le)
             VALUES (?, ?, ?, ?, ?, ?)",
        )
        .bind(id)
        .bind(offre_id)
        .bind(genre)
        .bind(rang)
        .bind(motif)
        .bind(decide_le.to_string())
        .execute(&mut *tx)
        .await?;
    }
    // Fewer than three eligible candidates: the commission examined them all (R.441-3).
    if classes.len() < 3 {
        sqlx::query(
            "UPDATE classements SET exception = 'insuffisance_candidats' WHERE offre_id = ?",
        )
        .bind(offre_id)
        .execute(&mut *tx)
        .await?;
    }
    // What the letting counts for in the social-mix targets.
    let demande = crate::stockage::demandeurs::demande(base, demandeur_id).await?;
    let parametres = crate::stockage::territoires::de_l_offre(base, offre_id).await?;
    let (premier_quartile, prioritaire, relogement) = match (demande, parametres) {
        (Some(d), Some((_, p))) => (
            clef_domain::mixite::premier_quartile(&d, &p, decide_le.annee()),
            d.prioritaire(),
            d.relogement(),
        ),
        _ => (false, false, None),
    };
    sqlx::query(
        "INSERT INTO resultats (offre_id, decide_le, attribue_rang, attribue_score, premier_quartile, prioritaire, relogement)
         VALUES (?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(offre_id)
    .bind(decide_le.to_string())
    .bind(rang)
    .bind(score)
    .bind(premier_quartile)
    .bind(prioritaire)
    .bind(relogement.map(clef_domain::offre::Code::code))
    .execute(&mut *tx)
    .await?;
    if passe {
        let (_, _, rang, score) = classes[0];
        sqlx::query(
            "INSERT INTO passages (offre_id, rang, score, motif, precision) VALUES (?, ?, ?, ?, ?)",
        )
        .bind(offre_id)
        .bind(rang)
        .bind(score)
        .bind(MotifPassage::Desistement.code())
        .bind("Le ménage classé premier a renoncé au logement avant la commission.")
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(())
}
