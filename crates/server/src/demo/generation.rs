//! The demonstration listings: generated from a fixed seed, so every run produces the same
//! 64 listings, with windows placed around the seeding day. Rents and surfaces follow what
//! is plausible for the area: rent per m² by financing, surface by typology.

use super::territoire::{BAILLEURS, COMMUNES, CommuneDemo, voie_du_qpv};
use clef_domain::offre::{
    Code, EtiquetteDpe, FenetrePublication, Financement, Reservataire, Typologie,
};
use clef_domain::{Euros, Jour, Surface};
use std::ops::RangeInclusive;

pub const NOMBRE_OFFRES: usize = 64;
const GRAINE: u64 = 62_400;

#[derive(Debug, Clone, Copy)]
pub struct PhotoDemo {
    pub url: &'static str,
    pub texte_alternatif: &'static str,
}

pub struct OffreDemo {
    pub reference: String,
    pub bailleur: &'static str,
    pub commune: &'static str,
    pub qpv: Option<&'static str>,
    pub titre: String,
    pub adresse: String,
    pub description: String,
    pub typologie: Typologie,
    pub surface: Surface,
    pub etage: i8,
    pub ascenseur: bool,
    pub accessible_pmr: bool,
    pub loyer: Euros,
    pub charges: Euros,
    pub financement: Financement,
    pub dpe: EtiquetteDpe,
    pub reservataire: Reservataire,
    pub fenetre: FenetrePublication,
    pub photos: Vec<PhotoDemo>,
}

/// Surfaces usual for each typology, in tenths of m².
pub fn surfaces_plausibles(typologie: Typologie) -> RangeInclusive<u32> {
    match typologie {
        Typologie::T1 => 250..=340,
        Typologie::T2 => 420..=540,
        Typologie::T3 => 580..=720,
        Typologie::T4 => 720..=860,
        Typologie::T5 => 860..=1_020,
        Typologie::T6 => 1_000..=1_220,
    }
}

/// Rent without charges per m² usual in the area for each financing, in cents.
pub fn loyers_m2_plausibles(financement: Financement) -> RangeInclusive<i64> {
    match financement {
        Financement::Plai => 480..=560,
        Financement::Plus => 560..=660,
        Financement::Pls => 780..=900,
    }
}

/// Monthly charges per m², in cents.
pub const CHARGES_M2: RangeInclusive<i64> = 110..=220;

/// Where a listing stands relative to the seeding day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Calendrier {
    Ouverte,
    ClotureProche,
    Cloturee,
    AVenir,
}

fn calendrier(i: usize) -> Calendrier {
    match (i % 8, i % 16) {
        (0, _) => Calendrier::ClotureProche,
        (5 | 6, _) => Calendrier::Cloturee,
        (_, 7) => Calendrier::AVenir,
        _ => Calendrier::Ouverte,
    }
}

pub fn offres_demo(aujourdhui: Jour) -> Vec<OffreDemo> {
    let mut alea = fastrand::Rng::with_seed(GRAINE);
    (0..NOMBRE_OFFRES)
        .map(|i| {
            offre(&mut alea, i, format!("DEMO-{:03}", i + 1), |alea| {
                fenetre(alea, calendrier(i), aujourdhui)
            })
        })
        .collect()
}

/// A listing of the territory's past (`cloture` that many days ago) or present (open,
/// closing soon or to come, as the demo's), for measuring at scale.
pub fn offre_historique(
    alea: &mut fastrand::Rng,
    i: usize,
    aujourdhui: Jour,
    cloturee_depuis: Option<i32>,
) -> OffreDemo {
    offre(
        alea,
        i,
        format!("HIST-{:06}", i + 1),
        |alea| match cloturee_depuis {
            Some(jours) => {
                let cloture = aujourdhui.plus_jours(-jours);
                let ouverture = cloture.plus_jours(-alea.i32(7..=21));
                FenetrePublication::new(ouverture, cloture)
                    .unwrap_or_else(|_| unreachable!("fenêtre ordonnée"))
            }
            None => {
                let calendrier = match calendrier(i) {
                    Calendrier::Cloturee => Calendrier::Ouverte,
                    autre => autre,
                };
                fenetre(alea, calendrier, aujourdhui)
            }
        },
    )
}

