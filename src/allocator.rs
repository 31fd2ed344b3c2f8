//! The binary's allocator: jemalloc. A cold build of a large folder takes about a tenth
//! less CPU time than with glibc's allocator, at the same peak memory (README, "Speed").

#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

/// jemalloc's options, read at its first allocation: one arena (the build's threads
/// share it through their caches), and thread caches only for blocks up to 4 KiB. With
/// jemalloc's defaults the peak memory of a 100,000-article build was 60 MB higher.
#[unsafe(export_name = "_rjem_malloc_conf")]
static OPTIONS: Options = Options(c"narenas:1,tcache_max:4096".as_ptr());

/// A C string pointer that can be a static (jemalloc reads it as `const char *`).
#[repr(transparent)]
struct Options(*const std::ffi::c_char);

// SAFETY: the pointer is to a string literal, which lives as long as the program and
// is never written.
unsafe impl Sync for Options {}
