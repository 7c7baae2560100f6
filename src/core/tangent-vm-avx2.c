/* tangent-vm-avx2.c: the block VM's kernels for avx2
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The project is built for generic x86-64; this file alone is compiled for
 * avx2,fma and its kernels run only where the CPU has them (tangent-vm.c
 * checks at run time).
 */

#include "config.h"

#define G_LOG_DOMAIN "tangent-vm"

#pragma GCC target ("avx2,fma")

#include <immintrin.h>
#include <sleef.h>

#define KERNEL_ISA    avx2
#define KERNEL_VW     4
#define KERNEL_VT     __m256d
#define KERNEL_VSUF   d4
#define KERNEL_ISASUF avx2

#include "tangent-vm-kernels.h"
