//! Ranking 10,000 candidates for one listing with the demonstration grid (target: under
//! 10 ms). Run by `cargo xtask bench`, which records the result in BENCHMARKS.md.

use clef_domain::classement::{Candidature, classer};
use clef_domain::cotation::{Contexte, grille_bethune};
use clef_domain::demande::{
    Demande, Lien, LogementActuel, Membre, Menage, NumeroUnique, Ressources, Situation,
};
use clef_domain::offre::Code;
use clef_domain::simulation::{Changement, Terrain, simuler};
use clef_domain::{Euros, Surface, jour};
use criterion::{Criterion, criterion_group, criterion_main};

#[path = "../tests/commun/mod.rs"]
mod commun;
use std::hint::black_box;

/// A small deterministic generator: the same field on every run.
struct Alea(u64);

impl Alea {
    fn suivant(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % n
    }
}

fn candidats(n: u64) -> Vec<Candidature> {
    let mut alea = Alea(62_400);
    (0..n)
        .map(|id| {
            let mut membres = vec![Membre {
                age: 20 + alea.suivant(50) as u8,
                lien: Lien::Demandeur,
                a_charge: false,
                carte_invalidite: false,
                ressources_mensuelles: None,
            }];
            for _ in 0..alea.suivant(5) {
                membres.push(Membre {
                    age: alea.suivant(18) as u8,
                    lien: Lien::Enfant,
                    a_charge: true,
                    carte_invalidite: alea.suivant(20) == 0,
                    ressources_mensuelles: None,
                });
            }
            let situations = (0..alea.suivant(3))
                .map(|_| Situation::TOUS[alea.suivant(Situation::TOUS.len() as u64) as usize])
                .collect();
            Candidature {
                id,
                demande: Demande {
                    numero_unique: NumeroUnique::parse("062231100012345678").unwrap(),
                    date_depot: jour!(2026, 11, 22).plus_jours(-(alea.suivant(2_000) as i32)),
                    menage: Menage::new(membres).unwrap(),
                    ressources: Ressources {
                        rfr_n2: Euros::from_euros(5_000 + alea.suivant(40_000) as i64),
                        rfr_n1: None,
                        douze_derniers_mois: None,
                    },
                    logement_actuel: LogementActuel {
                        loyer_charges: Some(Euros::from_euros(300 + alea.suivant(600) as i64)),
                        aide_logement: Some(Euros::from_euros(alea.suivant(250) as i64)),
                        surface: Some(Surface::from_dixiemes(200 + alea.suivant(900) as u32)),
                    },
                    situations,
                },
                aide_estimee: Euros::ZERO,
            }
        })
        .collect()
}

fn classement(c: &mut Criterion) {
    let logement = commun::logement(false);
    let territoire = commun::territoire();
    let contexte = Contexte {
        jour: jour!(2026, 11, 22),
        logement: &logement,
        territoire: &territoire,
    };
    let grille = grille_bethune();
    let field = candidats(10_000);
    c.bench_function("classer_10000", |b| {
        b.iter(|| classer(black_box(&field), &grille, &contexte))
    });

    let classe = classer(&field, &grille, &contexte);
    let moi = &field[0];
    let terrain = Terrain::depuis(&classe, moi);
    let changements = [Changement::AjouterSituation {
        situation: Situation::Dalo,
    }];
    c.bench_function("simuler_dans_10000", |b| {
        b.iter(|| simuler(black_box(moi), &changements, &terrain, &grille, &contexte))
    });
}

criterion_group!(benches, classement);
criterion_main!(benches);
