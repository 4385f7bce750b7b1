// Compensated residual kernels (Ogita, Rump & Oishi, "Accurate sum and dot product", 2005, Dot2).
// TwoProduct needs a fused multiply-add: with FMA hardware the kernel is compiled for it (AVX2 + FMA)
// and chosen at run time; otherwise the same code runs with libm's fma, which is exact but slower.
// Rows are processed in blocks so that the accumulators stay in the first-level cache while A streams
// through once; within a block every operation is element-wise, so the compiler vectorises it.
#include "extra_precise.h"
#include <math.h>

#define BLOCK 512
#define LANES 8

// s += p exactly as the pair (s, e): TwoSum, with the rounding error added to e.
#define TWO_SUM_INTO(s, e, p)                                                                            \
    do {                                                                                                 \
        double total_ = (s) + (p), z_ = total_ - (s);                                                    \
        (e) += ((s) - (total_ - z_)) + ((p) - z_);                                                       \
        (s) = total_;                                                                                    \
    } while (0)

// s += a·b with the product's and the sum's rounding errors added to e (Dot2's inner step).
#define DOT2_STEP(s, e, a, b)                                                                            \
    do {                                                                                                 \
        double p_ = (a) * (b), pe_ = FMA((a), (b), -p_);                                                 \
        TWO_SUM_INTO(s, e, p_);                                                                          \
        (e) += pe_;                                                                                      \
    } while (0)

#define KERNEL_BODY                                                                                      \
    double sum[BLOCK], err[BLOCK], gsum[LANES], gerr[LANES];                                             \
    for (ptrdiff_t start = 0; start < m; start += BLOCK) {                                               \
        ptrdiff_t rows = m - start < BLOCK ? m - start : BLOCK;                                          \
        for (ptrdiff_t i = 0; i < rows; ++i) {                                                           \
            sum[i] = t[start + i];                                                                       \
            err[i] = 0;                                                                                  \
            if (r) { double minus_r = -r[start + i]; TWO_SUM_INTO(sum[i], err[i], minus_r); }            \
        }                                                                                                \
        for (ptrdiff_t j = 0; j < n; ++j) {                                                              \
            const double *col = a + columns[j] * m + start;                                              \
            const double xj = -x[j];                                                                     \
            if (xj != 0) {                                                                               \
                for (ptrdiff_t i = 0; i < rows; ++i) DOT2_STEP(sum[i], err[i], col[i], xj);              \
            }                                                                                            \
            if (r) {                                                                                     \
                for (int l = 0; l < LANES; ++l) { gsum[l] = 0; gerr[l] = 0; }                            \
                ptrdiff_t i = 0;                                                                         \
                for (; i + LANES <= rows; i += LANES) {                                                  \
                    for (int l = 0; l < LANES; ++l) DOT2_STEP(gsum[l], gerr[l], -col[i + l], r[start + i + l]); \
                }                                                                                        \
                for (; i < rows; ++i) DOT2_STEP(gsum[0], gerr[0], -col[i], r[start + i]);               \
                for (int l = 0; l < LANES; ++l) { TWO_SUM_INTO(g[j], carry[j], gsum[l]); carry[j] += gerr[l]; } \
            }                                                                                            \
        }                                                                                                \
        for (ptrdiff_t i = 0; i < rows; ++i) f[start + i] = sum[i] + err[i];                             \
    }

static void kernel_fma(const double *a, ptrdiff_t m, const ptrdiff_t *columns, ptrdiff_t n, const double *x,
                       const double *r, const double *t, double *f, double *g, double *carry)
    __attribute__((target("avx2,fma")));

static void kernel_fma(const double *a, ptrdiff_t m, const ptrdiff_t *columns, ptrdiff_t n, const double *x,
                       const double *r, const double *t, double *f, double *g, double *carry) {
#define FMA(p, q, s) __builtin_fma(p, q, s)
    KERNEL_BODY
#undef FMA
}

static void kernel_generic(const double *a, ptrdiff_t m, const ptrdiff_t *columns, ptrdiff_t n, const double *x,
                           const double *r, const double *t, double *f, double *g, double *carry) {
#define FMA(p, q, s) fma(p, q, s)
    KERNEL_BODY
#undef FMA
}

void biennium_augmented_residual(const double *a, ptrdiff_t m, const ptrdiff_t *columns, ptrdiff_t n,
                                 const double *x, const double *r, const double *t, const double *u,
                                 double *f, double *g, double *carry) {
    static int has_fma = -1;   // a benign race: every thread computes the same answer
    if (has_fma < 0) {
        __builtin_cpu_init();
        has_fma = __builtin_cpu_supports("fma") && __builtin_cpu_supports("avx2");
    }
    if (r) {
        for (ptrdiff_t j = 0; j < n; ++j) { g[j] = 0; carry[j] = 0; }
    }
    if (has_fma) kernel_fma(a, m, columns, n, x, r, t, f, g, carry);
    else kernel_generic(a, m, columns, n, x, r, t, f, g, carry);
    if (r) {
        for (ptrdiff_t j = 0; j < n; ++j) {
            double total = u[j], compensation = carry[j];
            TWO_SUM_INTO(total, compensation, g[j]);
            g[j] = total + compensation;
        }
    }
}
