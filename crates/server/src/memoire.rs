//! Answers computed from many rows (a search's page and count, the open-data file, the
//! social-mix dashboard), kept until what they read changes. The database numbers each
//! change (`stockage::versions`, moved by triggers in the writing transaction, whichever
//! instance wrote): an answer is served again only while that number is the one it was
//! computed at. Each store holds a bounded number of answers and starts afresh when full.

use crate::stockage::versions::{self, Donnees};
use crate::stockage::{self, Erreur};
use axum::body::Bytes;
use clef_domain::Jour;
use clef_domain::api::PageOffres;
use clef_domain::recherche::Recherche;
use clef_domain::ventilation::TableauMixite;
use sha2::{Digest, Sha256};
use sqlx::AnyPool;
use std::collections::HashMap;
use std::hash::Hash;
use std::sync::{Arc, Mutex};

/// Answers by key, each with the version of the data it was computed from.
pub struct Memoire<K, V> {
    entrees: Mutex<HashMap<K, (i64, V)>>,
    /// One lock per key being computed: requests that miss together wait for the first
    /// one's answer instead of all computing it (fifty at once under load).
    en_calcul: Mutex<HashMap<K, Arc<tokio::sync::Mutex<()>>>>,
    capacite: usize,
}

impl<K: Eq + Hash + Clone, V: Clone> Memoire<K, V> {
    pub fn new(capacite: usize) -> Self {
        Memoire {
            entrees: Mutex::new(HashMap::new()),
            en_calcul: Mutex::new(HashMap::new()),
            capacite,
        }
    }

    /// The answer kept for `cle`, if computed at `version`.
    pub fn lire(&self, cle: &K, version: i64) -> Option<V> {
        let entrees = self.entrees.lock().unwrap_or_else(|e| e.into_inner());
        entrees
            .get(cle)
            .filter(|(v, _)| *v == version)
            .map(|(_, valeur)| valeur.clone())
    }

    /// Keeps an answer computed at `version`.
    pub fn garder(&self, cle: K, version: i64, valeur: V) {
        let mut entrees = self.entrees.lock().unwrap_or_else(|e| e.into_inner());
        if entrees.len() >= self.capacite && !entrees.contains_key(&cle) {
            entrees.clear();
        }
        entrees.insert(cle, (version, valeur));
    }

    /// The answer for `cle` at `version`: kept, or computed once by `calculer` while
    /// others asking for the same key wait for it.
    pub async fn obtenir<E>(
        &self,
        cle: K,
        version: i64,
        calculer: impl AsyncFnOnce() -> Result<V, E>,
    ) -> Result<V, E> {
        if let Some(valeur) = self.lire(&cle, version) {
            return Ok(valeur);
        }
        let verrou = {
            let mut en_calcul = self.en_calcul.lock().unwrap_or_else(|e| e.into_inner());
            Arc::clone(en_calcul.entry(cle.clone()).or_default())
        };
        // However this ends (answered, failed, or the request dropped while waiting or
        // computing), the key's lock leaves the map with the last one holding it.
        let _sortie = Sortie {
            memoire: self,
            cle: &cle,
            verrou: &verrou,
        };
        let _tour = verrou.lock().await;
        // The one before may have computed it meanwhile.
        if let Some(valeur) = self.lire(&cle, version) {
            return Ok(valeur);
        }
        let valeur = calculer().await?;
        self.garder(cle.clone(), version, valeur.clone());
        Ok(valeur)
    }
}

/// Removes a key's lock from the map of computations when no one else waits on it.
struct Sortie<'a, K: Eq + Hash, V> {
    memoire: &'a Memoire<K, V>,
    cle: &'a K,
    verrou: &'a Arc<tokio::sync::Mutex<()>>,
}

impl<K: Eq + Hash, V> Drop for Sortie<'_, K, V> {
    fn drop(&mut self) {
        let mut en_calcul = self
            .memoire
            .en_calcul
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        // Two references: the map's and this one's; more means others still wait.
        if en_calcul
            .get(self.cle)
            .is_some_and(|v| Arc::ptr_eq(v, self.verrou) && Arc::strong_count(v) <= 2)
        {
            en_calcul.remove(self.cle);
        }
    }
}

/// A file served whole, with the digest of its content (its `ETag`: the same content has
/// the same tag on every instance, after a restart or a restore).
#[derive(Clone)]
pub struct Fichier {
    pub empreinte: Arc<str>,
    pub octets: Bytes,
}

impl Fichier {
    pub fn new(octets: Vec<u8>) -> Fichier {
        let empreinte: String = Sha256::digest(&octets)
            .iter()
            .take(16)
            .map(|o| format!("{o:02x}"))
            .collect();
        Fichier {
            empreinte: empreinte.into(),
            octets: Bytes::from(octets),
        }
    }
}

/// Every store of the server.
pub struct Memoires {
    /// Search pages by criteria and day (a listing's state depends on the day).
    recherches: Memoire<(Recherche, Jour), Arc<PageOffres>>,
    /// The open-data CSV.
    donnees_ouvertes: Memoire<(), Fichier>,
    /// The social-mix dashboard by territory.
    mixite: Memoire<String, Arc<TableauMixite>>,
}

