// OpenBLAS kernels for CPUs its detection does not know yet.
//
// Debian's OpenBLAS (0.3.21, built with DYNAMIC_ARCH) picks its kernels from the CPU model when it is loaded. A CPU
// newer than the library — an Intel Xeon of family 6 model 207, say — is not recognised, and OpenBLAS falls back to
// its "Prescott" kernels (SSE3): a 1000×1000 Float32 product then takes about 95 ms on two cores instead of about
// 20 ms, four times slower than numpy with its own newer OpenBLAS. OpenBLAS lets the environment variable
// OPENBLAS_CORETYPE choose instead, but it reads it only while loading, before `main`.
//
// So, once at start-up (a constructor, after OpenBLAS's own, which the dynamic loader runs first): when
// OPENBLAS_CORETYPE is not set and OpenBLAS chose one of its pre-AVX cores although this CPU and its operating
// system support AVX-512 (or AVX2 + FMA, or AVX), select the matching kernels the way OPENBLAS_CORETYPE would —
// `gotoblas_dynamic_quit` then `gotoblas_dynamic_init` with the variable set, which is what OpenBLAS does at load —
// and remove the variable again. Nothing has called BLAS yet at that point. Setting OPENBLAS_CORETYPE (any value)
// or SPS_KEEP_OPENBLAS_CORE=1 keeps OpenBLAS's own choice. With an OpenBLAS built for one CPU (no DYNAMIC_ARCH),
// the functions are absent (weak references) and nothing happens. `openblas_get_corename()` tells the result.
//
// Idle threads. OpenBLAS starts its thread pool while loading, and each pool thread spins (busy-waits for work)
// for about 0.1 s of CPU before it sleeps: every sps process paid that, even one that never multiplies a matrix
// (`sps loop.sps` took 0.35 cpu-s for 0.25 s of wall time). So the same constructor then shuts the pool down
// (`blas_thread_shutdown_`, what OpenBLAS itself does before a fork). OpenBLAS starts it again by itself the
// first time a call is large enough to be split between threads (a big product or LAPACK factorization), with
// the thread count it chose at load (or OPENBLAS_NUM_THREADS); small calls never start it. `repeat` keeps BLAS on
// one thread while its runs work (`Kernels.withSingleThreadedBLAS`), so no product inside a run starts it either.
// SPS_KEEP_OPENBLAS_THREADS=1 keeps the pool running from the start.
#include <stdlib.h>
#include <string.h>
#include "ckernels.h"

extern char *gotoblas_corename(void) __attribute__((weak));
extern void gotoblas_dynamic_init(void) __attribute__((weak));
extern void gotoblas_dynamic_quit(void) __attribute__((weak));
extern int blas_thread_shutdown_(void) __attribute__((weak));

/// True for the cores OpenBLAS falls back to (or that have no AVX at all).
static int is_pre_avx_core(const char *name) {
    static const char *const cores[] = {
        "Prescott", "Core2", "Penryn", "Dunnington", "Nehalem", "Katmai", "Coppermine", "Northwood", "Banias",
        "Athlon", "Opteron", "Opteron_SSE3", "Barcelona", "Nano", "Atom", "Unknown",
    };
    for (size_t i = 0; i < sizeof cores / sizeof cores[0]; i++) {
        if (strcmp(name, cores[i]) == 0) return 1;
    }
    return 0;
}

/// The best OpenBLAS core this CPU and operating system can run, by their features; NULL when none helps.
static const char *best_core(void) {
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512cd") && __builtin_cpu_supports("avx512bw")
        && __builtin_cpu_supports("avx512dq") && __builtin_cpu_supports("avx512vl")) {
        return "SkylakeX";
    }
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) return "Haswell";
    if (__builtin_cpu_supports("avx")) return "Sandybridge";
#endif
    return NULL;
}

/// Chooses better kernels when OpenBLAS fell back to pre-AVX ones (see the top of this file).
static void select_core(void) {
    if (!gotoblas_corename || !gotoblas_dynamic_init || !gotoblas_dynamic_quit) return;
    if (getenv("OPENBLAS_CORETYPE") || getenv("SPS_KEEP_OPENBLAS_CORE")) return;
    const char *chosen = gotoblas_corename();
    if (!chosen || !is_pre_avx_core(chosen)) return;
    const char *better = best_core();
    if (!better || setenv("OPENBLAS_CORETYPE", better, 1) != 0) return;
    gotoblas_dynamic_quit();
    gotoblas_dynamic_init();
    unsetenv("OPENBLAS_CORETYPE");
}

/// Stops the thread pool OpenBLAS started while loading, or that a change of its thread count started (see the
/// top of this file); OpenBLAS restarts it when a call needs it.
void sps_openblas_stop_threads(void) {
    if (!blas_thread_shutdown_ || getenv("SPS_KEEP_OPENBLAS_THREADS")) return;
    blas_thread_shutdown_();
}

__attribute__((constructor)) static void sps_prepare_openblas(void) {
    select_core();
    sps_openblas_stop_threads();
}
