//! Who is logged in, for the whole app. The session itself lives on the server (an
//! HttpOnly cookie the app cannot read); the app only asks "who am I" once at start, keeps
//! the answer in memory, and forgets it on log-out.

use crate::api;
use clef_domain::api::{Accompagnement, Role, SessionOuverte};
use leptos::prelude::*;
use leptos::task::spawn_local;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EtatSession {
    /// Not known yet (the first answer is on its way).
    Inconnue,
    Anonyme,
    Connecte(SessionOuverte),
}

#[derive(Clone, Copy)]
pub struct Session {
    pub etat: RwSignal<EtatSession>,
    /// Unread notifications, shown in the header.
    pub non_lues: RwSignal<u32>,
}

impl Session {
    /// Provides the session to the app and asks the server who is logged in.
    pub fn fournir() -> Session {
        let session = Session {
            etat: RwSignal::new(EtatSession::Inconnue),
            non_lues: RwSignal::new(0),
        };
        provide_context(session);
        spawn_local(async move {
            match api::session_ouverte().await {
                Ok(Some(ouverte)) => session.ouvrir(ouverte),
                Ok(None) | Err(_) => session.etat.set(EtatSession::Anonyme),
            }
        });
        session
    }

    pub fn utiliser() -> Session {
        use_context::<Session>().unwrap_or_else(|| Session {
            etat: RwSignal::new(EtatSession::Anonyme),
            non_lues: RwSignal::new(0),
        })
    }

    pub fn ouvrir(&self, ouverte: SessionOuverte) {
        api::retenir_csrf(Some(ouverte.csrf.clone()));
        self.etat.set(EtatSession::Connecte(ouverte));
    }

    /// Forgets everything about the person (after log-out, or when the server says the
    /// session ended).
    pub fn oublier(&self) {
        api::retenir_csrf(None);
        self.non_lues.set(0);
        self.etat.set(EtatSession::Anonyme);
    }

    pub fn demandeur(&self) -> bool {
        matches!(
            self.etat.get(),
            EtatSession::Connecte(SessionOuverte {
                role: Role::Demandeur,
                ..
            })
        )
    }

    pub fn bailleur(&self) -> bool {
        matches!(
            self.etat.get(),
            EtatSession::Connecte(SessionOuverte {
                role: Role::Bailleur,
                ..
            })
        )
    }

    pub fn territoire(&self) -> bool {
        matches!(
            self.etat.get(),
            EtatSession::Connecte(SessionOuverte {
                role: Role::Territoire,
                ..
            })
        )
    }

    pub fn conseiller(&self) -> bool {
        matches!(
            self.etat.get(),
            EtatSession::Connecte(SessionOuverte {
                role: Role::Conseiller,
                ..
            })
        )
    }

    /// The applicant an advisor acts for right now, under which mandate.
    pub fn accompagnement(&self) -> Option<Accompagnement> {
        match self.etat.get() {
            EtatSession::Connecte(s) => s.accompagnement,
            _ => None,
        }
    }

    /// An advisor acts for an applicant: the screens speak of "the applicant", not "you".
    pub fn pour_un_tiers(&self) -> bool {
        self.accompagnement().is_some()
    }

    /// Someone may use an applicant's file: the applicant, or an advisor acting for them.
    pub fn pour_demandeur(&self) -> bool {
        self.demandeur() || self.accompagnement().is_some()
    }

    /// Asks the server for the number of unread notifications.
    pub fn rafraichir_notifications(&self) {
        let non_lues = self.non_lues;
        spawn_local(async move {
            if let Ok(n) = api::notifications_non_lues().lire().await {
                non_lues.set(n.non_lues);
            }
        });
    }
}

/// Only a path of this app is a valid way back after log-in (no open redirect): it starts
/// with one `/` and holds only letters, digits, `-` and `/`.
pub fn retour_valide(retour: &str) -> Option<String> {
    let reste = retour.strip_prefix('/')?;
    let sur = !reste.starts_with('/')
        && reste
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'/');
    sur.then(|| retour.to_owned())
}

#[cfg(test)]
mod tests {
    use super::retour_valide;

    #[test]
    fn only_a_path_of_this_site_is_a_way_back() {
        assert_eq!(
            retour_valide("/logements/12").as_deref(),
            Some("/logements/12")
        );
        assert_eq!(
            retour_valide("/mes-candidatures").as_deref(),
            Some("/mes-candidatures")
        );
        assert_eq!(retour_valide("https://ailleurs.example/logements/12"), None);
        assert_eq!(retour_valide("//ailleurs.example"), None);
        assert_eq!(retour_valide("/logements/12/../../x"), None);
        assert_eq!(retour_valide("/x?y=z"), None);
        assert_eq!(retour_valide("javascript:alert(1)"), None);
    }
}