impl Memoires {
    /// One page of the search, computed again only after a listing changed, or the day.
    pub async fn page(
        &self,
        base: &AnyPool,
        recherche: &Recherche,
        aujourdhui: Jour,
    ) -> Result<Arc<PageOffres>, Erreur> {
        // Read before computing: an answer is never kept under a newer number than its data.
        let version = versions::lire(base, Donnees::Offres).await?;
        self.recherches
            .obtenir((recherche.clone(), aujourdhui), version, async || {
                Ok(Arc::new(
                    stockage::offres::rechercher(base, recherche, aujourdhui).await?,
                ))
            })
            .await
    }

    /// The open-data file, written again only after a letting (or what it counts) changed.
    pub async fn donnees_ouvertes<E>(
        &self,
        base: &AnyPool,
        ecrire: impl AsyncFnOnce() -> Result<Vec<u8>, E>,
    ) -> Result<Fichier, E>
    where
        E: From<Erreur>,
    {
        let version = versions::lire(base, Donnees::Locations).await?;
        self.donnees_ouvertes
            .obtenir((), version, async || {
                Ok::<_, E>(Fichier::new(ecrire().await?))
            })
            .await
    }

    /// A territory's social-mix dashboard, computed again only after a letting (or what it
    /// counts) changed.
    pub async fn mixite<E>(
        &self,
        base: &AnyPool,
        territoire: &str,
        calculer: impl AsyncFnOnce() -> Result<TableauMixite, E>,
    ) -> Result<Arc<TableauMixite>, E>
    where
        E: From<Erreur>,
    {
        let version = versions::lire(base, Donnees::Locations).await?;
        self.mixite
            .obtenir(territoire.to_owned(), version, async || {
                Ok(Arc::new(calculer().await?))
            })
            .await
    }
}

impl Default for Memoires {
    fn default() -> Self {
        Memoires {
            // A page is a few kilobytes: at most a few megabytes in all.
            recherches: Memoire::new(2_000),
            donnees_ouvertes: Memoire::new(1),
            mixite: Memoire::new(16),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Memoire;

    #[test]
    fn an_answer_is_served_only_at_the_version_it_was_computed_at() {
        let m = Memoire::new(2);
        m.garder("a", 1, 10);
        assert_eq!(m.lire(&"a", 1), Some(10));
        assert_eq!(m.lire(&"a", 2), None);
        assert_eq!(m.lire(&"b", 1), None);
    }

    #[test]
    fn a_full_store_starts_afresh_and_never_grows_past_its_capacity() {
        let m = Memoire::new(2);
        m.garder("a", 1, 1);
        m.garder("b", 1, 2);
        m.garder("b", 2, 3);
        assert_eq!(m.lire(&"a", 1), Some(1), "replacing a key keeps the others");
        m.garder("c", 1, 4);
        assert_eq!(m.lire(&"a", 1), None);
        assert_eq!(m.lire(&"c", 1), Some(4));
        assert!(m.entrees.lock().map(|e| e.len()).unwrap_or(0) <= 2);
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn requests_that_miss_together_compute_the_answer_once() {
        use std::sync::Arc;
        use std::sync::atomic::{AtomicUsize, Ordering};
        let m = Arc::new(Memoire::<&str, usize>::new(4));
        let calculs = Arc::new(AtomicUsize::new(0));
        let taches: Vec<_> = (0..50)
            .map(|_| {
                let (m, calculs) = (Arc::clone(&m), Arc::clone(&calculs));
                tokio::spawn(async move {
                    m.obtenir("page", 7, async || {
                        calculs.fetch_add(1, Ordering::SeqCst);
                        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
                        Ok::<_, ()>(42)
                    })
                    .await
                })
            })
            .collect();
        for t in taches {
            assert_eq!(t.await.ok(), Some(Ok(42)));
        }
        assert_eq!(calculs.load(Ordering::SeqCst), 1);
        // A newer version is computed again; a failure is not kept.
        assert_eq!(
            m.obtenir("page", 8, async || Err::<usize, _>("panne"))
                .await,
            Err("panne")
        );
        assert_eq!(m.obtenir("page", 8, async || Ok::<_, ()>(43)).await, Ok(43));
        assert!(m.en_calcul.lock().map(|e| e.is_empty()).unwrap_or(false));
    }

    #[tokio::test]
    async fn a_request_dropped_while_computing_leaves_nothing_behind() {
        use std::sync::Arc;
        let m = Arc::new(Memoire::<&str, usize>::new(4));
        let calcul = {
            let m = Arc::clone(&m);
            tokio::spawn(async move {
                m.obtenir("page", 1, async || {
                    std::future::pending::<()>().await;
                    Ok::<_, ()>(0)
                })
                .await
            })
        };
        tokio::task::yield_now().await;
        while m.en_calcul.lock().map(|e| e.is_empty()).unwrap_or(true) {
            tokio::task::yield_now().await;
        }
        calcul.abort();
        assert!(calcul.await.is_err(), "cancelled");
        assert!(m.en_calcul.lock().map(|e| e.is_empty()).unwrap_or(false));
        assert_eq!(m.obtenir("page", 1, async || Ok::<_, ()>(5)).await, Ok(5));
    }
}
