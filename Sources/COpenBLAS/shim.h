// COpenBLAS: OpenBLAS (Debian libopenblas-dev, pkg-config `openblas`) — its CBLAS interface, and the LAPACK
// routines the same library carries (Debian builds libopenblas with LAPACK; `nm -D libopenblas.so.0 | grep dgesv_`).
//
// CBLAS: cblas_sgemm, cblas_dgemm and the thread-count controls. LAPACK: the Fortran interface, declared here
// because Debian ships no lapack.h with OpenBLAS (LAPACKE is a separate package, not needed). Conventions of that
// interface: every argument by pointer, matrices column-major, INTEGER is `blasint` (32-bit in Debian's LP64
// build), and each CHARACTER argument has a hidden length argument appended at the end (gfortran's calling
// convention; passed as 1). Swift callers live in SPSNumeric/Linalg*.swift.
#ifndef SPS_COPENBLAS_SHIM_H
#define SPS_COPENBLAS_SHIM_H
#include <stddef.h>
#include <cblas.h>

// MARK: LU: solve, inverse, determinant, condition
void dgetrf_(const blasint *m, const blasint *n, double *a, const blasint *lda, blasint *ipiv, blasint *info);
void dgetrs_(const char *trans, const blasint *n, const blasint *nrhs, const double *a, const blasint *lda,
             const blasint *ipiv, double *b, const blasint *ldb, blasint *info, size_t trans_len);
void dgetri_(const blasint *n, double *a, const blasint *lda, const blasint *ipiv, double *work,
             const blasint *lwork, blasint *info);
void dgecon_(const char *norm, const blasint *n, const double *a, const blasint *lda, const double *anorm,
             double *rcond, double *work, blasint *iwork, blasint *info, size_t norm_len);
double dlange_(const char *norm, const blasint *m, const blasint *n, const double *a, const blasint *lda,
               double *work, size_t norm_len);

// MARK: Cholesky
void dpotrf_(const char *uplo, const blasint *n, double *a, const blasint *lda, blasint *info, size_t uplo_len);

// MARK: QR
void dgeqrf_(const blasint *m, const blasint *n, double *a, const blasint *lda, double *tau, double *work,
             const blasint *lwork, blasint *info);
void dorgqr_(const blasint *m, const blasint *n, const blasint *k, double *a, const blasint *lda, const double *tau,
             double *work, const blasint *lwork, blasint *info);
void dormqr_(const char *side, const char *trans, const blasint *m, const blasint *n, const blasint *k,
             const double *a, const blasint *lda, const double *tau, double *c, const blasint *ldc, double *work,
             const blasint *lwork, blasint *info, size_t side_len, size_t trans_len);
void dtrtrs_(const char *uplo, const char *trans, const char *diag, const blasint *n, const blasint *nrhs,
             const double *a, const blasint *lda, double *b, const blasint *ldb, blasint *info,
             size_t uplo_len, size_t trans_len, size_t diag_len);

// MARK: SVD, symmetric eigenproblem, least squares
void dgesdd_(const char *jobz, const blasint *m, const blasint *n, double *a, const blasint *lda, double *s,
             double *u, const blasint *ldu, double *vt, const blasint *ldvt, double *work, const blasint *lwork,
             blasint *iwork, blasint *info, size_t jobz_len);
void dgesvd_(const char *jobu, const char *jobvt, const blasint *m, const blasint *n, double *a, const blasint *lda,
             double *s, double *u, const blasint *ldu, double *vt, const blasint *ldvt, double *work,
             const blasint *lwork, blasint *info, size_t jobu_len, size_t jobvt_len);
void dsyevd_(const char *jobz, const char *uplo, const blasint *n, double *a, const blasint *lda, double *w,
             double *work, const blasint *lwork, blasint *iwork, const blasint *liwork, blasint *info,
             size_t jobz_len, size_t uplo_len);
void dgelsd_(const blasint *m, const blasint *n, const blasint *nrhs, double *a, const blasint *lda, double *b,
             const blasint *ldb, double *s, const double *rcond, blasint *rank, double *work, const blasint *lwork,
             blasint *iwork, blasint *info);
#endif
