//! Every error of the API is an RFC 9457 problem (`application/problem+json`) with a stable
//! `type`, a French `title`, and per-field `errors` for invalid input. Internal causes are
//! logged with their chain and never sent to the client.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use clef_domain::api::{Empechement, ErreurChampExpliquee, Probleme};
use clef_domain::erreur::{CodeErreur, ErreurChamp, Regle};
use clef_domain::offre::{Code, Financement, Reservataire, Typologie};
use clef_domain::recherche::{FiltreEtat, Qpv, Tri, champ};

pub const TYPE_REQUETE_INVALIDE: &str = "/problemes/requete-invalide";
pub const TYPE_INTROUVABLE: &str = "/problemes/introuvable";
pub const TYPE_METHODE: &str = "/problemes/methode-non-autorisee";
pub const TYPE_INTERNE: &str = "/problemes/erreur-interne";
pub const TYPE_NON_AUTHENTIFIE: &str = "/problemes/non-authentifie";
pub const TYPE_IDENTIFIANTS: &str = "/problemes/identifiants-incorrects";
pub const TYPE_INTERDIT: &str = "/problemes/interdit";
pub const TYPE_CSRF: &str = "/problemes/jeton-csrf";
pub const TYPE_TROP_DE_TENTATIVES: &str = "/problemes/trop-de-tentatives";
pub const TYPE_CONFLIT: &str = "/problemes/conflit";
pub const TYPE_FENETRE_OUVERTE: &str = "/problemes/fenetre-ouverte";
pub const TYPE_NON_CLASSEE: &str = "/problemes/non-classee";
pub const TYPE_DEJA_PRESENTEE: &str = "/problemes/deja-presentee";
pub const TYPE_ETAPE_FAITE: &str = "/problemes/etape-deja-faite";
pub const TYPE_CLOTURE_IMPOSSIBLE: &str = "/problemes/cloture-impossible";
pub const TYPE_OFFRE_CLOSE: &str = "/problemes/offre-close";
pub const TYPE_SANS_MANDAT: &str = "/problemes/sans-mandat";
pub const TYPE_HORS_MANDAT: &str = "/problemes/hors-mandat";
pub const TYPE_MANDAT_INTROUVABLE: &str = "/problemes/mandat-introuvable";
pub const TYPE_CODE_MANDAT: &str = "/problemes/code-mandat";
pub const TYPE_OCCUPE: &str = "/problemes/service-occupe";
/// Seconds to wait when the server is busy (hashing passwords, decoding photos).
pub const ATTENTE_OCCUPE: u64 = 2;
/// Followed by the motive (`/problemes/candidature/plafond_atteint`).
pub const TYPE_CANDIDATURE: &str = "/problemes/candidature/";

