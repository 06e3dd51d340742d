#!/bin/sh
# Add SWML Flow Designer to this user's desktop: menu entry, icon, AppStream description, and the
# *.swml.yaml / *.swml.json file types, all under ~/.local (no root). Undo with ./uninstall.sh.
#
# From the unpacked app folder (swml-designer-<version>-linux-<arch>.tar.gz):
#     ./install.sh                 # copies the folder to ~/.local/share/swml-designer/app and
#                                  # links ~/.local/bin/swml-designer to it
# From a source checkout or a pip install (no app folder):
#     packaging/linux/install.sh [--exec /path/to/swml-designer-gui]
#
# XDG_DATA_HOME and XDG_BIN_HOME are honoured (default ~/.local/share and ~/.local/bin).
set -eu

APP_ID=io.github.swml_flow_designer.SwmlFlowDesigner
HERE=$(cd "$(dirname "$0")" && pwd)
DATA=${XDG_DATA_HOME:-$HOME/.local/share}
BIN=${XDG_BIN_HOME:-$HOME/.local/bin}
STATE="$DATA/swml-designer"
MANIFEST="$STATE/installed-files.txt"
EXEC=""

while [ $# -gt 0 ]; do
    case "$1" in
        --exec) EXEC=$2; shift 2 ;;
        -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
        *) echo "install.sh: unknown option $1" >&2; exit 2 ;;
    esac
done

mkdir -p "$STATE"
: > "$MANIFEST.new"
note() { echo "$1" >> "$MANIFEST.new"; }

if [ -x "$HERE/swml-designer" ] && [ -d "$HERE/_internal" ]; then
    # The standalone app: keep a copy of the folder in the user's data directory.
    RES="$HERE/_internal/designer/resources"
    APPDIR="$STATE/app"
    if [ "$HERE" != "$APPDIR" ]; then
        rm -rf "$APPDIR.new"
        cp -R "$HERE" "$APPDIR.new"
        rm -rf "$APPDIR"
        mv "$APPDIR.new" "$APPDIR"
    fi
    EXEC="$APPDIR/swml-designer"
    RES="$APPDIR/_internal/designer/resources"
    mkdir -p "$BIN"
    ln -sf "$EXEC" "$BIN/swml-designer"
    note "$BIN/swml-designer"
else
    RES="$HERE/../../resources"
    [ -n "$EXEC" ] || EXEC=$(command -v swml-designer-gui || true)
    if [ -z "$EXEC" ]; then
        echo "install.sh: swml-designer-gui is not on PATH; pass --exec /path/to/swml-designer-gui" >&2
        exit 1
    fi
fi
[ -f "$RES/swml-designer.desktop" ] || { echo "install.sh: no desktop files in $RES" >&2; exit 1; }

put() {  # put SOURCE DEST: install one file and remember it for uninstall.sh
    mkdir -p "$(dirname "$2")"
    cp "$1" "$2"
    chmod 644 "$2"
    note "$2"
}

DESKTOP="$DATA/applications/$APP_ID.desktop"
put "$RES/swml-designer.desktop" "$DESKTOP"
# Exec must name the program by its full path: ~/.local/bin is not always on a session's PATH.
escaped=$(printf '%s' "$EXEC" | sed -e 's/[\\"`$]/\\\\&/g' -e 's/[|&]/\\&/g')
sed -i "s|^Exec=.*|Exec=\"$escaped\" %f|" "$DESKTOP"
put "$RES/icons/swml-designer.svg" "$DATA/icons/hicolor/scalable/apps/swml-designer.svg"
put "$RES/swml-designer.metainfo.xml" "$DATA/metainfo/$APP_ID.metainfo.xml"
put "$RES/swml-designer.mime.xml" "$DATA/mime/packages/swml-designer.xml"

# Refresh the caches the desktop reads; each tool is optional (a missing one only delays
# what it would have refreshed until the next login).
if command -v update-mime-database >/dev/null 2>&1; then update-mime-database "$DATA/mime"; fi
if command -v update-desktop-database >/dev/null 2>&1; then update-desktop-database -q "$DATA/applications" || true; fi
if command -v gtk-update-icon-cache >/dev/null 2>&1; then gtk-update-icon-cache -q -t -f "$DATA/icons/hicolor" 2>/dev/null || true; fi
if command -v xdg-mime >/dev/null 2>&1; then
    xdg-mime default "$APP_ID.desktop" application/x-swml+yaml application/x-swml+json || true
fi

mv "$MANIFEST.new" "$MANIFEST"
echo "SWML Flow Designer installed for $(id -un): $EXEC"
echo "Menu entry: $DESKTOP"
case ":$PATH:" in *":$BIN:"*) ;; *) [ -L "$BIN/swml-designer" ] && echo "Note: $BIN is not on PATH; add it to run swml-designer from a shell." ;; esac
exit 0
