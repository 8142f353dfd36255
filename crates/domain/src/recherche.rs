//! The search criteria of the listings page. The app keeps them in its URL (so a search can
//! be shared and the back button works) and the server receives them as its query string:
//! both read and write them with this one module.

use crate::eligibilite::Accessibles;
use crate::erreur::{CodeErreur, ErreurChamp};
use crate::offre::{Code, Financement, Reservataire, Typologie};

/// Bounds of the page size: small pages for phones, bounded for the server.
pub const PAR_PAGE_DEFAUT: u32 = 12;
pub const PAR_PAGE_MAX: u32 = 50;
/// Nobody pages that far; the bound keeps offsets small.
pub const PAGE_MAX: u32 = 1_000;
/// Monthly rent with charges, in euros.
pub const LOYER_MAX_BORNE: u32 = 5_000;
/// Listings left out by id (those an applicant already applied to): far above any cap on
/// applications at once, and bounded for the server.
pub const SAUF_MAX: usize = 20;
const SURFACE_MIN_BORNE: u32 = 1_000;
const PIECES_MAX_BORNE: u32 = 20;
const COMMUNE_LONGUEUR_MAX: usize = 80;

/// Criteria of a listing search; every field has a valid value by construction.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Recherche {
    /// Slug of the commune (`bethune`, `bruay-la-buissiere`).
    pub commune: Option<String>,
    pub typologie: Option<Typologie>,
    /// Highest monthly rent with charges, in whole euros.
    pub loyer_max: Option<u32>,
    pub financement: Option<Financement>,
    /// Only homes accessible to people with reduced mobility.
    pub pmr: bool,
    pub qpv: Option<Qpv>,
    pub reservataire: Option<Reservataire>,
    pub etat: FiltreEtat,
    pub tri: Tri,
    /// 1-based.
    pub page: u32,
    pub par_page: u32,
    /// "Only the homes I can apply to": the app's own criterion. It is never sent: the app
    /// replaces it with [`Restrictions`] it computes from the applicant's request, and
    /// the server, which does not know who searches, refuses it.
    pub pour_moi: bool,
    pub restrictions: Restrictions,
}

/// Criteria on listings that the app derives from an applicant's request (see
/// `eligibilite::accessibles`): they say which homes, not who asks.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Restrictions {
    /// This financing or a higher one (PLAI < PLUS < PLS).
    pub financement_min: Option<Financement>,
    /// At least this habitable surface, in m².
    pub surface_min: Option<u32>,
    /// At most this many main rooms.
    pub pieces_max: Option<u8>,
    /// Listings left out (already applied to), at most [`SAUF_MAX`].
    pub sauf: Vec<i64>,
}

impl Default for Recherche {
    fn default() -> Self {
        Recherche {
            commune: None,
            typologie: None,
            loyer_max: None,
            financement: None,
            pmr: false,
            qpv: None,
            reservataire: None,
            etat: FiltreEtat::Ouvertes,
            tri: Tri::ClotureProche,
            page: 1,
            par_page: PAR_PAGE_DEFAUT,
            pour_moi: false,
            restrictions: Restrictions::default(),
        }
    }
}

/// Inside or outside a priority neighbourhood of city policy (QPV).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Qpv {
    Dans,
    Hors,
}

impl Code for Qpv {
    const TOUS: &'static [Self] = &[Qpv::Dans, Qpv::Hors];

    fn code(self) -> &'static str {
        match self {
            Qpv::Dans => "dans",
            Qpv::Hors => "hors",
        }
    }
}

/// Which listings by state; applicants look for open ones first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FiltreEtat {
    Ouvertes,
    AVenir,
    Cloturees,
    Toutes,
}

impl Code for FiltreEtat {
    const TOUS: &'static [Self] = &[
        FiltreEtat::Ouvertes,
        FiltreEtat::AVenir,
        FiltreEtat::Cloturees,
        FiltreEtat::Toutes,
    ];

    fn code(self) -> &'static str {
        match self {
            FiltreEtat::Ouvertes => "ouvertes",
            FiltreEtat::AVenir => "a_venir",
            FiltreEtat::Cloturees => "cloturees",
            FiltreEtat::Toutes => "toutes",
        }
    }
}

