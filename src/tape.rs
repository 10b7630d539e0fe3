//! Any `Serialize` value as a tape: one list of numbers and one text, which `boundary.js`
//! turns back into plain objects, arrays, strings, numbers, booleans and nulls, the value
//! `serde_json` would give. Two crossings of the wasm boundary per value, where building
//! the object from wasm takes one per field; and the serializer is a few pushes. Writing
//! the results this way instead of with serde-wasm-bindgen took 3.9 KB off the gzipped
//! wasm (77.4 to 73.5 KB).
//!
//! Each value is a tag, then: nothing (null, false, true), the number (number), the
//! length in UTF-16 code units of the next piece of text (string), or a count followed by
//! that many values (array) or keys and values (object; a key is a length, without a tag).

use alloc::string::{String, ToString};
use alloc::vec::Vec;
use core::fmt;

use serde::ser::{self, Serialize};

/// The tags, as `boundary.js` reads them.
const NULL: f64 = 0.0;
const FALSE: f64 = 1.0;
const TRUE: f64 = 2.0;
const NUMBER: f64 = 3.0;
const STRING: f64 = 4.0;
const ARRAY: f64 = 5.0;
const OBJECT: f64 = 6.0;

/// A value written as a tape.
#[derive(Debug, Default)]
pub(crate) struct Tape {
    pub numbers: Vec<f64>,
    pub text: String,
}

/// Why a value has no tape: a map key that is not a string, or a number too wide for
/// JavaScript. The model's outputs have neither.
#[derive(Debug)]
pub(crate) struct Error(String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl core::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: fmt::Display>(message: T) -> Error {
        Error(message.to_string())
    }
}

/// The tape of `value`.
pub(crate) fn tape<T: Serialize + ?Sized>(value: &T) -> Result<Tape, Error> {
    let mut tape = Tape::default();
    value.serialize(&mut tape)?;
    Ok(tape)
}

// The writing methods stay out of line, so that each type's `Serialize` calls them rather
// than carrying its own copy: 2.9 KB less gzipped wasm than inlined (76.4 to 73.5 KB).
impl Tape {
    #[inline(never)]
    fn tag(&mut self, tag: f64) {
        self.numbers.push(tag);
    }

    #[inline(never)]
    fn text(&mut self, s: &str) {
        self.numbers.push(s.encode_utf16().count() as f64);
        self.text.push_str(s);
    }

    #[inline(never)]
    fn string(&mut self, s: &str) {
        self.numbers.push(STRING);
        self.text(s);
    }

    #[inline(never)]
    fn number(&mut self, x: f64) {
        self.numbers.extend_from_slice(&[NUMBER, x]);
    }

    /// Starts an array or object; its count is written when it ends.
    #[inline(never)]
    fn open(&mut self, tag: f64) -> Counted<'_> {
        self.numbers.extend_from_slice(&[tag, 0.0]);
        Counted {
            at: self.numbers.len() - 1,
            tape: self,
        }
    }

    /// `{ variant: … }`, for the variants of an enum that carry values.
    #[inline(never)]
    fn variant(&mut self, variant: &str) -> Counted<'_> {
        self.numbers.extend_from_slice(&[OBJECT, 1.0]);
        self.text(variant);
        self.open(ARRAY)
    }
}

/// An array or object being written: where its count goes.
pub(crate) struct Counted<'a> {
    tape: &'a mut Tape,
    at: usize,
}

impl Counted<'_> {
    #[inline(never)]
    fn count(&mut self) {
        self.tape.numbers[self.at] += 1.0;
    }

    fn item<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.count();
        value.serialize(&mut *self.tape)
    }

    fn field<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) -> Result<(), Error> {
        self.count();
        self.tape.text(key);
        value.serialize(&mut *self.tape)
    }
}

/// Methods of the serializer for numbers that every f64 holds exactly.
macro_rules! numbers {
    ($($method:ident : $type:ty),*) => {$(
        fn $method(self, v: $type) -> Result<(), Error> {
            self.serialize_f64(v.into())
        }
    )*};
}

