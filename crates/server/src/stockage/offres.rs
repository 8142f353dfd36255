//! Listings: the search with its filters, sorting and pagination, and the full detail.

use super::Drapeau;
use super::Erreur;
use super::requete::Requete;
use clef_domain::api::{Bailleur, EtatCandidature, OffreDetail, OffreResume, PageOffres, Photo};
use clef_domain::offre::Financement;
use clef_domain::offre::{Code, FenetrePublication};
use clef_domain::plafonds;
use clef_domain::recherche::{FiltreEtat, Qpv, Recherche, Restrictions, Tri};
use clef_domain::{Euros, Jour, Surface};
use sqlx::AnyPool;

const COLONNES_RESUME: &str = "o.id, o.titre, c.nom AS commune, q.nom AS qpv, o.typologie,
    o.pieces, c.zone, o.surface_dixiemes, o.loyer_centimes, o.charges_centimes, o.financement, o.reservataire,
    o.accessible_pmr, o.ouverture, o.cloture, o.demo,
    (SELECT p.url FROM photos p WHERE p.offre_id = o.id ORDER BY p.rang LIMIT 1) AS photo_url,
    (SELECT p.texte_alternatif FROM photos p WHERE p.offre_id = o.id ORDER BY p.rang LIMIT 1) AS photo_alt";

const JOINTURES: &str = " FROM offres o
    JOIN communes c ON c.id = o.commune_id
    LEFT JOIN qpv q ON q.id = o.qpv_id";

#[derive(sqlx::FromRow)]
struct LigneResume {
    id: i64,
    titre: String,
    commune: String,
    qpv: Option<String>,
    typologie: String,
    pieces: i64,
    zone: String,
    surface_dixiemes: i64,
    loyer_centimes: i64,
    charges_centimes: i64,
    financement: String,
    reservataire: String,
    #[sqlx(try_from = "Drapeau")]
    accessible_pmr: bool,
    ouverture: String,
    cloture: String,
    #[sqlx(try_from = "Drapeau")]
    demo: bool,
    photo_url: Option<String>,
    photo_alt: Option<String>,
}

#[derive(sqlx::FromRow)]
struct LigneDetail {
    #[sqlx(flatten)]
    resume: LigneResume,
    adresse: String,
    /// A result is published: the home is let.
    #[sqlx(try_from = "Drapeau")]
    attribuee: bool,
    etage: i64,
    #[sqlx(try_from = "Drapeau")]
    ascenseur: bool,
    dpe: String,
    bailleur_id: i64,
    bailleur_nom: String,
    description: String,
}

/// One page of listings matching the criteria, and how many match in all.
#[tracing::instrument(level = "debug", skip_all)]
pub async fn rechercher(
    base: &AnyPool,
    recherche: &Recherche,
    aujourdhui: Jour,
) -> Result<PageOffres, Erreur> {
    let total: i64 = requete_compte("", recherche, aujourdhui)
        .build_query_scalar()
        .fetch_one(base)
        .await?;
    let lignes: Vec<LigneResume> = requete_page("", recherche, aujourdhui)
        .build_query_as()
        .fetch_all(base)
        .await?;

    Ok(PageOffres {
        total: u64::try_from(total).unwrap_or(0),
        page: recherche.page,
        par_page: recherche.par_page,
        offres: lignes
            .into_iter()
            .map(|l| l.en_resume(aujourdhui))
            .collect::<Result<_, _>>()?,
    })
}

/// Everything about one listing as applicants see it, or `None` if there is no such listing
/// or it was withdrawn.
#[tracing::instrument(level = "debug", skip_all, fields(id = id))]
pub async fn detail(
    base: &AnyPool,
    id: i64,
    aujourdhui: Jour,
) -> Result<Option<OffreDetail>, Erreur> {
    if retiree(base, id).await? {
        return Ok(None);
    }
    detail_meme_retiree(base, id, aujourdhui).await
}

/// Where one of a landlord's live listings stands.
pub struct Suivie {
    pub id: i64,
    /// Applications not withdrawn.
    pub candidatures: u32,
    pub classee_le: Option<Jour>,
    /// A result was published.
    pub attribuee: bool,
}

