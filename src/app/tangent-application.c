/* tangent-application.c: the application object
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "tangent-application"

#include <glib/gi18n.h>

#include "tangent-application.h"
#include "tangent-resources.h"
#include "tangent-gl-info.h"
#include "tangent-window.h"

struct _TangentApplication
{
  AdwApplication   parent_instance;

  /* Owned */
  TangentSettings *settings;
};

G_DEFINE_FINAL_TYPE (TangentApplication, tangent_application, ADW_TYPE_APPLICATION)

static void
tangent_application_activate (GApplication *app)
{
  TangentApplication *self = TANGENT_APPLICATION (app);
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window == NULL)
    window = GTK_WINDOW (tangent_window_new (self));

  gtk_window_present (window);
}

/* `tangent FILE…`: each file in a window of its own, except that the
 * first takes over a window nobody has used yet. */
static void
tangent_application_open (GApplication  *app,
                          GFile        **files,
                          int            n_files,
                          const char    *hint)
{
  TangentApplication *self = TANGENT_APPLICATION (app);
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));

  for (int i = 0; i < n_files; i++)
    {
      TangentWindow *window;

      if (i == 0 && TANGENT_IS_WINDOW (active)
          && tangent_window_is_pristine (TANGENT_WINDOW (active)))
        window = TANGENT_WINDOW (active);
      else
        window = tangent_window_new (self);

      /* Shown first, so that a dialog about the file comes above it. */
      gtk_window_present (GTK_WINDOW (window));
      tangent_window_open (window, files[i]);
    }
}

static int
tangent_application_handle_local_options (GApplication *app,
                                          GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("tangent %s\n", PACKAGE_VERSION);
      return 0;
    }

  return G_APPLICATION_CLASS (tangent_application_parent_class)->handle_local_options (app,
                                                                                      options);
}

static void
tangent_application_startup (GApplication *app)
{
  TangentApplication *self = TANGENT_APPLICATION (app);

  G_APPLICATION_CLASS (tangent_application_parent_class)->startup (app);

  gtk_window_set_default_icon_name (APP_ID);
  self->settings = tangent_settings_new ();
}

static void
tangent_application_dispose (GObject *object)
{
  TangentApplication *self = TANGENT_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (tangent_application_parent_class)->dispose (object);
}

static void
tangent_application_class_init (TangentApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = tangent_application_dispose;

  app_class->activate = tangent_application_activate;
  app_class->open = tangent_application_open;
  app_class->startup = tangent_application_startup;
  app_class->handle_local_options = tangent_application_handle_local_options;

  /* Before any window is built from its template. */
  tangent_register_resource ();
}

/* The troubleshooting text of the About window: the versions a bug report
 * needs, and which OpenGL driver the 3-D views would use. */
static char *
dup_debug_info (GtkWidget *widget)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *gl = tangent_gl_info_dup_summary (gtk_widget_get_display (widget), &error);

  return g_strdup_printf ("Tangent %s\n"
                          "GLib %u.%u.%u\n"
                          "GTK %u.%u.%u\n"
                          "libadwaita %u.%u.%u\n"
                          "%s%s\n",
                          PACKAGE_VERSION,
                          glib_major_version, glib_minor_version, glib_micro_version,
                          gtk_get_major_version (), gtk_get_minor_version (),
                          gtk_get_micro_version (),
                          adw_get_major_version (), adw_get_minor_version (),
                          adw_get_micro_version (),
                          gl != NULL ? gl : "OpenGL unavailable: ",
                          gl != NULL ? "" : error->message);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (app);
  static const char *developers[] = { "The Tangent developers", NULL };
  static const char *palette[] = { "Masataka Okabe and Kei Ito https://jfly.uni-koeln.de/color/",
                                   NULL };
  AdwAboutWindow *about;
  g_autofree char *debug_info = NULL;

  about = ADW_ABOUT_WINDOW (adw_about_window_new ());
  gtk_window_set_transient_for (GTK_WINDOW (about), parent);
  gtk_window_set_modal (GTK_WINDOW (about), TRUE);

  adw_about_window_set_application_name (about, _("Tangent"));
  adw_about_window_set_application_icon (about, APP_ID);
  adw_about_window_set_version (about, PACKAGE_VERSION);
  adw_about_window_set_developer_name (about, _("The Tangent developers"));
  adw_about_window_set_developers (about, developers);
  adw_about_window_set_comments (about,
                                 _("See calculus move: functions of one and two variables, "
                                   "derivatives, gradients, contour maps, Taylor polynomials "
                                   "with guaranteed error bounds, optimisation paths and "
                                   "fitted models."));
  adw_about_window_set_copyright (about, _("© 2026 The Tangent developers"));
  adw_about_window_set_license_type (about, GTK_LICENSE_GPL_3_0);
  /* Translators: replace with your names, one per line, to be credited */
  adw_about_window_set_translator_credits (about, _("translator-credits"));
  adw_about_window_add_acknowledgement_section (about, _("Colour-blind-safe palette"), palette);

  debug_info = dup_debug_info (GTK_WIDGET (about));
  adw_about_window_set_debug_info (about, debug_info);
  adw_about_window_set_debug_info_filename (about, "tangent-debug-info.txt");

  gtk_window_present (GTK_WINDOW (about));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (app));

  /* Close each window as the user would, so each saves its own state. */
  for (const GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
}

static const GActionEntry app_actions[] = {
  { "about", about_action },
  { "quit", quit_action },
};

static void
tangent_application_init (TangentApplication *self)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  static const char *overlay_accels[] = { "<Control>question", NULL };

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions),
                                   self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close", close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-help-overlay",
                                         overlay_accels);

  g_application_add_main_option (G_APPLICATION (self), "version", 0, G_OPTION_FLAG_NONE,
                                 G_OPTION_ARG_NONE, _("Show the version and exit"), NULL);
}

TangentApplication *
tangent_application_new (GApplicationFlags flags)
{
  return g_object_new (TANGENT_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", flags | G_APPLICATION_HANDLES_OPEN,
                       NULL);
}

/**
 * tangent_application_get_settings:
 * @self: a #TangentApplication
 *
 * Returns: (transfer none) (nullable): the settings, from startup on
 */
TangentSettings *
tangent_application_get_settings (TangentApplication *self)
{
  g_return_val_if_fail (TANGENT_IS_APPLICATION (self), NULL);

  return self->settings;
}
