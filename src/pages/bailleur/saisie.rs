//! A listing's form as typed (numbers stay text until read), and its conversion to the
//! rules crate's `ProjetOffre`: what cannot be read is an error on its field; everything
//! else is the rules crate's to check.

use crate::saisie::{centimes, dixiemes, en_texte_euros, en_texte_surface};
use clef_domain::api::Photo;
use clef_domain::erreur::{CodeErreur, ErreurChamp};
use clef_domain::offre::{Code, ProjetOffre};
use clef_domain::{Euros, Jour, Surface};
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct SaisieOffre {
    pub titre: RwSignal<String>,
    pub adresse: RwSignal<String>,
    pub commune: RwSignal<String>,
    pub qpv: RwSignal<String>,
    pub typologie: RwSignal<String>,
    pub pieces: RwSignal<String>,
    pub surface: RwSignal<String>,
    pub etage: RwSignal<String>,
    pub ascenseur: RwSignal<bool>,
    pub accessible_pmr: RwSignal<bool>,
    pub loyer: RwSignal<String>,
    pub charges: RwSignal<String>,
    pub financement: RwSignal<String>,
    pub dpe: RwSignal<String>,
    pub reservataire: RwSignal<String>,
    pub ouverture: RwSignal<String>,
    pub cloture: RwSignal<String>,
    pub description: RwSignal<String>,
    pub photos: RwSignal<Vec<Photo>>,
}

fn code<T: Code>(valeur: Option<T>) -> String {
    valeur.map(|v| v.code().to_owned()).unwrap_or_default()
}

fn nombre<T: ToString>(valeur: Option<T>) -> String {
    valeur.map(|v| v.to_string()).unwrap_or_default()
}

impl SaisieOffre {
    pub fn depuis(p: &ProjetOffre) -> SaisieOffre {
        SaisieOffre {
            titre: RwSignal::new(p.titre.clone()),
            adresse: RwSignal::new(p.adresse.clone()),
            commune: RwSignal::new(p.commune.clone()),
            qpv: RwSignal::new(p.qpv.clone()),
            typologie: RwSignal::new(code(p.typologie)),
            pieces: RwSignal::new(nombre(p.pieces)),
            surface: RwSignal::new(p.surface.map(en_texte_surface).unwrap_or_default()),
            etage: RwSignal::new(nombre(p.etage)),
            ascenseur: RwSignal::new(p.ascenseur),
            accessible_pmr: RwSignal::new(p.accessible_pmr),
            loyer: RwSignal::new(en_texte_euros(p.loyer.map(Euros::centimes))),
            charges: RwSignal::new(en_texte_euros(p.charges.map(Euros::centimes))),
            financement: RwSignal::new(code(p.financement)),
            dpe: RwSignal::new(code(p.dpe)),
            reservataire: RwSignal::new(code(p.reservataire)),
            ouverture: RwSignal::new(nombre(p.ouverture)),
            cloture: RwSignal::new(nombre(p.cloture)),
            description: RwSignal::new(p.description.clone()),
            photos: RwSignal::new(p.photos.clone()),
        }
    }

