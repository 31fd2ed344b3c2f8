//! The snapshot's binary encoding: numbers as LEB128 varints, strings and lists with
//! their length first, options and enums as one tag byte. It is written and read by hand
//! because the model's serde attributes (`flatten`, `skip_serializing_if`) shape its JSON
//! for readers and rule out serde's compact formats, and JSON itself spends most of a
//! warm start scanning and unescaping strings.
//!
//! Reading never trusts a length: every list is bounded by the bytes left, so damaged
//! bytes give an error, never a huge allocation or a panic.

use super::input::{Damaged, Input};
use std::collections::BTreeMap;

/// Appends `value` as a varint.
fn put_varint(mut value: u64, out: &mut Vec<u8>) {
    while value >= 0x80 {
        out.push((value as u8) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

/// A value that can be written to and read back from the snapshot's bytes.
pub(super) trait Wire: Sized {
    /// Appends the value's bytes.
    fn put(&self, out: &mut Vec<u8>);
    /// Reads one value.
    fn take(input: &mut Input<'_>) -> Result<Self, Damaged>;
}

impl Wire for u8 {
    fn put(&self, out: &mut Vec<u8>) {
        out.push(*self);
    }
    fn take(input: &mut Input<'_>) -> Result<u8, Damaged> {
        input.byte()
    }
}

impl Wire for bool {
    fn put(&self, out: &mut Vec<u8>) {
        out.push(u8::from(*self));
    }
    fn take(input: &mut Input<'_>) -> Result<bool, Damaged> {
        match input.byte()? {
            0 => Ok(false),
            1 => Ok(true),
            _ => Err(Damaged("a flag that is neither 0 nor 1")),
        }
    }
}

impl Wire for u64 {
    fn put(&self, out: &mut Vec<u8>) {
        put_varint(*self, out);
    }
    fn take(input: &mut Input<'_>) -> Result<u64, Damaged> {
        input.varint()
    }
}

impl Wire for usize {
    fn put(&self, out: &mut Vec<u8>) {
        put_varint(*self as u64, out);
    }
    fn take(input: &mut Input<'_>) -> Result<usize, Damaged> {
        input.usize()
    }
}

impl Wire for u32 {
    fn put(&self, out: &mut Vec<u8>) {
        put_varint(u64::from(*self), out);
    }
    fn take(input: &mut Input<'_>) -> Result<u32, Damaged> {
        u32::try_from(input.varint()?).map_err(|_| Damaged("a number too large"))
    }
}

impl Wire for i32 {
    /// Zig-zag, so that small negative numbers stay short.
    fn put(&self, out: &mut Vec<u8>) {
        put_varint(u64::from(((*self << 1) ^ (*self >> 31)) as u32), out);
    }
    fn take(input: &mut Input<'_>) -> Result<i32, Damaged> {
        let zigzag = u32::take(input)?;
        Ok(((zigzag >> 1) as i32) ^ -((zigzag & 1) as i32))
    }
}

impl Wire for String {
    fn put(&self, out: &mut Vec<u8>) {
        self.len().put(out);
        out.extend_from_slice(self.as_bytes());
    }
    fn take(input: &mut Input<'_>) -> Result<String, Damaged> {
        Ok(input.str()?.to_owned())
    }
}

impl Wire for Box<str> {
    fn put(&self, out: &mut Vec<u8>) {
        self.len().put(out);
        out.extend_from_slice(self.as_bytes());
    }
    fn take(input: &mut Input<'_>) -> Result<Box<str>, Damaged> {
        Ok(input.str()?.into())
    }
}

impl<T: Wire> Wire for Option<T> {
    fn put(&self, out: &mut Vec<u8>) {
        match self {
            None => out.push(0),
            Some(value) => {
                out.push(1);
                value.put(out);
            }
        }
    }
    fn take(input: &mut Input<'_>) -> Result<Option<T>, Damaged> {
        match input.byte()? {
            0 => Ok(None),
            1 => Ok(Some(T::take(input)?)),
            _ => Err(Damaged("an option that is neither none nor some")),
        }
    }
}

/// Appends a list: its length, then each item.
pub(super) fn put_slice<T: Wire>(items: &[T], out: &mut Vec<u8>) {
    items.len().put(out);
    for item in items {
        item.put(out);
    }
}

impl<T: Wire> Wire for Vec<T> {
    fn put(&self, out: &mut Vec<u8>) {
        put_slice(self, out);
    }
    fn take(input: &mut Input<'_>) -> Result<Vec<T>, Damaged> {
        let n = input.length()?;
        let mut items = Vec::with_capacity(n);
        for _ in 0..n {
            items.push(T::take(input)?);
        }
        Ok(items)
    }
}

impl Wire for BTreeMap<String, String> {
    fn put(&self, out: &mut Vec<u8>) {
        self.len().put(out);
        for (key, value) in self {
            key.put(out);
            value.put(out);
        }
    }
    fn take(input: &mut Input<'_>) -> Result<Self, Damaged> {
        let n = input.length()?;
        let mut map = BTreeMap::new();
        for _ in 0..n {
            map.insert(String::take(input)?, String::take(input)?);
        }
        Ok(map)
    }
}

impl<A: Wire, B: Wire> Wire for (A, B) {
    fn put(&self, out: &mut Vec<u8>) {
        self.0.put(out);
        self.1.put(out);
    }
    fn take(input: &mut Input<'_>) -> Result<Self, Damaged> {
        Ok((A::take(input)?, B::take(input)?))
    }
}

impl<A: Wire, B: Wire, C: Wire> Wire for (A, B, C) {
    fn put(&self, out: &mut Vec<u8>) {
        self.0.put(out);
        self.1.put(out);
        self.2.put(out);
    }
    fn take(input: &mut Input<'_>) -> Result<Self, Damaged> {
        Ok((A::take(input)?, B::take(input)?, C::take(input)?))
    }
}

impl<const N: usize> Wire for [u8; N] {
    fn put(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(self);
    }
    fn take(input: &mut Input<'_>) -> Result<Self, Damaged> {
        let mut bytes = [0; N];
        bytes.copy_from_slice(input.bytes(N)?);
        Ok(bytes)
    }
}

/// Implements [`Wire`] for a struct, field by field in the order given. The pattern
/// names every field, so a field added to the struct and not here does not compile.
macro_rules! record {
    ($ty:ident { $($field:ident),* $(,)? }) => {
        impl Wire for $ty {
            fn put(&self, out: &mut Vec<u8>) {
                let $ty { $($field),* } = self;
                $($field.put(out);)*
            }
            fn take(input: &mut Input<'_>) -> Result<$ty, Damaged> {
                Ok($ty { $($field: Wire::take(input)?),* })
            }
        }
    };
}
pub(super) use record;

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn round_trip<T: Wire + PartialEq + std::fmt::Debug>(value: &T) {
        let mut out = Vec::new();
        value.put(&mut out);
        let mut input = Input::new(&out);
        assert_eq!(&T::take(&mut input).unwrap(), value);
        assert!(input.is_empty());
    }

    #[test]
    fn numbers_at_their_limits_come_back() {
        for n in [
            0u64,
            1,
            127,
            128,
            16_383,
            16_384,
            u64::from(u32::MAX),
            u64::MAX,
        ] {
            round_trip(&n);
        }
        for n in [0i32, -1, 1, i32::MIN, i32::MAX, 2025, -2025] {
            round_trip(&n);
        }
        round_trip(&usize::MAX);
    }

    #[test]
    fn a_varint_is_one_byte_below_128() {
        let mut out = Vec::new();
        127usize.put(&mut out);
        assert_eq!(out, [127]);
        128usize.put(&mut out);
        assert_eq!(out, [127, 0x80, 1]);
    }

    #[test]
    fn overlong_or_oversized_numbers_are_refused() {
        let eleven = [0xffu8; 11];
        assert!(u64::take(&mut Input::new(&eleven)).is_err());
        let over = [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x02];
        assert!(u64::take(&mut Input::new(&over)).is_err());
        let mut big = Vec::new();
        (u64::from(u32::MAX) + 1).put(&mut big);
        assert!(u32::take(&mut Input::new(&big)).is_err());
    }

    #[test]
    fn a_length_beyond_the_bytes_left_is_refused_before_allocating() {
        let mut out = Vec::new();
        (1usize << 60).put(&mut out);
        assert_eq!(
            Vec::<u8>::take(&mut Input::new(&out)).unwrap_err(),
            Damaged("a list longer than the bytes left")
        );
        assert!(String::take(&mut Input::new(&out)).is_err());
    }

    #[test]
    fn bad_tags_and_text_are_refused() {
        assert!(bool::take(&mut Input::new(&[2])).is_err());
        assert!(<Option<u8> as Wire>::take(&mut Input::new(&[7, 0])).is_err());
        assert!(String::take(&mut Input::new(&[2, 0xc3, 0x28])).is_err());
        assert!(<[u8; 32]>::take(&mut Input::new(&[0; 31])).is_err());
    }

    #[test]
    fn texts_either_side_of_the_short_length_are_checked_alike() {
        for n in [62, 63, 64, 65, 200] {
            round_trip(&"é".repeat(n / 2));
            round_trip(&"a".repeat(n));
            let mut bad = Vec::new();
            n.put(&mut bad);
            bad.extend(std::iter::repeat_n(b'a', n - 1));
            bad.push(0xc3);
            assert!(String::take(&mut Input::new(&bad)).is_err(), "length {n}");
        }
    }

    proptest! {
        #[test]
        fn values_come_back(
            words in proptest::collection::vec(".{0,12}", 0..6),
            numbers in proptest::collection::vec(any::<u64>(), 0..6),
            signed in any::<i32>(),
            maybe in proptest::option::of(any::<u32>()),
        ) {
            round_trip(&words);
            round_trip(&numbers);
            round_trip(&signed);
            round_trip(&maybe);
            round_trip(&(signed as usize, maybe, words.concat()));
        }

        #[test]
        fn any_bytes_read_without_panic(bytes in proptest::collection::vec(any::<u8>(), 0..64)) {
            let _ = Vec::<(String, Option<u32>, i32)>::take(&mut Input::new(&bytes));
            let _ = BTreeMap::<String, String>::take(&mut Input::new(&bytes));
        }
    }
}
