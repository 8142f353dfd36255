//! Listings as landlord staff write them: checking a project against the territory (its
//! communes, their QPV, the organisation's photos), and writing it as a published listing.

use super::Drapeau;
use super::Erreur;
use clef_domain::adresse;
use clef_domain::api::Photo;
use clef_domain::erreur::{CodeErreur, ErreurChamp};
use clef_domain::offre::{Code, ProjetOffre};
use clef_domain::{Euros, Jour, Surface};
use sqlx::{AnyConnection, AnyPool};

/// Where uploaded photos are served; a project's photo must be one of these.
pub const PREFIXE_IMAGES: &str = "/api/v1/images/";

/// The commune and QPV a project names, resolved in the organisation's territory.
#[derive(Debug, Clone, Copy)]
pub struct Lieu {
    pub commune_id: i64,
    pub qpv_id: Option<i64>,
}

/// Every rule a project must meet to be published: the rules crate's, then the territory's
/// (commune, QPV from the commune's list) and the photos' (uploaded by this organisation).
#[tracing::instrument(level = "debug", skip_all, fields(bailleur_id = bailleur_id))]
pub async fn verifier(
    base: &AnyPool,
    bailleur_id: i64,
    projet: &ProjetOffre,
    aujourdhui: Jour,
    nouvelle: bool,
) -> Result<Result<Lieu, Vec<ErreurChamp>>, Erreur> {
    let mut erreurs = projet.verifier(aujourdhui, nouvelle);
    let lieu = lieu(base, bailleur_id, projet, &mut erreurs).await?;
    for (i, photo) in projet.photos.iter().enumerate() {
        if !image_a_nous(base, bailleur_id, &photo.url).await? {
            erreurs.push(ErreurChamp::new(
                &format!("photos.{i}.url"),
                CodeErreur::ValeurInconnue,
            ));
        }
    }
    Ok(match lieu {
        Some(lieu) if erreurs.is_empty() => Ok(lieu),
        _ => Err(erreurs),
    })
}

async fn lieu(
    base: &AnyPool,
    bailleur_id: i64,
    projet: &ProjetOffre,
    erreurs: &mut Vec<ErreurChamp>,
) -> Result<Option<Lieu>, Erreur> {
    if projet.commune.trim().is_empty() {
        return Ok(None);
    }
    let commune_id = commune_du_territoire(base, bailleur_id, &projet.commune).await?;
    let Some(commune_id) = commune_id else {
        erreurs.push(ErreurChamp::new("commune", CodeErreur::ValeurInconnue));
        return Ok(None);
    };
    let qpv_id = qpv_de_la_commune(base, commune_id, &projet.adresse)
        .await?
        .map(|(id, _)| id);
    Ok(Some(Lieu { commune_id, qpv_id }))
}

/// The QPV of an address in a commune, from the streets the territory lists for each.
async fn qpv_de_la_commune(
    base: &AnyPool,
    commune_id: i64,
    adresse: &str,
) -> Result<Option<(i64, String)>, Erreur> {
    let lignes: Vec<(i64, String, String)> = sqlx::query_as(
        "SELECT q.id, q.nom, v.voie FROM qpv_voies v JOIN qpv q ON q.id = v.qpv_id
         WHERE q.commune_id = $1 ORDER BY q.id, v.voie",
    )
    .bind(commune_id)
    .fetch_all(base)
    .await?;
    let voies: Vec<(String, String)> = lignes
        .iter()
        .map(|(_, nom, voie)| (nom.clone(), voie.clone()))
        .collect();
    Ok(adresse::qpv_de_l_adresse(adresse, &voies).and_then(|nom| {
        lignes
            .iter()
            .find(|(_, n, _)| n == nom)
            .map(|(id, n, _)| (*id, n.clone()))
    }))
}

/// The project with its QPV computed from its commune and address (empty outside any QPV,
/// or while the commune is not one of the territory's). What was sent for it is ignored.
#[tracing::instrument(level = "debug", skip_all, fields(bailleur_id = bailleur_id))]
pub async fn avec_qpv_calcule(
    base: &AnyPool,
    bailleur_id: i64,
    mut projet: ProjetOffre,
) -> Result<ProjetOffre, Erreur> {
    let commune_id = commune_du_territoire(base, bailleur_id, &projet.commune).await?;
    projet.qpv = match commune_id {
        Some(id) => qpv_de_la_commune(base, id, &projet.adresse)
            .await?
            .map(|(_, nom)| nom)
            .unwrap_or_default(),
        None => String::new(),
    };
    Ok(projet)
}

/// The commune named by `slug`, if it is in the organisation's territory.
async fn commune_du_territoire(
    base: &AnyPool,
    bailleur_id: i64,
    slug: &str,
) -> Result<Option<i64>, Erreur> {
    Ok(sqlx::query_scalar(
        "SELECT c.id FROM communes c JOIN bailleurs b ON b.territoire_id = c.territoire_id
         WHERE b.id = $1 AND c.slug = $2",
    )
    .bind(bailleur_id)
    .bind(slug.trim())
    .fetch_optional(base)
    .await?)
}