/// Why a request failed.
#[derive(Debug, thiserror::Error)]
pub enum ErreurApi {
    #[error("requête invalide : {0:?}")]
    Invalide(Vec<ErreurChamp>),
    #[error("ressource introuvable")]
    Introuvable,
    #[error("méthode non autorisée")]
    Methode,
    #[error("base de données")]
    Base(#[from] sqlx::Error),
    #[error("donnée stockée illisible : {0}")]
    DonneeIllisible(String),
    #[error("non authentifié")]
    NonAuthentifie,
    #[error("identifiants incorrects")]
    IdentifiantsIncorrects,
    #[error("interdit à ce rôle")]
    Interdit,
    #[error("jeton CSRF absent ou faux")]
    Csrf,
    #[error("trop de tentatives, réessayer dans {0} s")]
    TropDeTentatives(u64),
    #[error("trop de travaux lourds en même temps (mots de passe, photos)")]
    Occupe,
    #[error("déjà utilisé : {0:?}")]
    Conflit(Vec<ErreurChamp>),
    #[error("candidature impossible : {0:?}")]
    Candidature(Empechement),
    #[error("calcul : {0}")]
    Interne(String),
    #[error("la fenêtre de candidature n'est pas terminée")]
    FenetreOuverte,
    #[error("pas encore classée")]
    NonClassee,
    #[error("déjà présentée")]
    DejaPresentee,
    #[error("étape déjà faite")]
    EtapeFaite,
    #[error("clôture anticipée impossible")]
    ClotureImpossible,
    #[error("offre close : ni modification ni retrait")]
    OffreClose,
    #[error("conseiller sans mandat en cours")]
    SansMandat,
    #[error("acte non couvert par le mandat")]
    HorsMandat,
    #[error("aucun mandat en cours pour ce numéro")]
    MandatIntrouvable,
    #[error("code de mandat incorrect ou expiré")]
    CodeMandat,
}

impl From<crate::stockage::Erreur> for ErreurApi {
    fn from(e: crate::stockage::Erreur) -> Self {
        use crate::stockage::Erreur;
        match e {
            Erreur::Base(e) => ErreurApi::Base(e),
            Erreur::Illisible(quoi) => ErreurApi::DonneeIllisible(quoi),
            Erreur::Ecriture(quoi) => ErreurApi::Interne(quoi),
        }
    }
}

impl ErreurApi {
    /// The security event this refusal is, if it is one: logged (with the request's route
    /// and ids, never the person's data) so that an attack shows in the logs.
    pub fn evenement_de_securite(&self) -> Option<&'static str> {
        Some(match self {
            ErreurApi::IdentifiantsIncorrects => "connexion_refusee",
            ErreurApi::TropDeTentatives(_) => "trop_de_tentatives",
            ErreurApi::Occupe => "atelier_sature",
            ErreurApi::Csrf => "csrf_refuse",
            ErreurApi::Interdit => "acces_interdit",
            ErreurApi::HorsMandat => "hors_mandat",
            ErreurApi::SansMandat => "sans_mandat",
            ErreurApi::MandatIntrouvable => "mandat_introuvable",
            ErreurApi::CodeMandat => "code_de_mandat_refuse",
            _ => return None,
        })
    }

    pub fn champ(champ: &str, code: CodeErreur) -> Self {
        ErreurApi::Invalide(vec![ErreurChamp::new(champ, code)])
    }

