#!/usr/bin/env bash
# Build the standalone designer: a PyInstaller one-folder app in dist/swml-designer/, packed as
# dist/swml-designer-<version>-linux-<arch>.tar.gz, then checked (--version, --self-check, a
# screenshot of an example, and every kept Qt plugin finding its Qt libraries).
#
#   packaging/build.sh            # build, pack, check
#   PYTHON=python3.12 packaging/build.sh
#
# The build uses its own venv (build/venv, reused between runs) with the package installed from
# this checkout, not editable, so PyInstaller sees exactly what a wheel install would.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PYTHON=${PYTHON:-python3}
VENV=${BUILD_VENV:-build/venv}
NAME=swml-designer
start=$(date +%s)

[ -x "$VENV/bin/python" ] || "$PYTHON" -m venv "$VENV"
"$VENV/bin/python" -m pip install -q --disable-pip-version-check "$ROOT" 'pyinstaller>=6.10,<7'
VERSION=$("$VENV/bin/python" -c 'import designer; print(designer.__version__)')
ARCH=$(uname -m)
OS=$(uname -s | tr '[:upper:]' '[:lower:]')

rm -rf "dist/$NAME" build/pyinstaller
"$VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build/pyinstaller packaging/swml-designer.spec

APP="dist/$NAME"
# Desktop integration travels with the folder: ./install.sh puts it in the user's menus.
cp packaging/linux/install.sh packaging/linux/uninstall.sh "$APP/"
cp LICENSE* "$APP/" 2>/dev/null || true
cp CHANGELOG.md "$APP/"

# Every Qt plugin kept must find the Qt libraries it links against inside the folder.
if [ "$OS" = linux ] && command -v ldd >/dev/null; then
    QTLIB="$APP/_internal/PySide6/Qt/lib"
    missing=$(for so in "$APP"/_internal/PySide6/Qt/plugins/*/*.so; do
        LD_LIBRARY_PATH="$QTLIB:$APP/_internal" ldd "$so" | grep -E 'libQt6.*not found' | sed "s|^|$so: |"
    done || true)
    if [ -n "$missing" ]; then
        echo "build: a kept Qt plugin misses a Qt library the spec dropped:" >&2
        echo "$missing" >&2
        exit 1
    fi
fi

ARCHIVE="dist/$NAME-$VERSION-$OS-$ARCH.tar.gz"
tar -C dist -czf "$ARCHIVE" "$NAME"

# The built binary checks itself headless, and draws an example.
export QT_QPA_PLATFORM=offscreen
"$APP/$NAME" --version
"$APP/$NAME" --self-check
"$APP/$NAME" "$APP/_internal/designer/resources/examples/ivr-menu.yaml" --screenshot "dist/$NAME-screenshot.png"
test -s "dist/$NAME-screenshot.png"

end=$(date +%s)
echo "build: $APP ($(du -sh "$APP" | cut -f1)), $ARCHIVE ($(du -sh "$ARCHIVE" | cut -f1)), $((end - start)) s"
