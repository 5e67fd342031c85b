#!/usr/bin/env bash
# Regenerate every raster icon from assets/build/icon.svg.
# Requires: rsvg-convert (librsvg2-bin), ImageMagick `convert`, png2icns (icnsutils).
#   sudo apt-get install -y librsvg2-bin imagemagick icnsutils
set -euo pipefail

cd "$(dirname "$0")"            # assets/build
SVG=icon.svg
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

render() { rsvg-convert -w "$1" -h "$1" "$SVG" -o "$2"; }

# 1024 px master (electron-builder source for Linux/macOS)
render 1024 icon.png

# Linux icon set: icons/16x16.png ... icons/512x512.png
mkdir -p icons
for s in 16 32 48 64 128 256 512; do
  render "$s" "icons/${s}x${s}.png"
done

# Windows ICO (16, 24, 32, 48, 64, 128, 256)
ico_src=()
for s in 16 24 32 48 64 128 256; do
  render "$s" "$TMP/ico-$s.png"
  ico_src+=("$TMP/ico-$s.png")
done
convert "${ico_src[@]}" icon.ico

# macOS ICNS (png2icns picks the icon type from each PNG's size)
for s in 16 32 48 128 256 512 1024; do
  render "$s" "$TMP/icns-$s.png"
done
png2icns icon.icns "$TMP"/icns-{16,32,48,128,256,512,1024}.png

# Copies for the running app (renderer header / About panel)
mkdir -p ../app
cp "$SVG" ../app/icon.svg
render 64 ../app/icon-64.png

echo "Icons regenerated from $SVG"
