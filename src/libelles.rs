//! The French (or other locale's) words for the domain's closed sets of values, and for
//! numbers in words: ordinals (`1er`, `2e`) and counted things (`1 personne`, `3 personnes`).

use crate::i18n::*;
use clef_domain::offre::{Financement, Reservataire, Typologie, Zone};
use clef_domain::recherche::{FiltreEtat, Tri};
use leptos_i18n::I18nContext;

pub fn typologie(i18n: I18nContext<Locale>, t: Typologie) -> String {
    match t {
        Typologie::T1 => tu_string!(i18n, typologie.t1),
        Typologie::T2 => tu_string!(i18n, typologie.t2),
        Typologie::T3 => tu_string!(i18n, typologie.t3),
        Typologie::T4 => tu_string!(i18n, typologie.t4),
        Typologie::T5 => tu_string!(i18n, typologie.t5),
        Typologie::T6 => tu_string!(i18n, typologie.t6),
    }
    .to_string()
}

pub fn financement(i18n: I18nContext<Locale>, f: Financement) -> String {
    match f {
        Financement::Plai => tu_string!(i18n, financement.plai),
        Financement::Plus => tu_string!(i18n, financement.plus),
        Financement::Pls => tu_string!(i18n, financement.pls),
    }
    .to_string()
}

pub fn reservataire(i18n: I18nContext<Locale>, r: Reservataire) -> String {
    match r {
        Reservataire::Etat => tu_string!(i18n, reservataire.etat),
        Reservataire::ActionLogement => tu_string!(i18n, reservataire.action_logement),
        Reservataire::Collectivite => tu_string!(i18n, reservataire.collectivite),
        Reservataire::Bailleur => tu_string!(i18n, reservataire.bailleur),
    }
    .to_string()
}

pub fn etat(i18n: I18nContext<Locale>, e: FiltreEtat) -> String {
    match e {
        FiltreEtat::Ouvertes => tu_string!(i18n, etat.ouvertes),
        FiltreEtat::AVenir => tu_string!(i18n, etat.a_venir),
        FiltreEtat::Cloturees => tu_string!(i18n, etat.cloturees),
        FiltreEtat::Toutes => tu_string!(i18n, etat.toutes),
    }
    .to_string()
}

pub fn tri(i18n: I18nContext<Locale>, t: Tri) -> String {
    match t {
        Tri::ClotureProche => tu_string!(i18n, tri.cloture),
        Tri::PlusRecentes => tu_string!(i18n, tri.recentes),
        Tri::LoyerCroissant => tu_string!(i18n, tri.loyer),
        Tri::LoyerDecroissant => tu_string!(i18n, tri.loyer_desc),
        Tri::SurfaceDecroissante => tu_string!(i18n, tri.surface_desc),
    }
    .to_string()
}

pub fn zone(i18n: I18nContext<Locale>, z: Zone) -> String {
    match z {
        Zone::ParisCommunesLimitrophes => {
            tu_string!(i18n, plafonds.zone_paris_communes_limitrophes)
        }
        Zone::IleDeFrance => tu_string!(i18n, plafonds.zone_ile_de_france),
        Zone::AutresRegions => tu_string!(i18n, plafonds.zone_autres_regions),
    }
    .to_string()
}

/// The household of a ceiling category (1 to 6), as the law words it.
pub fn categorie(i18n: I18nContext<Locale>, categorie: usize) -> String {
    match categorie {
        1 => tu_string!(i18n, plafonds.c1),
        2 => tu_string!(i18n, plafonds.c2),
        3 => tu_string!(i18n, plafonds.c3),
        4 => tu_string!(i18n, plafonds.c4),
        5 => tu_string!(i18n, plafonds.c5),
        _ => tu_string!(i18n, plafonds.c6),
    }
    .to_string()
}

