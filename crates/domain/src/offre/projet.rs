//! A listing being written by landlord staff (*projet d'offre*): it may be saved incomplete
//! as a draft, and is published only once every rule here holds.

use crate::api::Photo;
use crate::argent::Euros;
use crate::erreur::{CodeErreur, ErreurChamp, Regle};
use crate::jour::Jour;
use crate::offre::{EtiquetteDpe, Financement, Reservataire, Typologie};
use crate::surface::Surface;
use serde::{Deserialize, Serialize};
use std::ops::RangeInclusive;

/// Days a publication window may last, opening and closing days included.
pub const DUREE_FENETRE: RangeInclusive<i32> = 3..=30;
/// Photos per listing.
pub const PHOTOS_MAX: usize = 10;
pub const TITRE_MAX: usize = 120;
pub const ADRESSE_MAX: usize = 200;
pub const DESCRIPTION_MAX: usize = 4_000;
pub const TEXTE_ALTERNATIF_MAX: usize = 250;
/// The decency decree's smallest home is 9 m²; beyond 250 m² a unit mistake is likelier.
pub const SURFACE_M2: RangeInclusive<u32> = 9..=250;
pub const ETAGES: RangeInclusive<i8> = -1..=60;

/// The fields a listing is published with. Everything may be missing in a draft.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct ProjetOffre {
    pub titre: String,
    pub adresse: String,
    /// The commune's slug.
    pub commune: String,
    /// The priority neighbourhood (QPV) of the address, computed by the server from the
    /// streets the territory lists for each QPV (what a request sends here is ignored);
    /// empty when the home is outside every QPV.
    pub qpv: String,
    pub typologie: Option<Typologie>,
    pub pieces: Option<u8>,
    pub surface: Option<Surface>,
    /// 0 is the ground floor, -1 a garden level.
    pub etage: Option<i8>,
    pub ascenseur: bool,
    pub accessible_pmr: bool,
    pub loyer: Option<Euros>,
    pub charges: Option<Euros>,
    pub financement: Option<Financement>,
    pub dpe: Option<EtiquetteDpe>,
    pub reservataire: Option<Reservataire>,
    pub ouverture: Option<Jour>,
    pub cloture: Option<Jour>,
    pub description: String,
    pub photos: Vec<Photo>,
}

/// The fields applicants rely on when they apply: once the listing is published they change
/// only by withdrawing it and publishing a new one.
pub const CHAMPS_FIGES: [&str; 3] = ["loyer", "financement", "typologie"];

/// Monthly rent without charges per m² that is plausible for a financing, in cents: wide
/// enough for every territory, narrow enough to catch a typing mistake (a missing zero, the
/// yearly rent, cents for euros). The legal ceiling itself is in each building's agreement.
pub fn loyer_m2_plausible(financement: Financement) -> RangeInclusive<i64> {
    match financement {
        Financement::Plai => 300..=800,
        Financement::Plus => 400..=1_000,
        Financement::Pls => 550..=1_600,
    }
}

/// The plausible monthly rent for this financing and surface, in whole euros.
pub fn loyer_plausible(financement: Financement, surface: Surface) -> RangeInclusive<Euros> {
    let par_m2 = loyer_m2_plausible(financement);
    let dixiemes = i64::from(surface.dixiemes());
    let euros = |centimes_m2: i64, arrondi: i64| {
        Euros::from_euros((dixiemes * centimes_m2 + arrondi) / 1_000)
    };
    euros(*par_m2.start(), 999)..=euros(*par_m2.end(), 0)
}

impl ProjetOffre {
    /// What even a draft must respect, so that saving it stores nothing unbounded or
    /// hidden: the texts' lengths and characters and the number of photos.
    pub fn verifier_saisie(&self) -> Vec<ErreurChamp> {
        let mut erreurs = Vec::new();
        for (champ, valeur, max) in [
            ("titre", &self.titre, TITRE_MAX),
            ("adresse", &self.adresse, ADRESSE_MAX),
            ("description", &self.description, DESCRIPTION_MAX),
            // A slug: the search's own limit.
            ("commune", &self.commune, TITRE_MAX),
        ] {
            texte_saisi(&mut erreurs, champ, valeur, max);
        }
        self.verifier_photos(&mut erreurs, false);
        erreurs
    }

