//! Demonstration applicants: one account per role to try Clef with, and generated
//! households (from a fixed seed) who applied to the demo listings, so that ranks, the
//! histogram and the published results have something to show. All invented.

use crate::candidatures::{OffreACoter, classement};
use crate::cycle;
use crate::probleme::ErreurApi;
use crate::stockage::resultats::ResultatAPublier;
use crate::stockage::semis::{self, DecisionDemo};
use clef_domain::Jour;
use clef_domain::api::MotifPassage;
use clef_domain::api::Role;
use clef_domain::cycle::Commande;
use clef_domain::demande::{Demande, DemandeSaisie, Lien, LogementActuel, Membre};
use clef_domain::eligibilite::verifier;
use clef_domain::offre::{Code, EtatOffre};
use clef_domain::{Euros, Surface};
use sqlx::AnyPool;

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
pub async fn lier_agents(base: &AnyPool) -> Result<(), ErreurApi> {
    let mut tx = base.begin().await?;
    for (email, bailleur, nom) in AGENTS {
        semis::compte(&mut tx, email, HACHE, Role::Bailleur).await?;
        semis::agent_bailleur(&mut tx, email, bailleur, nom).await?;
    }
    semis::agent_territoire(
        &mut tx,
        "territoire@demo.clef.fr",
        super::TERRITOIRE.0,
        "Agent de démonstration, Béthune-Bruay",
    )
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

pub(super) fn menage(alea: &mut fastrand::Rng, n: usize, aujourdhui: Jour) -> DemandeSaisie {
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

pub(super) async fn creer_compte(
    tx: &mut sqlx::AnyConnection,
    email: &str,
    role: &str,
) -> Result<i64, ErreurApi> {
    let role = Role::depuis_code(role)
        .ok_or_else(|| ErreurApi::Interne(format!("rôle de démonstration {role}")))?;
    Ok(semis::compte(tx, email, HACHE, role).await?)
}

/// Seeds the accounts and the applications, once (nothing is added if demo accounts exist).
pub async fn semer(base: &AnyPool, aujourdhui: Jour) -> Result<bool, ErreurApi> {
    if semis::comptes_semes(base).await? {
        lier_agents(base).await?;
        return Ok(false);
    }
    let mut demandeurs: Vec<(i64, Demande)> = Vec::new();
    let mut tx = base.begin().await?;
    for (email, role) in COMPTES {
        let compte = creer_compte(&mut tx, email, role).await?;
        if role == "demandeur" {
            let saisie = saisie_demo();
            let id = semis::demandeur(&mut tx, compte, &saisie, aujourdhui).await?;
            demandeurs.push((id, Demande::depuis_saisie(saisie).map_err(invalide)?));
        }
    }
    let mut alea = fastrand::Rng::with_seed(GRAINE);
    for n in 1..=MENAGES {
        let compte =
            creer_compte(&mut tx, &format!("menage-{n:03}@demo.clef.fr"), "demandeur").await?;
        let saisie = menage(&mut alea, n, aujourdhui);
        let id = semis::demandeur(&mut tx, compte, &saisie, aujourdhui).await?;
        demandeurs.push((id, Demande::depuis_saisie(saisie).map_err(invalide)?));
    }
    tx.commit().await?;
    let ids = semis::offres_demo(base).await?;
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
    base: &AnyPool,
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
            semis::candidature(&mut tx, resume.id, *demandeur_id, depose).await?;
        }
    }
    tx.commit().await?;
    Ok(())
}

/// The commission's decisions on a frozen ranking: the first three are presented; the
/// first gets the home, except on one listing in three where the first withdrew; every
/// category of R.441-3 appears across the demo's lettings.
pub(super) async fn decider(
    base: &AnyPool,
    alea: &mut fastrand::Rng,
    offre_id: i64,
    decide_le: Jour,
) -> Result<bool, ErreurApi> {
    let classes = semis::classes(base, offre_id).await?;
    if classes.is_empty() {
        return Ok(false);
    }
    let passe = classes.len() >= 2 && alea.u8(0..3) == 0;
    let choisi = if passe { 1 } else { 0 };
    let mut tx = base.begin().await?;
    // The first three presented (the first passed over with a motive when they withdrew),
    // the lease signed with the one chosen: the lifecycle sets every application's state
    // and tells each applicant, as for a letting recorded by staff.
    let presentation = Commande::Presenter {
        presentees: classes
            .iter()
            .enumerate()
            .filter(|(i, c)| c.2 <= 3 && !(passe && *i == 0))
            .map(|(_, c)| c.0)
            .collect(),
        passees: if passe { vec![classes[0].0] } else { vec![] },
    };
    let (choisi_id, demandeur_id, rang, score) = classes[choisi];
    for commande in [
        presentation,
        Commande::SignerBail {
            candidature_id: choisi_id,
        },
    ] {
        cycle::avancer(&mut tx, offre_id, &commande, decide_le)
            .await?
            .map_err(cycle::refus)?;
    }
    // The commission attributed it in rank 1 (on one listing in four under a suspensive
    // condition, the tax notice arriving in time) and the household accepted: the outcome
    // as staff record it, so that the landlord's screens show a let home as one.
    let (genre, piece, echeance, condition) = if alea.u8(0..4) == 0 {
        (
            "attribution_sous_condition",
            Some("avis_imposition"),
            Some(decide_le.plus_jours(15)),
            Some("remplie"),
        )
    } else {
        ("attribution", None, None, None)
    };
    semis::decision(
        &mut tx,
        &DecisionDemo {
            candidature_id: choisi_id,
            offre_id,
            genre,
            rang_attribution: Some(1),
            motif: None,
            piece,
            echeance,
            condition,
            acceptee: true,
            decide_le,
        },
    )
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
        semis::decision(
            &mut tx,
            &DecisionDemo {
                candidature_id: *id,
                offre_id,
                genre,
                rang_attribution: rang,
                motif,
                piece: None,
                echeance: None,
                condition: None,
                acceptee: false,
                decide_le,
            },
        )
        .await?;
    }
    // Fewer than three eligible candidates: the commission examined them all (R.441-3).
    if classes.len() < 3 {
        semis::insuffisance_de_candidats(&mut tx, offre_id).await?;
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
    crate::stockage::resultats::publier(
        &mut tx,
        &ResultatAPublier {
            offre_id,
            decide_le,
            rang,
            score,
            premier_quartile,
            prioritaire,
            relogement,
        },
    )
    .await?;
    if passe {
        let (_, _, rang, score) = classes[0];
        semis::passage(
            &mut tx,
            offre_id,
            (rang, score),
            MotifPassage::Desistement,
            "Le ménage classé premier a renoncé au logement avant la commission.",
        )
        .await?;
    }
    tx.commit().await?;
    Ok(true)
}
