//! The demonstration territory: real names of communes of the Béthune-Bruay agglomeration
//! and of Béthune's two priority neighbourhoods (QPV); invented landlords and streets.

pub struct CommuneDemo {
    pub slug: &'static str,
    pub nom: &'static str,
    pub qpv: &'static [&'static str],
    /// Invented street names, for invented addresses.
    pub rues: &'static [&'static str],
    /// Relative share of the listings.
    pub poids: u32,
}

pub const TERRITOIRE: (&str, &str) = (
    "bethune-bruay",
    "Communauté d'agglomération de Béthune-Bruay, Artois-Lys Romane",
);

pub const QPV_MONT_LIEBAUT: &str = "Mont-Liébaut";
pub const QPV_RUE_DE_LILLE: &str = "Rue de Lille";

/// The streets of each QPV (invented, but for the one the QPV is named after): a listing's
/// QPV is computed from its address against this list.
pub const QPV_VOIES: &[(&str, &[&str])] = &[
    (
        QPV_MONT_LIEBAUT,
        &[
            "avenue du Mont-Liébaut",
            "allée des Sorbiers",
            "square des Hirondelles",
        ],
    ),
    (QPV_RUE_DE_LILLE, &["rue de Lille", "impasse des Brasseurs"]),
];

/// The street of the `n`-th listing placed in `qpv`.
pub fn voie_du_qpv(qpv: &str, n: usize) -> &'static str {
    QPV_VOIES
        .iter()
        .find(|(nom, _)| *nom == qpv)
        .map(|(_, voies)| voies[n % voies.len()])
        .unwrap_or("rue de Lille")
}

pub const COMMUNES: &[CommuneDemo] = &[
    CommuneDemo {
        slug: "bethune",
        nom: "Béthune",
        qpv: &[QPV_MONT_LIEBAUT, QPV_RUE_DE_LILLE],
        rues: &[
            "rue des Tilleuls",
            "allée des Peupliers",
            "rue du Beffroi",
            "résidence du Parc",
        ],
        poids: 8,
    },
    CommuneDemo {
        slug: "bruay-la-buissiere",
        nom: "Bruay-la-Buissière",
        qpv: &[],
        rues: &["rue des Mineurs", "cité des Fleurs", "avenue de la Gare"],
        poids: 5,
    },
    CommuneDemo {
        slug: "beuvry",
        nom: "Beuvry",
        qpv: &[],
        rues: &["rue du Marais", "allée des Saules"],
        poids: 3,
    },
    CommuneDemo {
        slug: "annezin",
        nom: "Annezin",
        qpv: &[],
        rues: &["rue du Canal", "clos des Aubépines"],
        poids: 2,
    },
    CommuneDemo {
        slug: "lillers",
        nom: "Lillers",
        qpv: &[],
        rues: &["rue de la Collégiale", "résidence des Prés"],
        poids: 3,
    },
    CommuneDemo {
        slug: "auchel",
        nom: "Auchel",
        qpv: &[],
        rues: &["rue des Corons", "allée du Terril"],
        poids: 3,
    },
    CommuneDemo {
        slug: "isbergues",
        nom: "Isbergues",
        qpv: &[],
        rues: &["rue des Forges", "square des Acacias"],
        poids: 2,
    },
    CommuneDemo {
        slug: "fouquieres-les-bethune",
        nom: "Fouquières-lès-Béthune",
        qpv: &[],
        rues: &["rue des Vergers"],
        poids: 1,
    },
    CommuneDemo {
        slug: "chocques",
        nom: "Chocques",
        qpv: &[],
        rues: &["rue de la Clarence"],
        poids: 1,
    },
    CommuneDemo {
        slug: "divion",
        nom: "Divion",
        qpv: &[],
        rues: &["rue des Écoles", "cité du Moulin"],
        poids: 2,
    },
    CommuneDemo {
        slug: "houdain",
        nom: "Houdain",
        qpv: &[],
        rues: &["rue du Calvaire"],
        poids: 1,
    },
    CommuneDemo {
        slug: "barlin",
        nom: "Barlin",
        qpv: &[],
        rues: &["rue des Hirondelles", "allée des Charmes"],
        poids: 2,
    },
];

/// Invented landlords (slug, name).
pub const BAILLEURS: &[(&str, &str)] = &[
    ("logis-artois", "Logis de l'Artois"),
    ("toits-de-la-lys", "Les Toits de la Lys"),
    ("maisons-du-bassin", "Maisons du Bassin minier"),
];

/// Programmes the demo territory classed under its ACI (commune, name, street, class):
/// invented, on QPV streets of the demo listings.
pub const PROGRAMMES: &[(&str, &str, &str, &str)] = &[
    (
        "bethune",
        "Résidence des Sorbiers (démonstration)",
        "allée des Sorbiers",
        "fragile",
    ),
    (
        "bethune",
        "Résidence du Mont-Liébaut (démonstration)",
        "avenue du Mont-Liébaut",
        "a_surveiller",
    ),
    (
        "bethune",
        "Cour des Brasseurs (démonstration)",
        "impasse des Brasseurs",
        "equilibre",
    ),
];

/// Invented SRU inventories (commune, year, social homes, main residences, rate): the
/// shape of the real ones, not their figures.
pub const INVENTAIRES_SRU: &[(&str, i64, i64, i64, i64)] = &[
    ("bethune", 2025, 4_300, 12_900, 25),
    ("beuvry", 2025, 890, 4_100, 25),
    ("bruay-la-buissiere", 2025, 3_900, 10_600, 20),
];
