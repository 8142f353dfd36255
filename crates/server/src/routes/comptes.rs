//! Sign-up, log-in, log-out, and "who am I".

use crate::application::Etat;
use crate::compte::{
    self, AvecEnteteCsrf, Conseiller, Session, limite, mot_de_passe, session, totp,
};
use crate::probleme::ErreurApi;
use crate::stockage::comptes::{self, CompteLu};
use axum::Json;
use axum::extract::connect_info::ConnectInfo;
use axum::extract::{Extension, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum_extra::extract::cookie::CookieJar;
use clef_domain::api::{Identifiants, Inscription, Probleme, Role, SessionOuverte};
use clef_domain::demande::NumeroUnique;
use clef_domain::erreur::{CodeErreur, ErreurChamp};
use std::net::SocketAddr;

fn ouverte(
    role: Role,
    email: String,
    numero_unique: Option<String>,
    csrf: String,
) -> SessionOuverte {
    SessionOuverte {
        role,
        email,
        numero_unique,
        csrf,
        structure: None,
        accompagnement: None,
    }
}

/// An advisor's session says their structure, and the applicant they act for.
async fn avec_conseiller(
    etat: &Etat,
    session: Session,
    ouverte: SessionOuverte,
) -> Result<SessionOuverte, ErreurApi> {
    if session.role != Role::Conseiller {
        return Ok(ouverte);
    }
    let conseiller = Conseiller::de_la_session(session, etat).await?;
    let accompagnement = match conseiller.mandat_en_cours(etat).await? {
        Some(mandat) => Some(mandat.accompagnement()?),
        None => None,
    };
    Ok(SessionOuverte {
        structure: Some(conseiller.structure),
        accompagnement,
        ..ouverte
    })
}

/// An advisor's second factor: the TOTP code of their app, each code accepted once.
async fn second_facteur_valide(
    etat: &Etat,
    compte_id: i64,
    code: Option<&str>,
    maintenant: i64,
) -> Result<bool, ErreurApi> {
    let secret = comptes::secret_totp(&etat.base, compte_id).await?;
    let Some(pas) = secret
        .zip(code)
        .and_then(|(secret, code)| totp::pas_du_code(&secret, code, maintenant))
    else {
        return Ok(false);
    };
    // A code seen once (or an older one) is refused: someone watching the screen of a
    // shared computer cannot reuse it.
    Ok(comptes::accepter_pas_totp(&etat.base, compte_id, pas).await?)
}

/// Create an applicant's account, and log in.
#[utoipa::path(
    post,
    path = "/comptes",
    tag = "comptes",
    request_body = Inscription,
    responses(
        (status = 201, description = "Compte créé, session ouverte (cookie)", body = SessionOuverte),
        (status = 400, description = "Champ invalide : `errors` nomme chaque champ", body = Probleme,
         content_type = "application/problem+json"),
        (status = 403, description = "En-tête X-CSRF-Token absent", body = Probleme,
         content_type = "application/problem+json"),
        (status = 409, description = "E-mail ou numéro unique déjà utilisé", body = Probleme,
         content_type = "application/problem+json"),
    )
)]
pub async fn inscrire(
    State(etat): State<Etat>,
    _: AvecEnteteCsrf,
    client: Option<Extension<ConnectInfo<SocketAddr>>>,
    jar: CookieJar,
    Json(inscription): Json<Inscription>,
) -> Result<(StatusCode, CookieJar, Json<SessionOuverte>), ErreurApi> {
    // Trying numbers until one is "already used" would reveal who has an account: those
    // answers count as failures of the address, like failed log-ins.
    let maintenant = etat.horloge.instant();
    let cle_adresse = limite::cle_adresse(&adresse_client(client));
    limite::verifier(
        &etat.base,
        &[(&cle_adresse, limite::MAX_PAR_ADRESSE)],
        maintenant,
    )
    .await?;
    let mut erreurs = Vec::new();
    let numero = match NumeroUnique::parse(&inscription.numero_unique) {
        Ok(n) => Some(n),
        Err(_) => {
            let code = if inscription.numero_unique.trim().is_empty() {
                CodeErreur::Requis
            } else {
                CodeErreur::FormatInvalide
            };
            erreurs.push(ErreurChamp::new("numero_unique", code));
            None
        }
    };
    let email = compte::email_valide(&inscription.email)
        .map_err(|e| erreurs.push(e))
        .ok();
    let identifiants = [
        email.as_deref().unwrap_or_default(),
        numero
            .as_ref()
            .map(NumeroUnique::as_str)
            .unwrap_or_default(),
    ];
    if let Some(e) = mot_de_passe::verifier_robustesse(&inscription.mot_de_passe, &identifiants) {
        erreurs.push(e);
    }
    let (Some(numero), Some(email), true) = (numero, email, erreurs.is_empty()) else {
        return Err(ErreurApi::Invalide(erreurs));
    };
    let mut deja = Vec::new();
    if comptes::email_pris(&etat.base, &email).await? {
        deja.push(ErreurChamp::new("email", CodeErreur::DejaUtilise));
    }
    if comptes::numero_pris(&etat.base, numero.as_str()).await? {
        deja.push(ErreurChamp::new("numero_unique", CodeErreur::DejaUtilise));
    }
    if !deja.is_empty() {
        limite::echec(&etat.base, &[&cle_adresse], maintenant).await?;
        return Err(ErreurApi::Conflit(deja));
    }
    let hache = mot_de_passe::hacher(inscription.mot_de_passe)
        .await
        .map_err(|e| ErreurApi::Interne(e.to_string()))?;
    // Two sign-ups at once with the same e-mail or number: the database settles it.
    let compte_id = comptes::inscrire_demandeur(&etat.base, &email, &hache, numero.as_str())
        .await?
        .map_err(|champ| {
            ErreurApi::Conflit(vec![ErreurChamp::new(champ.nom(), CodeErreur::DejaUtilise)])
        })?;
    let (cookie, csrf) =
        session::ouvrir(&etat.base, compte_id, maintenant, etat.cookies_securises).await?;
    Ok((
        StatusCode::CREATED,
        jar.add(cookie),
        Json(ouverte(
            Role::Demandeur,
            email,
            Some(numero.as_str().to_owned()),
            csrf,
        )),
    ))
}

