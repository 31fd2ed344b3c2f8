//! Fuzzy filter speed: per keystroke as a query grows from 1 to 8 characters, on
//! generated lists of 10k, 100k and 1M event names (~100 chars, English and Vietnamese,
//! with and without diacritics); fresh searches and incremental narrowing. After the
//! divan benches, a table per keystroke and a comparison with `fzf --filter` (whole
//! processes) on the same lines. Goal: ≤ 16 ms per keystroke at 100k.

use dossier::model::filter::{FuzzyIndex, Searcher};
use dossier::model::text::fold;
use std::io::Write;
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// Queries typed one key at a time; each has 8 characters.
const QUERIES: [&str; 3] = ["border 9", "hoi nghi", "chien 25"];
/// Rows a UI shows at most.
const LIMIT: usize = 200;
const SIZES: [usize; 3] = [10_000, 100_000, 1_000_000];

fn main() {
    divan::main();
    report();
}

const EN: [&str; 32] = [
    "Border",
    "Defence",
    "Friendship",
    "Exchange",
    "Conference",
    "Review",
    "International",
    "Integration",
    "Diplomacy",
    "Peacekeeping",
    "Engineering",
    "Unit",
    "Rotation",
    "Level-2",
    "Field",
    "Hospital",
    "Strategic",
    "Dialogue",
    "Security",
    "Young",
    "Officers",
    "Guard",
    "Delegation",
    "Talks",
    "Forum",
    "Naval",
    "Training",
    "Exercise",
    "Annual",
    "Meeting",
    "Ministerial",
    "Cooperation",
];
const VI: [&str; 24] = [
    "Hội nghị",
    "tổng kết",
    "công tác",
    "đối ngoại",
    "quốc phòng",
    "hội nhập",
    "quốc tế",
    "giao lưu",
    "hữu nghị",
    "biên giới",
    "gìn giữ hòa bình",
    "bệnh viện dã chiến",
    "đội công binh",
    "luân phiên",
    "cấp 2",
    "sơ kết",
    "6 tháng đầu năm",
    "năm",
    "đối thoại",
    "chiến lược",
    "sĩ quan trẻ",
    "biên phòng",
    "Bộ Quốc phòng",
    "Việt Nam",
];
const PLACES: [&str; 10] = [
    "Hà Nội",
    "Lào Cai",
    "Hà Giang",
    "Cao Bằng",
    "Vientiane",
    "Phnom Penh",
    "Beijing",
    "Đà Nẵng",
    "Hồ Chí Minh City",
    "Lạng Sơn",
];
const PEOPLE: [&str; 6] = [
    "Hoàng Xuân Chiến",
    "Nguyễn Tân Cương",
    "Phan Văn Giang",
    "Lê Huy Vịnh",
    "Trịnh Văn Quyết",
    "Võ Minh Lương",
];
const COUNTRIES: [&str; 6] = [
    "China",
    "Laos",
    "Cambodia",
    "Trung Quốc",
    "Lào",
    "Campuchia",
];
const SOURCES: [&str; 3] = ["VNA", "VNS", "QDND"];

/// A small deterministic generator (xorshift), so runs are comparable.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 >> 11) as usize
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.next() % xs.len()]
    }
}

/// One event line like the events view's haystack: name, date, period, place, people, source.
fn line(rng: &mut Rng) -> String {
    let ordinal = 1 + rng.next() % 12;
    let suffix = match ordinal {
        1 => "st",
        2 => "nd",
        3 => "rd",
        _ => "th",
    };
    let vietnamese = rng.next().is_multiple_of(3);
    let mut s = if vietnamese {
        let mut s = format!("{} lần thứ {ordinal}", rng.pick(&VI));
        while s.chars().count() < 50 {
            s.push(' ');
            s.push_str(rng.pick(&VI));
        }
        s
    } else {
        let mut s = format!("{ordinal}{suffix} Vietnam–{}", rng.pick(&COUNTRIES));
        while s.chars().count() < 50 {
            s.push(' ');
            s.push_str(rng.pick(&EN));
        }
        s
    };
    let year = 2015 + rng.next() % 11;
    let (month, day) = (1 + rng.next() % 12, 1 + rng.next() % 28);
    s.push_str(&format!(
        " {year}-{month:02}-{day:02} {year}-H{} {} {} {}",
        1 + rng.next() % 2,
        rng.pick(&PLACES),
        rng.pick(&PEOPLE),
        rng.pick(&SOURCES)
    ));
    // A third of the lines are typed without diacritics, as many sources print them.
    if rng.next().is_multiple_of(3) {
        fold(&s)
    } else {
        s
    }
}

fn lines(n: usize) -> &'static [String] {
    static ALL: OnceLock<Vec<String>> = OnceLock::new();
    let all = ALL.get_or_init(|| {
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        (0..SIZES[2]).map(|_| line(&mut rng)).collect()
    });
    &all[..n]
}

fn index(n: usize) -> &'static FuzzyIndex {
    static INDEXES: OnceLock<Vec<FuzzyIndex>> = OnceLock::new();
    let all = INDEXES.get_or_init(|| SIZES.iter().map(|&n| FuzzyIndex::new(lines(n))).collect());
    &all[SIZES.iter().position(|&s| s == n).unwrap_or(0)]
}

