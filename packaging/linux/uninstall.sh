#!/bin/sh
# Remove what install.sh put in this user's account: the files it listed in
# ~/.local/share/swml-designer/installed-files.txt and the copied app folder. Your flows, settings
# and recovery files are not touched.
set -eu

DATA=${XDG_DATA_HOME:-$HOME/.local/share}
STATE="$DATA/swml-designer"
MANIFEST="$STATE/installed-files.txt"

if [ ! -f "$MANIFEST" ]; then
    echo "uninstall.sh: nothing to remove ($MANIFEST not found)" >&2
    exit 0
fi
while IFS= read -r file; do
    case "$file" in
        "$DATA"/*|"${XDG_BIN_HOME:-$HOME/.local/bin}"/*) rm -f "$file" ;;
        *) echo "uninstall.sh: skipping $file (outside the user's folders)" >&2 ;;
    esac
done < "$MANIFEST"
rm -f "$MANIFEST"
rm -rf "$STATE/app"
rmdir "$STATE" 2>/dev/null || true

if command -v update-mime-database >/dev/null 2>&1 && [ -d "$DATA/mime" ]; then update-mime-database "$DATA/mime"; fi
if command -v update-desktop-database >/dev/null 2>&1 && [ -d "$DATA/applications" ]; then update-desktop-database -q "$DATA/applications" || true; fi
if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -d "$DATA/icons/hicolor" ]; then gtk-update-icon-cache -q -t -f "$DATA/icons/hicolor" 2>/dev/null || true; fi
echo "SWML Flow Designer removed from $(id -un)'s desktop."
