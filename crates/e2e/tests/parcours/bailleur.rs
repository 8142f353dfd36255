//! A landlord's whole letting on a phone: write a listing (refused while incomplete),
//! preview and publish it; time moves on through the server's clock; rank the candidates,
//! send a shortlist that passes over the first with a motive, record the decisions, the
//! answer and the lease, and read the published result.

use crate::banc::Banc;
use clef_server::demo;
use fantoccini::Locator;

async fn connecter(banc: &Banc, retour: &str) {
    banc.ouvrir(&format!("/connexion?retour={retour}")).await;
    banc.saisir("#email", demo::AGENTS[0].0).await;
    banc.saisir("#mot-de-passe", demo::MOT_DE_PASSE).await;
    banc.cliquer_bouton("Se connecter").await;
}

fn png() -> Vec<u8> {
    let image =
        image::RgbImage::from_fn(80, 60, |x, y| image::Rgb([x as u8 * 3, y as u8 * 4, 120]));
    let mut octets = Vec::new();
    image::DynamicImage::ImageRgb8(image)
        .write_to(
            &mut std::io::Cursor::new(&mut octets),
            image::ImageFormat::Png,
        )
        .expect("png");
    octets
}

#[tokio::test]
async fn a_landlord_publishes_closes_shortlists_decides_and_the_result_is_published() {
    let banc = Banc::demarrer().await;
    connecter(&banc, "").await;
    banc.attendre_url("l'espace bailleur après connexion", |u| {
        u.ends_with("/bailleur")
    })
    .await;
    banc.attendre_texte("#tableau-titre", "Tableau de bord")
        .await;
    banc.sans_defilement_horizontal("l'espace bailleur").await;

    // A new draft: publishing it as it is lists what is missing.
    banc.capturer_erreurs().await;
    banc.cliquer_bouton("Rédiger une nouvelle offre").await;
    banc.attendre_url("le brouillon", |u| u.contains("/bailleur/brouillons/"))
        .await;
    banc.cliquer_bouton("Publier l'offre").await;
    banc.cliquer_bouton("Publier").await;
    banc.attendre_texte("#resume-erreurs", "Pour publier, corrigez")
        .await;
    banc.attendre_texte(
        "#resume-erreurs",
        "Loyer mensuel hors charges (€) : Ce champ est obligatoire.",
    )
    .await;

    // Fill it in, with an implausible rent first.
    // An address on a street the territory lists for a QPV.
    let (commune, qpv, voie): (String, String, String) = sqlx::query_as(
        "SELECT c.slug, q.nom, v.voie FROM qpv_voies v JOIN qpv q ON q.id = v.qpv_id
         JOIN communes c ON c.id = q.commune_id ORDER BY q.id, v.voie LIMIT 1",
    )
    .fetch_one(&banc.base)
    .await
    .expect("rue d'un QPV");
    banc.saisir("#titre", "T3 lumineux près de la gare").await;
    banc.saisir("#adresse", &format!("12 {voie}")).await;
    banc.choisir("#commune", &commune).await;
    banc.choisir("#typologie", "T3").await;
    banc.saisir("#pieces", "3").await;
    banc.saisir("#surface", "65").await;
    banc.saisir("#etage", "2").await;
    banc.choisir("#dpe", "C").await;
    banc.choisir("#financement", "PLUS").await;
    banc.saisir("#loyer", "3900").await;
    banc.saisir("#charges", "80").await;
    banc.choisir("#reservataire", "bailleur").await;
    banc.choisir("#ouverture", "2026-11-22").await;
    banc.choisir("#cloture", "2026-12-05").await;
    banc.saisir("#description", "Séjour traversant, cuisine séparée, cave.")
        .await;
    let photo = tempfile::Builder::new()
        .suffix(".png")
        .tempfile()
        .expect("photo");
    std::fs::write(photo.path(), png()).expect("photo");
    banc.saisir("#photo-fichier", &photo.path().display().to_string())
        .await;
    banc.saisir(
        "#photos-0-texte-alternatif",
        "Le séjour, deux fenêtres sur rue",
    )
    .await;
    banc.cliquer_bouton("Enregistrer le brouillon").await;
    banc.attendre_texte("#etat-enregistrement", "Brouillon enregistré.")
        .await;
    // The QPV is computed from the address, and shown.
    banc.attendre_texte("main", &format!("en quartier prioritaire, {qpv}."))
        .await;
    banc.cliquer_bouton("Publier l'offre").await;
    banc.cliquer_bouton("Publier").await;
    banc.attendre_texte("#loyer-erreur", "entre 260 € et 650 €")
        .await;
    banc.element("#loyer").await.clear().await.expect("effacer");
    banc.saisir("#loyer", "390").await;

    // The preview shows it as applicants will read it; then publish.
    banc.cliquer_bouton("Voir l'aperçu").await;
    banc.attendre_texte(".apercu", "T3 lumineux près de la gare")
        .await;
    banc.attendre_texte(".apercu", "470 € par mois").await;
    banc.sans_defilement_horizontal("le brouillon et son aperçu")
        .await;
    banc.cliquer_bouton("Publier l'offre").await;
    banc.cliquer_bouton("Publier").await;
    banc.attendre_url("le suivi de l'offre", |u| u.contains("/bailleur/offres/"))
        .await;
    let url = banc.navigateur.current_url().await.expect("url");
    let offre: i64 = url
        .path()
        .rsplit('/')
        .next()
        .and_then(|id| id.parse().ok())
        .expect("offre id");
    banc.attendre_texte("main", "Ouverte aux candidatures")
        .await;

    // Applicants apply (arranged directly: their own journey is tested elsewhere).
    sqlx::query(
        "INSERT INTO candidatures (offre_id, demandeur_id, etat, deposee_le)
         SELECT ?, id, 'deposee', '2026-11-23' FROM demandeurs WHERE dossier IS NOT NULL LIMIT 40",
    )
    .bind(offre)
    .execute(&banc.base)
    .await
    .expect("candidatures");

    // Two weeks later (the server's clock, not a sleep): the window has closed.
    banc.horloge.avancer_jours(14);
    connecter(&banc, &format!("/bailleur/offres/{offre}")).await;
    banc.attendre_texte("main", "Close, à classer").await;
    banc.cliquer_bouton("Classer les candidatures").await;
    banc.attendre_texte("#commission-titre", "Préparer la commission")
        .await;
    let rangs: Vec<i64> = sqlx::query_scalar(
        "SELECT id FROM candidatures WHERE offre_id = ? AND rang IS NOT NULL ORDER BY rang",
    )
    .bind(offre)
    .fetch_all(&banc.base)
    .await
    .expect("rangs");
    assert!(
        rangs.len() >= 4,
        "at least four eligible candidates: {rangs:?}"
    );
    banc.sans_defilement_horizontal("la préparation de la commission")
        .await;
    // Anonymous until sent.
    assert!(!banc.texte("main").await.contains("Numéro unique"));

    // Pass over the first: two left, the commission examines at least three (R.441-3)
    // unless an exception applies, which the page asks for.
    banc.element(&format!("#presenter-{}", rangs[0]))
        .await
        .click()
        .await
        .expect("décocher");
    banc.element("#exception-trois").await;
    banc.choisir(&format!("#motif-{}", rangs[0]), "desistement")
        .await;
    banc.saisir(
        &format!("#precision-{}", rangs[0]),
        "A renoncé par écrit avant la commission.",
    )
    .await;
    banc.cliquer_bouton("Envoyer la liste à la commission")
        .await;
    banc.cliquer_bouton("Envoyer la liste à la commission")
        .await;
    banc.attendre_texte("#erreurs-presentation", "au moins trois candidats")
        .await;
    // Present the next three, with the motive.
    banc.element(&format!("#presenter-{}", rangs[3]))
        .await
        .click()
        .await
        .expect("cocher");
    banc.attendre_absence("#exception-trois").await;
    banc.cliquer_bouton("Envoyer la liste à la commission")
        .await;
    banc.cliquer_bouton("Envoyer la liste à la commission")
        .await;
    banc.attendre_texte("#issues-titre", "Décisions de la commission")
        .await;
    banc.attendre_texte("main", "Numéro unique").await;

    // Decisions in the categories of R.441-3: ranks 1 and 2 of attribution, then an
    // inadmissibility. Each recorded decision reloads the list; its form is then gone.
    for (rang, choix) in [
        (1, "attribue:1"),
        (2, "attribue:2"),
        (3, "irrecevable:plafond_depasse"),
    ] {
        let select = format!("#decision-{}", rangs[rang]);
        banc.choisir(&select, choix).await;
        banc.cliquer_bouton("Enregistrer la décision").await;
        banc.attendre_absence(&select).await;
    }
    let attendues = [
        "Attribué en rang 1",
        "Attribué en rang 2",
        "Irrecevable : ressources au-dessus du plafond",
    ];
    banc.attendre("les trois décisions affichées", || async {
        let mut textes = Vec::new();
        for e in banc.tous(".commission .etiquette").await {
            textes.push(e.text().await.unwrap_or_default());
        }
        // Each with the day it was taken.
        textes.len() == attendues.len()
            && textes
                .iter()
                .zip(attendues)
                .all(|(t, a)| t.starts_with(a) && t.contains(", le "))
    })
    .await;

    // The first accepts; the lease is signed; the result is published.
    banc.cliquer_bouton("Il accepte").await;
    banc.attendre_texte(".commission .etiquette", "A accepté le logement")
        .await;
    banc.cliquer_bouton("Enregistrer la signature du bail")
        .await;
    banc.cliquer_bouton("Enregistrer la signature du bail")
        .await;
    banc.attendre_texte("main", "Le bail est signé").await;
    banc.attendre_texte("main", "Attribuée : bail signé").await;
    banc.sans_defilement_horizontal("les décisions").await;
    banc.navigateur
        .find(Locator::LinkText("Voir le résultat publié"))
        .await
        .expect("lien")
        .click()
        .await
        .expect("clic");
    banc.attendre_url("le résultat", |u| {
        u.ends_with(&format!("/resultats/{offre}"))
    })
    .await;
    banc.attendre_texte("main", "a renoncé ou n'a pas répondu")
        .await;
    // Each examined candidate's decision, published in the same categories.
    banc.attendre_texte("#examens", "Attribution en rang 1")
        .await;
    banc.attendre_texte("#examens", "Demande irrecevable").await;
}
