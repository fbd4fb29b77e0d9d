#include "ckernels.h"
#include <math.h>

void sps_adam_update(size_t count, const float *restrict g, float *restrict p, float *restrict m,
                     float *restrict v, float b1, float b2, float c2, float step, float root2, float eps) {
    for (size_t i = 0; i < count; i++) {
        float grad = g[i];
        float mean = m[i] + b1 * (grad - m[i]);
        float square = v[i] * b2 + c2 * grad * grad;
        m[i] = mean;
        v[i] = square;
        p[i] = p[i] + (-step * mean) / (sqrtf(square) / root2 + eps);
    }
}
