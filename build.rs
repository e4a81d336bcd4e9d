//! Build script: links the `newsdex` binary as a fixed-address (non-PIE)
//! executable on Linux.
//!
//! A position-independent Rust binary carries some 54,000 relocations that
//! the dynamic loader applies at every start, copying the pages they touch.
//! For a command that answers a search in a few milliseconds that was the
//! largest single cost: `newsdex --version` took 4.5 ms, and 2.6 ms linked
//! this way. The library and the tests are built as usual.
//!
//! A static build (`-C target-feature=+crt-static`, the README's "Install")
//! chooses its own link mode: `-no-pie` on top of rustc's static-pie link
//! gives a binary that crashes at start, so it is left out there.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let linux = std::env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("linux");
    let features = std::env::var("CARGO_CFG_TARGET_FEATURE").unwrap_or_default();
    let static_crt = features.split(',').any(|f| f == "crt-static");
    if linux && !static_crt {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
}