/// Sort orders. Every order ends on the listing id, so pages never overlap or skip.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tri {
    /// Closing soonest first: what to apply to now.
    ClotureProche,
    PlusRecentes,
    LoyerCroissant,
    LoyerDecroissant,
    SurfaceDecroissante,
}

impl Code for Tri {
    const TOUS: &'static [Self] = &[
        Tri::ClotureProche,
        Tri::PlusRecentes,
        Tri::LoyerCroissant,
        Tri::LoyerDecroissant,
        Tri::SurfaceDecroissante,
    ];

    fn code(self) -> &'static str {
        match self {
            Tri::ClotureProche => "cloture",
            Tri::PlusRecentes => "recentes",
            Tri::LoyerCroissant => "loyer",
            Tri::LoyerDecroissant => "loyer_desc",
            Tri::SurfaceDecroissante => "surface_desc",
        }
    }
}

/// Names of the fields, as in URLs and in the API.
pub mod champ {
    pub const COMMUNE: &str = "commune";
    pub const TYPOLOGIE: &str = "typologie";
    pub const LOYER_MAX: &str = "loyer_max";
    pub const FINANCEMENT: &str = "financement";
    pub const PMR: &str = "pmr";
    pub const QPV: &str = "qpv";
    pub const RESERVATAIRE: &str = "reservataire";
    pub const ETAT: &str = "etat";
    pub const TRI: &str = "tri";
    pub const PAGE: &str = "page";
    pub const PAR_PAGE: &str = "par_page";
    pub const POUR_MOI: &str = "pour_moi";
    pub const FINANCEMENT_MIN: &str = "financement_min";
    pub const SURFACE_MIN: &str = "surface_min";
    pub const PIECES_MAX: &str = "pieces_max";
    pub const SAUF: &str = "sauf";

    pub const TOUS: &[&str] = &[
        COMMUNE,
        TYPOLOGIE,
        LOYER_MAX,
        FINANCEMENT,
        PMR,
        QPV,
        RESERVATAIRE,
        ETAT,
        TRI,
        PAGE,
        PAR_PAGE,
        POUR_MOI,
        FINANCEMENT_MIN,
        SURFACE_MIN,
        PIECES_MAX,
        SAUF,
    ];
}

impl Recherche {
    /// Reads the criteria from query-string pairs. Unknown keys are ignored (links from
    /// elsewhere carry their own); empty values mean "no filter", as HTML forms send them.
    /// Every invalid field is reported, not only the first.
    pub fn depuis_paires<'a, I>(paires: I) -> Result<Recherche, Vec<ErreurChamp>>
    where
        I: IntoIterator<Item = (&'a str, &'a str)>,
    {
        match Recherche::depuis_paires_en_ignorant(paires) {
            (recherche, erreurs) if erreurs.is_empty() => Ok(recherche),
            (_, erreurs) => Err(erreurs),
        }
    }

    /// Like [`Recherche::depuis_paires`], but keeps the valid criteria and sets the invalid
    /// ones aside: a shared link with one bad value still shows results, and says which
    /// criterion was ignored.
    pub fn depuis_paires_en_ignorant<'a, I>(paires: I) -> (Recherche, Vec<ErreurChamp>)
    where
        I: IntoIterator<Item = (&'a str, &'a str)>,
    {
        let mut recherche = Recherche::default();
        let mut erreurs = Vec::new();
        let mut vus: Vec<&str> = Vec::new();
        for (cle, valeur) in paires {
            let Some(&champ) = champ::TOUS.iter().find(|&&c| c == cle) else {
                continue;
            };
            if vus.contains(&champ) {
                erreurs.push(ErreurChamp::new(champ, CodeErreur::Repete));
                continue;
            }
            vus.push(champ);
            let valeur = valeur.trim();
            if valeur.is_empty() {
                continue;
            }
            if let Err(code) = recherche.lire(champ, valeur) {
                erreurs.push(ErreurChamp::new(champ, code));
            }
        }
        (recherche, erreurs)
    }