/// The client's IP address (without a socket, in tests: `inconnue`).
pub(crate) fn adresse_client(client: Option<Extension<ConnectInfo<SocketAddr>>>) -> String {
    client.map_or_else(|| "inconnue".to_owned(), |c| c.0.0.ip().to_string())
}

/// Log in. The answer to a wrong e-mail and to a wrong password is the same.
#[utoipa::path(
    post,
    path = "/session",
    tag = "comptes",
    request_body = Identifiants,
    responses(
        (status = 200, description = "Session ouverte (cookie)", body = SessionOuverte),
        (status = 401, description = "E-mail ou mot de passe incorrect (ou, pour un conseiller, \
            code à 6 chiffres absent, faux ou déjà utilisé)", body = Probleme,
         content_type = "application/problem+json"),
        (status = 429, description = "Trop d'échecs : attendre `Retry-After` secondes",
         body = Probleme, content_type = "application/problem+json"),
    )
)]
pub async fn connecter(
    State(etat): State<Etat>,
    _: AvecEnteteCsrf,
    client: Option<Extension<ConnectInfo<SocketAddr>>>,
    jar: CookieJar,
    Json(identifiants): Json<Identifiants>,
) -> Result<(CookieJar, Json<SessionOuverte>), ErreurApi> {
    let maintenant = etat.horloge.instant();
    let cle_compte = limite::cle_compte(&identifiants.email);
    let cle_adresse = limite::cle_adresse(&adresse_client(client));
    limite::verifier(
        &etat.base,
        &[
            (&cle_compte, limite::MAX_PAR_COMPTE),
            (&cle_adresse, limite::MAX_PAR_ADRESSE),
        ],
        maintenant,
    )
    .await?;
    let email = identifiants.email.trim().to_lowercase();
    let compte = comptes::par_email(&etat.base, &email).await?;
    let mot_de_passe_valide =
        identifiants.mot_de_passe.chars().count() <= mot_de_passe::LONGUEUR_MAX;
    let bon = mot_de_passe::correspond(
        identifiants.mot_de_passe,
        compte
            .as_ref()
            .filter(|_| mot_de_passe_valide)
            .map(|c| c.mot_de_passe.clone()),
    )
    .await;
    let Some(CompteLu {
        id: compte_id,
        role,
        numero_unique: numero,
        ..
    }) = compte.filter(|_| bon)
    else {
        limite::echec(&etat.base, &[&cle_compte, &cle_adresse], maintenant).await?;
        return Err(ErreurApi::IdentifiantsIncorrects);
    };
    // Advisors work on shared computers for other people: a password is not enough. A
    // wrong code gets the same answer as a wrong password, and counts as a failure.
    if role == Role::Conseiller
        && !second_facteur_valide(&etat, compte_id, identifiants.code.as_deref(), maintenant)
            .await?
    {
        limite::echec(&etat.base, &[&cle_compte, &cle_adresse], maintenant).await?;
        return Err(ErreurApi::IdentifiantsIncorrects);
    }
    limite::effacer(&etat.base, &cle_compte).await?;
    let (cookie, csrf) =
        session::ouvrir(&etat.base, compte_id, maintenant, etat.cookies_securises).await?;
    let mut ouverte = ouverte(role, email, numero, csrf);
    if role == Role::Conseiller {
        ouverte.structure = comptes::structure_du_conseiller(&etat.base, compte_id).await?;
    }
    Ok((jar.add(cookie), Json(ouverte)))
}

/// Who is logged in, with the CSRF token for the next requests. Nobody is an answer too
/// (204): every visitor's first page asks, and an error status would be logged as a
/// failure in their browser's console.
#[utoipa::path(
    get,
    path = "/session",
    tag = "comptes",
    responses(
        (status = 200, description = "La session en cours", body = SessionOuverte),
        (status = 204, description = "Personne n'est connecté (pas de session, ou expirée)"),
    )
)]
pub async fn courante(
    State(etat): State<Etat>,
    session: Result<Session, ErreurApi>,
) -> Result<Response, ErreurApi> {
    let session = match session {
        Ok(session) => session,
        Err(ErreurApi::NonAuthentifie) => return Ok(StatusCode::NO_CONTENT.into_response()),
        Err(autre) => return Err(autre),
    };
    let numero = session.demandeur.as_ref().map(|(_, n)| n.clone());
    let base = ouverte(
        session.role,
        session.email.clone(),
        numero,
        session.csrf.clone(),
    );
    Ok(Json(avec_conseiller(&etat, session, base).await?).into_response())
}

/// Log out: the session is deleted on the server and the cookie removed.
#[utoipa::path(
    delete,
    path = "/session",
    tag = "comptes",
    responses(
        (status = 204, description = "Session fermée"),
        (status = 401, description = "Pas de session", body = Probleme,
         content_type = "application/problem+json"),
    )
)]
pub async fn deconnecter(
    State(etat): State<Etat>,
    session: Session,
    jar: CookieJar,
) -> Result<(StatusCode, CookieJar), ErreurApi> {
    session.fermer(&etat.base).await?;
    Ok((StatusCode::NO_CONTENT, jar.add(session::cookie_efface())))
}