impl<'a> ser::Serializer for &'a mut Tape {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Counted<'a>;
    type SerializeTuple = Counted<'a>;
    type SerializeTupleStruct = Counted<'a>;
    type SerializeTupleVariant = Counted<'a>;
    type SerializeMap = Counted<'a>;
    type SerializeStruct = Counted<'a>;
    type SerializeStructVariant = Counted<'a>;

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.tag(if v { TRUE } else { FALSE });
        Ok(())
    }
    numbers!(serialize_i8: i8, serialize_i16: i16, serialize_i32: i32, serialize_u8: u8);
    numbers!(serialize_u16: u16, serialize_u32: u32, serialize_f32: f32);
    fn serialize_i64(self, v: i64) -> Result<(), Error> {
        self.serialize_f64(exact(v.into())?)
    }
    fn serialize_u64(self, v: u64) -> Result<(), Error> {
        self.serialize_f64(exact(v.into())?)
    }
    fn serialize_f64(self, v: f64) -> Result<(), Error> {
        self.number(v);
        Ok(())
    }
    fn serialize_char(self, v: char) -> Result<(), Error> {
        self.string(v.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Result<(), Error> {
        self.string(v);
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<(), Error> {
        ser::Serializer::collect_seq(self, v)
    }
    fn serialize_none(self) -> Result<(), Error> {
        self.serialize_unit()
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Error> {
        self.tag(NULL);
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Error> {
        self.serialize_unit()
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), Error> {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.numbers.extend_from_slice(&[OBJECT, 1.0]);
        self.text(variant);
        value.serialize(self)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Counted<'a>, Error> {
        Ok(self.open(ARRAY))
    }
    fn serialize_tuple(self, _: usize) -> Result<Counted<'a>, Error> {
        Ok(self.open(ARRAY))
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Counted<'a>, Error> {
        Ok(self.open(ARRAY))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Counted<'a>, Error> {
        Ok(self.variant(variant))
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Counted<'a>, Error> {
        Ok(self.open(OBJECT))
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Counted<'a>, Error> {
        Ok(self.open(OBJECT))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Counted<'a>, Error> {
        self.numbers.extend_from_slice(&[OBJECT, 1.0]);
        self.text(variant);
        Ok(self.open(OBJECT))
    }
}

/// A 64-bit integer as a number, if JavaScript holds it exactly.
fn exact(v: i128) -> Result<f64, Error> {
    const SAFE: i128 = (1 << 53) - 1;
    if (-SAFE..=SAFE).contains(&v) {
        Ok(v as f64)
    } else {
        Err(Error(
            "an integer beyond 2^53 - 1 has no exact JavaScript number".into(),
        ))
    }
}

/// The serde traits for the items of an array: each item is counted, then written.
macro_rules! items {
    ($($trait:ident :: $method:ident),*) => {$(
        impl ser::$trait for Counted<'_> {
            type Ok = ();
            type Error = Error;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
                self.item(value)
            }
            fn end(self) -> Result<(), Error> {
                Ok(())
            }
        }
    )*};
}
items!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

impl ser::SerializeMap for Counted<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        self.count();
        key.serialize(Key(&mut *self.tape))
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        value.serialize(&mut *self.tape)
    }
    fn end(self) -> Result<(), Error> {
        Ok(())
    }
}

/// The serde traits for the fields of an object: each field is counted, then its name and
/// value written.
macro_rules! fields {
    ($($trait:ident),*) => {$(
        impl ser::$trait for Counted<'_> {
            type Ok = ();
            type Error = Error;
            fn serialize_field<T: Serialize + ?Sized>(
                &mut self,
                key: &'static str,
                value: &T,
            ) -> Result<(), Error> {
                self.field(key, value)
            }
            fn end(self) -> Result<(), Error> {
                Ok(())
            }
        }
    )*};
}
fields!(SerializeStruct, SerializeStructVariant);