async fn image_a_nous(base: &AnyPool, bailleur_id: i64, url: &str) -> Result<bool, Erreur> {
    let Some(empreinte) = url.strip_prefix(PREFIXE_IMAGES) else {
        return Ok(false);
    };
    Ok(sqlx::query_scalar::<_, Drapeau>(
        "SELECT EXISTS (SELECT 1 FROM images WHERE bailleur_id = $1 AND empreinte = $2)",
    )
    .bind(bailleur_id)
    .bind(empreinte)
    .fetch_one(base)
    .await?
    .0)
}

/// The values of a checked project, as the `offres` table stores them.
struct Colonnes<'a> {
    projet: &'a ProjetOffre,
    typologie: &'static str,
    pieces: i64,
    surface: i64,
    etage: i64,
    loyer: i64,
    charges: i64,
    financement: &'static str,
    dpe: &'static str,
    reservataire: &'static str,
    ouverture: String,
    cloture: String,
}

fn colonnes(projet: &ProjetOffre) -> Result<Colonnes<'_>, Erreur> {
    let manque = |champ: &str| Erreur::Ecriture(format!("projet vérifié sans {champ}"));
    Ok(Colonnes {
        projet,
        typologie: projet.typologie.ok_or_else(|| manque("typologie"))?.code(),
        pieces: i64::from(projet.pieces.ok_or_else(|| manque("pieces"))?),
        surface: i64::from(projet.surface.ok_or_else(|| manque("surface"))?.dixiemes()),
        etage: i64::from(projet.etage.ok_or_else(|| manque("etage"))?),
        loyer: projet.loyer.ok_or_else(|| manque("loyer"))?.centimes(),
        charges: projet.charges.ok_or_else(|| manque("charges"))?.centimes(),
        financement: projet
            .financement
            .ok_or_else(|| manque("financement"))?
            .code(),
        dpe: projet.dpe.ok_or_else(|| manque("dpe"))?.code(),
        reservataire: projet
            .reservataire
            .ok_or_else(|| manque("reservataire"))?
            .code(),
        ouverture: projet
            .ouverture
            .ok_or_else(|| manque("ouverture"))?
            .to_string(),
        cloture: projet.cloture.ok_or_else(|| manque("cloture"))?.to_string(),
    })
}

/// Publishes a checked project; returns the new listing's id.
#[tracing::instrument(level = "debug", skip_all, fields(bailleur_id = bailleur_id))]
pub async fn publier(
    connexion: &mut AnyConnection,
    bailleur_id: i64,
    projet: &ProjetOffre,
    lieu: Lieu,
) -> Result<i64, Erreur> {
    let c = colonnes(projet)?;
    let prochain: i64 = sqlx::query_scalar("SELECT coalesce(max(id), 0) + 1 FROM offres")
        .fetch_one(&mut *connexion)
        .await?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO offres (reference, bailleur_id, commune_id, qpv_id, titre, adresse,
            description, typologie, pieces, surface_dixiemes, etage, ascenseur, accessible_pmr,
            loyer_centimes, charges_centimes, financement, dpe, reservataire, ouverture, cloture)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20) RETURNING id",
    )
    .bind(format!("CLEF-{prochain:06}"))
    .bind(bailleur_id)
    .bind(lieu.commune_id)
    .bind(lieu.qpv_id)
    .bind(c.projet.titre.trim())
    .bind(c.projet.adresse.trim())
    .bind(c.projet.description.trim())
    .bind(c.typologie)
    .bind(c.pieces)
    .bind(c.surface)
    .bind(c.etage)
    .bind(Drapeau(c.projet.ascenseur))
    .bind(Drapeau(c.projet.accessible_pmr))
    .bind(c.loyer)
    .bind(c.charges)
    .bind(c.financement)
    .bind(c.dpe)
    .bind(c.reservataire)
    .bind(&c.ouverture)
    .bind(&c.cloture)
    .fetch_one(&mut *connexion)
    .await?;
    ecrire_photos(connexion, id, &projet.photos).await?;
    Ok(id)
}

/// Rewrites a published listing with a checked edit (frozen fields already compared).
#[tracing::instrument(level = "debug", skip_all, fields(offre_id = offre_id))]
pub async fn modifier(
    connexion: &mut AnyConnection,
    offre_id: i64,
    projet: &ProjetOffre,
    lieu: Lieu,
) -> Result<(), Erreur> {
    let c = colonnes(projet)?;
    sqlx::query(
        "UPDATE offres SET commune_id = $1, qpv_id = $2, titre = $3, adresse = $4, description = $5,
            pieces = $6, surface_dixiemes = $7, etage = $8, ascenseur = $9, accessible_pmr = $10,
            charges_centimes = $11, dpe = $12, reservataire = $13, ouverture = $14, cloture = $15
         WHERE id = $16",
    )
    .bind(lieu.commune_id)
    .bind(lieu.qpv_id)
    .bind(c.projet.titre.trim())
    .bind(c.projet.adresse.trim())
    .bind(c.projet.description.trim())
    .bind(c.pieces)
    .bind(c.surface)
    .bind(c.etage)
    .bind(Drapeau(c.projet.ascenseur))
    .bind(Drapeau(c.projet.accessible_pmr))
    .bind(c.charges)
    .bind(c.dpe)
    .bind(c.reservataire)
    .bind(&c.ouverture)
    .bind(&c.cloture)
    .bind(offre_id)
    .execute(&mut *connexion)
    .await?;
    sqlx::query("DELETE FROM photos WHERE offre_id = $1")
        .bind(offre_id)
        .execute(&mut *connexion)
        .await?;
    ecrire_photos(connexion, offre_id, &projet.photos).await
}

