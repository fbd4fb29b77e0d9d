// The body of the row passes for one vector width; included by linear_ensemble.c once per width with
// VEC (the vector type), W (its lanes), SUFFIX (the functions' name suffix) and TARGET (their target attribute).
#define CAT2(a, b) a##b
#define CAT(a, b) CAT2(a, b)
#define FN(name) CAT(name, SUFFIX)

static inline TARGET VEC FN(load)(const float *p) { VEC v; memcpy(&v, p, sizeof v); return v; }
static inline TARGET void FN(store)(float *p, VEC v) { memcpy(p, &v, sizeof v); }
static inline TARGET VEC FN(splat)(float x) { return (VEC){} + x; }

/// e^x in each lane, to about 2 ulp: Cephes' expf polynomial after reducing x by a multiple of ln 2. x is clamped
/// to [-80, 80], so every result is a normal float: a denormal one costs a hundred cycles on x86 (a confident
/// classifier's logits reach those values within a few hundred steps), and the clamp only matters where a
/// sigmoid is already 0 or 1 to float precision.
static inline TARGET VEC FN(exp)(VEC x) {
    x = __builtin_elementwise_min(__builtin_elementwise_max(x, FN(splat)(-80.0f)), FN(splat)(80.0f));
    VEC n = __builtin_elementwise_floor(x * 1.44269504088896341f + 0.5f);
    VEC r = x - n * 0.693359375f;
    r = r - n * -2.12194440e-4f;
    VEC p = FN(splat)(1.9875691500e-4f);
    p = p * r + 1.3981999507e-3f;
    p = p * r + 8.3334519073e-3f;
    p = p * r + 4.1665795894e-2f;
    p = p * r + 1.6666665459e-1f;
    p = p * r + 5.0000001201e-1f;
    VEC e = p * (r * r) + r + 1.0f;
    IVEC bits = (__builtin_convertvector(n, IVEC) + 127) << 23;
    VEC scale;
    memcpy(&scale, &bits, sizeof scale);
    return e * scale;
}

/// σ(z) in each lane.
static inline TARGET VEC FN(sigmoid)(VEC z) { return 1.0f / (1.0f + FN(exp)(-z)); }

/// The logits of W models for one row: bias + Σ_j x_j θ_j, in two partial sums.
static inline TARGET VEC FN(logits)(const float *row, const float *theta, size_t d) {
    VEC z0 = FN(load)(theta + W * d), z1 = FN(splat)(0);
    size_t j = 0;
    for (; j + 1 < d; j += 2) {
        z0 += row[j] * FN(load)(theta + W * j);
        z1 += row[j + 1] * FN(load)(theta + W * (j + 1));
    }
    if (j < d) z0 += row[j] * FN(load)(theta + W * j);
    return z0 + z1;
}

/// Rows go ROWS at a time, so that many rows' logits and exponentials are in flight together (6 measured best:
/// fewer leave the vector units waiting on one row's chain, more spill registers).
#define ROWS 6

/// Pass one over rows for one chunk of W models: Σ x̃ℓ' (unless scale_only) and Σ ℓ'z.
static inline __attribute__((always_inline)) TARGET
void FN(gradients_chunk)(size_t rows, size_t d, const float *x, const float *y, const float *t, float *g,
                         float *scale_gradient, int scale_only) {
    VEC acc[d + 1];
    for (size_t j = 0; j <= d; j++) acc[j] = FN(splat)(0);
    VEC scale = FN(splat)(0);
    size_t i = 0;
    for (; i + ROWS <= rows; i += ROWS) {
        VEC z[ROWS], f[ROWS];
        for (int r = 0; r < ROWS; r++) z[r] = FN(logits)(x + (i + r) * d, t, d);
        for (int r = 0; r < ROWS; r++) f[r] = FN(sigmoid)(z[r]) - y[i + r];
        if (!scale_only) {
            for (size_t j = 0; j < d; j++) {
                VEC sum = x[i * d + j] * f[0];
                for (int r = 1; r < ROWS; r++) sum += x[(i + r) * d + j] * f[r];
                acc[j] += sum;
            }
        }
        VEC sum = f[0], scaled = f[0] * z[0];
        for (int r = 1; r < ROWS; r++) {
            sum += f[r];
            scaled += f[r] * z[r];
        }
        acc[d] += sum;
        scale += scaled;
    }
    for (; i < rows; i++) {
        const float *row = x + i * d;
        VEC z = FN(logits)(row, t, d);
        VEC f = FN(sigmoid)(z) - y[i];
        if (!scale_only) for (size_t j = 0; j < d; j++) acc[j] += row[j] * f;
        acc[d] += f;
        scale += f * z;
    }
    for (size_t j = 0; j <= d; j++) FN(store)(g + W * j, FN(load)(g + W * j) + acc[j]);
    FN(store)(scale_gradient, FN(load)(scale_gradient) + scale);
}