    pub fn probleme(&self) -> Probleme {
        match self {
            ErreurApi::Invalide(erreurs) => Probleme {
                type_: TYPE_REQUETE_INVALIDE.into(),
                title: "La requête contient des valeurs invalides.".into(),
                status: 400,
                detail: Some(format!(
                    "Corrigez {} : {}.",
                    if erreurs.len() > 1 {
                        "les champs"
                    } else {
                        "le champ"
                    },
                    erreurs
                        .iter()
                        .map(|e| e.champ.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                )),
                errors: explications(erreurs),
            },
            ErreurApi::Introuvable => Probleme {
                type_: TYPE_INTROUVABLE.into(),
                title: "Ressource introuvable.".into(),
                status: 404,
                detail: Some(
                    "Rien ne correspond à cette adresse : l'offre a pu être retirée.".into(),
                ),
                errors: vec![],
            },
            ErreurApi::Methode => Probleme {
                type_: TYPE_METHODE.into(),
                title: "Méthode non autorisée.".into(),
                status: 405,
                detail: None,
                errors: vec![],
            },
            ErreurApi::NonAuthentifie => simple(
                TYPE_NON_AUTHENTIFIE,
                401,
                "Vous n'êtes pas connecté.",
                "Connectez-vous pour continuer (votre session a pu expirer).",
            ),
            ErreurApi::IdentifiantsIncorrects => simple(
                TYPE_IDENTIFIANTS,
                401,
                "E-mail ou mot de passe incorrect.",
                "Vérifiez votre saisie. Après plusieurs échecs, il faudra attendre un peu.",
            ),
            ErreurApi::Interdit => simple(
                TYPE_INTERDIT,
                403,
                "Action réservée à un autre type de compte.",
                "Votre compte ne permet pas cette action.",
            ),
            ErreurApi::Csrf => simple(
                TYPE_CSRF,
                403,
                "Jeton de sécurité absent ou périmé.",
                "Rechargez la page, puis recommencez.",
            ),
            ErreurApi::TropDeTentatives(secondes) => simple(
                TYPE_TROP_DE_TENTATIVES,
                429,
                "Trop de tentatives de connexion.",
                &format!(
                    "Par sécurité, attendez {} minute(s) avant de réessayer.",
                    secondes.div_ceil(60).max(1)
                ),
            ),
            ErreurApi::Occupe => simple(
                TYPE_OCCUPE,
                503,
                "Le service est très demandé en ce moment.",
                "Réessayez dans quelques secondes.",
            ),
            ErreurApi::Conflit(erreurs) => Probleme {
                type_: TYPE_CONFLIT.into(),
                title: "Un compte existe déjà.".into(),
                status: 409,
                detail: Some("Connectez-vous avec ce compte, ou corrigez la saisie.".into()),
                errors: explications(erreurs),
            },
            ErreurApi::Candidature(empechement) => {
                let (code, titre, detail) = refus(empechement);
                simple(&format!("{TYPE_CANDIDATURE}{code}"), 409, titre, &detail)
            }
            ErreurApi::FenetreOuverte => simple(
                TYPE_FENETRE_OUVERTE,
                409,
                "La période de candidature n'est pas terminée.",
                "Le classement s'établit après la date de clôture.",
            ),
            ErreurApi::NonClassee => simple(
                TYPE_NON_CLASSEE,
                409,
                "Cette offre n'est pas encore classée.",
                "Classez les candidatures une fois la période de candidature terminée.",
            ),
            ErreurApi::DejaPresentee => simple(
                TYPE_DEJA_PRESENTEE,
                409,
                "Les candidats ont déjà été présentés à la commission.",
                "La liste envoyée ne change plus : enregistrez maintenant les décisions.",
            ),
            ErreurApi::EtapeFaite => simple(
                TYPE_ETAPE_FAITE,
                409,
                "Cette étape est déjà enregistrée.",
                "Une décision, une réponse ou une attribution enregistrée ne change plus.",
            ),
            ErreurApi::ClotureImpossible => simple(
                TYPE_CLOTURE_IMPOSSIBLE,
                409,
                "Cette offre ne peut pas être close maintenant.",
                "Seule une offre ouverte depuis au moins un jour peut être close avant sa date.",
            ),
            ErreurApi::OffreClose => simple(
                TYPE_OFFRE_CLOSE,
                409,
                "La période de candidature de cette offre est terminée.",
                "Une offre close ne se modifie plus et ne se retire plus : les candidats sont classés sur ce qu'elle annonçait.",
            ),
            ErreurApi::SansMandat => simple(
                TYPE_SANS_MANDAT,
                403,
                "Aucun mandat en cours pour ce dossier.",
                "Le mandat a pris fin, a été révoqué, ou aucun dossier n'est ouvert : \
                 retournez à l'espace conseiller.",
            ),
            ErreurApi::HorsMandat => simple(
                TYPE_HORS_MANDAT,
                403,
                "Le mandat ne couvre pas cette action.",
                "Le demandeur peut vous donner un nouveau mandat qui la couvre.",
            ),
            // The same answer for an unknown number and a number without a mandate: an
            // advisor learns nothing about people who did not give them one.
            ErreurApi::MandatIntrouvable => simple(
                TYPE_MANDAT_INTROUVABLE,
                404,
                "Aucun mandat en cours pour ce numéro.",
                "Vérifiez le numéro unique, ou demandez au demandeur de vous donner mandat.",
            ),
            ErreurApi::CodeMandat => Probleme {
                type_: TYPE_CODE_MANDAT.into(),
                title: "Code incorrect ou expiré.".into(),
                status: 400,
                detail: Some(
                    "Vérifiez le numéro unique et le code affiché dans l'espace du demandeur. \
                     Un code vaut 15 minutes et 5 essais : ensuite, recommencez la demande."
                        .into(),
                ),
                errors: explications(&[ErreurChamp::new("code", CodeErreur::FormatInvalide)]),
            },
            ErreurApi::Base(_) | ErreurApi::DonneeIllisible(_) | ErreurApi::Interne(_) => interne(),
        }
    }
}

fn simple(type_: &str, status: u16, titre: &str, detail: &str) -> Probleme {
    Probleme {
        type_: type_.into(),
        title: titre.into(),
        status,
        detail: Some(detail.into()),
        errors: vec![],
    }
}

fn explications(erreurs: &[ErreurChamp]) -> Vec<ErreurChampExpliquee> {
    erreurs
        .iter()
        .map(|e| ErreurChampExpliquee {
            message: message(e),
            erreur: e.clone(),
        })
        .collect()
}

/// The code, title and explanation of a refused application.
fn refus(empechement: &Empechement) -> (&'static str, &'static str, String) {
    match empechement {
        Empechement::DossierIncomplet => (
            "dossier_incomplet",
            "Votre dossier n'est pas rempli.",
            "Remplissez « Mon dossier » (ménage, ressources) pour pouvoir candidater.".into(),
        ),
        Empechement::NonEligible => (
            "non_eligible",
            "Vous n'êtes pas éligible à ce logement.",
            "Une règle d'éligibilité n'est pas respectée : le détail est sur la page du logement."
                .into(),
        ),
        Empechement::PlafondsInconnus => (
            "plafonds_inconnus",
            "Votre éligibilité ne peut pas être vérifiée pour l'instant.",
            "Les plafonds de ressources de l'année ne sont pas encore dans Clef : la candidature \
             attend qu'ils le soient."
                .into(),
        ),
        Empechement::PasEncoreOuverte => (
            "pas_encore_ouverte",
            "Les candidatures ne sont pas encore ouvertes.",
            "Revenez à la date d'ouverture indiquée sur l'offre.".into(),
        ),
        Empechement::Cloturee => (
            "cloturee",
            "Les candidatures sont closes pour ce logement.",
            "Après la date de clôture, plus rien ne change : le classement est établi.".into(),
        ),
        Empechement::PlafondAtteint { max } => (
            "plafond_atteint",
            "Vous avez déjà le nombre maximal de candidatures en cours.",
            format!(
                "Vous pouvez avoir {max} candidatures en cours au plus. Retirez-en une pour \
                 candidater ici."
            ),
        ),
        Empechement::DejaCandidat => (
            "deja_candidat",
            "Vous avez déjà candidaté à ce logement.",
            "Votre candidature est dans « Mes candidatures ».".into(),
        ),
    }
}

/// The answer to any failure on our side: it says nothing of the cause.
pub fn interne() -> Probleme {
    Probleme {
        type_: TYPE_INTERNE.into(),
        title: "Une erreur interne est survenue.".into(),
        status: 500,
        detail: Some("Réessayez dans un instant. Si cela persiste, l'équipe est prévenue.".into()),
        errors: vec![],
    }
}

impl IntoResponse for ErreurApi {
    fn into_response(self) -> Response {
        if matches!(
            self,
            ErreurApi::Base(_) | ErreurApi::DonneeIllisible(_) | ErreurApi::Interne(_)
        ) {
            tracing::error!(erreur = ?self, cause = %chaine(&self), "erreur interne");
        }
        if let Some(evenement) = self.evenement_de_securite() {
            tracing::warn!(evenement, "événement de sécurité");
        }
        let mut r = reponse(self.probleme());
        let attente = match self {
            ErreurApi::TropDeTentatives(secondes) => Some(secondes.max(1)),
            ErreurApi::Occupe => Some(ATTENTE_OCCUPE),
            _ => None,
        };
        if let Some(secondes) = attente {
            r.headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(secondes));
        }
        r
    }
}

