/* tangent-vm.c: running compiled programs over blocks of points
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A program runs in two phases (tangent-compile.c): the uniform prologue
 * once per call, on one padded lane vector, then the point phase over
 * blocks of TANGENT_VM_BLOCK points. Full blocks read the caller's arrays
 * and write its outputs in place; the tail is copied into padded scratch,
 * so that it runs through the very same vector kernels.
 */

#include "config.h"

#define G_LOG_DOMAIN "tangent-vm"

#include <math.h>
#include <string.h>

#include "tangent-vm.h"
#include "tangent-vm-private.h"

static const char *const opcode_names[] = {
#define TANGENT_OPCODE(id, arity, comment) #id,
#include "tangent-opcodes.def"
#undef TANGENT_OPCODE
};

static const guint8 opcode_arities[] = {
#define TANGENT_OPCODE(id, arity, comment) arity,
#include "tangent-opcodes.def"
#undef TANGENT_OPCODE
};

static const char *const opcode_comments[] = {
#define TANGENT_OPCODE(id, arity, comment) comment,
#include "tangent-opcodes.def"
#undef TANGENT_OPCODE
};

/* Every builtin has the opcode of the same name; a builtin added without
 * one fails to compile here. */
static const guint8 builtin_opcodes[] = {
#define TANGENT_BUILTIN(id, name, arity) [TANGENT_BUILTIN_##id] = TANGENT_OP_##id,
#include "tangent-builtins.def"
#undef TANGENT_BUILTIN
};

G_STATIC_ASSERT (G_N_ELEMENTS (opcode_names) == TANGENT_N_OPCODES);
G_STATIC_ASSERT (G_N_ELEMENTS (builtin_opcodes) == TANGENT_N_BUILTINS);

const char *
_tangent_opcode_get_name (TangentOpcode op)
{
  g_return_val_if_fail (op < TANGENT_N_OPCODES, NULL);
  return opcode_names[op];
}

guint
_tangent_opcode_get_arity (TangentOpcode op)
{
  g_return_val_if_fail (op < TANGENT_N_OPCODES, 0);
  return opcode_arities[op];
}

const char *
_tangent_opcode_get_comment (TangentOpcode op)
{
  g_return_val_if_fail (op < TANGENT_N_OPCODES, NULL);
  return opcode_comments[op];
}

TangentOpcode
_tangent_opcode_for_builtin (guint builtin)
{
  g_return_val_if_fail (builtin < TANGENT_N_BUILTINS, TANGENT_OP_CONST);
  return builtin_opcodes[builtin];
}

static gboolean
isa_supported (const TangentVmIsa *isa)
{
  __builtin_cpu_init ();

  if (isa == &_tangent_vm_isa_avx512)
    return __builtin_cpu_supports ("avx512f") && __builtin_cpu_supports ("avx512dq");
  if (isa == &_tangent_vm_isa_avx2)
    return __builtin_cpu_supports ("avx2") && __builtin_cpu_supports ("fma");
  return TRUE;
}

/* Widest first. */
static const TangentVmIsa *const all_isas[] = {
  &_tangent_vm_isa_avx512,
  &_tangent_vm_isa_avx2,
  &_tangent_vm_isa_generic,
};

const TangentVmIsa *
_tangent_vm_find_isa (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (all_isas); i++)
    {
      if (g_strcmp0 (all_isas[i]->name, name) == 0)
        return isa_supported (all_isas[i]) ? all_isas[i] : NULL;
    }

  return NULL;
}

/* The names of the kernel sets this CPU can run, widest first. */
const char *const *
_tangent_vm_list_isas (void)
{
  static const char *names[G_N_ELEMENTS (all_isas) + 1];
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      guint n = 0;

      for (guint i = 0; i < G_N_ELEMENTS (all_isas); i++)
        {
          if (isa_supported (all_isas[i]))
            names[n++] = all_isas[i]->name;
        }
      names[n] = NULL;
      g_once_init_leave (&once, 1);
    }

  return names;
}

/* The kernel set is chosen once per process, so that the constant folder,
 * tangent-math and the VM agree bit for bit. TANGENT_VM_ISA=generic|avx2|
 * avx512 picks one (tests, benchmarks); an unknown or unsupported name
 * falls back to the automatic choice. */
const TangentVmIsa *
_tangent_vm_get_isa (void)
{
  static const TangentVmIsa *isa;
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      const char *env = g_getenv ("TANGENT_VM_ISA");

      isa = env != NULL ? _tangent_vm_find_isa (env) : NULL;
      for (guint i = 0; isa == NULL && i < G_N_ELEMENTS (all_isas); i++)
        {
          if (isa_supported (all_isas[i]))
            isa = all_isas[i];
        }
      g_once_init_leave (&once, 1);
    }

  return isa;
}

