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
#endif