    /// Every rule a listing must meet to be published on `aujourdhui`, as field errors.
    /// `nouvelle` is false when checking edits to a listing already published: its opening
    /// day may then be in the past.
    pub fn verifier(&self, aujourdhui: Jour, nouvelle: bool) -> Vec<ErreurChamp> {
        let mut erreurs = Vec::new();
        texte(&mut erreurs, "titre", &self.titre, TITRE_MAX);
        texte(&mut erreurs, "adresse", &self.adresse, ADRESSE_MAX);
        texte(
            &mut erreurs,
            "description",
            &self.description,
            DESCRIPTION_MAX,
        );
        if self.commune.trim().is_empty() {
            erreurs.push(ErreurChamp::new("commune", CodeErreur::Requis));
        }
        requis(&mut erreurs, "typologie", &self.typologie);
        requis(&mut erreurs, "financement", &self.financement);
        requis(&mut erreurs, "dpe", &self.dpe);
        requis(&mut erreurs, "reservataire", &self.reservataire);
        requis(&mut erreurs, "charges", &self.charges);
        self.verifier_pieces(&mut erreurs);
        self.verifier_surface_et_loyer(&mut erreurs);
        match self.etage {
            None => erreurs.push(ErreurChamp::new("etage", CodeErreur::Requis)),
            Some(e) if !ETAGES.contains(&e) => erreurs.push(hors_limites("etage", &ETAGES)),
            Some(_) => {}
        }
        if let (Some(charges), Some(loyer)) = (self.charges, self.loyer)
            && (charges < Euros::ZERO || charges > loyer)
        {
            erreurs.push(ErreurChamp::incoherent(
                "charges",
                Regle::ChargesSuperieuresAuLoyer,
            ));
        }
        self.verifier_fenetre(&mut erreurs, aujourdhui, nouvelle);
        self.verifier_photos(&mut erreurs, true);
        erreurs
    }

    fn verifier_pieces(&self, erreurs: &mut Vec<ErreurChamp>) {
        let Some(pieces) = self.pieces else {
            erreurs.push(ErreurChamp::new("pieces", CodeErreur::Requis));
            return;
        };
        let Some(typologie) = self.typologie else {
            return;
        };
        let attendu = typologie.pieces();
        let accord = match typologie {
            Typologie::T6 => (attendu..=12).contains(&pieces),
            _ => pieces == attendu,
        };
        if !accord {
            erreurs.push(ErreurChamp::incoherent("pieces", Regle::PiecesTypologie));
        }
    }

    fn verifier_surface_et_loyer(&self, erreurs: &mut Vec<ErreurChamp>) {
        let surface = match self.surface {
            None => {
                erreurs.push(ErreurChamp::new("surface", CodeErreur::Requis));
                None
            }
            Some(s) if !SURFACE_M2.contains(&(s.dixiemes() / 10)) => {
                erreurs.push(ErreurChamp::new(
                    "surface",
                    CodeErreur::HorsLimites {
                        min: i64::from(*SURFACE_M2.start()),
                        max: i64::from(*SURFACE_M2.end()),
                    },
                ));
                None
            }
            Some(s) => Some(s),
        };
        let Some(loyer) = self.loyer else {
            erreurs.push(ErreurChamp::new("loyer", CodeErreur::Requis));
            return;
        };
        if let (Some(surface), Some(financement)) = (surface, self.financement) {
            let plausible = loyer_plausible(financement, surface);
            if !plausible.contains(&loyer) {
                erreurs.push(ErreurChamp::new(
                    "loyer",
                    CodeErreur::LoyerImplausible {
                        min: *plausible.start(),
                        max: *plausible.end(),
                    },
                ));
            }
        }
    }

    fn verifier_fenetre(&self, erreurs: &mut Vec<ErreurChamp>, aujourdhui: Jour, nouvelle: bool) {
        match self.ouverture {
            None => erreurs.push(ErreurChamp::new("ouverture", CodeErreur::Requis)),
            Some(o) if nouvelle && o < aujourdhui => {
                erreurs.push(ErreurChamp::incoherent("ouverture", Regle::DatePassee));
            }
            Some(_) => {}
        }
        let Some(cloture) = self.cloture else {
            erreurs.push(ErreurChamp::new("cloture", CodeErreur::Requis));
            return;
        };
        let Some(ouverture) = self.ouverture else {
            return;
        };
        if cloture <= ouverture {
            erreurs.push(ErreurChamp::incoherent(
                "cloture",
                Regle::ClotureAvantOuverture,
            ));
        } else if !DUREE_FENETRE.contains(&(ouverture.jours_jusqua(cloture) + 1)) {
            erreurs.push(ErreurChamp::incoherent("cloture", Regle::DureeFenetre));
        }
    }

