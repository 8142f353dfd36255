use super::{Code, serde_par_code};

/// The size class of a home: T1 (one main room) to T6 (six main rooms or more).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Typologie {
    T1,
    T2,
    T3,
    T4,
    T5,
    T6,
}

impl Typologie {
    /// Number of main rooms the class stands for (T6 means six or more).
    pub const fn pieces(self) -> u8 {
        match self {
            Typologie::T1 => 1,
            Typologie::T2 => 2,
            Typologie::T3 => 3,
            Typologie::T4 => 4,
            Typologie::T5 => 5,
            Typologie::T6 => 6,
        }
    }
}

impl Code for Typologie {
    const TOUS: &'static [Self] = &[
        Typologie::T1,
        Typologie::T2,
        Typologie::T3,
        Typologie::T4,
        Typologie::T5,
        Typologie::T6,
    ];

    fn code(self) -> &'static str {
        match self {
            Typologie::T1 => "T1",
            Typologie::T2 => "T2",
            Typologie::T3 => "T3",
            Typologie::T4 => "T4",
            Typologie::T5 => "T5",
            Typologie::T6 => "T6",
        }
    }
}

serde_par_code!(Typologie);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typologie_reads_its_code_in_any_case() {
        assert_eq!(Typologie::depuis_code("t3"), Some(Typologie::T3));
        assert_eq!(Typologie::depuis_code("T6"), Some(Typologie::T6));
        assert_eq!(Typologie::depuis_code("T7"), None);
        assert_eq!(Typologie::depuis_code(""), None);
        assert_eq!(Typologie::T4.pieces(), 4);
    }
}