/// A landlord's live (not withdrawn) listings, or just `seulement`, the latest closing
/// first.
#[tracing::instrument(level = "debug", skip_all, fields(bailleur_id = bailleur_id))]
pub async fn du_bailleur(
    base: &AnyPool,
    bailleur_id: i64,
    seulement: Option<i64>,
) -> Result<Vec<Suivie>, Erreur> {
    let lignes: Vec<(i64, i64, Option<String>, Drapeau)> = sqlx::query_as(
        "SELECT o.id,
            (SELECT count(*) FROM candidatures c WHERE c.offre_id = o.id AND c.etat != $1),
            k.classe_le,
            EXISTS (SELECT 1 FROM resultats r WHERE r.offre_id = o.id)
         FROM offres o LEFT JOIN classements k ON k.offre_id = o.id
         WHERE o.bailleur_id = $2 AND o.retiree_le IS NULL AND ($3 IS NULL OR o.id = $4)
         ORDER BY o.cloture DESC, o.id",
    )
    .bind(EtatCandidature::Retiree.code())
    .bind(bailleur_id)
    .bind(seulement)
    .bind(seulement)
    .fetch_all(base)
    .await?;
    lignes
        .into_iter()
        .map(|(id, n, classe_le, Drapeau(attribuee))| {
            Ok(Suivie {
                id,
                candidatures: u32::try_from(n).unwrap_or(0),
                classee_le: classe_le
                    .map(|j| j.parse().map_err(|_| illisible("classements.classe_le", j)))
                    .transpose()?,
                attribuee,
            })
        })
        .collect()
}

/// The territory's open listings that have applications, the earliest closing first.
#[tracing::instrument(level = "debug", skip_all, fields(territoire_id = territoire_id))]
pub async fn ouvertes_avec_candidats(
    base: &AnyPool,
    territoire_id: i64,
    aujourdhui: Jour,
) -> Result<Vec<i64>, Erreur> {
    Ok(sqlx::query_scalar(
        "SELECT o.id FROM offres o JOIN communes c ON c.id = o.commune_id
         WHERE c.territoire_id = $1 AND o.retiree_le IS NULL AND o.ouverture <= $2 AND o.cloture >= $2
           AND EXISTS (SELECT 1 FROM candidatures k WHERE k.offre_id = o.id AND k.etat != $3)
         ORDER BY o.cloture, o.id",
    )
    .bind(territoire_id)
    .bind(aujourdhui.to_string())
    .bind(EtatCandidature::Retiree.code())
    .fetch_all(base)
    .await?)
}

/// Whether the listing is the landlord's and not withdrawn.
#[tracing::instrument(level = "debug", skip_all, fields(id = id, bailleur_id = bailleur_id))]
pub async fn est_du_bailleur(base: &AnyPool, id: i64, bailleur_id: i64) -> Result<bool, Erreur> {
    Ok(sqlx::query_scalar::<_, Drapeau>(
        "SELECT EXISTS (SELECT 1 FROM offres WHERE id = $1 AND bailleur_id = $2 AND retiree_le IS NULL)",
    )
    .bind(id)
    .bind(bailleur_id)
    .fetch_one(base)
    .await?
            .0)
}

/// Closes an open listing early: its window ends on `cloture` (keeping the planned day),
/// for the reason given.
#[tracing::instrument(level = "debug", skip_all, fields(id = id))]
pub async fn clore_avant(
    connexion: &mut sqlx::AnyConnection,
    id: i64,
    cloture: Jour,
    motif: &str,
) -> Result<(), Erreur> {
    sqlx::query(
        "UPDATE offres SET cloture_prevue = cloture, cloture = $1, motif_cloture = $2
         WHERE id = $3 AND cloture > $4",
    )
    .bind(cloture.to_string())
    .bind(motif)
    .bind(id)
    .bind(cloture.to_string())
    .execute(connexion)
    .await?;
    Ok(())
}

/// Withdraws a listing that has not closed; false when it is already withdrawn or closed.
#[tracing::instrument(level = "debug", skip_all, fields(id = id))]
pub async fn retirer(
    connexion: &mut sqlx::AnyConnection,
    id: i64,
    aujourdhui: Jour,
) -> Result<bool, Erreur> {
    let fait = sqlx::query(
        "UPDATE offres SET retiree_le = $1 WHERE id = $2 AND retiree_le IS NULL AND cloture >= $3",
    )
    .bind(aujourdhui.to_string())
    .bind(id)
    .bind(aujourdhui.to_string())
    .execute(connexion)
    .await?;
    Ok(fait.rows_affected() > 0)
}