    fn lire(&mut self, champ: &str, valeur: &str) -> Result<(), CodeErreur> {
        match champ {
            champ::COMMUNE => self.commune = Some(lire_slug(valeur)?),
            champ::TYPOLOGIE => self.typologie = Some(lire_code(valeur)?),
            champ::LOYER_MAX => self.loyer_max = Some(lire_nombre(valeur, 1, LOYER_MAX_BORNE)?),
            champ::FINANCEMENT => self.financement = Some(lire_code(valeur)?),
            champ::PMR => self.pmr = lire_booleen(valeur)?,
            champ::QPV => self.qpv = Some(lire_code(valeur)?),
            champ::RESERVATAIRE => self.reservataire = Some(lire_code(valeur)?),
            champ::ETAT => self.etat = lire_code(valeur)?,
            champ::TRI => self.tri = lire_code(valeur)?,
            champ::PAGE => self.page = lire_nombre(valeur, 1, PAGE_MAX)?,
            champ::PAR_PAGE => self.par_page = lire_nombre(valeur, 1, PAR_PAGE_MAX)?,
            champ::POUR_MOI => self.pour_moi = lire_booleen(valeur)?,
            champ::FINANCEMENT_MIN => self.restrictions.financement_min = Some(lire_code(valeur)?),
            champ::SURFACE_MIN => {
                self.restrictions.surface_min = Some(lire_nombre(valeur, 1, SURFACE_MIN_BORNE)?)
            }
            champ::PIECES_MAX => {
                self.restrictions.pieces_max = Some(lire_nombre(valeur, 1, PIECES_MAX_BORNE)? as u8)
            }
            champ::SAUF => self.restrictions.sauf = lire_identifiants(valeur)?,
            _ => {}
        }
        Ok(())
    }

    /// The criteria as query-string pairs, defaults left out, in a fixed order.
    pub fn en_paires(&self) -> Vec<(&'static str, String)> {
        let defaut = Recherche::default();
        let mut paires = Vec::new();
        let mut ajouter = |champ: &'static str, valeur: Option<String>| {
            if let Some(v) = valeur {
                paires.push((champ, v));
            }
        };
        ajouter(champ::COMMUNE, self.commune.clone());
        ajouter(
            champ::TYPOLOGIE,
            self.typologie.map(|t| t.code().to_owned()),
        );
        ajouter(champ::LOYER_MAX, self.loyer_max.map(|l| l.to_string()));
        ajouter(
            champ::FINANCEMENT,
            self.financement.map(|f| f.code().to_owned()),
        );
        ajouter(champ::PMR, self.pmr.then(|| "oui".to_owned()));
        ajouter(champ::QPV, self.qpv.map(|q| q.code().to_owned()));
        ajouter(
            champ::RESERVATAIRE,
            self.reservataire.map(|r| r.code().to_owned()),
        );
        ajouter(
            champ::ETAT,
            (self.etat != defaut.etat).then(|| self.etat.code().to_owned()),
        );
        ajouter(
            champ::TRI,
            (self.tri != defaut.tri).then(|| self.tri.code().to_owned()),
        );
        ajouter(
            champ::PAGE,
            (self.page != defaut.page).then(|| self.page.to_string()),
        );
        ajouter(
            champ::PAR_PAGE,
            (self.par_page != defaut.par_page).then(|| self.par_page.to_string()),
        );
        ajouter(champ::POUR_MOI, self.pour_moi.then(|| "oui".to_owned()));
        let r = &self.restrictions;
        ajouter(
            champ::FINANCEMENT_MIN,
            r.financement_min.map(|f| f.code().to_owned()),
        );
        ajouter(champ::SURFACE_MIN, r.surface_min.map(|m| m.to_string()));
        ajouter(champ::PIECES_MAX, r.pieces_max.map(|p| p.to_string()));
        ajouter(
            champ::SAUF,
            (!r.sauf.is_empty()).then(|| {
                r.sauf
                    .iter()
                    .map(i64::to_string)
                    .collect::<Vec<_>>()
                    .join(",")
            }),
        );
        paires
    }

    /// What the app asks the server for "only the homes I can apply to": open listings
    /// meeting `accessibles`, less those in `deja` (already applied to).
    pub fn pour_le_serveur(&self, accessibles: &Accessibles, deja: &[i64]) -> Recherche {
        if !self.pour_moi {
            return self.clone();
        }
        let mut sauf: Vec<i64> = deja.iter().copied().take(SAUF_MAX).collect();
        sauf.sort_unstable();
        sauf.dedup();
        Recherche {
            pour_moi: false,
            etat: FiltreEtat::Ouvertes,
            restrictions: Restrictions {
                financement_min: Some(accessibles.financement_min),
                surface_min: accessibles.surface_min,
                pieces_max: accessibles.pieces_max,
                sauf,
            },
            ..self.clone()
        }
    }

    /// Whether any filter narrows the results (sort and paging aside).
    pub fn a_des_filtres(&self) -> bool {
        let defaut = Recherche::default();
        Recherche {
            tri: defaut.tri,
            page: defaut.page,
            par_page: defaut.par_page,
            ..self.clone()
        } != defaut
    }

    /// Offset of the first row of the page.
    pub fn decalage(&self) -> u32 {
        (self.page - 1) * self.par_page
    }
}