/// The message shown next to an invalid field.
pub fn erreur_champ(i18n: I18nContext<Locale>, erreur: &clef_domain::ErreurChamp) -> String {
    use clef_domain::{CodeErreur, Regle};
    match &erreur.code {
        CodeErreur::ValeurInconnue if erreur.champ == clef_domain::recherche::champ::COMMUNE => {
            tu_string!(i18n, erreur_champ.commune_inconnue).to_string()
        }
        CodeErreur::ValeurInconnue => tu_string!(i18n, erreur_champ.valeur_inconnue).to_string(),
        CodeErreur::PasUnNombre => match genre_de_nombre(&erreur.champ) {
            GenreNombre::Surface => tu_string!(i18n, erreur_champ.pas_une_surface),
            GenreNombre::Montant => tu_string!(i18n, erreur_champ.pas_un_montant),
            GenreNombre::Age => tu_string!(i18n, erreur_champ.pas_un_age),
            GenreNombre::Entier => tu_string!(i18n, erreur_champ.pas_un_nombre),
        }
        .to_string(),
        CodeErreur::FormatInvalide if erreur.champ == "numero_unique" => {
            tu_string!(i18n, erreur_champ.format_numero_unique).to_string()
        }
        CodeErreur::FormatInvalide if erreur.champ == "email" => {
            tu_string!(i18n, erreur_champ.format_email).to_string()
        }
        CodeErreur::FormatInvalide if est_une_date(&erreur.champ) => {
            tu_string!(i18n, erreur_champ.format_date).to_string()
        }
        CodeErreur::HorsLimites { min, max }
            if matches!(erreur.champ.as_str(), "mot_de_passe" | "nom") =>
        {
            let (min, max) = (*min, *max);
            tu_string!(i18n, erreur_champ.longueur, min, max).to_string()
        }
        // Amounts travel in cents; people read euros.
        CodeErreur::HorsLimites { min, max }
            if matches!(genre_de_nombre(&erreur.champ), GenreNombre::Montant) =>
        {
            let (min, max) = (min / 100, max / 100);
            tu_string!(i18n, erreur_champ.hors_limites, min, max).to_string()
        }
        CodeErreur::HorsLimites { min, max } => {
            let (min, max) = (*min, *max);
            tu_string!(i18n, erreur_champ.hors_limites, min, max).to_string()
        }
        CodeErreur::Repete => tu_string!(i18n, erreur_champ.repete).to_string(),
        CodeErreur::Requis => tu_string!(i18n, erreur_champ.requis).to_string(),
        CodeErreur::FormatInvalide => tu_string!(i18n, erreur_champ.format_invalide).to_string(),
        CodeErreur::Incoherent { regle } => match regle {
            Regle::UnSeulDemandeur => tu_string!(i18n, erreur_champ.un_seul_demandeur),
            Regle::UnSeulConjoint => tu_string!(i18n, erreur_champ.un_seul_conjoint),
            Regle::DemandeurMineur => tu_string!(i18n, erreur_champ.demandeur_mineur),
            Regle::DemandeurOuConjointACharge => {
                tu_string!(i18n, erreur_champ.demandeur_ou_conjoint_a_charge)
            }
            Regle::DateFuture => tu_string!(i18n, erreur_champ.date_future),
            Regle::DatePassee => tu_string!(i18n, erreur_champ.date_passee),
            Regle::AvantLaCloture => tu_string!(i18n, erreur_champ.avant_la_cloture),
            Regle::AvantLaDecision => tu_string!(i18n, erreur_champ.avant_la_decision),
            Regle::ChargesSuperieuresAuLoyer => {
                tu_string!(i18n, erreur_champ.charges_superieures_au_loyer)
            }
            Regle::PiecesTypologie => tu_string!(i18n, erreur_champ.pieces_typologie),
            Regle::ClotureAvantOuverture => tu_string!(i18n, erreur_champ.cloture_avant_ouverture),
            Regle::ClotureAvancee => tu_string!(i18n, erreur_champ.cloture_avancee),
            Regle::DureeFenetre => tu_string!(i18n, erreur_champ.duree_fenetre),
            Regle::ImageFormat => tu_string!(i18n, erreur_champ.image_format),
            Regle::ImageIllisible => tu_string!(i18n, erreur_champ.image_illisible),
            Regle::ImageTropLourde => tu_string!(i18n, erreur_champ.image_trop_lourde),
            Regle::ImageTropGrande => tu_string!(i18n, erreur_champ.image_trop_grande),
            Regle::QuotaPhotos => tu_string!(i18n, erreur_champ.quota_photos),
            Regle::MotDePasseIdentifiant => tu_string!(i18n, erreur_champ.mot_de_passe_identifiant),
            Regle::LienPerime => tu_string!(i18n, erreur_champ.lien_perime),
            Regle::ConsulterToujoursInclus => {
                tu_string!(i18n, erreur_champ.consulter_toujours_inclus)
            }
            Regle::MandatDejaEnCours => tu_string!(i18n, erreur_champ.mandat_deja_en_cours),
            Regle::VoieDejaClassee => tu_string!(i18n, erreur_champ.voie_deja_classee),
            Regle::PlusQueLesResidences => tu_string!(i18n, erreur_champ.plus_que_les_residences),
            Regle::GrilleDesDemain => tu_string!(i18n, erreur_champ.grille_des_demain),
            Regle::GrilleAvantLaPrecedente => {
                tu_string!(i18n, erreur_champ.grille_avant_la_precedente)
            }
            Regle::TranchesOrdonneesDisjointes => {
                tu_string!(i18n, erreur_champ.tranches_ordonnees_disjointes)
            }
            Regle::PrioriteAbsente => tu_string!(i18n, erreur_champ.priorite_absente),
            Regle::PrioriteSansPoints => tu_string!(i18n, erreur_champ.priorite_sans_points),
            Regle::ObjectifSansAccord => tu_string!(i18n, erreur_champ.objectif_sans_accord),
            Regle::MotifRequis => tu_string!(i18n, erreur_champ.motif_requis),
            Regle::TroisMinimum => tu_string!(i18n, erreur_champ.trois_minimum),
            Regle::ExceptionSansObjet => tu_string!(i18n, erreur_champ.exception_sans_objet),
            Regle::DesignationSansDalo => tu_string!(i18n, erreur_champ.designation_sans_dalo),
            Regle::PlaiAdapteSansPlai => tu_string!(i18n, erreur_champ.plai_adapte_sans_plai),
            Regle::Echeance => tu_string!(i18n, erreur_champ.echeance),
            Regle::ApresEcheance => tu_string!(i18n, erreur_champ.apres_echeance),
            Regle::AvantEcheance => tu_string!(i18n, erreur_champ.avant_echeance),
            Regle::PlafondDuJourDepasse => tu_string!(i18n, erreur_champ.plafond_du_jour_depasse),
            Regle::PlafondsDuJourInconnus => {
                tu_string!(i18n, erreur_champ.plafonds_du_jour_inconnus)
            }
        }
        .to_string(),
        CodeErreur::TropCourant => tu_string!(i18n, erreur_champ.trop_courant).to_string(),
        CodeErreur::DejaUtilise if erreur.champ == "email" => {
            tu_string!(i18n, erreur_champ.email_deja_utilise).to_string()
        }
        CodeErreur::DejaUtilise => tu_string!(i18n, erreur_champ.numero_deja_utilise).to_string(),
        CodeErreur::TropLong { max } => {
            let max = *max;
            tu_string!(i18n, erreur_champ.trop_long, max).to_string()
        }
        CodeErreur::LoyerImplausible { min, max } => {
            let (min, max) = (min.euros_entiers(), max.euros_entiers());
            tu_string!(i18n, erreur_champ.loyer_implausible, min, max).to_string()
        }
        CodeErreur::Fige => tu_string!(i18n, erreur_champ.fige).to_string(),
        CodeErreur::CaracteresInterdits => {
            tu_string!(i18n, erreur_champ.caracteres_interdits).to_string()
        }
    }
}