/// The listing's commune (its row id) and street address, for its landlord's staff (the
/// public detail drops the address once the home is let).
#[tracing::instrument(level = "debug", skip_all, fields(id = id))]
pub async fn commune_et_adresse(base: &AnyPool, id: i64) -> Result<(i64, String), Erreur> {
    Ok(
        sqlx::query_as("SELECT commune_id, adresse FROM offres WHERE id = $1")
            .bind(id)
            .fetch_one(base)
            .await?,
    )
}

/// Whether the listing was withdrawn (false for no such listing).
#[tracing::instrument(level = "debug", skip_all, fields(id = id))]
pub async fn retiree(base: impl sqlx::AnyExecutor<'_>, id: i64) -> Result<bool, Erreur> {
    Ok(sqlx::query_scalar::<_, Drapeau>(
        "SELECT EXISTS (SELECT 1 FROM offres WHERE id = $1 AND retiree_le IS NOT NULL)",
    )
    .bind(id)
    .fetch_one(base)
    .await?
    .0)
}

/// Everything about one listing, withdrawn or not: what an application on it refers to.
#[tracing::instrument(level = "debug", skip_all, fields(id = id))]
pub async fn detail_meme_retiree(
    base: &AnyPool,
    id: i64,
    aujourdhui: Jour,
) -> Result<Option<OffreDetail>, Erreur> {
    let mut requete = Requete::new("SELECT ");
    requete
        .push(COLONNES_RESUME)
        .push(
            ", o.adresse, o.etage, o.ascenseur, o.dpe, o.description,
             b.id AS bailleur_id, b.nom AS bailleur_nom,
             EXISTS (SELECT 1 FROM resultats r WHERE r.offre_id = o.id) AS attribuee",
        )
        .push(JOINTURES)
        .push(" JOIN bailleurs b ON b.id = o.bailleur_id WHERE o.id = ")
        .push_bind(id);
    let Some(ligne) = requete
        .build_query_as::<LigneDetail>()
        .fetch_optional(base)
        .await?
    else {
        return Ok(None);
    };
    let photos: Vec<(String, String)> = sqlx::query_as(
        "SELECT url, texte_alternatif FROM photos WHERE offre_id = $1 ORDER BY rang",
    )
    .bind(id)
    .fetch_all(base)
    .await?;
    ligne.en_detail(aujourdhui, photos).map(Some)
}

/// The summaries of the given listings, by id (missing ids are left out).
#[tracing::instrument(level = "debug", skip_all)]
pub async fn resumes(
    base: &AnyPool,
    ids: &[i64],
    aujourdhui: Jour,
) -> Result<std::collections::HashMap<i64, OffreResume>, Erreur> {
    if ids.is_empty() {
        return Ok(Default::default());
    }
    let mut requete = Requete::new("SELECT ");
    requete
        .push(COLONNES_RESUME)
        .push(JOINTURES)
        .push(" WHERE o.id IN (");
    requete.push_liste(ids.iter().copied()).push(")");
    let lignes: Vec<LigneResume> = requete.build_query_as().fetch_all(base).await?;
    lignes
        .into_iter()
        .map(|l| l.en_resume(aujourdhui).map(|r| (r.id, r)))
        .collect()
}

/// Listings added after listing `apres` that match the search (open or to come), with
/// their titles: what a saved search announces.
#[tracing::instrument(level = "debug", skip_all)]
pub async fn nouvelles_correspondances(
    base: &AnyPool,
    recherche: &Recherche,
    apres: i64,
    aujourdhui: Jour,
) -> Result<Vec<(i64, String)>, Erreur> {
    let recherche = Recherche {
        etat: FiltreEtat::Toutes,
        ..recherche.clone()
    };
    let mut requete = Requete::new("SELECT o.id, o.titre");
    requete.push(JOINTURES);
    filtrer(&mut requete, &recherche, aujourdhui);
    requete
        .push(" AND o.cloture >= ")
        .push_bind(aujourdhui.to_string())
        .push(" AND o.id > ")
        .push_bind(apres)
        .push(" ORDER BY o.id LIMIT 50");
    Ok(requete.build_query_as().fetch_all(base).await?)
}

