//! The page layer and the core agree on the wire format (src/snapshot/wire.rs): one sample,
//! tests/fixtures/wire/sample.json, holds a snapshot in JSON and in the wire format. Here the
//! Rust reader must read the wire form as the JSON one (and the Rust encoder write it back
//! exactly); tests/unit/wire.test.mjs checks that the page layer's writer writes it.
#![cfg(not(target_arch = "wasm32"))]

use serde::Deserialize;
use unveil::snapshot::{wire, Snapshot};

#[derive(Deserialize)]
struct Wire {
    strings: String,
    numbers: Vec<f64>,
}

#[derive(Deserialize)]
struct Sample {
    snapshot: Snapshot<'static>,
    wire: Wire,
}

fn sample() -> Sample {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/wire/sample.json"
    );
    let text = std::fs::read_to_string(path).expect("the sample is readable");
    serde_json::from_str(&text).expect("the sample is well-formed")
}

#[test]
fn the_reader_reads_the_sample_as_its_json() {
    let sample = sample();
    let read = wire::decode(&sample.wire.strings, &sample.wire.numbers).expect("decodes");
    assert_eq!(read, sample.snapshot);
}

#[test]
fn the_encoder_writes_the_sample_exactly() {
    let sample = sample();
    let (strings, numbers) = wire::encode(&sample.snapshot);
    assert_eq!(strings, sample.wire.strings);
    assert_eq!(numbers, sample.wire.numbers);
}