fn lire_code<T: Code>(valeur: &str) -> Result<T, CodeErreur> {
    T::depuis_code(valeur).ok_or(CodeErreur::ValeurInconnue)
}

fn lire_nombre(valeur: &str, min: u32, max: u32) -> Result<u32, CodeErreur> {
    let hors_limites = CodeErreur::HorsLimites {
        min: i64::from(min),
        max: i64::from(max),
    };
    if !valeur.bytes().all(|b| b.is_ascii_digit()) {
        return Err(
            if valeur.starts_with('-') && valeur[1..].bytes().all(|b| b.is_ascii_digit()) {
                hors_limites
            } else {
                CodeErreur::PasUnNombre
            },
        );
    }
    match valeur.parse::<u32>() {
        Ok(n) if (min..=max).contains(&n) => Ok(n),
        _ => Err(hors_limites),
    }
}

fn lire_booleen(valeur: &str) -> Result<bool, CodeErreur> {
    match valeur.to_ascii_lowercase().as_str() {
        "oui" | "true" | "1" => Ok(true),
        "non" | "false" | "0" => Ok(false),
        _ => Err(CodeErreur::ValeurInconnue),
    }
}

/// Listing ids separated by commas (`12,57`), at most [`SAUF_MAX`].
fn lire_identifiants(valeur: &str) -> Result<Vec<i64>, CodeErreur> {
    let ids = valeur
        .split(',')
        .map(|id| {
            let id = id.trim();
            if id.is_empty() || !id.bytes().all(|b| b.is_ascii_digit()) {
                return Err(CodeErreur::PasUnNombre);
            }
            id.parse::<i64>().map_err(|_| CodeErreur::PasUnNombre)
        })
        .collect::<Result<Vec<_>, _>>()?;
    if ids.len() > SAUF_MAX {
        return Err(CodeErreur::TropLong {
            max: SAUF_MAX as u32,
        });
    }
    Ok(ids)
}

