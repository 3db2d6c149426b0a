#!/usr/bin/python3
# test-a11y.py: start the real application and drive it from outside, through the
# accessibility tree, as a screen reader user (or an automation tool) would.
# Usage: test-a11y.py APP_BINARY        (inside a D-Bus session, with a display)
# Prints TAP.
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import subprocess
import sys
import tempfile
import time

try:
    import pyatspi
except ImportError:
    print("1..0 # SKIP python3-pyatspi is not installed")
    sys.exit(0)

if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
    print("1..0 # SKIP no display")
    sys.exit(0)

APP = sys.argv[1]
results = []


def check(name, condition, detail=""):
    results.append((name, bool(condition), detail))


def wait_for(predicate, timeout=30.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            found = predicate()
        except Exception:  # the tree changes under us while the app starts
            found = None
        if found:
            return found
        time.sleep(0.2)
    return None


def find(root, role=None, name=None, prefix=None, limit=20000):
    """Depth-first search of the accessible tree below root."""
    stack = [root]
    seen = 0
    while stack and seen < limit:
        node = stack.pop()
        seen += 1
        try:
            node_role = node.getRoleName()
            node_name = node.name or ""
        except Exception:
            continue
        if (role is None or node_role == role) and \
           (name is None or node_name == name) and \
           (prefix is None or node_name.startswith(prefix)):
            return node
        try:
            stack.extend(reversed([node.getChildAtIndex(i) for i in range(node.childCount)]))
        except Exception:
            pass
    return None


def app_node():
    desktop = pyatspi.Registry.getDesktop(0)
    for i in range(desktop.childCount):
        child = desktop.getChildAtIndex(i)
        if child is not None and child.name in ("common-ground", "Common Ground"):
            return child
    return None


def drive(app):
    window = wait_for(lambda: find(app, role="frame"))
    check("its window is exposed", window)
    # The heatmap appears once the shipped profiles are loaded.
    heatmap = wait_for(lambda: find(app, name="Divergence heatmap"), timeout=60)
    check("the divergence heatmap is exposed with its name", heatmap)

    entry = wait_for(lambda: find(app, role="entry", name="Search countries"))
    check("the country search entry is exposed with its name", entry)
    if entry:
        entry.queryEditableText().setTextContents("Kenya")
        # The list narrows: Albania goes, Kenya's check box stays.
        narrowed = wait_for(lambda: find(app, role="check box", name="Kenya") and
                            not find(app, role="check box", name="Albania"))
        check("searching 'Kenya' narrows the list to Kenya", narrowed)
        # Its state is exposed: every country starts selected.
        kenya = find(app, role="check box", name="Kenya")
        check("Kenya's check box says it is ticked",
              kenya and kenya.getState().contains(pyatspi.STATE_CHECKED))
        check("the window says how many countries are compared",
              find(app, role="label", name="84 of 84 countries selected"))
        entry.queryEditableText().setTextContents("")

    compare = wait_for(lambda: find(app, role="page tab", name="Compare"))
    check("the Compare view's tab is exposed", compare)
    if compare:
        check("the Matrix view is shown first",
              not compare.getState().contains(pyatspi.STATE_SELECTED))
        # GTK 4.8's AT-SPI offers no action or selection on these tabs, and reports
        # extents relative to the window, so a tab cannot be chosen from outside
        # reliably; the pages' contents are in the tree all the same.
        summary = wait_for(lambda: find(app, role="label", prefix="Divergence "))
        check("the Compare page exposes the pair's divergence with its coverage",
              summary and "framework" in summary.name,
              summary.name if summary else "")


env = dict(os.environ)
env.pop("GTK_A11Y", None)
env["XDG_DATA_HOME"] = tempfile.mkdtemp(prefix="cg-a11y-")
env.setdefault("GSETTINGS_BACKEND", "memory")
proc = subprocess.Popen([APP], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
try:
    app = wait_for(app_node)
    check("the application appears in the accessibility tree", app)
    if app:
        try:
            drive(app)
        except Exception as error:  # a broken step is a failed check, not a crash
            check("the steps ran to the end", False, repr(error))
finally:
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()

print("1..%d" % len(results))
for i, (name, ok, detail) in enumerate(results, 1):
    print("%s %d - %s%s" % ("ok" if ok else "not ok", i, name, (" # " + detail) if detail and not ok else ""))
sys.exit(0 if all(ok for _, ok, _ in results) else 1)
