//! A territory's whole history, grown from the demo, to measure Clef at the scale it is used
//! at (`cargo xtask territoire`, `cargo xtask bench`): tens of thousands of listings since
//! the demo grid took effect, each ranked, presented and let through the same code as staff
//! use, so every rule and every constraint of the database holds. Invented like the rest of
//! the demo, and from a fixed seed.

use super::demandeurs::{creer_compte, decider, menage};
use super::generation::offre_historique;
use crate::candidatures::{OffreACoter, classement};
use crate::stockage::semis;
use clef_domain::Euros;
use clef_domain::Jour;
use clef_domain::demande::Demande;
use clef_domain::eligibilite::verifier;
use clef_domain::offre::EtatOffre;
use sqlx::AnyPool;

const GRAINE: u64 = 17_000;
const SEANCES_VIVANTES_POUR_MILLE: u32 = 100;

/// How big the territory's history is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Taille {
    pub offres: usize,
    /// Listings open, closing soon or to come today (the rest is the past).
    pub ouvertes: usize,
    pub demandeurs: usize,
    /// Applications aimed at; eligibility and the cap on applications open at once keep
    /// about a quarter from being filed.
    pub candidatures: usize,
    /// Log-in sessions stored, one in ten still valid.
    pub seances: usize,
    /// Households with a request who applied to nothing, numbered after the others: the
    /// bench files their applications.
    pub libres: usize,
}

impl Taille {
    /// A territory of ~300,000 inhabitants over five years: 50,000 listings, 100,000
    /// households, a million applications.
    pub const TERRITOIRE: Taille = Taille::pour(50_000);

    /// Everything in proportion to the number of listings.
    pub const fn pour(offres: usize) -> Taille {
        Taille {
            offres,
            ouvertes: offres / 25,
            demandeurs: offres * 2,
            candidatures: offres * 27,
            seances: offres * 2,
            libres: if offres / 10 < 100 { offres / 10 } else { 100 },
        }
    }
}

/// What was added.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bilan {
    pub offres: usize,
    /// Every household, the free ones included.
    pub demandeurs: usize,
    /// The numbers `n` of the households who applied to nothing (`menage-{n:06}@…`).
    pub libres: std::ops::RangeInclusive<usize>,
    /// The listing open today with the most applications, and their number.
    pub disputee: Option<(i64, usize)>,
    /// The listing open today with the fewest applications (one at least), and their number.
    pub calme: Option<(i64, usize)>,
    pub candidatures: usize,
    pub classees: usize,
    pub attribuees: usize,
    pub seances: usize,
}

struct Menage {
    id: i64,
    compte_id: i64,
    demande: Demande,
    /// Windows of the listings applied to: at most the territory's cap overlap.
    fenetres: Vec<(Jour, Jour)>,
}

/// Seeds the demo (if needed), then adds the territory's history around `aujourdhui`.
pub async fn grandir(base: &AnyPool, aujourdhui: Jour, taille: Taille) -> anyhow::Result<Bilan> {
    super::semer(base, aujourdhui).await?;
    let mut alea = fastrand::Rng::with_seed(GRAINE);
    let mut bilan = Bilan {
        offres: 0,
        demandeurs: 0,
        libres: taille.demandeurs + 1..=taille.demandeurs + taille.libres,
        disputee: None,
        calme: None,
        candidatures: 0,
        classees: 0,
        attribuees: 0,
        seances: 0,
    };
    let mut menages = demandeurs(base, &mut alea, aujourdhui, taille, &mut bilan).await?;
    // The oldest request first: a listing's candidates are among those who had filed.
    menages.sort_by_key(|m| m.demande.date_depot);
    let ids = offres(base, &mut alea, aujourdhui, taille).await?;
    bilan.offres = ids.len();
    let par_offre = taille.candidatures / taille.offres.max(1);
    for (n, id) in ids.into_iter().enumerate() {
        let Some(offre) = OffreACoter::charger(base, id, aujourdhui).await? else {
            continue;
        };
        let deposees =
            postuler(base, &mut alea, &offre, &mut menages, par_offre, aujourdhui).await?;
        bilan.candidatures += deposees;
        let resume = &offre.detail.resume;
        if resume.etat == EtatOffre::Ouverte {
            let ici = Some((id, deposees));
            if bilan.disputee.is_none_or(|(_, n)| deposees > n) {
                bilan.disputee = ici;
            }
            // Fewest, among listings someone could apply to (not one whose ceilings are
            // unknown yet, say).
            if deposees > 0 && bilan.calme.is_none_or(|(_, n)| deposees < n) {
                bilan.calme = ici;
            }
        }
        if resume.etat == EtatOffre::Cloturee
            && classement::figer(base, &offre, resume.cloture.plus_jours(1)).await?
        {
            bilan.classees += 1;
            if resume.cloture.plus_jours(12) <= aujourdhui
                && decider(base, &mut alea, id, resume.cloture.plus_jours(10)).await?
            {
                bilan.attribuees += 1;
            }
        }
        if (n + 1) % 5_000 == 0 {
            tracing::info!(
                offres = n + 1,
                candidatures = bilan.candidatures,
                "histoire"
            );
        }
    }
    bilan.seances = seances(base, &mut alea, &menages, taille.seances).await?;
    // The past is not news: only what happens after reaches inboxes.
    semis::passe_deja_annonce(base).await?;
    Ok(bilan)
}