const char *
tangent_vm_get_isa_name (void)
{
  return _tangent_vm_get_isa ()->name;
}

double
_tangent_vm_eval_op (TangentOpcode op,
                     double        b,
                     double        c,
                     double        d,
                     gint32        q,
                     double        k)
{
  double lanes[4][TANGENT_VM_LANES] __attribute__ ((aligned (64)));
  double *R[4] = { lanes[0], lanes[1], lanes[2], lanes[3] };
  TangentInstr in = { op, 0, 1, 2, 3, q, k };

  g_return_val_if_fail (op != TANGENT_OP_VAR && op != TANGENT_OP_PARAM, NAN);

  for (guint i = 0; i < TANGENT_VM_LANES; i++)
    {
      lanes[0][i] = 0;
      lanes[1][i] = b;
      lanes[2][i] = c;
      lanes[3][i] = d;
    }

  _tangent_vm_get_isa ()->run (&in, 1, R, TANGENT_VM_LANES, NULL);

  return lanes[0][0];
}

typedef struct
{
  double *data;
  gsize   size;
} Scratch;

static void
scratch_free (gpointer data)
{
  Scratch *s = data;

  g_aligned_free (s->data);
  g_free (s);
}

static GPrivate scratch_key = G_PRIVATE_INIT (scratch_free);

double *
_tangent_vm_scratch (gsize n_doubles)
{
  Scratch *s = g_private_get (&scratch_key);

  if (s == NULL)
    {
      s = g_new0 (Scratch, 1);
      g_private_set (&scratch_key, s);
    }

  if (s->size < n_doubles)
    {
      gsize size = MAX (n_doubles, 2 * s->size);

      g_aligned_free (s->data);
      /* Zeroed, so that padding lanes never hold uninitialised bits. */
      s->data = g_aligned_alloc0 (size, sizeof (double), 64);
      s->size = size;
    }

  return s->data;
}

void
_tangent_vm_run_uniform (const TangentProgram *prog,
                         const double         *params,
                         double               *uvals)
{
  const TangentPhase *ph = &prog->uniform;
  guint n_slots = ph->n_outputs + ph->n_temps;
  double stack_buf[64 * TANGENT_VM_LANES] __attribute__ ((aligned (64)));
  double *stack_R[64];
  g_autofree double *heap_buf = NULL;
  g_autofree double **heap_R = NULL;
  double *buf = stack_buf;
  double **R = stack_R;

  g_assert (ph->n_inputs == 0);

  if (ph->n_code == 0)
    return;

  if (n_slots > 64)
    {
      buf = heap_buf = g_new0 (double, (gsize) n_slots * TANGENT_VM_LANES);
      R = heap_R = g_new (double *, n_slots);
    }
  else
    memset (stack_buf, 0, sizeof stack_buf);

  for (guint i = 0; i < n_slots; i++)
    R[i] = buf + (gsize) i * TANGENT_VM_LANES;

  _tangent_vm_get_isa ()->run (ph->code, ph->n_code, R, TANGENT_VM_LANES, params);

  for (guint i = 0; i < ph->n_outputs; i++)
    uvals[i] = R[i][0];
}

/* Scratch layout: slot pointers, temps, a broadcast block per uniform
 * input, padded tail copies of the inputs, tail outputs, a zero block. */