/// Typing all three queries from scratch, one fresh search per keystroke (24 searches).
#[divan::bench(args = SIZES, sample_count = 3, sample_size = 1)]
fn typing_fresh(bencher: divan::Bencher, n: usize) {
    let idx = index(n);
    bencher.bench(|| {
        for q in QUERIES {
            for k in 1..=q.len() {
                divan::black_box(idx.search_top(&q[..k], LIMIT));
            }
        }
    });
}

/// Typing all three queries with a `Searcher` that narrows incrementally (24 searches).
#[divan::bench(args = SIZES, sample_count = 3, sample_size = 1)]
fn typing_incremental(bencher: divan::Bencher, n: usize) {
    let idx = index(n);
    bencher.bench(|| {
        for q in QUERIES {
            let mut s = Searcher::new();
            for k in 1..=q.len() {
                divan::black_box(s.search(idx, &q[..k], LIMIT));
            }
        }
    });
}

/// Folding and masking the items once at load.
#[divan::bench(args = [10_000, 100_000], sample_count = 3, sample_size = 1)]
fn build_index(bencher: divan::Bencher, n: usize) {
    let items = lines(n);
    bencher.bench(|| FuzzyIndex::new(items));
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// The best of `reps` timings of `f`.
fn best<T>(reps: usize, mut f: impl FnMut() -> T) -> Duration {
    (0..reps)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(f());
            t.elapsed()
        })
        .min()
        .unwrap_or_default()
}

/// Per-keystroke table, then the fzf comparison.
fn report() {
    // DOSSIER_BENCH_QUICK=1: the 100k table only, no fzf (for quick checks while tuning).
    let quick = std::env::var_os("DOSSIER_BENCH_QUICK").is_some();
    println!("\nper keystroke (ms, best of 3; limit {LIMIT}): fresh / incremental [matches]");
    for n in SIZES {
        if quick && n != 100_000 {
            continue;
        }
        let idx = index(n);
        let mut worst = (0.0f64, 0.0f64);
        for q in QUERIES {
            let mut row = format!("{n:>9} {q:?}:");
            let mut inc = vec![Duration::MAX; q.len()];
            for _ in 0..3 {
                let mut s = Searcher::new();
                for k in 1..=q.len() {
                    let t = Instant::now();
                    std::hint::black_box(s.search(idx, &q[..k], LIMIT));
                    inc[k - 1] = inc[k - 1].min(t.elapsed());
                }
            }
            for k in 1..=q.len() {
                let fresh = best(3, || idx.search_top(&q[..k], LIMIT));
                row.push_str(&format!(" {:.1}/{:.1}", ms(fresh), ms(inc[k - 1])));
                let total = Searcher::new().search(idx, &q[..k], 1).total;
                row.push_str(&format!("[{total}]"));
                worst = (worst.0.max(ms(fresh)), worst.1.max(ms(inc[k - 1])));
            }
            println!("{row}");
        }
        println!(
            "{n:>9} worst keystroke: fresh {:.1} ms, incremental {:.1} ms",
            worst.0, worst.1
        );
    }
    if !quick {
        compare_with_fzf();
    }
}

/// Times `fzf --filter` as a whole process on the same lines, against dossier's fresh
/// search and against a whole load (fold + index + full ranked search with positions).
fn compare_with_fzf() {
    if Command::new("fzf").arg("--version").output().is_err() {
        println!("\nfzf not found: comparison skipped (Debian package fzf)");
        return;
    }
    for n in [100_000, 1_000_000] {
        let path = std::env::temp_dir().join(format!("dossier-filter-bench-{n}.txt"));
        let written = std::fs::File::create(&path).and_then(|mut f| {
            for l in lines(n) {
                writeln!(f, "{l}")?;
            }
            Ok(())
        });
        if let Err(e) = written {
            println!(
                "\ncannot write {}: {e}; fzf comparison skipped",
                path.display()
            );
            return;
        }
        let (mut fzf, mut ours, mut whole) = (Duration::ZERO, Duration::ZERO, Duration::ZERO);
        let q = QUERIES[0];
        for k in 1..=q.len() {
            let query = &q[..k];
            fzf += best(2, || {
                let input = std::fs::File::open(&path).map(Stdio::from);
                input.and_then(|input| {
                    Command::new("fzf")
                        .args(["--filter", query])
                        .env_remove("FZF_DEFAULT_OPTS")
                        .stdin(input)
                        .stdout(Stdio::null())
                        .status()
                })
            });
            ours += best(2, || index(n).search_top(query, LIMIT));
            whole += best(1, || {
                let text = std::fs::read_to_string(&path).unwrap_or_default();
                FuzzyIndex::new(text.lines()).search(query).len()
            });
        }
        let per = |d: Duration| ms(d) / q.len() as f64;
        println!(
            "\n{n} lines, query {q:?} typed 1..8, mean per keystroke:\n  fzf --filter (process): {:.1} ms\n  dossier search_top:     {:.1} ms  → {:.1}x faster than fzf\n  dossier load+index+full search: {:.1} ms → {:.1}x faster than fzf",
            per(fzf),
            per(ours),
            per(fzf) / per(ours),
            per(whole),
            per(fzf) / per(whole)
        );
        let _ = std::fs::remove_file(&path);
    }
}