    /// The number of photos, and each one's text for screen readers: required to publish
    /// (`requis`), bounded and clean always.
    fn verifier_photos(&self, erreurs: &mut Vec<ErreurChamp>, requis: bool) {
        if self.photos.len() > PHOTOS_MAX {
            erreurs.push(ErreurChamp::new(
                "photos",
                CodeErreur::HorsLimites {
                    min: 0,
                    max: PHOTOS_MAX as i64,
                },
            ));
        }
        let verifier = if requis { texte } else { texte_saisi };
        for (i, photo) in self.photos.iter().enumerate().take(PHOTOS_MAX + 1) {
            let mut une = Vec::new();
            let alternatif = &photo.texte_alternatif;
            verifier(
                &mut une,
                "texte_alternatif",
                alternatif,
                TEXTE_ALTERNATIF_MAX,
            );
            erreurs.extend(une.into_iter().map(|e| e.dans(&format!("photos.{i}"))));
        }
    }

    /// The frozen fields that differ between the published listing and this edit.
    pub fn champs_figes_modifies(&self, publiee: &ProjetOffre) -> Vec<ErreurChamp> {
        let mut erreurs = Vec::new();
        if self.loyer != publiee.loyer {
            erreurs.push(ErreurChamp::new("loyer", CodeErreur::Fige));
        }
        if self.financement != publiee.financement {
            erreurs.push(ErreurChamp::new("financement", CodeErreur::Fige));
        }
        if self.typologie != publiee.typologie {
            erreurs.push(ErreurChamp::new("typologie", CodeErreur::Fige));
        }
        erreurs
    }
}

fn texte(erreurs: &mut Vec<ErreurChamp>, champ: &str, valeur: &str, max: usize) {
    if valeur.trim().is_empty() {
        erreurs.push(ErreurChamp::new(champ, CodeErreur::Requis));
    } else {
        texte_saisi(erreurs, champ, valeur, max);
    }
}

/// What a text may hold even in a draft: its length and its characters (line breaks in the
/// description only).
fn texte_saisi(erreurs: &mut Vec<ErreurChamp>, champ: &str, valeur: &str, max: usize) {
    let longueur = valeur.trim().chars().count();
    if !crate::texte::propre(valeur, champ == "description") {
        erreurs.push(ErreurChamp::new(champ, CodeErreur::CaracteresInterdits));
    } else if longueur > max {
        erreurs.push(ErreurChamp::new(
            champ,
            CodeErreur::TropLong { max: max as u32 },
        ));
    }
}

fn requis<T>(erreurs: &mut Vec<ErreurChamp>, champ: &str, valeur: &Option<T>) {
    if valeur.is_none() {
        erreurs.push(ErreurChamp::new(champ, CodeErreur::Requis));
    }
}

