/* tangent-window-private.h: what the window's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tangent-document.h"
#include "tangent-session.h"
#include "tangent-window.h"

G_BEGIN_DECLS

/* A formula row or a slider removed with its button, kept until its toast
 * goes away so that Undo can put it back where it was. */
typedef struct
{
  gboolean                 is_parameter;
  guint                    index;
  TangentSessionFormula    formula;     /* owned copies of the strings */
  TangentSessionParameter  parameter;
} TangentRemovedRow;

struct _TangentWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  GtkPaned             *paned;
  TangentFormulaPane   *formula_pane;
  TangentPlotView      *plot_view;
  GtkRevealer          *notice_revealer;
  GtkLabel             *notice_label;

  /* Owned */
  TangentSession       *session;
  TangentDocument      *document;     /* the session's rows, resolved for their messages */
  GFile                *file;         /* NULL: never saved */
  TangentRemovedRow    *removed;
  AdwToast             *undo_toast;
  GtkNativeDialog      *chooser;      /* the file chooser shown, if any */
  double                home[4];      /* the view's bounds when the session was opened */
  char                 *repairs_title;   /* the notice of what the load repaired, until closed */
  GPtrArray            *repairs;

  guint64               generation;   /* counts changes: a save knows if it wrote the latest */
  guint                 n_saving;
  gboolean              modified;
  gboolean              close_confirmed;
};

/* tangent-window-rows.c */
void     _tangent_window_resolve            (TangentWindow  *self);
void     _tangent_window_session_changed    (TangentWindow  *self,
                                             gboolean        rows);
void     _tangent_window_refresh_colors     (TangentWindow  *self);
void     _tangent_window_removed_free       (TangentRemovedRow *removed);
TangentFormulaRow *
         _tangent_window_add_row_for        (TangentWindow  *self,
                                             guint           index);
TangentParameterRow *
         _tangent_window_add_parameter_for  (TangentWindow  *self,
                                             guint           index);
void     _tangent_window_add_formula        (TangentWindow  *self);
void     _tangent_window_undo_remove        (TangentWindow  *self);

/* tangent-window.c */
void     _tangent_window_set_session        (TangentWindow  *self,
                                             TangentSession *session,
                                             GFile          *file);
void     _tangent_window_set_modified       (TangentWindow  *self,
                                             gboolean        modified);
void     _tangent_window_update_title       (TangentWindow  *self);
void     _tangent_window_reset_view         (TangentWindow  *self);
void     _tangent_window_show_notice        (TangentWindow  *self,
                                             const char     *title,
                                             GPtrArray      *items);
void     _tangent_window_show_error         (TangentWindow  *self,
                                             const char     *heading,
                                             const char     *message);
void     _tangent_window_toast              (TangentWindow  *self,
                                             const char     *title);

/* tangent-window-actions.c */
void     _tangent_window_class_actions_init (GtkWidgetClass *widget_class);
void     _tangent_window_actions_update     (TangentWindow  *self);

/* tangent-window-files.c */
typedef void (*TangentWindowContinue) (TangentWindow *self,
                                       gpointer       user_data);

void     _tangent_window_confirm_discard    (TangentWindow         *self,
                                             TangentWindowContinue  then,
                                             gpointer               user_data,
                                             GDestroyNotify         destroy);
void     _tangent_window_new_session        (TangentWindow         *self);
void     _tangent_window_choose_open        (TangentWindow         *self);
void     _tangent_window_choose_save        (TangentWindow         *self,
                                             TangentWindowContinue  then,
                                             gpointer               user_data,
                                             GDestroyNotify         destroy);
void     _tangent_window_save               (TangentWindow         *self,
                                             TangentWindowContinue  then,
                                             gpointer               user_data,
                                             GDestroyNotify         destroy);
GtkFileChooserNative *
         _tangent_window_chooser_new        (TangentWindow         *self,
                                             const char            *title,
                                             GtkFileChooserAction   action,
                                             const char            *accept);
GFile   *_tangent_window_chooser_finish     (TangentWindow         *self,
                                             int                    response);

/* tangent-window-export.c */
void     _tangent_window_choose_export      (TangentWindow         *self);

G_END_DECLS
