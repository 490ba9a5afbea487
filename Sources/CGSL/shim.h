// The C boundary of mergersim: GSL's headers, and static inline accessors for
// GSL's global algorithm and generator types, which Swift 6 refuses to read
// directly as they are mutable C globals (Swift 6 rejects them as not concurrency-safe).
#ifndef MERGERSIM_CGSL_SHIM_H
#define MERGERSIM_CGSL_SHIM_H

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_multimin.h>
#include <gsl/gsl_qrng.h>
#include <gsl/gsl_statistics_double.h>
#include <gsl/gsl_sort_double.h>
#include <gsl/gsl_vector.h>

static inline const gsl_rng_type *cgsl_rng_mt19937(void) { return gsl_rng_mt19937; }

static inline const gsl_multimin_fdfminimizer_type *cgsl_fdfminimizer_vector_bfgs2(void) {
    return gsl_multimin_fdfminimizer_vector_bfgs2;
}

static inline const gsl_multimin_fminimizer_type *cgsl_fminimizer_nmsimplex2(void) {
    return gsl_multimin_fminimizer_nmsimplex2;
}

static inline const gsl_qrng_type *cgsl_qrng_sobol(void) { return gsl_qrng_sobol; }

static inline int cgsl_success(void) { return GSL_SUCCESS; }
static inline int cgsl_continue(void) { return GSL_CONTINUE; }

#endif