/// What kind of number a field holds, to say how to write it.
enum GenreNombre {
    Surface,
    Montant,
    Age,
    Entier,
}

fn genre_de_nombre(champ: &str) -> GenreNombre {
    let nom = champ.rsplit('.').next().unwrap_or(champ);
    match nom {
        "surface" => GenreNombre::Surface,
        "age" => GenreNombre::Age,
        "rfr_n2"
        | "rfr_n1"
        | "douze_derniers_mois"
        | "ressources_mensuelles"
        | "loyer_charges"
        | "aide_logement"
        | "loyer"
        | "charges" => GenreNombre::Montant,
        _ => GenreNombre::Entier,
    }
}

fn est_une_date(champ: &str) -> bool {
    matches!(
        champ.rsplit('.').next().unwrap_or(champ),
        "date_depot" | "ouverture" | "cloture" | "en_vigueur_le"
    )
}

/// A declared situation, as the form says it.
pub fn situation(i18n: I18nContext<Locale>, s: clef_domain::demande::Situation) -> String {
    use clef_domain::demande::Situation::*;
    match s {
        Dalo => tu_string!(i18n, situation.dalo),
        Handicap => tu_string!(i18n, situation.handicap),
        SortieAct => tu_string!(i18n, situation.sortie_act),
        DifficultesFinancieres => tu_string!(i18n, situation.difficultes_financieres),
        SortieHebergement => tu_string!(i18n, situation.sortie_hebergement),
        RepriseActivite => tu_string!(i18n, situation.reprise_activite),
        LogementIndigne => tu_string!(i18n, situation.logement_indigne),
        ViolencesConjugales => tu_string!(i18n, situation.violences_conjugales),
        MariageForce => tu_string!(i18n, situation.mariage_force),
        ViolencesSexuelles => tu_string!(i18n, situation.violences_sexuelles),
        ProstitutionTraite => tu_string!(i18n, situation.prostitution_traite),
        SurOccupationAvecEnfant => tu_string!(i18n, situation.sur_occupation),
        SansLogement => tu_string!(i18n, situation.sans_logement),
        MenaceExpulsion => tu_string!(i18n, situation.menace_expulsion),
        SortieAse => tu_string!(i18n, situation.sortie_ase),
        RapprochementTravail => tu_string!(i18n, situation.rapprochement_travail),
        Separation => tu_string!(i18n, situation.separation),
        HebergeChezParents => tu_string!(i18n, situation.heberge_chez_parents),
        RelogementRenouvellementUrbain => {
            tu_string!(i18n, situation.relogement_renouvellement_urbain)
        }
        RelogementOrcod => tu_string!(i18n, situation.relogement_orcod),
        Mutation => tu_string!(i18n, situation.mutation),
    }
    .to_string()
}

