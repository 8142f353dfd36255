//! The advisor's counter: open the file of an applicant who gave the structure a mandate,
//! start a mandate at the counter (confirmed by the code the applicant reads in their own
//! account), and end the session of help. An advisor learns nothing about a number
//! without a mandate: the answer is the same as for an unknown one.

use crate::application::Etat;
use crate::compte::limite::{self, Limite};
use crate::compte::{Conseiller, Mandataire};
use crate::courriel::Courriel;
use crate::probleme::ErreurApi;
use crate::stockage;
use crate::stockage::journal;
use crate::stockage::mandats::{self, LigneMandat};
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use clef_domain::api::{
    Accompagnement, ActeJournal, ConfirmationMandat, DebutAccompagnement, MandatAuGuichet, Probleme,
};
use clef_domain::demande::NumeroUnique;
use clef_domain::erreur::CodeErreur;
use clef_domain::mandat::{self, CODE_VALIDITE, DemandeMandat, StatutMandat};

fn numero(texte: &str) -> Result<NumeroUnique, ErreurApi> {
    NumeroUnique::parse(texte).map_err(|_| {
        let code = if texte.trim().is_empty() {
            CodeErreur::Requis
        } else {
            CodeErreur::FormatInvalide
        };
        ErreurApi::champ("numero_unique", code)
    })
}

/// The structure's newest mandate for this number with the given status.
async fn mandat_de(
    etat: &Etat,
    conseiller: &Conseiller,
    numero: &NumeroUnique,
    statut: StatutMandat,
) -> Result<Option<LigneMandat>, ErreurApi> {
    let maintenant = etat.horloge.instant();
    let aujourdhui = etat.horloge.aujourdhui();
    for ligne in
        mandats::de_la_structure(&etat.base, conseiller.structure_id, numero.as_str()).await?
    {
        if ligne.statut(maintenant, aujourdhui)? == statut {
            return Ok(Some(ligne));
        }
    }
    Ok(None)
}

/// Opens the file under a live mandate: the session acts for the applicant from now on,
/// and the journal says so.
async fn ouvrir(
    etat: &Etat,
    conseiller: &Conseiller,
    mandat: &LigneMandat,
) -> Result<Accompagnement, ErreurApi> {
    conseiller
        .session
        .agir_sous(&etat.base, Some(mandat.id))
        .await?;
    let mandataire = Mandataire::de(conseiller, mandat, etat.horloge.instant())?;
    let mut connexion = etat.base.acquire().await?;
    journal::acte_pour(
        &mut connexion,
        Some(&mandataire),
        mandat.demandeur_id,
        ActeJournal::DossierOuvert,
        None,
    )
    .await?;
    Ok(mandat.accompagnement()?)
}

/// Open the file of the applicant with this numéro unique, under the structure's live
/// mandate.
#[utoipa::path(
    post,
    path = "/conseiller/accompagnement",
    tag = "conseiller",
    request_body = DebutAccompagnement,
    responses(
        (status = 200, description = "Dossier ouvert : les routes `/moi/...` agissent pour ce demandeur",
         body = Accompagnement),
        (status = 400, description = "Numéro unique mal formé", body = Probleme, content_type = "application/problem+json"),
        (status = 403, description = "Pas un conseiller", body = Probleme, content_type = "application/problem+json"),
        (status = 404, description = "Aucun mandat en cours pour ce numéro (ou numéro inconnu : même réponse)",
         body = Probleme, content_type = "application/problem+json"),
    )
)]
pub async fn commencer(
    State(etat): State<Etat>,
    conseiller: Conseiller,
    Json(debut): Json<DebutAccompagnement>,
) -> Result<Json<Accompagnement>, ErreurApi> {
    let numero = numero(&debut.numero_unique)?;
    let mandat = mandat_de(&etat, &conseiller, &numero, StatutMandat::Actif)
        .await?
        .ok_or(ErreurApi::MandatIntrouvable)?;
    Ok(Json(ouvrir(&etat, &conseiller, &mandat).await?))
}