/// The highest listing id so far (0 without listings).
#[tracing::instrument(level = "debug", skip_all)]
pub async fn dernier_id(base: &AnyPool) -> Result<i64, Erreur> {
    Ok(
        sqlx::query_scalar("SELECT coalesce(max(id), 0) FROM offres")
            .fetch_one(base)
            .await?,
    )
}

/// How many listings match: counted from the search index alone (no join, no row of the
/// table). `debut` is empty, or `EXPLAIN QUERY PLAN ` for the tests of plans.
pub(super) fn requete_compte<'a>(
    debut: &str,
    recherche: &'a Recherche,
    aujourdhui: Jour,
) -> Requete<'a> {
    let mut requete = Requete::new(debut);
    requete.push("SELECT COUNT(*) FROM offres o");
    filtrer(&mut requete, recherche, aujourdhui);
    requete
}

/// One page of the matching listings, in the order asked: the page's ids chosen (and sorted)
/// from the search index alone, then only those rows read.
pub(super) fn requete_page<'a>(
    debut: &str,
    recherche: &'a Recherche,
    aujourdhui: Jour,
) -> Requete<'a> {
    let mut requete = Requete::new(debut);
    requete.push("SELECT ").push(COLONNES_RESUME);
    requete.push(" FROM (SELECT o.id FROM offres o");
    filtrer(&mut requete, recherche, aujourdhui);
    requete.push(ordre(recherche.tri));
    requete
        .push(" LIMIT ")
        .push_bind(i64::from(recherche.par_page))
        .push(" OFFSET ")
        .push_bind(i64::from(recherche.decalage()));
    requete.push(
        ") AS choix JOIN offres o ON o.id = choix.id
         JOIN communes c ON c.id = o.commune_id
         LEFT JOIN qpv q ON q.id = o.qpv_id",
    );
    requete.push(ordre(recherche.tri));
    requete
}

fn filtrer(requete: &mut Requete<'_>, recherche: &Recherche, aujourdhui: Jour) {
    let jour = aujourdhui.to_string();
    // A withdrawn listing is gone for applicants.
    requete.push(" WHERE o.retiree_le IS NULL");
    match recherche.etat {
        FiltreEtat::Ouvertes => {
            requete
                .push(" AND o.ouverture <= ")
                .push_bind(jour.clone())
                .push(" AND o.cloture >= ")
                .push_bind(jour);
        }
        FiltreEtat::AVenir => {
            // Closing after opening (a CHECK of the table): said, so the index is read
            // from today on.
            requete
                .push(" AND o.ouverture > ")
                .push_bind(jour.clone())
                .push(" AND o.cloture > ")
                .push_bind(jour);
        }
        FiltreEtat::Cloturees => {
            requete.push(" AND o.cloture < ").push_bind(jour);
        }
        FiltreEtat::Toutes => {}
    }
    if let Some(commune) = &recherche.commune {
        requete
            .push(" AND o.commune_id = (SELECT id FROM communes WHERE slug = ")
            .push_bind(commune.clone())
            .push(")");
    }
    if let Some(typologie) = recherche.typologie {
        requete
            .push(" AND o.typologie = ")
            .push_bind(typologie.code());
    }
    if let Some(loyer_max) = recherche.loyer_max {
        requete
            .push(" AND o.loyer_centimes + o.charges_centimes <= ")
            .push_bind(i64::from(loyer_max) * 100);
    }
    if let Some(financement) = recherche.financement {
        requete
            .push(" AND o.financement = ")
            .push_bind(financement.code());
    }
    if recherche.pmr {
        requete.push(" AND o.accessible_pmr = 1");
    }
    match recherche.qpv {
        Some(Qpv::Dans) => {
            requete.push(" AND o.qpv_id IS NOT NULL");
        }
        Some(Qpv::Hors) => {
            requete.push(" AND o.qpv_id IS NULL");
        }
        None => {}
    }
    if let Some(reservataire) = recherche.reservataire {
        requete
            .push(" AND o.reservataire = ")
            .push_bind(reservataire.code());
    }
    restreindre(requete, &recherche.restrictions);
}

