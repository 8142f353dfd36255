use super::{Code, serde_par_code};

/// The energy label of the home (diagnostic de performance énergétique), A best to G worst.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EtiquetteDpe {
    A,
    B,
    C,
    D,
    E,
    F,
    G,
}

impl Code for EtiquetteDpe {
    const TOUS: &'static [Self] = &[
        EtiquetteDpe::A,
        EtiquetteDpe::B,
        EtiquetteDpe::C,
        EtiquetteDpe::D,
        EtiquetteDpe::E,
        EtiquetteDpe::F,
        EtiquetteDpe::G,
    ];

    fn code(self) -> &'static str {
        match self {
            EtiquetteDpe::A => "A",
            EtiquetteDpe::B => "B",
            EtiquetteDpe::C => "C",
            EtiquetteDpe::D => "D",
            EtiquetteDpe::E => "E",
            EtiquetteDpe::F => "F",
            EtiquetteDpe::G => "G",
        }
    }
}

serde_par_code!(EtiquetteDpe);
