//! One hash for everything that is written down or compared across runs: FNV-1a, 64 bits, the
//! same from one build to the next (a project's recorded text, a flag's key, a recovery copy's
//! name), and quick for the short keys of the core's tables.

/// FNV-1a, 64 bits: a hash that stays the same from one build to the next.
#[derive(Debug, Clone, Copy)]
pub struct Fnv(pub u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv {
    pub fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= b as u64;
            self.0 = self.0.wrapping_mul(0x100_0000_01b3);
        }
    }
}

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        Fnv::write(self, bytes);
    }
}

/// A `HashMap`/`HashSet` hasher built on [`Fnv`].
pub type FnvBuild = std::hash::BuildHasherDefault<Fnv>;
