// CKernels: elementwise optimizer kernels in C, where the compiler vectorizes square roots (Swift's
// Float.squareRoot() currently blocks loop vectorization). Compiled with -ffp-contract=off so every
// operation rounds exactly as written, matching PyTorch's CPU kernels operation for operation.
#ifndef SPS_CKERNELS_H
#define SPS_CKERNELS_H
#include <stddef.h>

/// One Adam step over `count` values (PyTorch's single-tensor update, after any weight decay):
/// m = m + b1 * (g - m);  v = v * b2 + c2 * g * g;  p = p + (-step * m) / (sqrt(v) / root2 + eps).
void sps_adam_update(size_t count, const float *restrict g, float *restrict p, float *restrict m,
                     float *restrict v, float b1, float b2, float c2, float step, float root2, float eps);

/// Stops OpenBLAS's thread pool (its idle threads spin for about 0.1 s of CPU before sleeping); OpenBLAS starts it
/// again by itself when a call is large enough to be split. Does nothing when SPS_KEEP_OPENBLAS_THREADS is set
/// or the library has no pool.
void sps_openblas_stop_threads(void);

/// The widest chunk of models LinearEnsemble's row passes can use here: 16 on a machine with AVX-512, else 8.
/// The passes take the chunk width as `lanes` (8, or 16 where it is supported); both give the same sums.
size_t sps_linear_chunk_width(void);

/// Linear models with one logit each, in chunks (layouts in linear_ensemble.c), on `rows` rows of width d with
/// 0/1 labels y and binary cross-entropy, summed over the rows (not averaged): adds Σ_i x̃_i ℓ'_i to gradient
/// (unless scale_only) and Σ_i ℓ'_i z_i to scale_gradient, where z_i = θ·x̃_i is the logit, ℓ' = σ(z) − y and
/// x̃ = (x, 1). The bias entry Σ_i ℓ'_i is added either way.
void sps_linear_bce_gradients(size_t lanes, size_t rows, size_t d, size_t chunks, const float *x, const float *y,
                              const float *theta, float *gradient, float *scale_gradient, int scale_only);

/// Adds Σ_i x̃_i r_i to gradient, with r_i = a ℓ'_i + ℓ''_i (b z_i + c + direction·x̃_i) per model (ℓ'' = σ(1 − σ);
/// direction may be NULL for zero). One pass gives IRMv1's and IGA's gradients of their penalties.
void sps_linear_bce_weighted(size_t lanes, size_t rows, size_t d, size_t chunks, const float *x, const float *y,
                             const float *theta, const float *direction, const float *a, const float *b,
                             const float *c, float *gradient);
#endif
