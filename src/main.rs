//! The `dossier` binary.

#[cfg(not(target_env = "msvc"))]
mod allocator;

fn main() -> std::process::ExitCode {
    dossier::cli::main()
}
