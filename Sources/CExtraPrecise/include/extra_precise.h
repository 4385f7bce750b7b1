// CExtraPrecise: compensated (Dot2) residual kernels for LinearAlgebra's iterative refinement.
// Not API: only the LinearAlgebra target imports it. See ExtraPreciseKernels.swift for the contract.
#ifndef BIENNIUM_EXTRA_PRECISE_H
#define BIENNIUM_EXTRA_PRECISE_H

#include <stddef.h>

/// For [I A; A' 0]·[r; x] = [t; u], computes f = t − r − A·x and g = u − A'·r, each as accurately as if
/// evaluated in twice the working precision (Ogita, Rump & Oishi 2005, Dot2).
/// a: column-major, m rows; columns[j]: the column of a multiplying x[j], j < n.
/// r, u, g and carry may all be NULL: then f = t − A·x and g is not computed. carry is scratch of n doubles.
void biennium_augmented_residual(const double *a, ptrdiff_t m, const ptrdiff_t *columns, ptrdiff_t n,
                                 const double *x, const double *r, const double *t, const double *u,
                                 double *f, double *g, double *carry);

#endif