    /// The project as typed, and the fields that could not be read.
    pub fn projet(&self) -> (ProjetOffre, Vec<ErreurChamp>) {
        let mut erreurs = Vec::new();
        let mut lire = |champ: &str, resultat: Result<Option<i64>, CodeErreur>| match resultat {
            Ok(v) => v,
            Err(code) => {
                erreurs.push(ErreurChamp::new(champ, code));
                None
            }
        };
        let entier = |texte: String| -> Result<Option<i64>, CodeErreur> {
            let texte = texte.trim().to_owned();
            if texte.is_empty() {
                return Ok(None);
            }
            texte.parse().map(Some).map_err(|_| CodeErreur::PasUnNombre)
        };
        let pieces = lire("pieces", entier(self.pieces.get_untracked()));
        let etage = lire("etage", entier(self.etage.get_untracked()));
        let loyer = lire("loyer", centimes(&self.loyer.get_untracked()));
        let charges = lire("charges", centimes(&self.charges.get_untracked()));
        let surface = lire(
            "surface",
            dixiemes(&self.surface.get_untracked()).map(|d| d.map(i64::from)),
        );
        let mut jour = |champ: &str, texte: String| {
            let texte = texte.trim().to_owned();
            if texte.is_empty() {
                return None;
            }
            match texte.parse::<Jour>() {
                Ok(j) => Some(j),
                Err(_) => {
                    erreurs.push(ErreurChamp::new(champ, CodeErreur::FormatInvalide));
                    None
                }
            }
        };
        let ouverture = jour("ouverture", self.ouverture.get_untracked());
        let cloture = jour("cloture", self.cloture.get_untracked());
        let projet = ProjetOffre {
            titre: self.titre.get_untracked(),
            adresse: self.adresse.get_untracked(),
            commune: self.commune.get_untracked(),
            qpv: self.qpv.get_untracked(),
            typologie: Code::depuis_code(&self.typologie.get_untracked()),
            pieces: pieces.map(|n| u8::try_from(n).unwrap_or(u8::MAX)),
            surface: surface.map(|d| Surface::from_dixiemes(u32::try_from(d).unwrap_or(u32::MAX))),
            etage: etage.map(|n| i8::try_from(n).unwrap_or(i8::MAX)),
            ascenseur: self.ascenseur.get_untracked(),
            accessible_pmr: self.accessible_pmr.get_untracked(),
            loyer: loyer.map(Euros::from_centimes),
            charges: charges.map(Euros::from_centimes),
            financement: Code::depuis_code(&self.financement.get_untracked()),
            dpe: Code::depuis_code(&self.dpe.get_untracked()),
            reservataire: Code::depuis_code(&self.reservataire.get_untracked()),
            ouverture,
            cloture,
            description: self.description.get_untracked(),
            photos: self.photos.get_untracked(),
        };
        (projet, erreurs)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clef_domain::offre::{EtiquetteDpe, Financement, Reservataire, Typologie};

    fn projet() -> ProjetOffre {
        ProjetOffre {
            titre: "T3 lumineux".into(),
            adresse: "12 rue des Tilleuls".into(),
            commune: "bethune".into(),
            qpv: "Mont-Liébaut".into(),
            typologie: Some(Typologie::T3),
            pieces: Some(3),
            surface: Some(Surface::from_dixiemes(655)),
            etage: Some(-1),
            ascenseur: true,
            accessible_pmr: false,
            loyer: Some(Euros::from_centimes(39_050)),
            charges: Some(Euros::from_euros(80)),
            financement: Some(Financement::Plus),
            dpe: Some(EtiquetteDpe::C),
            reservataire: Some(Reservataire::ActionLogement),
            ouverture: "2026-11-22".parse().ok(),
            cloture: "2026-12-05".parse().ok(),
            description: "Séjour traversant.".into(),
            photos: vec![Photo {
                url: "/api/v1/images/ab".into(),
                texte_alternatif: "Le séjour".into(),
            }],
        }
    }

    #[test]
    fn a_saved_listing_comes_back_as_it_was_typed() {
        let saisie = SaisieOffre::depuis(&projet());
        assert_eq!(saisie.loyer.get_untracked(), "390,50");
        assert_eq!(saisie.surface.get_untracked(), "65,5");
        assert_eq!(saisie.projet(), (projet(), vec![]));
    }

    #[test]
    fn what_cannot_be_read_is_an_error_on_its_field_and_the_rest_is_kept() {
        let saisie = SaisieOffre::depuis(&projet());
        saisie.loyer.set("trois cents".into());
        saisie.etage.set("deuxième".into());
        saisie.ouverture.set("22/11/2026".into());
        saisie.pieces.set(String::new());
        let (lu, erreurs) = saisie.projet();
        let champs: Vec<&str> = erreurs.iter().map(|e| e.champ.as_str()).collect();
        assert_eq!(champs, ["etage", "loyer", "ouverture"]);
        assert_eq!(lu.loyer, None);
        assert_eq!(lu.pieces, None, "an empty field is missing, not an error");
        assert_eq!(lu.titre, "T3 lumineux");
        // A unit typed after the number is read, not refused (issue 12.8).
        saisie.loyer.set("390 euros".into());
        assert_eq!(saisie.projet().0.loyer, Some(Euros::from_euros(390)));
    }
}