/// Pass two holds θ, the direction and the accumulators (3d + 3 vectors): 4 rows at a time measured best.
#define ROWS_B 4

/// Pass two over rows for one chunk: Σ x̃ r with r = aℓ' + ℓ''(b z + c + v·x̃).
static inline __attribute__((always_inline)) TARGET
void FN(weighted_chunk)(size_t rows, size_t d, const float *x, const float *y, const float *t, const float *v,
                        const float *a, const float *b, const float *c, float *g) {
    const VEC ac = FN(load)(a), bc = FN(load)(b), cc = FN(load)(c);
    VEC acc[d + 1];
    for (size_t j = 0; j <= d; j++) acc[j] = FN(splat)(0);
    size_t i = 0;
    for (; i + ROWS_B <= rows; i += ROWS_B) {
        VEC rr[ROWS_B];
        for (int r = 0; r < ROWS_B; r++) {
            const float *row = x + (i + r) * d;
            VEC z = FN(logits)(row, t, d);
            VEC s = FN(sigmoid)(z);
            VEC inner = bc * z + cc;
            if (v) inner += FN(logits)(row, v, d);
            rr[r] = ac * (s - y[i + r]) + s * (1.0f - s) * inner;
        }
        for (size_t j = 0; j < d; j++) {
            VEC sum = x[i * d + j] * rr[0];
            for (int r = 1; r < ROWS_B; r++) sum += x[(i + r) * d + j] * rr[r];
            acc[j] += sum;
        }
        VEC sum = rr[0];
        for (int r = 1; r < ROWS_B; r++) sum += rr[r];
        acc[d] += sum;
    }
    for (; i < rows; i++) {
        const float *row = x + i * d;
        VEC z = FN(logits)(row, t, d);
        VEC s = FN(sigmoid)(z);
        VEC inner = bc * z + cc;
        if (v) inner += FN(logits)(row, v, d);
        VEC r = ac * (s - y[i]) + s * (1.0f - s) * inner;
        for (size_t j = 0; j < d; j++) acc[j] += row[j] * r;
        acc[d] += r;
    }
    for (size_t j = 0; j <= d; j++) FN(store)(g + W * j, FN(load)(g + W * j) + acc[j]);
}

// Every width up to 16 gets its own copy (the loops over j unroll and the accumulators stay in registers).
#define WIDTHS(X) X(1) X(2) X(3) X(4) X(5) X(6) X(7) X(8) X(9) X(10) X(11) X(12) X(13) X(14) X(15) X(16)

static TARGET void FN(gradients)(size_t rows, size_t d, size_t chunks, const float *x, const float *y,
                                 const float *theta, float *gradient, float *scale_gradient, int scale_only) {
    for (size_t k = 0; k < chunks; k++) {
        const float *t = theta + k * (d + 1) * W;
        float *g = gradient + k * (d + 1) * W, *s = scale_gradient + k * W;
        switch (d) {
#define CASE(D) case D: FN(gradients_chunk)(rows, D, x, y, t, g, s, scale_only); break;
        WIDTHS(CASE)
#undef CASE
        default: FN(gradients_chunk)(rows, d, x, y, t, g, s, scale_only); break;
        }
    }
}

static TARGET void FN(weighted)(size_t rows, size_t d, size_t chunks, const float *x, const float *y,
                                const float *theta, const float *direction, const float *a, const float *b,
                                const float *c, float *gradient) {
    for (size_t k = 0; k < chunks; k++) {
        const float *t = theta + k * (d + 1) * W, *v = direction ? direction + k * (d + 1) * W : NULL;
        float *g = gradient + k * (d + 1) * W;
        switch (d) {
#define CASE(D) case D: FN(weighted_chunk)(rows, D, x, y, t, v, a + k * W, b + k * W, c + k * W, g); break;
        WIDTHS(CASE)
#undef CASE
        default: FN(weighted_chunk)(rows, d, x, y, t, v, a + k * W, b + k * W, c + k * W, g); break;
        }
    }
}

#undef WIDTHS
#undef ROWS
#undef ROWS_B
#undef FN
#undef CAT
#undef CAT2
