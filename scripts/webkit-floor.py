#!/usr/bin/python3
"""The floor under the app's start-up: a bare WebKitGTK window (the library Tauri's webview uses
on Linux) showing one heading, with nothing of Panelmark in it. Prints one JSON line:
window_to_paint_ms, from creating the GTK window (libraries already loaded) to the page's second
animation frame, and navigation_to_paint_ms, the page's own clock at that frame.
`tests/e2e/measure.mjs` runs it beside the app, so the app's figures can be read against what
WebKit alone costs on the same machine at the same time; WEBKIT_FLOOR_KEEP_GL_OUT=1 draws it the
way the app does where it keeps GL out of its own process. Needs python3-gi and
gir1.2-webkit2-4.1 (Debian)."""
import ctypes
import json
import os
import time


def keep_gl_out_of_this_process():
    """What the app does with compositing off on X11 (src-tauri/src/rendering.rs): no GL driver in
    the process that owns the window; the web process, spawned later, finds its own."""
    os.environ.setdefault("GDK_GL", "disable")
    before = os.environ.get("__EGL_VENDOR_LIBRARY_FILENAMES")
    os.environ["__EGL_VENDOR_LIBRARY_FILENAMES"] = ""
    try:
        egl = ctypes.CDLL("libEGL.so.1")
        egl.eglQueryString.restype = ctypes.c_char_p
        egl.eglQueryString(None, 0x3055)  # EGL_EXTENSIONS: libglvnd reads its driver list
    finally:
        if before is None:
            del os.environ["__EGL_VENDOR_LIBRARY_FILENAMES"]
        else:
            os.environ["__EGL_VENDOR_LIBRARY_FILENAMES"] = before


if os.environ.get("WEBKIT_FLOOR_KEEP_GL_OUT") == "1":
    keep_gl_out_of_this_process()

import gi  # noqa: E402

gi.require_version("Gtk", "3.0")
gi.require_version("WebKit2", "4.1")
from gi.repository import Gtk, WebKit2  # noqa: E402

PAGE = (
    "<html><body><h1>Start</h1><script>requestAnimationFrame(() => requestAnimationFrame(() =>"
    " { document.title = 'painted ' + performance.now().toFixed(1); }));</script></body></html>"
)

began = time.monotonic()
window = Gtk.Window()
window.set_default_size(1280, 800)
view = WebKit2.WebView()
window.add(view)


def on_title(view, _):
    title = view.get_title() or ""
    if title.startswith("painted "):
        print(json.dumps({
            "window_to_paint_ms": round((time.monotonic() - began) * 1000),
            "navigation_to_paint_ms": round(float(title.split(" ")[1])),
        }), flush=True)
        Gtk.main_quit()


view.connect("notify::title", on_title)
view.load_html(PAGE, "file:///")
window.show_all()
Gtk.main()
