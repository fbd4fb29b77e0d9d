// COpenBLAS: the CBLAS interface of OpenBLAS (Debian libopenblas-dev, pkg-config `openblas`).
// Only cblas_sgemm and the thread-count controls are used, for large matrix products.
#ifndef SPS_COPENBLAS_SHIM_H
#define SPS_COPENBLAS_SHIM_H
#include <cblas.h>
#endif
