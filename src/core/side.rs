//! The two sides of a pair: `Side` to choose one, `Sides<T>` to hold one value for each.

use std::ops::{Index, IndexMut};

use serde::{Deserialize, Serialize};

/// One side of a pair: the text (left) or its translation (right), as shown in the window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    Left,
    Right,
}

impl Side {
    /// Both sides, left first: the reading order of a row.
    pub const BOTH: [Side; 2] = [Side::Left, Side::Right];

    /// The side across.
    pub fn other(self) -> Side {
        match self {
            Side::Left => Side::Right,
            Side::Right => Side::Left,
        }
    }

    /// `"left"` or `"right"`, as in the JSON output and messages.
    pub fn name(self) -> &'static str {
        match self {
            Side::Left => "left",
            Side::Right => "right",
        }
    }
}

/// One value per side. Serialised as a two-element array `[left, right]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(from = "[T; 2]", into = "[T; 2]")]
#[serde(bound(serialize = "T: Clone + Serialize", deserialize = "T: Deserialize<'de>"))]
pub struct Sides<T> {
    pub left: T,
    pub right: T,
}

impl<T> Sides<T> {
    pub const fn new(left: T, right: T) -> Self {
        Sides { left, right }
    }

    /// A value for each side, computed from the side.
    pub fn from_fn(mut f: impl FnMut(Side) -> T) -> Self {
        Sides { left: f(Side::Left), right: f(Side::Right) }
    }

    pub fn map<U>(self, mut f: impl FnMut(T) -> U) -> Sides<U> {
        Sides { left: f(self.left), right: f(self.right) }
    }

    pub fn as_ref(&self) -> Sides<&T> {
        Sides { left: &self.left, right: &self.right }
    }

    /// The two values with their sides, left first.
    pub fn iter(&self) -> impl Iterator<Item = (Side, &T)> {
        [(Side::Left, &self.left), (Side::Right, &self.right)].into_iter()
    }

    /// The same values, each on the other side.
    pub fn swapped(self) -> Self {
        Sides { left: self.right, right: self.left }
    }
}

impl<T> Index<Side> for Sides<T> {
    type Output = T;
    fn index(&self, side: Side) -> &T {
        match side {
            Side::Left => &self.left,
            Side::Right => &self.right,
        }
    }
}

impl<T> IndexMut<Side> for Sides<T> {
    fn index_mut(&mut self, side: Side) -> &mut T {
        match side {
            Side::Left => &mut self.left,
            Side::Right => &mut self.right,
        }
    }
}

impl<T> From<[T; 2]> for Sides<T> {
    fn from([left, right]: [T; 2]) -> Self {
        Sides { left, right }
    }
}

impl<T> From<Sides<T>> for [T; 2] {
    fn from(s: Sides<T>) -> Self {
        [s.left, s.right]
    }
}

/// `read` of each side, the two on two threads when they hold more than `threshold` items
/// together (a thread costs more than a short side takes).
pub fn both_sides<T: Sync, R: Send>(
    left: &[T],
    right: &[T],
    threshold: usize,
    read: impl Fn(&[T]) -> R + Sync,
) -> (R, R) {
    if left.len() + right.len() <= threshold {
        return (read(left), read(right));
    }
    std::thread::scope(|s| {
        let right = s.spawn(|| read(right));
        let left = read(left);
        (left, right.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sides_index_swap_and_serialise_as_a_pair() {
        let mut s = Sides::new(1, 2);
        s[Side::Right] += 10;
        assert_eq!((s[Side::Left], s[Side::Right]), (1, 12));
        assert_eq!(s.swapped(), Sides::new(12, 1));
        assert_eq!(Side::Left.other(), Side::Right);
        assert_eq!(serde_json::to_string(&s).unwrap(), "[1,12]");
        let back: Sides<Option<String>> = serde_json::from_str(r#"[null,"Noto"]"#).unwrap();
        assert_eq!(back.right.as_deref(), Some("Noto"));
        assert_eq!(Sides::from_fn(Side::name), Sides::new("left", "right"));
    }
}
