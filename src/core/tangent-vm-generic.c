/* tangent-vm-generic.c: the block VM's kernels for sse2
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Baseline x86-64 has SSE2, so these kernels run everywhere; tangent-vm.c
 * picks a wider set at run time where the CPU has one.
 */

#include "config.h"

#define G_LOG_DOMAIN "tangent-vm"

#include <immintrin.h>
#include <sleef.h>

#define KERNEL_ISA    generic
#define KERNEL_VW     2
#define KERNEL_VT     __m128d
#define KERNEL_VSUF   d2
#define KERNEL_ISASUF sse2

#include "tangent-vm-kernels.h"
