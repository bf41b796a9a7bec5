//! The `unveil` command line: the same core as the extension, on saved pages and data sets.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let code = match unveil::cli::run(&args) {
        Ok(()) => 0,
        Err(error) => {
            eprintln!("unveil: {error}");
            2
        }
    };
    std::process::exit(code);
}

/// The CLI is native only; the wasm build is the library.
#[cfg(target_arch = "wasm32")]
fn main() {}
