//! Unveil's core: pure Rust, no DOM, no wasm-bindgen.
//!
//! ```text
//!   page layer (JS) ──Snapshot──▶ analyze() ──Report──▶ page layer applies, popup shows
//!   native CLI (html.rs) ─┘                     └─▶ CLI prints / evaluation scores
//! ```
//! The same `analyze` runs in the extension background's wasm (one instance for every tab;
//! the page layer sends it the snapshot) and natively in the CLI and tests.

pub mod article;
pub mod groups;
pub mod overlays;
pub mod quotes;
pub mod report;
pub mod snapshot;
pub mod summary;
pub mod text;
pub mod textmap;

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
#[cfg(not(target_arch = "wasm32"))]
pub mod eval;
#[cfg(not(target_arch = "wasm32"))]
pub mod html;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use report::{analyze, scan_overlays, Analysis, Report};
pub use snapshot::Snapshot;