void
tangent_vm_eval (const TangentProgram *prog,
                 const double         *params,
                 const double *const  *vars,
                 gsize                 n,
                 double *const        *outs)
{
  const TangentPhase *ph;
  const TangentVmIsa *isa;
  guint n_slots;
  gsize need, fill;
  double *scratch, *temps, *inbuf, *tailout, *zeros;
  double **R;
  double *uvals;
  gsize n_uvals;

  g_return_if_fail (prog != NULL);
  g_return_if_fail (params != NULL || prog->n_params == 0);
  g_return_if_fail (outs != NULL);

  if (n == 0)
    return;

  ph = &prog->points;
  isa = _tangent_vm_get_isa ();
  n_slots = ph->n_inputs + ph->n_outputs + ph->n_temps;
  n_uvals = prog->uniform.n_outputs;

  need = n_slots                                  /* pointers */
         + n_uvals
         + (gsize) ph->n_temps * TANGENT_VM_BLOCK
         + (gsize) ph->n_inputs * TANGENT_VM_BLOCK
         + (gsize) ph->n_outputs * TANGENT_VM_BLOCK
         + TANGENT_VM_BLOCK
         + 8;
  scratch = _tangent_vm_scratch (need);
  /* Blocks first, so that they stay 64-byte aligned. */
  temps = scratch;
  inbuf = temps + (gsize) ph->n_temps * TANGENT_VM_BLOCK;
  tailout = inbuf + (gsize) ph->n_inputs * TANGENT_VM_BLOCK;
  zeros = tailout + (gsize) ph->n_outputs * TANGENT_VM_BLOCK;
  uvals = zeros + TANGENT_VM_BLOCK;
  R = (double **) (uvals + n_uvals);

  memset (zeros, 0, TANGENT_VM_BLOCK * sizeof (double));
  _tangent_vm_run_uniform (prog, params, uvals);

  /* Broadcast the uniform inputs once for all blocks. */
  fill = MIN (TANGENT_VM_BLOCK, TANGENT_VM_PAD (n));
  for (guint i = 0; i < ph->n_inputs; i++)
    {
      if (ph->in_kind[i] == TANGENT_BIND_UNIFORM)
        {
          double v = uvals[ph->in_index[i]];
          double *p = inbuf + (gsize) i * TANGENT_VM_BLOCK;

          for (gsize j = 0; j < fill; j++)
            p[j] = v;
          R[i] = p;
        }
    }
  for (guint i = 0; i < ph->n_temps; i++)
    R[ph->n_inputs + ph->n_outputs + i] = temps + (gsize) i * TANGENT_VM_BLOCK;

  for (gsize off = 0; off < n; off += TANGENT_VM_BLOCK)
    {
      gsize m = MIN (TANGENT_VM_BLOCK, n - off);
      gboolean full = m == TANGENT_VM_BLOCK;

      for (guint i = 0; i < ph->n_inputs; i++)
        {
          const double *v;

          if (ph->in_kind[i] != TANGENT_BIND_VAR)
            continue;

          v = vars != NULL ? vars[ph->in_index[i]] : NULL;
          if (v == NULL)
            R[i] = zeros;
          else if (full)
            R[i] = (double *) v + off;
          else
            {
              double *p = inbuf + (gsize) i * TANGENT_VM_BLOCK;

              memcpy (p, v + off, m * sizeof (double));
              memset (p + m, 0, (TANGENT_VM_PAD (m) - m) * sizeof (double));
              R[i] = p;
            }
        }

      for (guint k = 0; k < ph->n_outputs; k++)
        R[ph->n_inputs + k] = full ? outs[k] + off : tailout + (gsize) k * TANGENT_VM_BLOCK;

      if (full)
        isa->run_block (ph->code, ph->n_code, R, TANGENT_VM_BLOCK, params);
      else
        {
          isa->run (ph->code, ph->n_code, R, TANGENT_VM_PAD (m), params);
          for (guint k = 0; k < ph->n_outputs; k++)
            memcpy (outs[k] + off, tailout + (gsize) k * TANGENT_VM_BLOCK, m * sizeof (double));
        }
    }
}

void
tangent_program_eval_point (const TangentProgram *prog,
                            const double         *params,
                            const double         *point,
                            double               *outs)
{
  const double *vars[TANGENT_N_VARIABLES];
  double *out_ptrs[64];
  g_autofree double **heap = NULL;
  double **ptrs = out_ptrs;

  g_return_if_fail (prog != NULL);
  g_return_if_fail (point != NULL);
  g_return_if_fail (outs != NULL);

  for (guint v = 0; v < TANGENT_N_VARIABLES; v++)
    vars[v] = &point[v];

  if (prog->n_outputs > G_N_ELEMENTS (out_ptrs))
    ptrs = heap = g_new (double *, prog->n_outputs);
  for (guint k = 0; k < prog->n_outputs; k++)
    ptrs[k] = &outs[k];

  tangent_vm_eval (prog, params, vars, 1, ptrs);
}

double
tangent_program_eval1 (const TangentProgram *prog,
                       const double         *params,
                       double                x,
                       double                y,
                       double                z)
{
  double point[TANGENT_N_VARIABLES] = { x, y, z };
  double stack_outs[16];
  g_autofree double *heap = NULL;
  double *outs = stack_outs;

  g_return_val_if_fail (prog != NULL, NAN);

  if (prog->n_outputs > G_N_ELEMENTS (stack_outs))
    outs = heap = g_new (double, prog->n_outputs);

  tangent_program_eval_point (prog, params, point, outs);

  return outs[0];
}