/// A map key: text only, as in JSON.
struct Key<'a>(&'a mut Tape);

fn not_text() -> Error {
    Error("a map key must be a string".into())
}

/// Methods of a serializer that refuse their one argument.
macro_rules! reject {
    ($($method:ident : $type:ty),*) => {$(
        fn $method(self, _: $type) -> Result<(), Error> {
            Err(not_text())
        }
    )*};
}

impl ser::Serializer for Key<'_> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = ser::Impossible<(), Error>;
    type SerializeTuple = ser::Impossible<(), Error>;
    type SerializeTupleStruct = ser::Impossible<(), Error>;
    type SerializeTupleVariant = ser::Impossible<(), Error>;
    type SerializeMap = ser::Impossible<(), Error>;
    type SerializeStruct = ser::Impossible<(), Error>;
    type SerializeStructVariant = ser::Impossible<(), Error>;

    fn serialize_str(self, v: &str) -> Result<(), Error> {
        self.0.text(v);
        Ok(())
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), Error> {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        value.serialize(self)
    }
    reject!(
        serialize_bool: bool,
        serialize_i8: i8,
        serialize_i16: i16,
        serialize_i32: i32,
        serialize_i64: i64,
        serialize_u8: u8,
        serialize_u16: u16,
        serialize_u32: u32,
        serialize_u64: u64,
        serialize_f32: f32,
        serialize_f64: f64,
        serialize_bytes: &[u8]
    );
    fn serialize_char(self, v: char) -> Result<(), Error> {
        self.serialize_str(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_none(self) -> Result<(), Error> {
        Err(not_text())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, _: &T) -> Result<(), Error> {
        Err(not_text())
    }
    fn serialize_unit(self) -> Result<(), Error> {
        Err(not_text())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Error> {
        Err(not_text())
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), Error> {
        Err(not_text())
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, Error> {
        Err(not_text())
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, Error> {
        Err(not_text())
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, Error> {
        Err(not_text())
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Error> {
        Err(not_text())
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Error> {
        Err(not_text())
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeStruct, Error> {
        Err(not_text())
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Error> {
        Err(not_text())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Serialize;

    #[derive(Serialize)]
    struct Example {
        id: &'static str,
        share: f64,
        steps: Vec<(i32, f64)>,
        note: Option<u8>,
        flags: [bool; 2],
    }

    /// The tape of a value, tag by tag: what `fromTape` in `src/boundary.js` reads (its
    /// test in `tests/e2e/api.test.mjs` decodes this same tape). Text lengths count UTF-16
    /// code units, as JavaScript strings do: "a😀" is 3.
    #[test]
    fn the_tape_of_a_struct() {
        let t = tape(&Example {
            id: "a😀",
            share: 0.25,
            steps: vec![(2020, 1.0)],
            note: None,
            flags: [true, false],
        })
        .unwrap();
        #[rustfmt::skip]
        let expected = [
            OBJECT, 5.0,
            2.0, STRING, 3.0,
            5.0, NUMBER, 0.25,
            5.0, ARRAY, 1.0, ARRAY, 2.0, NUMBER, 2020.0, NUMBER, 1.0,
            4.0, NULL,
            5.0, ARRAY, 2.0, TRUE, FALSE,
        ];
        assert_eq!(t.numbers, expected);
        assert_eq!(t.text, "ida😀sharestepsnoteflags");
    }

    #[test]
    fn what_has_no_tape_is_an_error() {
        let wide = tape(&(1u64 << 53)).unwrap_err().to_string();
        assert!(wide.contains("2^53"), "{wide}");
        let mut map = alloc::collections::BTreeMap::new();
        map.insert(1, 2);
        assert!(tape(&map).unwrap_err().to_string().contains("map key"));
        assert_eq!(
            tape(&((1u64 << 53) - 1)).unwrap().numbers,
            [NUMBER, 9007199254740991.0]
        );
    }
}
