//! Embeds every seeds/*.txt file as the default corpus, so the list never goes stale, and
//! fingerprints assets/, seeds/ and the model's code (src/model/) so that a cached model
//! built with other data or other rules is not used: a fixed rule changes what a file's
//! document is though dossier's version number stays the same.

use std::{env, fs, path::Path};

fn main() {
    let dir = Path::new(&env::var("CARGO_MANIFEST_DIR").expect("cargo sets this")).join("seeds");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut names: Vec<String> = fs::read_dir(&dir)
        .map(|rd| {
            rd.filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| {
                    Path::new(n).extension().is_some_and(|e| {
                        e.eq_ignore_ascii_case("txt") || e.eq_ignore_ascii_case("md")
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    let mut out = String::from(
        "/// The embedded seed corpus: (file name, bytes).\npub static SEEDS: &[(&str, &[u8])] = &[\n",
    );
    for n in &names {
        println!("cargo:rerun-if-changed={}", dir.join(n).display());
        out.push_str(&format!(
            "    ({n:?}, include_bytes!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/seeds/{n}\"))),\n"
        ));
    }
    out.push_str("];\n");
    let dest = Path::new(&env::var("OUT_DIR").expect("cargo sets this")).join("seeds.rs");
    fs::write(dest, out).expect("OUT_DIR is writable");
    let root = dir.parent().expect("seeds/ has a parent").to_path_buf();
    println!("cargo:rerun-if-changed={}", root.join("assets").display());
    println!(
        "cargo:rerun-if-changed={}",
        root.join("src/model").display()
    );
    let mut files = Vec::new();
    for sub in ["assets", "seeds", "src/model"] {
        collect(&root, &root.join(sub), &mut files);
    }
    files.sort();
    let mut hash = Fnv::default();
    for (rel, bytes) in &files {
        hash.feed(rel.as_bytes());
        hash.feed(&(bytes.len() as u64).to_le_bytes());
        hash.feed(bytes);
    }
    println!("cargo:rustc-env=DOSSIER_DATA_HASH={:016x}", hash.0);
}

/// Every file under `dir` as (path relative to `root`, bytes).
fn collect(root: &Path, dir: &Path, out: &mut Vec<(String, Vec<u8>)>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        let path = entry.path();
        if path.is_dir() {
            collect(root, &path, out);
        } else if let Ok(bytes) = fs::read(&path) {
            let rel = path.strip_prefix(root).unwrap_or(&path);
            out.push((rel.to_string_lossy().into_owned(), bytes));
        }
    }
}

/// 64-bit FNV-1a: enough to tell one set of data files from another.
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv {
    fn feed(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}
