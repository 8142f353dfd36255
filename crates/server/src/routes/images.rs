//! Listing photos: landlord staff upload them (checked by content, cleaned, see
//! [`crate::images`]); everyone reads them by the SHA-256 of their cleaned bytes.

use crate::application::Etat;
use crate::compte::{Agent, limite};
use crate::images::{self, ImageRefusee};
use crate::probleme::ErreurApi;
use crate::stockage;
use crate::stockage::projets::PREFIXE_IMAGES;
use axum::Json;
use axum::extract::multipart::MultipartError;
use axum::extract::{Multipart, Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use clef_domain::api::{ImageTeleversee, Probleme};
use clef_domain::erreur::{CodeErreur, ErreurChamp, Regle};

/// The multipart field that carries the file.
const CHAMP: &str = "fichier";
/// Photos an organisation may send in the rate limit's window (15 minutes).
pub const PHOTOS_PAR_FENETRE: i64 = 60;
/// The bytes of photos an organisation may store (cleaned photos weigh 100 to 500 KB).
pub const VOLUME_MAX: i64 = 1024 * 1024 * 1024;

fn refus(regle: Regle) -> ErreurApi {
    ErreurApi::Invalide(vec![ErreurChamp::incoherent(CHAMP, regle)])
}

fn illisible(erreur: MultipartError) -> ErreurApi {
    if erreur.status() == StatusCode::PAYLOAD_TOO_LARGE {
        refus(Regle::ImageTropLourde)
    } else {
        ErreurApi::champ(CHAMP, CodeErreur::FormatInvalide)
    }
}

/// Uploads a photo as `multipart/form-data` with one field `fichier`. JPEG, PNG and WebP
/// are accepted by their content (not their name or declared type), up to 8 MB; the photo
/// is re-encoded as a JPEG without metadata, 1600 pixels at most on its longer side.
#[utoipa::path(
    post,
    path = "/bailleur/images",
    tag = "bailleur",
    request_body(content_type = "multipart/form-data", description = "Un champ `fichier`"),
    responses(
        (status = 201, description = "Photo nettoyée, à joindre à une offre avec son texte alternatif", body = ImageTeleversee),
        (status = 400, description = "Pas une photo JPEG, PNG ou WebP, illisible, trop lourde, de \
            trop de pixels, ou le quota de photos de l'organisme est atteint", body = Probleme,
         content_type = "application/problem+json"),
        (status = 503, description = "Trop de photos à traiter en même temps : réessayer après \
            `Retry-After` secondes", body = Probleme, content_type = "application/problem+json"),
        (status = 403, description = "Pas un compte de bailleur", body = Probleme, content_type = "application/problem+json"),
    )
)]
pub async fn televerser(
    State(etat): State<Etat>,
    agent: Agent,
    mut formulaire: Multipart,
) -> Result<(StatusCode, Json<ImageTeleversee>), ErreurApi> {
    let mut octets = None;
    while let Some(champ) = formulaire.next_field().await.map_err(illisible)? {
        if champ.name() == Some(CHAMP) {
            octets = Some(champ.bytes().await.map_err(illisible)?);
        }
    }
    let octets = octets.ok_or_else(|| ErreurApi::champ(CHAMP, CodeErreur::Requis))?;
    // An organisation sends a bounded number of photos, into a bounded space.
    let cle = limite::cle("photos", &[&agent.bailleur_id.to_string()]);
    let par_quart_d_heure = [limite::Limite::quart_d_heure(&cle, PHOTOS_PAR_FENETRE)];
    limite::tenter(&etat.base, &par_quart_d_heure, etat.horloge.instant())
        .await
        .map_err(|_| refus(Regle::QuotaPhotos))?
        .garder();
    if stockage::images::volume(&etat.base, agent.bailleur_id).await? > VOLUME_MAX {
        return Err(refus(Regle::QuotaPhotos));
    }
    // Decoded one at a time, whoever sends them.
    let propre = etat
        .photos
        .faire(move || images::nettoyer(&octets))
        .await?
        .map_err(|refusee| match refusee {
            ImageRefusee::FormatNonAccepte => refus(Regle::ImageFormat),
            ImageRefusee::Illisible => refus(Regle::ImageIllisible),
            ImageRefusee::TropLourde => refus(Regle::ImageTropLourde),
            ImageRefusee::TropGrande => refus(Regle::ImageTropGrande),
        })?;
    stockage::images::enregistrer(&etat.base, agent.bailleur_id, &propre).await?;
    Ok((
        StatusCode::CREATED,
        Json(ImageTeleversee {
            url: format!("{PREFIXE_IMAGES}{}", propre.empreinte),
            largeur: propre.largeur,
            hauteur: propre.hauteur,
        }),
    ))
}

/// A photo, as a JPEG. Its name is its content's hash, so it never changes: cached for a year.
#[utoipa::path(
    get,
    path = "/images/{empreinte}",
    tag = "offres",
    params(("empreinte" = String, Path, description = "SHA-256 de la photo, en hexadécimal")),
    responses(
        (status = 200, description = "La photo", content_type = "image/jpeg"),
        (status = 404, description = "Pas de telle photo", body = Probleme, content_type = "application/problem+json"),
    )
)]
pub async fn lire(
    State(etat): State<Etat>,
    Path(empreinte): Path<String>,
) -> Result<Response, ErreurApi> {
    if empreinte.len() != 64 || !empreinte.bytes().all(|o| o.is_ascii_hexdigit()) {
        return Err(ErreurApi::Introuvable);
    }
    let contenu = stockage::images::contenu(&etat.base, &empreinte)
        .await?
        .ok_or(ErreurApi::Introuvable)?;
    Ok((
        [
            (header::CONTENT_TYPE, HeaderValue::from_static("image/jpeg")),
            (
                header::CACHE_CONTROL,
                HeaderValue::from_static("public, max-age=31536000, immutable"),
            ),
        ],
        contenu,
    )
        .into_response())
}