/// The files the advisor's structure holds a live mandate for, one per applicant (the
/// latest mandate), so that opening one is a tap rather than 18 characters typed.
#[utoipa::path(
    get,
    path = "/conseiller/dossiers",
    tag = "conseiller",
    responses(
        (status = 200, description = "Les dossiers sous mandat en cours, le plus récent d'abord",
         body = Vec<Accompagnement>),
        (status = 403, description = "Pas un conseiller", body = Probleme, content_type = "application/problem+json"),
    )
)]
pub async fn dossiers(
    State(etat): State<Etat>,
    conseiller: Conseiller,
) -> Result<Json<Vec<Accompagnement>>, ErreurApi> {
    let maintenant = etat.horloge.instant();
    let aujourdhui = etat.horloge.aujourdhui();
    let mut vus = std::collections::BTreeSet::new();
    let mut dossiers = Vec::new();
    for ligne in
        mandats::en_cours_de_la_structure(&etat.base, conseiller.structure_id, aujourdhui).await?
    {
        if ligne.statut(maintenant, aujourdhui)? == StatutMandat::Actif
            && vus.insert(ligne.demandeur_id)
        {
            dossiers.push(ligne.accompagnement()?);
        }
    }
    Ok(Json(dossiers))
}

/// End the help: the session no longer acts for anyone.
#[utoipa::path(
    delete,
    path = "/conseiller/accompagnement",
    tag = "conseiller",
    responses(
        (status = 204, description = "Accompagnement terminé"),
        (status = 403, description = "Pas un conseiller", body = Probleme, content_type = "application/problem+json"),
    )
)]
pub async fn terminer(
    State(etat): State<Etat>,
    conseiller: Conseiller,
) -> Result<StatusCode, ErreurApi> {
    if let Some(mandat) = conseiller.mandat_en_cours(&etat).await? {
        let mandataire = Mandataire::de(&conseiller, &mandat, etat.horloge.instant())?;
        let mut connexion = etat.base.acquire().await?;
        journal::acte_pour(
            &mut connexion,
            Some(&mandataire),
            mandat.demandeur_id,
            ActeJournal::AccompagnementTermine,
            None,
        )
        .await?;
    }
    conseiller.session.agir_sous(&etat.base, None).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Counter requests for one number by one structure, per quarter of an hour.
pub const DEMANDES_PAR_NUMERO: i64 = 3;
/// Counter requests by one advisor, per day (a busy counter sees a few dozen people).
pub const DEMANDES_PAR_CONSEILLER: i64 = 40;
/// Wrong codes for one number by one structure, per day, across requests: with a million
/// codes, ten guesses a day give a one-in-100,000 chance.
pub const CODES_FAUX_PAR_JOUR: i64 = 10;

fn code_aleatoire() -> Result<String, ErreurApi> {
    let mut octets = [0u8; 4];
    getrandom::fill(&mut octets).map_err(|e| ErreurApi::Interne(format!("aléa : {e}")))?;
    Ok(format!("{:06}", u32::from_le_bytes(octets) % 1_000_000))
}

/// Start a mandate at the counter. If the number has an account, the applicant finds the
/// request in it with a six-digit code, valid 15 minutes, to give the advisor. The answer
/// is the same whether the number has an account or not.
#[utoipa::path(
    post,
    path = "/conseiller/mandats",
    tag = "conseiller",
    request_body = MandatAuGuichet,
    responses(
        (status = 202, description = "Demande faite : le code est dans l'espace du demandeur"),
        (status = 400, description = "Numéro, actes ou durée invalides", body = Probleme,
         content_type = "application/problem+json"),
    )
)]
pub async fn demander(
    State(etat): State<Etat>,
    conseiller: Conseiller,
    Json(demande): Json<MandatAuGuichet>,
) -> Result<StatusCode, ErreurApi> {
    let maintenant = etat.horloge.instant();
    let aujourdhui = etat.horloge.aujourdhui();
    let mut erreurs = Vec::new();
    let numero = numero(&demande.numero_unique)
        .map_err(|e| {
            if let ErreurApi::Invalide(e) = e {
                erreurs.extend(e);
            }
        })
        .ok();
    let valide = DemandeMandat {
        actes: demande.actes,
        duree_mois: demande.duree_mois,
    }
    .verifier(aujourdhui)
    .map_err(|e| erreurs.extend(e))
    .ok();
    let (Some(numero), Some(valide), true) = (numero, valide, erreurs.is_empty()) else {
        return Err(ErreurApi::Invalide(erreurs));
    };
    // Each request gives a new code to guess: requests are counted per structure and
    // number, and per advisor and day, whether the number has an account or not.
    let structure = conseiller.structure_id.to_string();
    let par_numero = limite::cle("mandat-demandes", &[&structure, numero.as_str()]);
    let par_conseiller = limite::cle(
        "mandat-demandes-conseiller",
        &[&conseiller.session.compte_id.to_string()],
    );
    limite::tenter(
        &etat.base,
        &[
            Limite::quart_d_heure(&par_numero, DEMANDES_PAR_NUMERO),
            Limite::jour(&par_conseiller, DEMANDES_PAR_CONSEILLER),
        ],
        maintenant,
    )
    .await?
    .garder();
    let demandeur_id = stockage::demandeurs::par_numero(&etat.base, numero.as_str()).await?;
    let Some(demandeur_id) = demandeur_id else {
        return Ok(StatusCode::ACCEPTED);
    };
    let code = code_aleatoire()?;
    let mut tx = etat.base.begin().await?;
    // One request at a time per structure and applicant: an earlier one is replaced, so
    // the applicant's list shows one line per structure, not one per try.
    mandats::remplacer_demandes(&mut tx, demandeur_id, conseiller.structure_id).await?;
    mandats::creer(
        &mut tx,
        mandats::NouveauMandat {
            demandeur_id,
            structure_id: conseiller.structure_id,
            valide: &valide,
            debut: aujourdhui,
            demande_par: Some(conseiller.session.compte_id),
            code: Some((&code, maintenant + CODE_VALIDITE)),
        },
        maintenant,
    )
    .await?;
    tx.commit().await?;
    prevenir_de_la_demande(&etat, demandeur_id, &conseiller.structure).await?;
    Ok(StatusCode::ACCEPTED)
}