/// Writes a problem with its status and media type.
pub fn reponse(probleme: Probleme) -> Response {
    let status = StatusCode::from_u16(probleme.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let mut reponse = (status, axum::Json(probleme)).into_response();
    reponse.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/problem+json"),
    );
    reponse
}

fn chaine(erreur: &dyn std::error::Error) -> String {
    let mut texte = erreur.to_string();
    let mut cause = erreur.source();
    while let Some(c) = cause {
        texte.push_str(" : ");
        texte.push_str(&c.to_string());
        cause = c.source();
    }
    texte
}

/// The French message shown next to a field.
pub fn message(erreur: &ErreurChamp) -> String {
    match &erreur.code {
        CodeErreur::ValeurInconnue => match valeurs_possibles(&erreur.champ) {
            Some(valeurs) => format!(
                "Valeur non reconnue. Valeurs possibles : {}.",
                valeurs.join(", ")
            ),
            None if erreur.champ == champ::COMMUNE => "Commune inconnue sur ce territoire.".into(),
            None => "Valeur non reconnue.".into(),
        },
        CodeErreur::PasUnNombre => "Un nombre entier est attendu.".into(),
        CodeErreur::HorsLimites { min, max } => format!("Doit être compris entre {min} et {max}."),
        CodeErreur::Repete => "Ce paramètre est donné plusieurs fois.".into(),
        CodeErreur::Requis => "Ce champ est obligatoire.".into(),
        CodeErreur::FormatInvalide => "Le format n'est pas celui attendu.".into(),
        CodeErreur::Incoherent { regle } => incoherence(*regle),
        CodeErreur::TropCourant => {
            "Ce mot de passe est trop courant : choisissez-en un autre (une phrase, par exemple)."
                .into()
        }
        CodeErreur::DejaUtilise => match erreur.champ.as_str() {
            "email" => "Un compte existe déjà avec cette adresse e-mail.".into(),
            "numero_unique" => "Un compte existe déjà avec ce numéro unique.".into(),
            _ => "Cette valeur est déjà utilisée.".into(),
        },
        CodeErreur::TropLong { max } => format!("{max} caractères au plus."),
        CodeErreur::LoyerImplausible { min, max } => format!(
            "Loyer peu plausible pour ce financement et cette surface : entre {} € et {} € attendus.",
            min.euros_entiers(),
            max.euros_entiers()
        ),
        CodeErreur::CaracteresInterdits => "Ce texte contient des caractères invisibles ou de \
            contrôle (souvent venus d'un copier-coller) : retapez-le."
            .into(),
        CodeErreur::Fige => "Les candidats se sont fiés à cette valeur : pour la changer, retirez l'offre et publiez-en une nouvelle.".into(),
    }
}

