#!/bin/sh
# Debian/Ubuntu packages that Qt needs on a bare system, the virtual screen, the PDF renderer used by tests,
# Python's venv module (not part of Debian's python3), and the PostgreSQL server the server tests start.
PKGS="python3-venv libgl1 libegl1 libxkbcommon0 libfontconfig1 libfreetype6 libglib2.0-0 libdbus-1-3 libcups2 \
libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-randr0 libxcb-shape0 \
libxcb-xkb1 libxkbcommon-x11-0 libx11-xcb1 xvfb xauth poppler-utils postgresql"
command -v dpkg-query >/dev/null 2>&1 || { echo "Not a Debian/Ubuntu system: install the Qt 6 runtime libraries yourself."; exit 0; }
MISSING=""
for p in $PKGS; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || MISSING="$MISSING $p"
done
[ -z "$MISSING" ] && exit 0
if [ "$(id -u)" = "0" ]; then
  echo "Installing system packages:$MISSING"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq --no-install-recommends $MISSING >/dev/null
else
  echo "Missing system packages. Install them with:"
  echo "  sudo apt-get install -y$MISSING"
  exit 1
fi