/// One listing: everything drawn from `alea`, its window by `fenetre` (in the same place of
/// the draws, so the demo's listings do not depend on how windows are placed).
fn offre(
    alea: &mut fastrand::Rng,
    i: usize,
    reference: String,
    fenetre: impl FnOnce(&mut fastrand::Rng) -> FenetrePublication,
) -> OffreDemo {
    let commune = choisir(alea, COMMUNES, |c| c.poids);
    let qpv = (!commune.qpv.is_empty() && alea.bool())
        .then(|| commune.qpv[alea.usize(..commune.qpv.len())]);
    let typologie = *choisir(
        alea,
        &[
            (Typologie::T1, 6),
            (Typologie::T2, 16),
            (Typologie::T3, 20),
            (Typologie::T4, 13),
            (Typologie::T5, 6),
            (Typologie::T6, 3),
        ],
        |(_, p)| *p,
    );
    let typologie = typologie.0;
    let financement = choisir(
        alea,
        &[
            (Financement::Plai, 16),
            (Financement::Plus, 38),
            (Financement::Pls, 10),
        ],
        |(_, p)| *p,
    )
    .0;
    let surface = Surface::from_dixiemes(alea.u32(surfaces_plausibles(typologie)));
    let loyer_m2 = alea.i64(loyers_m2_plausibles(financement));
    let loyer = Euros::from_centimes((i64::from(surface.dixiemes()) * loyer_m2 + 5) / 10);
    let charges_m2 = alea.i64(CHARGES_M2);
    let charges = Euros::from_euros((i64::from(surface.dixiemes()) * charges_m2 + 500) / 1_000);
    let maison = typologie >= Typologie::T4 && qpv.is_none() && alea.bool();
    let etage = if maison { 0 } else { alea.i8(0..=5) };
    let ascenseur = !maison && (etage >= 3 || alea.u8(0..10) < 3);
    let accessible_pmr = (etage == 0 || ascenseur) && alea.u8(0..10) < 4;
    let dpe = choisir(
        alea,
        &[
            (EtiquetteDpe::A, 2),
            (EtiquetteDpe::B, 8),
            (EtiquetteDpe::C, 22),
            (EtiquetteDpe::D, 20),
            (EtiquetteDpe::E, 10),
            (EtiquetteDpe::F, 4),
        ],
        |(_, p)| *p,
    )
    .0;
    let reservataire = choisir(
        alea,
        &[
            (Reservataire::Etat, 30),
            (Reservataire::ActionLogement, 25),
            (Reservataire::Collectivite, 20),
            (Reservataire::Bailleur, 25),
        ],
        |(_, p)| *p,
    )
    .0;
    let bailleur = BAILLEURS[i % BAILLEURS.len()].0;
    let atout = if maison {
        [
            "avec jardin",
            "avec garage",
            "avec jardin et garage",
            "mitoyenne avec cour",
        ][alea.usize(..4)]
    } else {
        [
            "avec balcon",
            "lumineux",
            "proche des commerces",
            "proche de la gare",
            "rénové",
            "avec cave",
        ][alea.usize(..6)]
    };
    let titre = if maison {
        format!("Maison {} {atout}", typologie.code())
    } else {
        format!("Appartement {} {atout}", typologie.code())
    };
    let adresse = adresse(alea, commune, maison, qpv.map(|q| voie_du_qpv(q, i)));
    let description = description(
        alea,
        maison,
        surface,
        etage,
        ascenseur,
        accessible_pmr,
        atout,
    );
    OffreDemo {
        reference,
        bailleur,
        commune: commune.slug,
        qpv,
        titre,
        adresse,
        description,
        typologie,
        surface,
        etage,
        ascenseur,
        accessible_pmr,
        loyer,
        charges,
        financement,
        dpe,
        reservataire,
        fenetre: fenetre(alea),
        photos: photos(alea, maison),
    }
}

fn choisir<'a, T>(alea: &mut fastrand::Rng, choix: &'a [T], poids: impl Fn(&T) -> u32) -> &'a T {
    let total: u32 = choix.iter().map(&poids).sum();
    let mut tirage = alea.u32(..total);
    for c in choix {
        let p = poids(c);
        if tirage < p {
            return c;
        }
        tirage -= p;
    }
    &choix[choix.len() - 1]
}

fn fenetre(
    alea: &mut fastrand::Rng,
    calendrier: Calendrier,
    aujourdhui: Jour,
) -> FenetrePublication {
    let jour = |decalage: i32| aujourdhui.plus_jours(decalage);
    let (ouverture, cloture) = match calendrier {
        Calendrier::Ouverte => (jour(-alea.i32(1..=10)), jour(alea.i32(3..=16))),
        Calendrier::ClotureProche => (jour(-alea.i32(7..=14)), jour(alea.i32(0..=2))),
        Calendrier::Cloturee => {
            let cloture = alea.i32(1..=45);
            (jour(-cloture - alea.i32(7..=21)), jour(-cloture))
        }
        Calendrier::AVenir => {
            let ouverture = alea.i32(1..=6);
            (jour(ouverture), jour(ouverture + alea.i32(10..=14)))
        }
    };
    // Both days come from ordered offsets: the window is valid by construction.
    FenetrePublication::new(ouverture, cloture).unwrap_or_else(|_| unreachable!("fenêtre ordonnée"))
}

