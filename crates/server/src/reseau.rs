//! How Clef is reached: directly, or behind a reverse proxy that ends TLS.
//!
//! Two explicit settings, never guessed from the listen address:
//! - the public address (`CLEF_URL_PUBLIQUE`): when it is `https://`, session cookies get
//!   `Secure` and answers carry `Strict-Transport-Security`;
//! - the trusted proxies (`CLEF_PROXYS_DE_CONFIANCE`, IP addresses): only a request whose
//!   socket comes from one of them has its `X-Forwarded-For` read, from the right, up to
//!   the first address that is not a trusted proxy. Anyone else's header is ignored, so a
//!   client cannot choose the address its rate limits are counted under.

use crate::application::Etat;
use axum::extract::FromRequestParts;
use axum::extract::connect_info::ConnectInfo;
use axum::http::request::Parts;
use std::convert::Infallible;
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reseau {
    /// The public address is `https://`.
    pub https: bool,
    /// The reverse proxies whose `X-Forwarded-For` is believed.
    pub proxys_de_confiance: Arc<[IpAddr]>,
}

/// The client's address, for rate limits and logs (without a socket, in tests: `inconnue`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AdresseClient(pub String);

impl Reseau {
    /// The client: the socket's address, or for a trusted proxy the last address it
    /// forwarded that is not itself a trusted proxy.
    pub fn client(&self, socket: Option<IpAddr>, transmis: &[&str]) -> Option<IpAddr> {
        let socket = socket?;
        if !self.proxys_de_confiance.contains(&socket) {
            return Some(socket);
        }
        let chaine = transmis
            .iter()
            .flat_map(|valeur| valeur.split(','))
            .map(str::trim)
            .collect::<Vec<_>>();
        let mut client = socket;
        for maillon in chaine.iter().rev() {
            match maillon.parse::<IpAddr>() {
                Ok(ip) if self.proxys_de_confiance.contains(&ip) => client = ip,
                Ok(ip) => return Some(ip),
                // A forged or garbled entry: the proxy's own view stops here.
                Err(_) => return Some(client),
            }
        }
        Some(client)
    }
}

impl FromRequestParts<Etat> for AdresseClient {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, etat: &Etat) -> Result<Self, Infallible> {
        let socket = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|c| c.0.ip());
        let transmis: Vec<&str> = parts
            .headers
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .collect();
        Ok(AdresseClient(
            etat.reseau
                .client(socket, &transmis)
                .map_or_else(|| "inconnue".to_owned(), |ip| ip.to_string()),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(texte: &str) -> IpAddr {
        texte.parse().unwrap()
    }

    fn derriere(proxys: &[&str]) -> Reseau {
        Reseau {
            https: true,
            proxys_de_confiance: proxys.iter().map(|p| ip(p)).collect(),
        }
    }

    #[test]
    fn without_trusted_proxies_the_socket_is_the_client_whatever_the_header_says() {
        let reseau = Reseau::default();
        assert_eq!(
            reseau.client(Some(ip("203.0.113.9")), &["198.51.100.1"]),
            Some(ip("203.0.113.9"))
        );
        assert_eq!(reseau.client(None, &["198.51.100.1"]), None);
    }

    #[test]
    fn behind_a_trusted_proxy_the_last_untrusted_forwarded_address_is_the_client() {
        let reseau = derriere(&["127.0.0.1", "10.0.0.2"]);
        // A client who forges the header's start only adds entries on the left.
        assert_eq!(
            reseau.client(Some(ip("127.0.0.1")), &["6.6.6.6, 203.0.113.9", "10.0.0.2"]),
            Some(ip("203.0.113.9"))
        );
        // No header: the proxy itself.
        assert_eq!(
            reseau.client(Some(ip("127.0.0.1")), &[]),
            Some(ip("127.0.0.1"))
        );
        // Garbage where an address should be: the nearest trusted hop.
        assert_eq!(
            reseau.client(Some(ip("127.0.0.1")), &["n'importe quoi"]),
            Some(ip("127.0.0.1"))
        );
        // An untrusted socket's header is never read.
        assert_eq!(
            reseau.client(Some(ip("192.0.2.7")), &["203.0.113.9"]),
            Some(ip("192.0.2.7"))
        );
    }
}
