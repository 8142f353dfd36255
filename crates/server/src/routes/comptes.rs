//! Sign-up, log-in, log-out, and "who am I".

use crate::application::Etat;
use crate::compte::limite::Limite;
use crate::compte::{
    self, AvecEnteteCsrf, Conseiller, Session, limite, mot_de_passe, session, totp,
};
use crate::probleme::ErreurApi;
use crate::reseau::AdresseClient;
use crate::stockage::comptes::{self, CompteLu};
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum_extra::extract::cookie::CookieJar;
use clef_domain::api::{Identifiants, Inscription, Probleme, Role, SessionOuverte};
use clef_domain::demande::NumeroUnique;
use clef_domain::erreur::{CodeErreur, ErreurChamp};

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
    let secret = match comptes::secret_totp(&etat.base, compte_id).await? {
        Some(stocke) => Some(
            etat.coffre
                .dechiffrer(&stocke)
                .map_err(|e| ErreurApi::Interne(format!("secret TOTP : {e}")))?,
        ),
        None => None,
    };
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
        (status = 429, description = "Trop d'essais ou de comptes créés depuis cette adresse \
            réseau : attendre `Retry-After` secondes", body = Probleme,
         content_type = "application/problem+json"),
        (status = 503, description = "Trop de mots de passe à vérifier en même temps : \
            réessayer après `Retry-After` secondes", body = Probleme,
         content_type = "application/problem+json"),
    )
)]
pub async fn inscrire(
    State(etat): State<Etat>,
    _: AvecEnteteCsrf,
    client: AdresseClient,
    jar: CookieJar,
    Json(inscription): Json<Inscription>,
) -> Result<(StatusCode, CookieJar, Json<SessionOuverte>), ErreurApi> {
    let maintenant = etat.horloge.instant();
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
    // Trying numbers until one is "already used" would reveal who has an account: each try
    // counts as a failure of the address, like a failed log-in (given back when no account
    // uses them). Then creating accounts is limited per address too.
    let cle_adresse = limite::cle_adresse(&client.0);
    let essai = limite::tenter(
        &etat.base,
        &[Limite::quart_d_heure(&cle_adresse, limite::MAX_PAR_ADRESSE)],
        maintenant,
    )
    .await?;
    let mut deja = Vec::new();
    if comptes::email_pris(&etat.base, &email).await? {
        deja.push(ErreurChamp::new("email", CodeErreur::DejaUtilise));
    }
    if comptes::numero_pris(&etat.base, numero.as_str()).await? {
        deja.push(ErreurChamp::new("numero_unique", CodeErreur::DejaUtilise));
    }
    if !deja.is_empty() {
        essai.garder();
        return Err(ErreurApi::Conflit(deja));
    }
    essai.rendre(&etat.base, &[]).await?;
    let cle_inscriptions = limite::cle("inscriptions", &[&client.0]);
    limite::tenter(
        &etat.base,
        &[Limite::quart_d_heure(
            &cle_inscriptions,
            limite::MAX_INSCRIPTIONS_PAR_ADRESSE,
        )],
        maintenant,
    )
    .await?
    .garder();
    let hache = mot_de_passe::hacher(&etat.hachages, inscription.mot_de_passe).await?;
    // Two sign-ups at once with the same e-mail or number: the database settles it.
    let compte_id = comptes::inscrire_demandeur(&etat.base, &email, &hache, numero.as_str())
        .await?
        .map_err(|champ| {
            ErreurApi::Conflit(vec![ErreurChamp::new(champ.nom(), CodeErreur::DejaUtilise)])
        })?;
    let (cookie, csrf) =
        session::ouvrir(&etat.base, compte_id, maintenant, etat.reseau.https).await?;
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
        (status = 429, description = "Trop d'échecs pour ce compte depuis cette adresse, ou \
            depuis cette adresse : attendre `Retry-After` secondes",
         body = Probleme, content_type = "application/problem+json"),
        (status = 503, description = "Trop de mots de passe à vérifier en même temps : \
            réessayer après `Retry-After` secondes", body = Probleme,
         content_type = "application/problem+json"),
    )
)]
pub async fn connecter(
    State(etat): State<Etat>,
    _: AvecEnteteCsrf,
    client: AdresseClient,
    jar: CookieJar,
    Json(identifiants): Json<Identifiants>,
) -> Result<(CookieJar, Json<SessionOuverte>), ErreurApi> {
    let maintenant = etat.horloge.instant();
    // Counted before the password is checked: parallel tries cannot all pass.
    let cle_compte = limite::cle_compte(&identifiants.email, &client.0);
    let cle_adresse = limite::cle_adresse(&client.0);
    let essai = limite::tenter(
        &etat.base,
        &[
            Limite::quart_d_heure(&cle_compte, limite::MAX_PAR_COMPTE_ET_ADRESSE),
            Limite::quart_d_heure(&cle_adresse, limite::MAX_PAR_ADRESSE),
        ],
        maintenant,
    )
    .await?;
    // An address of the wrong shape (a hidden character, say) names no account: answered
    // as an unknown one, never looked up.
    let email = identifiants.email.trim().to_lowercase();
    let compte = match crate::compte::email_valide(&email) {
        Ok(_) => comptes::par_email(&etat.base, &email).await?,
        Err(_) => None,
    };
    let mot_de_passe_valide =
        identifiants.mot_de_passe.chars().count() <= mot_de_passe::LONGUEUR_MAX;
    let bon = match mot_de_passe::correspond(
        &etat.hachages,
        identifiants.mot_de_passe,
        compte
            .as_ref()
            .filter(|_| mot_de_passe_valide)
            .map(|c| c.mot_de_passe.clone()),
    )
    .await
    {
        Ok(bon) => bon,
        // Not checked (the server is busy): not counted either.
        Err(e) => {
            essai.rendre(&etat.base, &[]).await?;
            return Err(e);
        }
    };
    let Some(CompteLu {
        id: compte_id,
        role,
        numero_unique: numero,
        ..
    }) = compte.filter(|_| bon)
    else {
        essai.garder();
        return Err(ErreurApi::IdentifiantsIncorrects);
    };
    // Advisors work on shared computers for other people: a password is not enough. A
    // wrong code gets the same answer as a wrong password, and counts as a failure.
    if role == Role::Conseiller
        && !second_facteur_valide(&etat, compte_id, identifiants.code.as_deref(), maintenant)
            .await?
    {
        essai.garder();
        return Err(ErreurApi::IdentifiantsIncorrects);
    }
    essai.rendre(&etat.base, &[&cle_compte]).await?;
    let (cookie, csrf) =
        session::ouvrir(&etat.base, compte_id, maintenant, etat.reseau.https).await?;
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