/// An invented address; in a QPV, on one of its streets (the same draws either way, so the
/// rest of the demo data does not depend on it).
fn adresse(
    alea: &mut fastrand::Rng,
    commune: &CommuneDemo,
    maison: bool,
    voie_qpv: Option<&'static str>,
) -> String {
    let rue = commune.rues[alea.usize(..commune.rues.len())];
    let rue = voie_qpv.unwrap_or(rue);
    let numero = alea.u32(1..=120);
    if maison {
        format!("{numero} {rue}")
    } else {
        let batiment = ['A', 'B', 'C', 'D'][alea.usize(..4)];
        format!("Bâtiment {batiment}, {numero} {rue}")
    }
}

fn description(
    alea: &mut fastrand::Rng,
    maison: bool,
    surface: Surface,
    etage: i8,
    ascenseur: bool,
    pmr: bool,
    atout: &str,
) -> String {
    let m2 = format!("{:.1}", surface.m2()).replace('.', ",");
    let mut phrases = vec![if maison {
        format!("Maison individuelle de {m2} m² {atout}.")
    } else {
        let niveau = match etage {
            0 => "en rez-de-chaussée".to_owned(),
            1 => "au 1er étage".to_owned(),
            n => format!("au {n}e étage"),
        };
        let ascenseur = if ascenseur {
            "avec ascenseur"
        } else {
            "sans ascenseur"
        };
        let logements = alea.u32(12..=60);
        format!(
            "Appartement de {m2} m² {niveau} {ascenseur}, dans une résidence de {logements} logements."
        )
    }];
    phrases.push(
        [
            "Chauffage individuel au gaz.",
            "Chauffage collectif, compris dans les charges.",
            "Chauffage électrique, fenêtres double vitrage.",
            "Raccordé au réseau de chaleur urbain.",
        ][alea.usize(..4)]
        .to_owned(),
    );
    phrases.push(
        [
            "École et arrêt de bus à moins de 5 minutes à pied.",
            "Commerces et marché à proximité.",
            "Gare à 10 minutes à pied.",
            "Parc et équipements sportifs à proximité.",
        ][alea.usize(..4)]
        .to_owned(),
    );
    if pmr {
        phrases.push("Logement accessible aux personnes à mobilité réduite.".to_owned());
    }
    phrases.join(" ")
}

const FACADE_MAISON: PhotoDemo = PhotoDemo {
    url: "/demo/photos/facade-maison.svg",
    texte_alternatif: "Façade d'une maison de ville en brique rouge avec une porte bleue (illustration)",
};
const FACADES_IMMEUBLE: [PhotoDemo; 2] = [
    PhotoDemo {
        url: "/demo/photos/facade-immeuble.svg",
        texte_alternatif: "Façade d'un petit immeuble de quatre étages avec balcons (illustration)",
    },
    PhotoDemo {
        url: "/demo/photos/facade-residence.svg",
        texte_alternatif: "Résidence récente en brique et enduit clair, entourée d'arbres (illustration)",
    },
];
const INTERIEURS: [PhotoDemo; 4] = [
    PhotoDemo {
        url: "/demo/photos/sejour.svg",
        texte_alternatif: "Séjour lumineux avec une grande fenêtre (illustration)",
    },
    PhotoDemo {
        url: "/demo/photos/cuisine.svg",
        texte_alternatif: "Cuisine équipée d'un évier et de placards (illustration)",
    },
    PhotoDemo {
        url: "/demo/photos/chambre.svg",
        texte_alternatif: "Chambre avec fenêtre et placard (illustration)",
    },
    PhotoDemo {
        url: "/demo/photos/salle-de-bain.svg",
        texte_alternatif: "Salle de bains avec douche et lavabo (illustration)",
    },
];

fn photos(alea: &mut fastrand::Rng, maison: bool) -> Vec<PhotoDemo> {
    let facade = if maison {
        FACADE_MAISON
    } else {
        FACADES_IMMEUBLE[alea.usize(..FACADES_IMMEUBLE.len())]
    };
    let interieurs = alea.usize(1..=3);
    let debut = alea.usize(..INTERIEURS.len());
    let mut photos = vec![facade];
    photos.extend((0..interieurs).map(|k| INTERIEURS[(debut + k) % INTERIEURS.len()]));
    photos
}