async fn demandeurs(
    base: &AnyPool,
    alea: &mut fastrand::Rng,
    aujourdhui: Jour,
    taille: Taille,
    bilan: &mut Bilan,
) -> anyhow::Result<Vec<Menage>> {
    let mut menages = Vec::with_capacity(taille.demandeurs);
    let mut tx = base.begin().await?;
    let tous = taille.demandeurs + taille.libres;
    for n in 1..=tous {
        let email = format!("menage-{n:06}@histoire.clef.fr");
        let compte_id = creer_compte(&mut tx, &email, "demandeur").await?;
        // Numbers apart from the demo's households.
        let saisie = menage(alea, 1_000_000 + n, aujourdhui);
        let id = semis::demandeur(&mut tx, compte_id, &saisie, aujourdhui).await?;
        let demande = Demande::depuis_saisie(saisie)
            .map_err(|e| anyhow::anyhow!("ménage {n} invalide : {e:?}"))?;
        if n > taille.demandeurs {
            continue;
        }
        menages.push(Menage {
            id,
            compte_id,
            demande,
            fenetres: Vec::new(),
        });
        if n % 10_000 == 0 {
            tx.commit().await?;
            tx = base.begin().await?;
            tracing::info!(demandeurs = n, "histoire");
        }
    }
    tx.commit().await?;
    bilan.demandeurs = tous;
    Ok(menages)
}

/// The listings, the oldest first; returns their ids in that order.
async fn offres(
    base: &AnyPool,
    alea: &mut fastrand::Rng,
    aujourdhui: Jour,
    taille: Taille,
) -> anyhow::Result<Vec<i64>> {
    // The oldest window opens once the grid that ranks it is in force.
    let debut = clef_domain::cotation::grille_bethune()
        .en_vigueur_le
        .plus_jours(22);
    let passe = debut.jours_jusqua(aujourdhui).max(1);
    let anciennes = taille.offres.saturating_sub(taille.ouvertes);
    let mut depuis: Vec<Option<i32>> = (0..anciennes).map(|_| Some(alea.i32(1..=passe))).collect();
    depuis.sort_by_key(|j| std::cmp::Reverse(*j));
    depuis.extend((0..taille.ouvertes).map(|_| None));
    let mut tx = base.begin().await?;
    let mut inserees = 0;
    for (i, cloturee_depuis) in depuis.into_iter().enumerate() {
        let offre = offre_historique(alea, i, aujourdhui, cloturee_depuis);
        if semis::offre(&mut tx, &offre).await? {
            inserees += 1;
        }
        if (i + 1) % 10_000 == 0 {
            tx.commit().await?;
            tx = base.begin().await?;
        }
    }
    tx.commit().await?;
    let ids = semis::offres_historiques(base).await?;
    anyhow::ensure!(
        inserees == 0 || ids.len() >= inserees,
        "{inserees} offres insérées, {} relues",
        ids.len()
    );
    Ok(ids)
}

/// Households apply to the listing while its window is open: eligible ones who had filed
/// their request by then, within the cap of applications open at once.
async fn postuler(
    base: &AnyPool,
    alea: &mut fastrand::Rng,
    offre: &OffreACoter,
    menages: &mut [Menage],
    moyenne: usize,
    aujourdhui: Jour,
) -> anyhow::Result<usize> {
    let resume = &offre.detail.resume;
    if resume.etat == EtatOffre::AVenir || menages.is_empty() {
        return Ok(0);
    }
    let (ouverture, cloture) = (resume.ouverture, resume.cloture);
    let deposables = menages.partition_point(|m| m.demande.date_depot <= ouverture);
    if deposables == 0 {
        return Ok(0);
    }
    let voulues = alea.usize(0..=2 * moyenne);
    let max = usize::from(offre.territoire.candidatures_simultanees_max);
    let dernier_jour = cloture.min(aujourdhui);
    let mut choisis = Vec::with_capacity(voulues);
    for _ in 0..voulues * 3 {
        if choisis.len() == voulues {
            break;
        }
        let k = alea.usize(..deposables);
        let m = &menages[k];
        let chevauchees = m
            .fenetres
            .iter()
            .filter(|(o, c)| *o <= cloture && ouverture <= *c)
            .count();
        if choisis.contains(&k)
            || chevauchees >= max
            || !verifier(&m.demande, &offre.logement, &offre.territoire, Euros::ZERO).eligible()
        {
            continue;
        }
        choisis.push(k);
    }
    let mut tx = base.begin().await?;
    for &k in &choisis {
        let m = &mut menages[k];
        let jours = ouverture.jours_jusqua(dernier_jour).max(0);
        let depose = ouverture.plus_jours(alea.i32(0..=jours));
        semis::candidature(&mut tx, resume.id, m.id, depose).await?;
        m.fenetres.push((ouverture, cloture));
    }
    tx.commit().await?;
    Ok(choisis.len())
}

async fn seances(
    base: &AnyPool,
    alea: &mut fastrand::Rng,
    menages: &[Menage],
    nombre: usize,
) -> anyhow::Result<usize> {
    if menages.is_empty() {
        return Ok(0);
    }
    let maintenant = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)?
        .as_secs() as i64;
    let mut tx = base.begin().await?;
    for n in 0..nombre {
        let compte_id = menages[alea.usize(..menages.len())].compte_id;
        let vivante = alea.u32(..1_000) < SEANCES_VIVANTES_POUR_MILLE;
        // A session lasts at most 30 days (`compte::session::DUREE_MAX`).
        let cree_a = if vivante {
            maintenant - alea.i64(0..86_400)
        } else {
            maintenant - alea.i64(31 * 86_400..400 * 86_400)
        };
        let empreinte = format!("{:016x}{:016x}{n:08x}", alea.u64(..), alea.u64(..));
        semis::seance(
            &mut tx,
            compte_id,
            &empreinte,
            cree_a,
            cree_a + crate::compte::session::DUREE_MAX,
        )
        .await?;
    }
    tx.commit().await?;
    Ok(nombre)
}