fn hors_limites(champ: &str, bornes: &RangeInclusive<i8>) -> ErreurChamp {
    ErreurChamp::new(
        champ,
        CodeErreur::HorsLimites {
            min: i64::from(*bornes.start()),
            max: i64::from(*bornes.end()),
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::jour;

    const AUJOURDHUI: Jour = jour!(2026, 11, 22);

    pub fn complet() -> ProjetOffre {
        ProjetOffre {
            titre: "T3 lumineux près de la gare".into(),
            adresse: "12 rue des Tilleuls".into(),
            commune: "bethune".into(),
            qpv: String::new(),
            typologie: Some(Typologie::T3),
            pieces: Some(3),
            surface: Some(Surface::from_dixiemes(650)),
            etage: Some(2),
            ascenseur: false,
            accessible_pmr: false,
            loyer: Some(Euros::from_euros(390)),
            charges: Some(Euros::from_euros(80)),
            financement: Some(Financement::Plus),
            dpe: Some(EtiquetteDpe::C),
            reservataire: Some(Reservataire::Bailleur),
            ouverture: Some(AUJOURDHUI),
            cloture: Some(AUJOURDHUI.plus_jours(13)),
            description: "Séjour traversant, cuisine séparée.".into(),
            photos: vec![Photo {
                url: "/api/v1/images/abc".into(),
                texte_alternatif: "Façade de l'immeuble".into(),
            }],
        }
    }

    fn champs(projet: &ProjetOffre) -> Vec<String> {
        projet
            .verifier(AUJOURDHUI, true)
            .into_iter()
            .map(|e| e.champ)
            .collect()
    }

    #[test]
    fn a_complete_listing_can_be_published() {
        assert_eq!(complet().verifier(AUJOURDHUI, true), vec![]);
    }

    #[test]
    fn an_empty_draft_lists_every_required_field() {
        let erreurs = ProjetOffre::default().verifier(AUJOURDHUI, true);
        for champ in [
            "titre",
            "adresse",
            "description",
            "commune",
            "typologie",
            "financement",
            "dpe",
            "reservataire",
            "charges",
            "pieces",
            "surface",
            "loyer",
            "etage",
            "ouverture",
            "cloture",
        ] {
            assert!(
                erreurs
                    .iter()
                    .any(|e| e.champ == champ && e.code == CodeErreur::Requis),
                "{champ} should be required: {erreurs:?}"
            );
        }
    }

    #[test]
    fn the_rent_must_be_plausible_for_the_financing_and_surface() {
        // 65 m² PLUS: 4 to 10 € per m², so 260 € to 650 €.
        assert_eq!(
            loyer_plausible(Financement::Plus, Surface::from_dixiemes(650)),
            Euros::from_euros(260)..=Euros::from_euros(650)
        );
        let mut projet = complet();
        projet.loyer = Some(Euros::from_euros(3_900));
        let erreurs = projet.verifier(AUJOURDHUI, true);
        assert_eq!(
            erreurs,
            vec![ErreurChamp::new(
                "loyer",
                CodeErreur::LoyerImplausible {
                    min: Euros::from_euros(260),
                    max: Euros::from_euros(650)
                }
            )]
        );
        projet.loyer = Some(Euros::from_euros(650));
        assert_eq!(champs(&projet), Vec::<String>::new());
        // The same rent is too much for a PLAI of that size (3 to 8 € per m²: 520 € at most).
        projet.financement = Some(Financement::Plai);
        assert_eq!(champs(&projet), vec!["loyer"]);
    }

    #[test]
    fn the_window_lasts_three_to_thirty_days_and_closes_after_it_opens() {
        let mut projet = complet();
        projet.cloture = Some(AUJOURDHUI);
        assert_eq!(
            projet.verifier(AUJOURDHUI, true),
            vec![ErreurChamp::incoherent(
                "cloture",
                Regle::ClotureAvantOuverture
            )]
        );
        projet.cloture = Some(AUJOURDHUI.plus_jours(1));
        assert_eq!(
            projet.verifier(AUJOURDHUI, true),
            vec![ErreurChamp::incoherent("cloture", Regle::DureeFenetre)]
        );
        projet.cloture = Some(AUJOURDHUI.plus_jours(2));
        assert_eq!(champs(&projet), Vec::<String>::new());
        projet.cloture = Some(AUJOURDHUI.plus_jours(29));
        assert_eq!(champs(&projet), Vec::<String>::new());
        projet.cloture = Some(AUJOURDHUI.plus_jours(30));
        assert_eq!(champs(&projet), vec!["cloture"]);
    }

    #[test]
    fn a_new_listing_cannot_open_in_the_past_but_a_published_one_keeps_its_day() {
        let mut projet = complet();
        projet.ouverture = Some(AUJOURDHUI.plus_jours(-1));
        assert_eq!(champs(&projet), vec!["ouverture"]);
        assert_eq!(projet.verifier(AUJOURDHUI, false), vec![]);
    }

    #[test]
    fn rooms_match_the_typology() {
        let mut projet = complet();
        projet.pieces = Some(4);
        assert_eq!(champs(&projet), vec!["pieces"]);
        projet.typologie = Some(Typologie::T6);
        projet.pieces = Some(7);
        projet.surface = Some(Surface::from_dixiemes(1_100));
        projet.loyer = Some(Euros::from_euros(600));
        assert_eq!(champs(&projet), Vec::<String>::new());
    }

    #[test]
    fn every_photo_needs_its_text_alternative() {
        let mut projet = complet();
        projet.photos.push(Photo {
            url: "/api/v1/images/def".into(),
            texte_alternatif: "   ".into(),
        });
        assert_eq!(
            projet.verifier(AUJOURDHUI, true),
            vec![ErreurChamp::new(
                "photos.1.texte_alternatif",
                CodeErreur::Requis
            )]
        );
    }

    #[test]
    fn charges_above_the_rent_are_a_mistake() {
        let mut projet = complet();
        projet.charges = Some(Euros::from_euros(400));
        assert_eq!(champs(&projet), vec!["charges"]);
    }

    #[test]
    fn only_rent_financing_and_typology_are_frozen() {
        let publiee = complet();
        let mut edition = complet();
        edition.titre = "Autre titre".into();
        edition.description = "Autre description.".into();
        assert_eq!(edition.champs_figes_modifies(&publiee), vec![]);
        edition.loyer = Some(Euros::from_euros(391));
        edition.financement = Some(Financement::Plai);
        let figes: Vec<String> = edition
            .champs_figes_modifies(&publiee)
            .into_iter()
            .map(|e| e.champ)
            .collect();
        assert_eq!(figes, vec!["loyer", "financement"]);
    }
}