#[cfg(test)]
mod tests {
    use super::*;
    use clef_domain::offre::EtatOffre;
    const JOUR: Jour = clef_domain::jour!(2026, 11, 22);

    #[test]
    fn there_are_at_least_60_listings_with_unique_references() {
        let offres = offres_demo(JOUR);
        assert!(offres.len() >= 60);
        let mut refs: Vec<_> = offres.iter().map(|o| o.reference.clone()).collect();
        refs.sort();
        refs.dedup();
        assert_eq!(refs.len(), offres.len());
    }

    #[test]
    fn generation_is_deterministic() {
        let a: Vec<_> = offres_demo(JOUR)
            .into_iter()
            .map(|o| (o.titre, o.loyer, o.fenetre))
            .collect();
        let b: Vec<_> = offres_demo(JOUR)
            .into_iter()
            .map(|o| (o.titre, o.loyer, o.fenetre))
            .collect();
        assert_eq!(a, b);
    }

    #[test]
    fn rents_and_surfaces_are_consistent_with_financing_and_typology() {
        for o in offres_demo(JOUR) {
            assert!(
                surfaces_plausibles(o.typologie).contains(&o.surface.dixiemes()),
                "{}",
                o.reference
            );
            let loyer_m2 = o.loyer.centimes() * 10 / i64::from(o.surface.dixiemes());
            let bornes = loyers_m2_plausibles(o.financement);
            assert!(
                (bornes.start() - 1..=bornes.end() + 1).contains(&loyer_m2),
                "{}: {loyer_m2} c/m²",
                o.reference
            );
            assert!(
                o.charges > Euros::ZERO && o.charges < o.loyer,
                "{}",
                o.reference
            );
        }
    }

    #[test]
    fn plai_homes_are_cheaper_per_m2_than_plus_and_plus_than_pls() {
        let fin = |f| *loyers_m2_plausibles(f).end();
        let debut = |f| *loyers_m2_plausibles(f).start();
        assert!(fin(Financement::Plai) <= debut(Financement::Plus));
        assert!(fin(Financement::Plus) < debut(Financement::Pls));
    }

    #[test]
    fn some_listings_are_open_some_close_soon_some_are_closed() {
        let offres = offres_demo(JOUR);
        let etat = |e| offres.iter().filter(|o| o.fenetre.etat(JOUR) == e).count();
        let cloture_proche = offres
            .iter()
            .filter(|o| o.fenetre.jours_restants(JOUR).is_some_and(|j| j <= 2))
            .count();
        assert!(etat(EtatOffre::Ouverte) >= 30);
        assert!(etat(EtatOffre::Cloturee) >= 10);
        assert!(etat(EtatOffre::AVenir) >= 1);
        assert!(cloture_proche >= 5);
    }

    #[test]
    fn windows_last_at_most_30_days_and_only_pmr_homes_reachable_without_stairs() {
        for o in offres_demo(JOUR) {
            let jours = o.fenetre.ouverture().jours_jusqua(o.fenetre.cloture());
            assert!((0..=30).contains(&jours), "{}", o.reference);
            if o.accessible_pmr {
                assert!(o.etage == 0 || o.ascenseur, "{}", o.reference);
            }
            assert!(
                !o.photos.is_empty() && o.photos.iter().all(|p| !p.texte_alternatif.is_empty())
            );
        }
    }

    #[test]
    fn every_typology_financing_and_reservataire_appears() {
        use clef_domain::offre::Code;
        let offres = offres_demo(JOUR);
        for t in Typologie::TOUS {
            assert!(offres.iter().any(|o| o.typologie == *t), "{t:?}");
        }
        for f in Financement::TOUS {
            assert!(offres.iter().any(|o| o.financement == *f), "{f:?}");
        }
        for r in Reservataire::TOUS {
            assert!(offres.iter().any(|o| o.reservataire == *r), "{r:?}");
        }
        assert!(offres.iter().any(|o| o.qpv.is_some()));
        // Each listing's QPV is the one its address computes to.
        let voies: Vec<(String, String)> = super::super::territoire::QPV_VOIES
            .iter()
            .flat_map(|(qpv, voies)| voies.iter().map(|v| (qpv.to_string(), v.to_string())))
            .collect();
        for o in offres.iter().filter(|o| o.commune == "bethune") {
            assert_eq!(
                clef_domain::adresse::qpv_de_l_adresse(&o.adresse, &voies),
                o.qpv,
                "{}",
                o.adresse
            );
        }
        assert!(offres.iter().any(|o| o.accessible_pmr));
    }
}
