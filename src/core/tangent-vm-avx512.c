/* tangent-vm-avx512.c: the block VM's kernels for avx512f
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The project is built for generic x86-64; this file alone is compiled for
 * avx512f,avx512dq and its kernels run only where the CPU has them (tangent-vm.c
 * checks at run time).
 */

#include "config.h"

#define G_LOG_DOMAIN "tangent-vm"

#pragma GCC target ("avx512f,avx512dq")

#include <immintrin.h>
#include <sleef.h>

#define KERNEL_ISA    avx512
#define KERNEL_VW     8
#define KERNEL_VT     __m512d
#define KERNEL_VSUF   d8
#define KERNEL_ISASUF avx512f

#include "tangent-vm-kernels.h"