/// How a member relates to the applicant.
pub fn lien(i18n: I18nContext<Locale>, l: clef_domain::demande::Lien) -> String {
    use clef_domain::demande::Lien::*;
    match l {
        Demandeur => tu_string!(i18n, dossier.lien_demandeur),
        Conjoint => tu_string!(i18n, dossier.lien_conjoint),
        Enfant => tu_string!(i18n, dossier.lien_enfant),
        Ascendant => tu_string!(i18n, dossier.lien_ascendant),
        Autre => tu_string!(i18n, dossier.lien_autre),
    }
    .to_string()
}

/// What a mandate lets an advisor do.
pub fn acte(i18n: I18nContext<Locale>, acte: clef_domain::mandat::Acte) -> String {
    use clef_domain::mandat::Acte;
    match acte {
        Acte::Consulter => tu_string!(i18n, mandats.acte_consulter),
        Acte::RemplirFoyer => tu_string!(i18n, mandats.acte_remplir_foyer),
        Acte::Candidater => tu_string!(i18n, mandats.acte_candidater),
    }
    .to_string()
}

/// A social-mix target, as the dashboards name it.
pub fn libelle_cible(i18n: I18nContext<Locale>, cible: clef_domain::mixite::Cible) -> String {
    use clef_domain::mixite::Cible;
    match cible {
        Cible::Q1HorsQpv => tu_string!(i18n, bailleur.cible_q1_hors_qpv).to_string(),
        Cible::AutresQuartilesEnQpv => tu_string!(i18n, bailleur.cible_autres_en_qpv).to_string(),
        Cible::Prioritaires { reservataire: r } => {
            let qui = reservataire(i18n, r);
            tu_string!(i18n, bailleur.cible_prioritaires, qui).to_string()
        }
    }
}

/// A programme's fragility class under the ACI.
pub fn fragilite(i18n: I18nContext<Locale>, f: clef_domain::fragilite::Fragilite) -> String {
    use clef_domain::fragilite::Fragilite;
    match f {
        Fragilite::Fragile => tu_string!(i18n, mixite.fragile),
        Fragilite::ASurveiller => tu_string!(i18n, mixite.a_surveiller),
        Fragilite::Equilibre => tu_string!(i18n, mixite.equilibre),
    }
    .to_string()
}

/// Whether `n` takes the singular: 0 and 1 in French, 1 in English.
pub fn singulier(i18n: I18nContext<Locale>, n: u64) -> bool {
    match i18n.get_locale_untracked() {
        Locale::fr => n <= 1,
        Locale::en => n == 1,
    }
}

/// A rank or a floor as the language writes it: `1er`, `2e`; `1st`, `2nd`, `3rd`, `11th`.
pub fn ordinal(i18n: I18nContext<Locale>, n: u32) -> String {
    match i18n.get_locale_untracked() {
        Locale::fr if n == 1 => "1er".to_owned(),
        Locale::fr => format!("{n}e"),
        Locale::en => {
            let suffixe = match (n % 10, n % 100) {
                (_, 11..=13) => "th",
                (1, _) => "st",
                (2, _) => "nd",
                (3, _) => "rd",
                _ => "th",
            };
            format!("{n}{suffixe}")
        }
    }
}

