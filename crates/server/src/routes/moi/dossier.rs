//! "Mon dossier": the applicant's request, read and saved whole, checked by the rules crate.

use crate::application::Etat;
use crate::compte::{PourDemandeur, RemplirFoyer};
use crate::probleme::ErreurApi;
use crate::stockage::demandeurs;
use crate::stockage::journal;
use axum::Json;
use axum::extract::State;
use clef_domain::Regle;
use clef_domain::api::{ActeJournal, Dossier, Probleme};
use clef_domain::demande::{Demande, DemandeSaisie};
use clef_domain::erreur::ErreurChamp;

/// My request as saved (empty on a new account).
#[utoipa::path(
    get,
    path = "/moi/dossier",
    tag = "demandeur",
    responses(
        (status = 200, description = "Le dossier", body = Dossier),
        (status = 401, description = "Pas de session", body = Probleme, content_type = "application/problem+json"),
        (status = 403, description = "Pas un compte de demandeur", body = Probleme, content_type = "application/problem+json"),
    )
)]
pub async fn lire(
    State(etat): State<Etat>,
    PourDemandeur { moi, .. }: PourDemandeur,
) -> Result<Json<Dossier>, ErreurApi> {
    let saisie = demandeurs::saisie(&etat.base, moi.id).await?;
    Ok(Json(Dossier {
        complet: saisie.is_some(),
        aujourdhui: etat.horloge.aujourdhui(),
        saisie: saisie.unwrap_or_else(|| DemandeSaisie {
            numero_unique: moi.numero_unique.clone(),
            ..DemandeSaisie::default()
        }),
    }))
}

/// Save my request. Every field is checked; nothing is saved unless all are valid.
#[utoipa::path(
    put,
    path = "/moi/dossier",
    tag = "demandeur",
    request_body = DemandeSaisie,
    responses(
        (status = 200, description = "Le dossier enregistré", body = Dossier),
        (status = 400, description = "Champ invalide : `errors` nomme chaque champ", body = Probleme,
         content_type = "application/problem+json"),
        (status = 401, description = "Pas de session", body = Probleme, content_type = "application/problem+json"),
    )
)]
pub async fn enregistrer(
    State(etat): State<Etat>,
    PourDemandeur { moi, .. }: PourDemandeur<RemplirFoyer>,
    Json(saisie): Json<DemandeSaisie>,
) -> Result<Json<Dossier>, ErreurApi> {
    let saisie = DemandeSaisie {
        numero_unique: moi.numero_unique.clone(),
        ..saisie
    };
    let aujourdhui = etat.horloge.aujourdhui();
    let demande = Demande::depuis_saisie(saisie.clone()).map_err(ErreurApi::Invalide)?;
    if demande.date_depot > aujourdhui {
        return Err(ErreurApi::Invalide(vec![ErreurChamp::incoherent(
            "date_depot",
            Regle::DateFuture,
        )]));
    }
    let mut tx = etat.base.begin().await?;
    demandeurs::enregistrer(&mut tx, moi.id, &saisie, &aujourdhui.to_string()).await?;
    journal::acte_pour(
        &mut tx,
        moi.mandataire.as_ref(),
        moi.id,
        ActeJournal::FoyerEnregistre,
        None,
    )
    .await?;
    tx.commit().await?;
    Ok(Json(Dossier {
        saisie,
        complet: true,
        aujourdhui,
    }))
}
