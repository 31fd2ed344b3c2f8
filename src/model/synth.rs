//! Generated corpora for benchmarks and tests: the seeds' paragraphs recombined
//! with noise (names, numbers, glued words, captions, related tails).

use super::source::{self, RawFile};
use std::path::Path;

/// A small deterministic PRNG (xorshift64*), so generated corpora are repeatable.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed (0 is replaced by a fixed odd constant).
    pub fn new(seed: u64) -> Rng {
        Rng(if seed == 0 {
            0x9E37_79B9_7F4A_7C15
        } else {
            seed
        })
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    /// One element of a non-empty slice.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const NAMES: &[&str] = &[
    "Hoàng Xuân Chiến",
    "Hoang Xuan Chien",
    "Phan Văn Giang",
    "Nguyen Tan Cuong",
    "Nguyễn Tân Cương",
    "Lê Huy Vịnh",
    "Vu Hai San",
    "Phùng Sĩ Tấn",
    "Trịnh Văn Quyết",
];
const PLACES: &[&str] = &[
    "Hanoi",
    "Hà Nội",
    "Da Nang",
    "Đà Nẵng",
    "Lao Cai",
    "Cao Bằng",
    "Ho Chi Minh City",
];
const HEADLINES: &[&str] = &[
    "Ministry reviews defence diplomacy in {p}, sets tasks ahead",
    "Defence diplomacy conference held in {c}",
    "Deputy Minister {n} chairs review of international integration",
    "Border defence friendship exchange prepared in {c}",
];

/// Raw paragraphs of the embedded seeds, the material generated articles are made of.
pub fn seed_paragraphs() -> Vec<String> {
    let (files, _) = source::seeds();
    files
        .iter()
        .flat_map(|f| {
            f.text
                .lines()
                .map(str::trim)
                .filter(|l| l.len() > 60)
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .collect()
}

/// Generates `n` raw articles (each roughly 3–8 KB) from `seed`.
pub fn corpus(n: usize, seed: u64) -> Vec<RawFile> {
    let paras = seed_paragraphs();
    let mut rng = Rng::new(seed);
    (0..n)
        .map(|i| RawFile {
            id: format!("gen_{i:06}"),
            path: format!("gen/gen_{i:06}.txt"),
            text: article(&paras, &mut rng),
            warnings: Vec::new(),
            stamp: None,
        })
        .collect()
}

/// Writes `files` under `dir` at their relative paths (for benches that load from disk;
/// `dir` should be a temporary folder outside the repository).
pub fn write_dir(files: &[RawFile], dir: &Path) -> std::io::Result<()> {
    for f in files {
        let path = dir.join(&f.path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(path, &f.text)?;
    }
    Ok(())
}

fn article(paras: &[String], rng: &mut Rng) -> String {
    let year = 2015 + rng.below(11);
    let half = if rng.below(2) == 0 {
        "first half"
    } else {
        "first six months"
    };
    let period = format!("the {half} of {year}");
    let city = *rng.pick(PLACES);
    let name = *rng.pick(NAMES);
    let headline = rng
        .pick(HEADLINES)
        .replace("{p}", &period)
        .replace("{c}", city)
        .replace("{n}", name);
    let mut out = format!("{headline}\n\n");
    if rng.below(2) == 0 {
        out.push_str(&format!(
            "July {}, {year} - 1{}:0{}\n",
            1 + rng.below(28),
            rng.below(10),
            rng.below(10)
        ));
    }
    out.push_str(&format!(
        "Deputy Minister of National Defence Senior Lieutenant General {name} speaks at the conference. (Photo: qdnd.vn)\n\n"
    ));
    out.push_str(&format!(
        "{city} (VNA) – The Ministry of National Defence held a conference on July {} to review defence diplomacy in {period}.\n\n",
        1 + rng.below(28)
    ));
    for _ in 0..6 + rng.below(10) {
        let p: &String = rng.pick(paras);
        out.push_str(&noisy(p, rng));
        out.push_str("\n\n");
    }
    out.push_str(&format!(
        "The {}th Vietnam–China Border Defence Friendship Exchange was held./.\n\nVNA\n\nSee more\n\n",
        1 + rng.below(12)
    ));
    for _ in 0..rng.below(4) {
        out.push_str(&format!(
            "{}\n\n{}\n\n",
            rng.pick(HEADLINES)
                .replace("{p}", "2024")
                .replace("{c}", city)
                .replace("{n}", name),
            rng.pick::<String>(paras)
        ));
    }
    out
}

/// Glues a random pair of words and perturbs a number, the way scraping does.
fn noisy(p: &str, rng: &mut Rng) -> String {
    let mut words: Vec<String> = p.split(' ').map(str::to_owned).collect();
    if words.len() > 4 && rng.below(3) == 0 {
        let i = rng.below(words.len() - 1);
        let next = words.remove(i + 1);
        words[i].push_str(&next);
    }
    for w in words.iter_mut() {
        if w.chars().all(|c| c.is_ascii_digit()) && !w.is_empty() && rng.below(2) == 0 {
            *w = (rng.below(200) + 1).to_string();
        }
    }
    words.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn is_deterministic_and_sized() {
        let a = corpus(20, 7);
        let b = corpus(20, 7);
        assert_eq!(a.len(), 20);
        assert!(a.iter().zip(&b).all(|(x, y)| x.text == y.text));
        let mean = a.iter().map(|f| f.text.len()).sum::<usize>() / a.len();
        assert!((1500..20_000).contains(&mean), "mean size {mean}");
    }

    #[test]
    fn writes_files_that_read_back_the_same() {
        let files = corpus(3, 1);
        let dir = tempfile::tempdir().unwrap();
        write_dir(&files, dir.path()).unwrap();
        let (read, problems) = source::read_dir(dir.path()).unwrap();
        assert!(problems.is_empty());
        assert_eq!(read.len(), 3);
        for (a, b) in files.iter().zip(&read) {
            assert_eq!((&a.id, &a.path, &a.text), (&b.id, &b.path, &b.text));
        }
    }
}