/// `1 personne`, `3 personnes`.
pub fn personnes(i18n: I18nContext<Locale>, n: u64) -> String {
    if singulier(i18n, n) {
        tu_string!(i18n, nombre.personnes_un, n).to_string()
    } else {
        tu_string!(i18n, nombre.personnes, n).to_string()
    }
}

/// `1 pièce`, `3 pièces`.
pub fn pieces(i18n: I18nContext<Locale>, n: u64) -> String {
    if singulier(i18n, n) {
        tu_string!(i18n, nombre.pieces_un, n).to_string()
    } else {
        tu_string!(i18n, nombre.pieces, n).to_string()
    }
}

/// `1 point`, `7 points`.
pub fn points(i18n: I18nContext<Locale>, n: u64) -> String {
    if singulier(i18n, n) {
        tu_string!(i18n, nombre.points_un, n).to_string()
    } else {
        tu_string!(i18n, nombre.points, n).to_string()
    }
}

/// Why fewer than three candidates were examined (R.441-3).
pub fn exception_trois(
    i18n: I18nContext<Locale>,
    e: clef_domain::api::ExceptionTroisCandidats,
) -> String {
    use clef_domain::api::ExceptionTroisCandidats::*;
    match e {
        InsuffisanceCandidats => tu_string!(i18n, decision.exception_insuffisance),
        DesignationPrefet => tu_string!(i18n, decision.exception_prefet),
        LogementPlaiAdapte => tu_string!(i18n, decision.exception_plai_adapte),
    }
    .to_string()
}

pub fn motif_non_attribution(
    i18n: I18nContext<Locale>,
    m: clef_domain::api::MotifNonAttribution,
) -> String {
    use clef_domain::api::MotifNonAttribution::*;
    match m {
        AutreCandidatRetenu => tu_string!(i18n, decision.motif_autre_candidat),
        DossierIncomplet => tu_string!(i18n, decision.motif_dossier_incomplet),
        LogementInadapte => tu_string!(i18n, decision.motif_inadapte),
        TauxEffortExcessif => tu_string!(i18n, decision.motif_taux_effort),
    }
    .to_string()
}

pub fn motif_irrecevabilite(
    i18n: I18nContext<Locale>,
    m: clef_domain::api::MotifIrrecevabilite,
) -> String {
    use clef_domain::api::MotifIrrecevabilite::*;
    match m {
        PlafondDepasse => tu_string!(i18n, decision.motif_plafond),
        ConditionSejour => tu_string!(i18n, decision.motif_sejour),
    }
    .to_string()
}

pub fn piece(i18n: I18nContext<Locale>, p: clef_domain::api::PieceJustificative) -> String {
    use clef_domain::api::PieceJustificative::*;
    match p {
        Identite => tu_string!(i18n, decision.piece_identite),
        TitreSejour => tu_string!(i18n, decision.piece_titre_sejour),
        AvisImposition => tu_string!(i18n, decision.piece_avis_imposition),
        JustificatifRessources => tu_string!(i18n, decision.piece_ressources),
        SituationFamiliale => tu_string!(i18n, decision.piece_situation_familiale),
        LogementActuel => tu_string!(i18n, decision.piece_logement_actuel),
    }
    .to_string()
}

/// A decision as the public result says it.
pub fn decision_publiee(i18n: I18nContext<Locale>, d: clef_domain::api::DecisionPubliee) -> String {
    use clef_domain::api::DecisionPubliee::*;
    match d {
        Attribution { rang } => tu_string!(i18n, decision.attribution_rang, rang).to_string(),
        AttributionSousCondition { rang, remplie } => {
            let suite = match remplie {
                None => tu_string!(i18n, decision.condition_en_cours),
                Some(true) => tu_string!(i18n, decision.condition_remplie),
                Some(false) => tu_string!(i18n, decision.condition_caduque),
            };
            tu_string!(i18n, decision.sous_condition_rang, rang, suite).to_string()
        }
        NonAttribution { motif } => {
            let motif = motif_non_attribution(i18n, motif);
            tu_string!(i18n, decision.non_attribution, motif).to_string()
        }
        Irrecevabilite => tu_string!(i18n, decision.irrecevabilite_publiee).to_string(),
    }
}