/// The criteria the app derives from an applicant's request ("only the homes I can apply
/// to"): a financing at least this one, a surface, a number of rooms, listings left out.
fn restreindre(requete: &mut Requete<'_>, r: &Restrictions) {
    if let Some(min) = r.financement_min {
        let admis = Financement::TOUS.iter().filter(|f| **f >= min);
        requete
            .push(" AND o.financement IN (")
            .push_liste(admis.map(|f| f.code()))
            .push(")");
    }
    if let Some(m2) = r.surface_min {
        requete
            .push(" AND o.surface_dixiemes >= ")
            .push_bind(i64::from(m2) * 10);
    }
    if let Some(pieces) = r.pieces_max {
        requete
            .push(" AND o.pieces <= ")
            .push_bind(i64::from(pieces));
    }
    if !r.sauf.is_empty() {
        requete
            .push(" AND o.id NOT IN (")
            .push_liste(r.sauf.iter().copied())
            .push(")");
    }
}

/// Every order ends on the id, so that pages are stable.
fn ordre(tri: Tri) -> &'static str {
    match tri {
        Tri::ClotureProche => " ORDER BY o.cloture ASC, o.id ASC",
        Tri::PlusRecentes => " ORDER BY o.ouverture DESC, o.id DESC",
        Tri::LoyerCroissant => " ORDER BY o.loyer_centimes + o.charges_centimes ASC, o.id ASC",
        Tri::LoyerDecroissant => " ORDER BY o.loyer_centimes + o.charges_centimes DESC, o.id ASC",
        Tri::SurfaceDecroissante => " ORDER BY o.surface_dixiemes DESC, o.id ASC",
    }
}

fn illisible(colonne: &str, valeur: impl std::fmt::Display) -> Erreur {
    Erreur::Illisible(format!("{colonne} = {valeur}"))
}

fn code<T: Code>(colonne: &str, valeur: &str) -> Result<T, Erreur> {
    T::depuis_code(valeur).ok_or_else(|| illisible(colonne, valeur))
}

fn date(colonne: &str, valeur: &str) -> Result<Jour, Erreur> {
    valeur.parse().map_err(|_| illisible(colonne, valeur))
}

impl LigneResume {
    fn en_resume(self, aujourdhui: Jour) -> Result<OffreResume, Erreur> {
        let ouverture = date("ouverture", &self.ouverture)?;
        let cloture = date("cloture", &self.cloture)?;
        let fenetre = FenetrePublication::new(ouverture, cloture)
            .map_err(|_| illisible("cloture", &self.cloture))?;
        let surface = u32::try_from(self.surface_dixiemes)
            .map(Surface::from_dixiemes)
            .map_err(|_| illisible("surface_dixiemes", self.surface_dixiemes))?;
        Ok(OffreResume {
            id: self.id,
            titre: self.titre,
            commune: self.commune,
            qpv: self.qpv,
            typologie: code("typologie", &self.typologie)?,
            pieces: u8::try_from(self.pieces).map_err(|_| illisible("pieces", self.pieces))?,
            zone: code("zone", &self.zone)?,
            surface,
            loyer: Euros::from_centimes(self.loyer_centimes),
            charges: Euros::from_centimes(self.charges_centimes),
            financement: code("financement", &self.financement)?,
            reservataire: code("reservataire", &self.reservataire)?,
            accessible_pmr: self.accessible_pmr,
            photo: self
                .photo_url
                .zip(self.photo_alt)
                .map(|(url, texte_alternatif)| Photo {
                    url,
                    texte_alternatif,
                }),
            ouverture,
            cloture,
            etat: fenetre.etat(aujourdhui),
            jours_restants: fenetre.jours_restants(aujourdhui),
            demo: self.demo,
        })
    }
}

impl LigneDetail {
    fn en_detail(
        self,
        aujourdhui: Jour,
        photos: Vec<(String, String)>,
    ) -> Result<OffreDetail, Erreur> {
        let resume = self.resume.en_resume(aujourdhui)?;
        // The table in force today, the one a live verdict uses.
        let plafonds = plafonds::bareme(resume.financement, aujourdhui.annee(), resume.zone);
        Ok(OffreDetail {
            adresse: (!self.attribuee).then_some(self.adresse),
            etage: i8::try_from(self.etage).map_err(|_| illisible("etage", self.etage))?,
            ascenseur: self.ascenseur,
            dpe: code("dpe", &self.dpe)?,
            bailleur: Bailleur {
                id: self.bailleur_id,
                nom: self.bailleur_nom,
            },
            description: self.description,
            photos: photos
                .into_iter()
                .map(|(url, texte_alternatif)| Photo {
                    url,
                    texte_alternatif,
                })
                .collect(),
            plafonds,
            resume,
        })
    }
}
