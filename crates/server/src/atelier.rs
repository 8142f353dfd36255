//! A workshop for heavy work (password hashes, photo decoding): a few threads that take
//! jobs from a bounded queue, one at a time each.
//!
//! Bounding the threads bounds the memory: argon2 takes 19 MiB per hash and a photo tens of
//! megabytes to decode, and the allocator keeps freed buffers per thread, so a burst handled
//! on hundreds of blocking threads left the server at gigabytes; here it is a few buffers,
//! reused. Bounding the queue bounds the wait: past its limit, the request is turned away at
//! once (503 with `Retry-After`) rather than queued for seconds.

use crate::probleme::ErreurApi;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, SyncSender, TrySendError, sync_channel};
use std::sync::{Arc, Mutex};

/// Password hashes waiting for a thread, at most.
pub const FILE_MAX: usize = 64;

type Travail = Box<dyn FnOnce() + Send>;

/// The workshop; clones share it. Its threads stop when the last clone is dropped.
#[derive(Clone)]
pub struct Atelier {
    file: SyncSender<Travail>,
    /// The most jobs seen running at once (for the tests).
    pic: Arc<AtomicUsize>,
}

impl Atelier {
    /// For password hashes: one thread per core (at most four), `FILE_MAX` waiting.
    pub fn hachages() -> Atelier {
        let postes = std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1)
            .clamp(1, 4);
        Atelier::new(postes, FILE_MAX)
    }

    /// For photos: one decoded at a time, a few waiting.
    pub fn photos() -> Atelier {
        Atelier::new(1, 4)
    }

    pub fn new(postes: usize, file_max: usize) -> Atelier {
        let (file, arrivee) = sync_channel::<Travail>(file_max);
        let arrivee = Arc::new(Mutex::new(arrivee));
        let en_cours = Arc::new(AtomicUsize::new(0));
        let pic = Arc::new(AtomicUsize::new(0));
        for numero in 0..postes.max(1) {
            let arrivee = arrivee.clone();
            let (en_cours, pic) = (en_cours.clone(), pic.clone());
            let lancement = std::thread::Builder::new()
                .name(format!("atelier-{numero}"))
                .spawn(move || poste(&arrivee, &en_cours, &pic));
            if let Err(e) = lancement {
                tracing::error!(erreur = %e, "fil de l'atelier non lancé");
            }
        }
        Atelier { file, pic }
    }

    /// Runs `f` in the workshop and waits for its result; `Occupe` when the queue is full.
    pub async fn faire<T: Send + 'static>(
        &self,
        f: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T, ErreurApi> {
        let (retour, resultat) = tokio::sync::oneshot::channel();
        let travail: Travail = Box::new(move || {
            let _ = retour.send(f());
        });
        match self.file.try_send(travail) {
            Ok(()) => {}
            Err(TrySendError::Full(_)) => return Err(ErreurApi::Occupe),
            Err(TrySendError::Disconnected(_)) => {
                return Err(ErreurApi::Interne("atelier arrêté".into()));
            }
        }
        resultat
            .await
            .map_err(|_| ErreurApi::Interne("travail de l'atelier interrompu".into()))
    }

    /// The most jobs that ran at once so far.
    pub fn pic(&self) -> usize {
        self.pic.load(Ordering::SeqCst)
    }
}

fn poste(arrivee: &Mutex<Receiver<Travail>>, en_cours: &AtomicUsize, pic: &AtomicUsize) {
    loop {
        // The lock is held while waiting: one idle thread waits at the queue, the others
        // wait for the lock; either way each job goes to one thread.
        let travail = match arrivee.lock() {
            Ok(file) => file.recv(),
            Err(_) => return,
        };
        let Ok(travail) = travail else { return };
        let maintenant = en_cours.fetch_add(1, Ordering::SeqCst) + 1;
        pic.fetch_max(maintenant, Ordering::SeqCst);
        travail();
        en_cours.fetch_sub(1, Ordering::SeqCst);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn past_the_queue_work_is_turned_away_and_never_runs_beyond_the_threads() {
        let atelier = Atelier::new(1, 1);
        let (liberer, attendre) = std::sync::mpsc::channel::<()>();
        let (commence, a_commence) = tokio::sync::oneshot::channel::<()>();
        // The thread is busy...
        let occupe = tokio::spawn({
            let atelier = atelier.clone();
            async move {
                atelier
                    .faire(move || {
                        let _ = commence.send(());
                        let _ = attendre.recv();
                        1
                    })
                    .await
            }
        });
        a_commence.await.unwrap();
        // ...one job waits (queued at its first poll)...
        let mut en_file = Box::pin(atelier.faire(|| 2));
        assert!(futures::poll!(&mut en_file).is_pending());
        // ...so the next is refused at once.
        assert!(matches!(atelier.faire(|| 3).await, Err(ErreurApi::Occupe)));
        liberer.send(()).unwrap();
        assert_eq!(occupe.await.unwrap().unwrap(), 1);
        assert_eq!(en_file.await.unwrap(), 2);
        assert_eq!(atelier.pic(), 1);
    }
}
