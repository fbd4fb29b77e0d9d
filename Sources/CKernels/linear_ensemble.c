// The row passes of LinearEnsemble (SPSTraining): many linear models with one logit each, trained together on the
// same rows with the binary cross-entropy of their logits. Models come in chunks of W, one vector register's
// lanes (16 with AVX-512, else 8), so each row is read once per chunk and every operation is one vector
// instruction across W models. Each lane sums its own model's rows in the same order at either width, so the
// results do not depend on it.
//
// Layouts: x is rows × d (row-major), y is rows; a chunked matrix (theta, direction, gradient) is
// chunks × (d + 1) × W, entry (c, j, lane) for weight j of model W·c + lane, with j = d the bias; a chunked vector
// (a, b, c, scale_gradient) is chunks × W.
//
// Unlike the optimizer kernels these may contract a * b + c into one fused instruction: nothing here is compared
// with PyTorch operation for operation, and the sums over rows already round differently from any other order.
#include "ckernels.h"
#include <string.h>

#pragma clang fp contract(fast)

typedef float vec8 __attribute__((vector_size(32)));
typedef int ivec8 __attribute__((vector_size(32)));

#define VEC vec8
#define IVEC ivec8
#define W 8
#define SUFFIX _8
#define TARGET
#include "linear_ensemble_body.h"
#undef VEC
#undef IVEC
#undef W
#undef SUFFIX
#undef TARGET

#if defined(__x86_64__) && defined(__clang__)
#define SPS_HAS_WIDE 1
typedef float vec16 __attribute__((vector_size(64)));
typedef int ivec16 __attribute__((vector_size(64)));
#define VEC vec16
#define IVEC ivec16
#define W 16
#define SUFFIX _16
#define TARGET __attribute__((target("avx512f,avx512dq,avx512vl,avx2,fma")))
#include "linear_ensemble_body.h"
#undef VEC
#undef IVEC
#undef W
#undef SUFFIX
#undef TARGET
#endif

/// Flushes denormal results and inputs to zero while a pass runs (on x86), and restores the caller's mode after:
/// products of tiny probabilities would otherwise be denormal, and each one costs a microcode assist. Values
/// below 1.2e-38 change nothing these sums can show.
#if defined(__x86_64__) && defined(__clang__)
#define FLUSH_DENORMALS unsigned saved_csr = __builtin_ia32_stmxcsr(); __builtin_ia32_ldmxcsr(saved_csr | 0x8040u);
#define RESTORE_DENORMALS __builtin_ia32_ldmxcsr(saved_csr);
#else
#define FLUSH_DENORMALS
#define RESTORE_DENORMALS
#endif

size_t sps_linear_chunk_width(void) {
#ifdef SPS_HAS_WIDE
    // __builtin_cpu_supports reads flags the runtime set once at start-up: no cache here, so no data race between
    // the threads of a study.
    return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512dq") ? 16 : 8;
#else
    return 8;
#endif
}

void sps_linear_bce_gradients(size_t lanes, size_t rows, size_t d, size_t chunks, const float *x, const float *y,
                              const float *theta, float *gradient, float *scale_gradient, int scale_only) {
    FLUSH_DENORMALS
#ifdef SPS_HAS_WIDE
    if (lanes == 16 && sps_linear_chunk_width() == 16) gradients_16(rows, d, chunks, x, y, theta, gradient, scale_gradient, scale_only);
    else
#endif
    gradients_8(rows, d, chunks, x, y, theta, gradient, scale_gradient, scale_only);
    RESTORE_DENORMALS
}

void sps_linear_bce_weighted(size_t lanes, size_t rows, size_t d, size_t chunks, const float *x, const float *y,
                             const float *theta, const float *direction, const float *a, const float *b,
                             const float *c, float *gradient) {
    FLUSH_DENORMALS
#ifdef SPS_HAS_WIDE
    if (lanes == 16 && sps_linear_chunk_width() == 16) weighted_16(rows, d, chunks, x, y, theta, direction, a, b, c, gradient);
    else
#endif
    weighted_8(rows, d, chunks, x, y, theta, direction, a, b, c, gradient);
    RESTORE_DENORMALS
}