/// The rule's message, from the one catalogue the app reads too (`erreur_champ.<code>`; a
/// test checks every rule has one).
fn incoherence(regle: Regle) -> String {
    crate::catalogue::texte(&format!("erreur_champ.{}", regle.code()), &[])
}

fn valeurs_possibles(nom: &str) -> Option<Vec<&'static str>> {
    fn codes<T: Code>() -> Vec<&'static str> {
        T::TOUS.iter().map(|v| v.code()).collect()
    }
    Some(match nom {
        champ::TYPOLOGIE => codes::<Typologie>(),
        champ::FINANCEMENT => codes::<Financement>(),
        champ::RESERVATAIRE => codes::<Reservataire>(),
        champ::QPV => codes::<Qpv>(),
        champ::ETAT => codes::<FiltreEtat>(),
        champ::TRI => codes::<Tri>(),
        champ::PMR => vec!["oui", "non"],
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unknown_value_lists_the_accepted_ones() {
        let e = ErreurChamp::new("typologie", CodeErreur::ValeurInconnue);
        assert_eq!(
            message(&e),
            "Valeur non reconnue. Valeurs possibles : T1, T2, T3, T4, T5, T6."
        );
    }

    #[test]
    fn every_rule_has_its_message_in_the_catalogue() {
        for &regle in Regle::TOUS {
            let cle = format!("erreur_champ.{}", regle.code());
            assert_ne!(incoherence(regle), cle, "{cle} manque dans locales/fr.json");
        }
    }

    #[test]
    fn internal_errors_never_leak_their_cause() {
        let p = ErreurApi::DonneeIllisible("typologie = 'T9' en base".into()).probleme();
        assert_eq!(p.status, 500);
        assert!(!p.detail.unwrap_or_default().contains("T9"));
    }
}