/// A commune slug: lowercase ASCII letters, digits and single hyphens.
fn lire_slug(valeur: &str) -> Result<String, CodeErreur> {
    let valide = valeur.len() <= COMMUNE_LONGUEUR_MAX
        && valeur.split('-').all(|mot| {
            !mot.is_empty()
                && mot
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        });
    if valide {
        Ok(valeur.to_owned())
    } else {
        Err(CodeErreur::ValeurInconnue)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::offre::Typologie;

    fn lire(query: &[(&str, &str)]) -> Result<Recherche, Vec<ErreurChamp>> {
        Recherche::depuis_paires(query.iter().copied())
    }

    #[test]
    fn no_criteria_means_open_listings_closing_soonest_first() {
        let r = lire(&[]).unwrap();
        assert_eq!(r, Recherche::default());
        assert_eq!(r.etat, FiltreEtat::Ouvertes);
        assert_eq!(r.tri, Tri::ClotureProche);
        assert!(!r.a_des_filtres());
        assert!(r.en_paires().is_empty());
    }

    #[test]
    fn every_filter_is_read() {
        let r = lire(&[
            ("commune", "bruay-la-buissiere"),
            ("typologie", "t3"),
            ("loyer_max", "650"),
            ("financement", "PLAI"),
            ("pmr", "oui"),
            ("qpv", "hors"),
            ("reservataire", "action_logement"),
            ("etat", "toutes"),
            ("tri", "loyer_desc"),
            ("page", "2"),
            ("par_page", "24"),
        ])
        .unwrap();
        assert_eq!(r.commune.as_deref(), Some("bruay-la-buissiere"));
        assert_eq!(r.typologie, Some(Typologie::T3));
        assert_eq!(r.loyer_max, Some(650));
        assert_eq!(r.financement, Some(Financement::Plai));
        assert!(r.pmr);
        assert_eq!(r.qpv, Some(Qpv::Hors));
        assert_eq!(r.reservataire, Some(Reservataire::ActionLogement));
        assert_eq!(r.etat, FiltreEtat::Toutes);
        assert_eq!(r.tri, Tri::LoyerDecroissant);
        assert_eq!((r.page, r.par_page, r.decalage()), (2, 24, 24));
        assert!(r.a_des_filtres());
    }

    #[test]
    fn every_invalid_field_is_named_with_what_is_wrong() {
        let erreurs = lire(&[
            ("typologie", "T9"),
            ("loyer_max", "beaucoup"),
            ("par_page", "500"),
            ("page", "0"),
            ("commune", "Béthune"),
        ])
        .unwrap_err();
        assert_eq!(
            erreurs,
            vec![
                ErreurChamp::new("typologie", CodeErreur::ValeurInconnue),
                ErreurChamp::new("loyer_max", CodeErreur::PasUnNombre),
                ErreurChamp::new("par_page", CodeErreur::HorsLimites { min: 1, max: 50 }),
                ErreurChamp::new("page", CodeErreur::HorsLimites { min: 1, max: 1000 }),
                ErreurChamp::new("commune", CodeErreur::ValeurInconnue),
            ]
        );
    }

    #[test]
    fn a_negative_or_huge_number_is_out_of_bounds_not_garbage() {
        let bornes = CodeErreur::HorsLimites { min: 1, max: 5000 };
        for v in ["-5", "0", "5001", "99999999999999999999"] {
            assert_eq!(
                lire(&[("loyer_max", v)]).unwrap_err(),
                vec![ErreurChamp::new("loyer_max", bornes.clone())],
                "{v}"
            );
        }
    }

    #[test]
    fn a_link_with_one_bad_value_keeps_the_other_criteria() {
        let (r, erreurs) =
            Recherche::depuis_paires_en_ignorant([("typologie", "T9"), ("commune", "beuvry")]);
        assert_eq!(r.commune.as_deref(), Some("beuvry"));
        assert_eq!(r.typologie, None);
        assert_eq!(
            erreurs,
            vec![ErreurChamp::new("typologie", CodeErreur::ValeurInconnue)]
        );
    }

    #[test]
    fn a_repeated_field_is_refused() {
        assert_eq!(
            lire(&[("typologie", "T2"), ("typologie", "T3")]).unwrap_err(),
            vec![ErreurChamp::new("typologie", CodeErreur::Repete)]
        );
    }

    #[test]
    fn empty_values_and_unknown_keys_are_no_filter() {
        let r = lire(&[
            ("typologie", ""),
            ("commune", "  "),
            ("utm_source", "affiche"),
        ])
        .unwrap();
        assert_eq!(r, Recherche::default());
    }

    #[test]
    fn commune_slugs_are_lowercase_words_joined_by_single_hyphens() {
        for ok in ["bethune", "fouquieres-les-bethune", "a1"] {
            assert!(lire(&[("commune", ok)]).is_ok(), "{ok}");
        }
        for ko in ["Bethune", "-bethune", "bethune-", "a--b", "a b", "béthune"] {
            assert!(lire(&[("commune", ko)]).is_err(), "{ko}");
        }
    }
}