async fn ecrire_photos(
    connexion: &mut AnyConnection,
    offre_id: i64,
    photos: &[Photo],
) -> Result<(), Erreur> {
    for (rang, photo) in photos.iter().enumerate() {
        sqlx::query(
            "INSERT INTO photos (offre_id, rang, url, texte_alternatif) VALUES ($1, $2, $3, $4)",
        )
        .bind(offre_id)
        .bind(rang as i64)
        .bind(&photo.url)
        .bind(photo.texte_alternatif.trim())
        .execute(&mut *connexion)
        .await?;
    }
    Ok(())
}

#[derive(sqlx::FromRow)]
struct LignePubliee {
    titre: String,
    adresse: String,
    commune: String,
    qpv: Option<String>,
    typologie: String,
    pieces: i64,
    surface_dixiemes: i64,
    etage: i64,
    #[sqlx(try_from = "Drapeau")]
    ascenseur: bool,
    #[sqlx(try_from = "Drapeau")]
    accessible_pmr: bool,
    loyer_centimes: i64,
    charges_centimes: i64,
    financement: String,
    dpe: String,
    reservataire: String,
    ouverture: String,
    cloture: String,
    description: String,
}

/// A published listing of the organisation as a project, to edit or copy; `None` if it is
/// not the organisation's or was withdrawn.
#[tracing::instrument(level = "debug", skip_all, fields(bailleur_id = bailleur_id, offre_id = offre_id))]
pub async fn publiee(
    base: &AnyPool,
    bailleur_id: i64,
    offre_id: i64,
) -> Result<Option<ProjetOffre>, Erreur> {
    let ligne: Option<LignePubliee> = sqlx::query_as(
        "SELECT o.titre, o.adresse, c.slug AS commune, q.nom AS qpv, o.typologie, o.pieces,
            o.surface_dixiemes, o.etage, o.ascenseur, o.accessible_pmr, o.loyer_centimes,
            o.charges_centimes, o.financement, o.dpe, o.reservataire, o.ouverture, o.cloture,
            o.description
         FROM offres o JOIN communes c ON c.id = o.commune_id LEFT JOIN qpv q ON q.id = o.qpv_id
         WHERE o.id = $1 AND o.bailleur_id = $2 AND o.retiree_le IS NULL",
    )
    .bind(offre_id)
    .bind(bailleur_id)
    .fetch_optional(base)
    .await?;
    let Some(l) = ligne else {
        return Ok(None);
    };
    let photos: Vec<(String, String)> = sqlx::query_as(
        "SELECT url, texte_alternatif FROM photos WHERE offre_id = $1 ORDER BY rang",
    )
    .bind(offre_id)
    .fetch_all(base)
    .await?;
    let illisible =
        |colonne: &str, valeur: &str| Erreur::Illisible(format!("offres.{colonne} = {valeur}"));
    fn code<T: Code>(valeur: &str) -> Option<T> {
        T::depuis_code(valeur)
    }
    let jour = |colonne: &str, valeur: &str| {
        valeur
            .parse::<Jour>()
            .map_err(|_| illisible(colonne, valeur))
    };
    Ok(Some(ProjetOffre {
        typologie: Some(code(&l.typologie).ok_or_else(|| illisible("typologie", &l.typologie))?),
        financement: Some(
            code(&l.financement).ok_or_else(|| illisible("financement", &l.financement))?,
        ),
        dpe: Some(code(&l.dpe).ok_or_else(|| illisible("dpe", &l.dpe))?),
        reservataire: Some(
            code(&l.reservataire).ok_or_else(|| illisible("reservataire", &l.reservataire))?,
        ),
        pieces: u8::try_from(l.pieces).ok(),
        surface: u32::try_from(l.surface_dixiemes)
            .ok()
            .map(Surface::from_dixiemes),
        etage: i8::try_from(l.etage).ok(),
        loyer: Some(Euros::from_centimes(l.loyer_centimes)),
        charges: Some(Euros::from_centimes(l.charges_centimes)),
        ouverture: Some(jour("ouverture", &l.ouverture)?),
        cloture: Some(jour("cloture", &l.cloture)?),
        titre: l.titre,
        adresse: l.adresse,
        commune: l.commune,
        qpv: l.qpv.unwrap_or_default(),
        ascenseur: l.ascenseur,
        accessible_pmr: l.accessible_pmr,
        description: l.description,
        photos: photos
            .into_iter()
            .map(|(url, texte_alternatif)| Photo {
                url,
                texte_alternatif,
            })
            .collect(),
    }))
}
