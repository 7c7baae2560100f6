/* tangent-vm-private.h: bytecode, programs and kernels shared by the
 * compiler, the block VM, the grid evaluator and the scalar kernels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _TangentProgram TangentProgram;

typedef enum
{
#define TANGENT_OPCODE(id, arity, comment) TANGENT_OP_##id,
#include "tangent-opcodes.def"
#undef TANGENT_OPCODE
  TANGENT_N_OPCODES
} TangentOpcode;

/* Points per block. Full blocks run with this compile-time size; a tail
 * runs with its size rounded up to TANGENT_VM_LANES, padding lanes being
 * computed and dropped, so every point takes the same vector path. */
#define TANGENT_VM_BLOCK 256
#define TANGENT_VM_LANES 8
#define TANGENT_VM_PAD(n) (((n) + TANGENT_VM_LANES - 1) & ~(gsize) (TANGENT_VM_LANES - 1))

/* Small integer exponents are computed by multiplication, everywhere:
 * x^n for |n| <= this bound means the same product in the compiler, the
 * POW kernel and the constant folder. */
#define TANGENT_VM_POWI_MAX 8

typedef struct
{
  guint32 op;
  guint32 a;     /* destination slot */
  guint32 b;     /* operand slots, as the opcode's arity says */
  guint32 c;
  guint32 d;
  gint32  q;     /* PARAM: parameter index; VAR: variable; ROOT: q */
  double  k;     /* CONST: the value; ROOT: p */
} TangentInstr;

/* A straight-line run of instructions over a pointer table R of slots:
 * slots [0, n_inputs) are bound by the caller to the values inputs[],
 * slots [n_inputs, n_inputs + n_outputs) to the destinations of the
 * values outputs[], and the remaining n_temps slots to scratch blocks. */
typedef enum
{
  TANGENT_BIND_VAR,         /* index: the variable */
  TANGENT_BIND_UNIFORM,     /* index: an output of the uniform phase */
  TANGENT_BIND_GRID_X,      /* index: an output of the grid's x phase */
  TANGENT_BIND_GRID_Y,      /* index: an output of the grid's y phase */
} TangentBind;

typedef struct
{
  TangentInstr *code;
  guint         n_code;
  guint         n_inputs;
  guint        *inputs;     /* value ids */
  guint8       *in_kind;    /* TangentBind of each input */
  guint        *in_index;
  guint         n_outputs;
  guint        *outputs;    /* value ids */
  guint         n_temps;
} TangentPhase;

/* One value of the program in SSA form: operands are earlier values. */
typedef struct
{
  guint32 op;
  guint32 a, b, c;
  gint32  q;
  guint8  mask;            /* bit v set: depends on variable v */
  double  k;
} TangentValue;

#define TANGENT_MASK_X (1u << 0)
#define TANGENT_MASK_Y (1u << 1)
#define TANGENT_MASK_Z (1u << 2)

struct _TangentProgram
{
  gatomicrefcount ref_count;

  guint         n_params;
  guint         n_vars;       /* gradient length, 0 for value-only */
  gboolean      with_hessian;
  guint         n_outputs;
  guint         mask;         /* union of the outputs' masks */

  TangentValue *values;
  guint         n_values;
  guint        *outputs;      /* n_outputs value ids */

  /* Once per call: the uniform values (constants and parameters). */
  TangentPhase  uniform;
  /* Per block of points: every non-uniform value. */
  TangentPhase  points;
  /* Grids: x-only values over the columns, y-only values over the rows,
   * the rest per point. */
  TangentPhase  grid_x;
  TangentPhase  grid_y;
  TangentPhase  grid_xy;

  guint         n_instructions;
};

/* A kernel set: one instruction set's implementation of every opcode. */
typedef void (*TangentVmRunFunc) (const TangentInstr *code,
                                  guint               n_code,
                                  double *const      *R,
                                  gsize               n,
                                  const double       *params);

/* d[0, n) = v; d 64-byte aligned, n a multiple of TANGENT_VM_LANES. */
typedef void (*TangentVmFillFunc) (double *d,
                                   double  v,
                                   gsize   n);

typedef struct
{
  const char        *name;
  TangentVmRunFunc   run_block;   /* n == TANGENT_VM_BLOCK */
  TangentVmRunFunc   run;         /* n a multiple of TANGENT_VM_LANES */
  TangentVmFillFunc  fill;        /* the grid's per-row broadcasts */
} TangentVmIsa;

const TangentVmIsa *_tangent_vm_get_isa      (void);
const TangentVmIsa *_tangent_vm_find_isa     (const char *name);
const char *const  *_tangent_vm_list_isas    (void);

extern const TangentVmIsa _tangent_vm_isa_generic;
extern const TangentVmIsa _tangent_vm_isa_avx2;
extern const TangentVmIsa _tangent_vm_isa_avx512;

const char   *_tangent_opcode_get_name    (TangentOpcode op);
guint         _tangent_opcode_get_arity   (TangentOpcode op);
const char   *_tangent_opcode_get_comment (TangentOpcode op);
TangentOpcode _tangent_opcode_for_builtin (guint builtin);

/* One instruction on one padded lane vector, through the same kernels as
 * the VM: the constant folder and tangent-math use it. */
double        _tangent_vm_eval_op         (TangentOpcode op,
                                           double        b,
                                           double        c,
                                           double        d,
                                           gint32        q,
                                           double        k);

/* Scratch of one thread, grown as needed and kept until the thread ends. */
double       *_tangent_vm_scratch         (gsize n_doubles);

/* Runs the uniform prologue; uvals receives one double per output. */
void          _tangent_vm_run_uniform     (const TangentProgram *prog,
                                           const double         *params,
                                           double               *uvals);

G_END_DECLS
