// CLapack: the C boundary of Biennium. Not API: only the LinearAlgebra target imports it.
// Debian builds OpenBLAS without LAPACKE, so the module links liblapacke and libopenblas.
// These macros make LAPACKE's complex types import as structures rather than opaque pointers.
#ifndef BIENNIUM_CLAPACK_SHIM_H
#define BIENNIUM_CLAPACK_SHIM_H
#define HAVE_LAPACK_CONFIG_H
#define LAPACK_COMPLEX_STRUCTURE
#define FORCE_OPENBLAS_COMPLEX_STRUCT
#include <cblas.h>
#include <lapacke.h>
#endif