/// Every counter request is e-mailed to the applicant at once: if they are not at that
/// counter, they know someone asked, and that the code must not be given.
async fn prevenir_de_la_demande(
    etat: &Etat,
    demandeur_id: i64,
    structure: &str,
) -> Result<(), ErreurApi> {
    let Some(email) = stockage::demandeurs::email(&etat.base, demandeur_id).await? else {
        return Ok(());
    };
    let lien = etat.poste.lien("/mes-mandats");
    let valeurs = [("structure", structure), ("lien", lien.as_str())];
    etat.poste
        .envoyer(Courriel::du_catalogue(email, "mandat_demande", &valeurs))
        .await
        .map_err(|e| ErreurApi::Interne(format!("courriel : {e}")))
}

/// Confirm a counter-started mandate with the code the applicant read in their account;
/// the file opens at once. A wrong code, an unknown number and a used-up code get the same
/// answer; five wrong codes use the request up.
#[utoipa::path(
    post,
    path = "/conseiller/mandats/confirmation",
    tag = "conseiller",
    request_body = ConfirmationMandat,
    responses(
        (status = 200, description = "Mandat confirmé, dossier ouvert", body = Accompagnement),
        (status = 400, description = "Code incorrect ou expiré, ou numéro mal formé", body = Probleme,
         content_type = "application/problem+json"),
    )
)]
pub async fn confirmer(
    State(etat): State<Etat>,
    conseiller: Conseiller,
    Json(confirmation): Json<ConfirmationMandat>,
) -> Result<Json<Accompagnement>, ErreurApi> {
    let numero = numero(&confirmation.numero_unique)?;
    let code = mandat::code_saisi(&confirmation.code).ok_or(ErreurApi::CodeMandat)?;
    let maintenant = etat.horloge.instant();
    // Wrong codes are counted per structure and number across requests (a new request
    // does not give new tries), before the code is checked.
    let structure = conseiller.structure_id.to_string();
    let cle = limite::cle("mandat-codes", &[&structure, numero.as_str()]);
    let essai = limite::tenter(
        &etat.base,
        &[Limite::jour(&cle, CODES_FAUX_PAR_JOUR)],
        maintenant,
    )
    .await?;
    let mandat = mandat_de(&etat, &conseiller, &numero, StatutMandat::EnAttente)
        .await?
        .ok_or(ErreurApi::CodeMandat)?;
    if !mandat.code_correspond(&code, maintenant) {
        mandats::essai_manque(&etat.base, mandat.id).await?;
        essai.garder();
        return Err(ErreurApi::CodeMandat);
    }
    essai.rendre(&etat.base, &[]).await?;
    mandats::confirmer(&etat.base, mandat.id, maintenant).await?;
    let mandat = mandats::par_id(&etat.base, mandat.id)
        .await?
        .ok_or(ErreurApi::CodeMandat)?;
    Ok(Json(ouvrir(&etat, &conseiller, &mandat).await?))
}
